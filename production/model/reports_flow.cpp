#include "production/model/reports_flow.hpp"

#include <algorithm>

#include "production/model/batch_draft.hpp"
#include "shared/core/text.hpp"
#include "shared/impact/export.hpp"

namespace bl::production {

namespace {

const char* const only_organisers = BL_N_("Only an organiser can make reports.");

std::optional<std::string> none_if_empty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

} // namespace

void ReportsFlow::open() {
    if (!m_w.organisers_only(only_organisers))
        return;
    ReportsPage page;
    page.workshops = m_w.ports.station.workshops();
    page.shops = m_w.ports.station.shops();
    for (const auto& m : m_w.ports.makers.makers(std::nullopt))
        if (!m.erased && !m.display_name.empty())
            page.makers.push_back(
                {m.id, m.display_name + " (" + m_w.workshop_name(m.workshop_id) + ")"});
    std::sort(page.makers.begin(), page.makers.end(),
              [](const MakerChoice& a, const MakerChoice& b) {
                  return search_fold(a.name) < search_fold(b.name);
              });
    // The last full month.
    const auto today = std::chrono::year_month_day{copenhagen_day(m_w.ports.station.now())};
    const auto first_this =
        std::chrono::year_month_day{today.year(), today.month(), std::chrono::day{1}};
    const std::chrono::sys_days last = std::chrono::sys_days{first_this} - std::chrono::days{1};
    const std::chrono::year_month_day last_ymd{last};
    page.from = format_date(std::chrono::sys_days{
        std::chrono::year_month_day{last_ymd.year(), last_ymd.month(), std::chrono::day{1}}});
    page.to = format_date(last);
    m_w.views.reports.show_reports(page);
}

void ReportsFlow::make(const ReportRequest& r) {
    if (!m_w.organisers_only(only_organisers))
        return;
    auto period = m_w.ports.reports.read_period(trimmed(r.from), trimmed(r.to));
    if (!period) {
        m_w.say(period.error());
        return;
    }
    const impact::Period& p = period.value();
    switch (r.kind) {
    case ReportKind::impact_receipts:
        impact_receipts(r, p);
        break;
    case ReportKind::maker_statement:
        maker_statement(r, p);
        break;
    default:
        period_report(r, p);
        break;
    }
}

void ReportsFlow::period_report(const ReportRequest& r, const impact::Period& p) {
    ProgressView& progress = m_w.views.progress;
    progress.begin_progress(Message(BL_N_("Making the impact report")), 2);
    auto data = m_w.ports.reports.period_report(
        p, impact::Scope{none_if_empty(r.shop_id), none_if_empty(r.workshop_id)});
    if (!data) {
        progress.end_progress();
        m_w.say(data.error());
        return;
    }
    if (!progress.progress(1)) {
        progress.end_progress();
        m_w.say(Message(BL_N_("The report was cancelled; nothing was saved.")));
        return;
    }
    const std::string name = "effektrapport-" + p.from + "-" + p.to;
    Result<std::string, Message> saved = err(Message());
    if (r.kind == ReportKind::impact_csv)
        saved =
            m_w.ports.documents.save_text(impact::export_csv(data.value().metrics), name + ".csv");
    else if (r.kind == ReportKind::impact_json)
        saved = m_w.ports.documents.save_text(
            impact::export_json(data.value().metrics, format_utc(data.value().generated_at)) + "\n",
            name + ".json");
    else
        saved = m_w.ports.documents.save_pdf(doc::period_report(data.value()), name + ".pdf");
    progress.progress(2);
    progress.end_progress();
    if (!saved) {
        m_w.say(saved.error());
        return;
    }
    m_w.news(Message(BL_N_("The impact report is saved as %s."), {saved.value()}));
}

void ReportsFlow::impact_receipts(const ReportRequest& r, const impact::Period& p) {
    const auto sales = m_w.ports.reports.sales_in(p, none_if_empty(r.shop_id));
    if (sales.empty()) {
        m_w.say(Message(BL_N_("No sale was recorded from %s to %s."), {p.from, p.to}));
        return;
    }
    const std::string folder = "bag-om-tingene-" + p.from + "-" + p.to;
    ProgressView& progress = m_w.views.progress;
    progress.begin_progress(Message(BL_N_("Making impact receipts")), sales.size());
    std::size_t written = 0, skipped = 0;
    for (std::size_t i = 0; i < sales.size(); ++i) {
        const std::string file = "bag-om-tingene-" + sales[i] + ".pdf";
        // A run that was stopped goes on where it stopped.
        if (m_w.ports.documents.exists(file, folder)) {
            ++skipped;
        } else if (auto data = m_w.ports.reports.impact_receipt(sales[i])) {
            auto saved = m_w.ports.documents.save_pdf(doc::impact_receipt(*data), file, folder);
            if (!saved) {
                progress.end_progress();
                m_w.say(saved.error());
                return;
            }
            ++written;
        }
        if (!progress.progress(i + 1)) {
            progress.end_progress();
            m_w.news(Message(BL_N_("Stopped: %s impact receipts were written to the folder %s. "
                                   "Make them again to go on where it stopped."),
                             {std::to_string(written + skipped), folder}));
            return;
        }
    }
    progress.end_progress();
    m_w.news(Message(BL_N_("%s impact receipts written to %s (%s were there already)."),
                     {std::to_string(written), folder, std::to_string(skipped)}));
}

void ReportsFlow::maker_statement(const ReportRequest& r, const impact::Period& p) {
    if (r.maker_id.empty()) {
        m_w.say(Message(BL_N_("Choose the maker whose statement it is.")));
        return;
    }
    auto data = m_w.ports.reports.maker_statement(r.maker_id, p);
    if (!data) {
        m_w.say(data.error());
        return;
    }
    const std::string id =
        r.maker_id.size() > 8 ? r.maker_id.substr(r.maker_id.size() - 8) : r.maker_id;
    auto saved =
        m_w.ports.documents.save_pdf(doc::maker_statement(data.value()),
                                     "opgoerelse-" + id + "-" + p.from + "-" + p.to + ".pdf");
    if (!saved) {
        m_w.say(saved.error());
        return;
    }
    m_w.news(Message(BL_N_("The maker's statement is saved as %s. Give it only to the maker."),
                     {saved.value()}));
}

} // namespace bl::production
