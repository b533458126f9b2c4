#include "production/model/stock_flow.hpp"

#include <algorithm>

#include "production/model/batch_draft.hpp"
#include "shared/core/text.hpp"

namespace bl::production {

namespace {

// The work in `units` of a batch, to the nearest minute.
std::int64_t work_in(std::int64_t minutes, std::int64_t batch_units, std::int64_t units) {
    if (batch_units <= 0 || units <= 0)
        return 0;
    return (minutes * units * 2 + batch_units) / (batch_units * 2);
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(";\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

StockPage StockFlow::page() {
    StockPage p;
    p.sort = m_w.state.stock_sort;
    p.descending = m_w.state.stock_descending;
    p.filter = m_w.state.stock_filter;
    const std::string wanted = search_fold(trimmed(p.filter));
    const auto rows = m_w.ports.production.stock(
        m_w.organiser() ? std::nullopt : std::optional<std::string>(m_w.state.workshop_id));
    for (const auto& r : rows) {
        if (!wanted.empty() && search_fold(r.product_name).find(wanted) == std::string::npos &&
            r.label_code.find(wanted) == std::string::npos)
            continue;
        p.lines.push_back(
            {r, work_in(r.minutes, r.produced, std::max<std::int64_t>(r.on_hand, 0))});
    }
    auto key = [&](const StockLine& l) -> std::pair<std::int64_t, std::string> {
        const StockRow& r = l.row;
        switch (p.sort) {
        case StockColumn::product:
            return {0, search_fold(r.product_name) + "\x01" + r.produced_on};
        case StockColumn::label:
            return {0, r.label_code};
        case StockColumn::produced_on:
            return {0, r.produced_on + r.batch_id};
        case StockColumn::produced:
            return {r.produced, r.produced_on};
        case StockColumn::delivered:
            return {r.delivered, r.produced_on};
        case StockColumn::sold:
            return {r.sold, r.produced_on};
        case StockColumn::returned:
            return {r.returned, r.produced_on};
        case StockColumn::on_hand:
            return {r.on_hand, r.produced_on};
        case StockColumn::unsold_minutes:
        default:
            return {l.unsold_minutes, r.produced_on};
        }
    };
    std::stable_sort(p.lines.begin(), p.lines.end(), [&](const StockLine& a, const StockLine& b) {
        return p.descending ? key(b) < key(a) : key(a) < key(b);
    });
    for (const auto& l : p.lines) {
        p.on_hand += l.row.on_hand;
        p.unsold_minutes += l.unsold_minutes;
    }
    return p;
}

void StockFlow::open() {
    if (m_w.need_login())
        return;
    m_w.views.stock.show_stock(page());
}

void StockFlow::sort_by(StockColumn column) {
    if (m_w.need_login())
        return;
    if (m_w.state.stock_sort == column) {
        m_w.state.stock_descending = !m_w.state.stock_descending;
    } else {
        m_w.state.stock_sort = column;
        // Numbers read best largest first, names and dates from the start.
        m_w.state.stock_descending = column != StockColumn::product &&
                                     column != StockColumn::label &&
                                     column != StockColumn::produced_on;
    }
    open();
}

void StockFlow::filter(const std::string& text) {
    if (m_w.need_login())
        return;
    m_w.state.stock_filter = text;
    open();
}

std::string StockFlow::csv(const StockPage& page) {
    std::string out = "produkt;parti;lavet_dato;lavet;leveret;solgt;returneret;i_stock;"
                      "minutter_logget;minutter_i_usolgte\n";
    for (const auto& l : page.lines) {
        const StockRow& r = l.row;
        out += csv_field(r.product_name) + ";" + r.label_code + ";" + r.produced_on + ";" +
               std::to_string(r.produced) + ";" + std::to_string(r.delivered) + ";" +
               std::to_string(r.sold) + ";" + std::to_string(r.returned) + ";" +
               std::to_string(r.on_hand) + ";" + std::to_string(r.minutes) + ";" +
               std::to_string(l.unsold_minutes) + "\n";
    }
    return out;
}

void StockFlow::export_csv() {
    if (m_w.need_login())
        return;
    auto saved =
        m_w.ports.documents.save_text(csv(page()), "lager-og-timer-" + m_w.today() + ".csv");
    if (!saved) {
        m_w.say(saved.error());
        return;
    }
    m_w.news(Message(BL_N_("The stock and hours are saved as %s."), {saved.value()}));
}

} // namespace bl::production
