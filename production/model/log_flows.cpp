#include "production/model/log_flows.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "production/model/batch_draft.hpp"
#include "production/model/labels_flow.hpp"
#include "production/model/stock_flow.hpp"
#include "shared/core/text.hpp"
#include "shared/rules/work_rules.hpp"

namespace bl::production {

// ---- the quick form ------------------------------------------------------------------------

void QuickLogFlow::open() {
    if (m_w.need_login())
        return;
    QuickSetup setup{m_w.products_here(), m_w.active_makers(), m_w.task_tags(),
                     m_w.workshop_name(m_w.state.workshop_id), std::nullopt};
    QuickForm form;
    form.date = m_w.today();
    m_w.views.quick.show_quick_form(setup, form);
    m_w.views.quick.show_sums(read_quick(form, m_w.state.workshop_id, m_w.today()).sums);
}

void QuickLogFlow::toggle_maker(QuickForm form, const std::string& maker_id) {
    if (m_w.need_login())
        return;
    auto at = std::find_if(form.rows.begin(), form.rows.end(),
                           [&](const QuickRow& r) { return r.maker_id == maker_id; });
    if (at != form.rows.end()) {
        form.rows.erase(at);
    } else {
        const auto makers = makers_for(form);
        auto m = std::find_if(makers.begin(), makers.end(),
                              [&](const MakerChoice& c) { return c.id == maker_id; });
        if (m == makers.end()) {
            m_w.say(Message(BL_N_("That maker is not an active maker of this workshop. Log the "
                                  "work in the maker's own workshop.")));
            return;
        }
        QuickRow row;
        row.maker_id = m->id;
        row.name = m->name;
        row.same_as_others = !form.rows.empty();
        if (!form.rows.empty())
            row.task_tag = form.rows.back().task_tag;
        form.rows.push_back(row);
    }
    m_w.views.quick.show_quick_rows(form);
    changed(form);
}

void QuickLogFlow::changed(const QuickForm& form) {
    m_w.views.quick.show_sums(read_quick(form, m_w.state.workshop_id, m_w.today()).sums);
}

// The makers who may be on a batch's form: the workshop's active makers, and for a batch
// being corrected those already on it (one may have left since: their work can still be
// corrected), by name.
std::vector<MakerChoice> QuickLogFlow::makers_for(const Batch& b) {
    std::vector<MakerChoice> out;
    for (const auto& m : m_w.ports.makers.makers(b.workshop_id)) {
        const bool on_batch =
            std::any_of(b.contributions.begin(), b.contributions.end(),
                        [&](const Contribution& w) { return w.maker_id == m.id; });
        if ((m.active && !m.erased) || on_batch)
            out.push_back(
                {m.id, m.display_name.empty() ? m.id.substr(m.id.size() - 6) : m.display_name});
    }
    std::sort(out.begin(), out.end(), [](const MakerChoice& x, const MakerChoice& y) {
        return search_fold(x.name) < search_fold(y.name);
    });
    return out;
}

std::vector<MakerChoice> QuickLogFlow::makers_for(const QuickForm& form) {
    if (form.correcting.empty())
        return m_w.active_makers();
    auto b = m_w.ports.production.batch(form.correcting);
    return b ? makers_for(*b) : std::vector<MakerChoice>{};
}

void QuickLogFlow::open_correction(const std::string& batch_id) {
    if (m_w.need_login())
        return;
    auto b = m_w.ports.production.batch(batch_id);
    if (!b) {
        m_w.say(Message(BL_N_("That batch does not exist.")));
        return;
    }
    if (!m_w.organiser() && b->workshop_id != m_w.state.workshop_id) {
        m_w.say(Message(BL_N_("Batch %s was made at another workshop: its own workshop leader "
                              "or an organiser corrects it."),
                        {b->label_code}));
        return;
    }
    CorrectionSetup c;
    c.batch_id = b->id;
    c.label_code = b->label_code;
    c.units = b->units;
    for (const auto& r : m_w.ports.production.stock(b->workshop_id))
        if (r.batch_id == b->id) {
            // Made here, a batch has its "produced" move: units at the workshop, or delivered.
            c.keeps_stock = r.at_workshop > 0 || r.delivered > 0;
            c.left_workshop = c.keeps_stock ? r.produced - r.at_workshop : 0;
        }
    c.history = m_w.ports.production.corrections(b->id);
    QuickSetup setup;
    setup.workshop_name = m_w.workshop_name(b->workshop_id);
    setup.tags = m_w.task_tags();
    // The batch's own tasks, even when this station's list lacks them: a correction keeps them.
    for (const auto& w : b->contributions)
        if (!w.task_tag.empty() &&
            std::find(setup.tags.begin(), setup.tags.end(), w.task_tag) == setup.tags.end())
            setup.tags.push_back(w.task_tag);
    for (const auto& p : m_w.ports.production.products())
        if (p.id == b->product_id) {
            setup.products.push_back({p.id, p.name, pictogram_for(p), p.price});
            c.product_name = p.name;
        }
    setup.makers = makers_for(*b);
    setup.correcting = c;

    QuickForm form;
    form.correcting = b->id;
    form.revision = b->revision;
    form.product_id = b->product_id;
    form.units = std::to_string(b->units);
    form.date = b->produced_on;
    form.notes = b->notes;
    for (const auto& w : b->contributions) {
        QuickRow row;
        row.maker_id = w.maker_id;
        row.name = w.maker_id;
        for (const auto& m : setup.makers)
            if (m.id == w.maker_id)
                row.name = m.name;
        row.time =
            w.minutes % 60 == 0 ? std::to_string(w.minutes / 60) : hours_and_minutes(w.minutes);
        row.task_tag = w.task_tag;
        if (w.worked_on != b->produced_on)
            row.worked_on = w.worked_on;
        form.rows.push_back(row);
    }
    m_w.views.quick.show_quick_form(setup, form);
    m_w.views.quick.show_sums(read_quick(form, b->workshop_id, m_w.today()).sums);
}

void QuickLogFlow::save_correction(const QuickForm& form) {
    auto was = m_w.ports.production.batch(form.correcting);
    if (!was) {
        m_w.say(Message(BL_N_("That batch does not exist.")));
        return;
    }
    auto reading = read_quick(form, was->workshop_id, m_w.today());
    m_w.views.quick.show_sums(reading.sums);
    if (!reading.batch) {
        m_w.say(*reading.problem);
        return;
    }
    if (trimmed(form.reason).empty()) {
        m_w.say(Message(BL_N_("Say why the batch is corrected: the reason is kept with the "
                              "correction.")));
        return;
    }
    Batch now = *reading.batch;
    now.id = was->id;
    now.revision = form.revision;
    now.material_cost = was->material_cost;
    auto corrected = m_w.ports.production.correct_batch(m_w.staff_id(), now, trimmed(form.reason));
    if (!corrected) {
        m_w.say(corrected.error());
        return;
    }
    m_w.refresh_status();
    m_stock.open();
    m_w.news(Message(BL_N_("Batch %s is corrected: %s units, %s of work. What it said before is "
                           "kept with the reason."),
                     {was->label_code, std::to_string(corrected.value().units),
                      hours_and_minutes(std::accumulate(
                          corrected.value().contributions.begin(),
                          corrected.value().contributions.end(), std::int64_t{0},
                          [](std::int64_t m, const Contribution& w) { return m + w.minutes; }))}));
}

void QuickLogFlow::save(const QuickForm& form) {
    if (m_w.need_login())
        return;
    if (!form.correcting.empty())
        return save_correction(form);
    auto reading = read_quick(form, m_w.state.workshop_id, m_w.today());
    m_w.views.quick.show_sums(reading.sums);
    if (!reading.batch) {
        m_w.say(*reading.problem);
        return;
    }
    // Every maker must be one of this workshop's active makers.
    const auto makers = m_w.active_makers();
    for (const auto& r : form.rows)
        if (std::none_of(makers.begin(), makers.end(),
                         [&](const MakerChoice& c) { return c.id == r.maker_id; })) {
            m_w.say(Message(BL_N_("That maker is not an active maker of this workshop. Log the "
                                  "work in the maker's own workshop.")));
            return;
        }
    auto logged = m_w.ports.production.log_batch(m_w.staff_id(), *reading.batch);
    if (!logged) {
        m_w.say(logged.error());
        return;
    }
    m_w.refresh_status();
    m_labels.open(logged.value().id);
    m_w.news(Message(BL_N_("The batch is logged with the label code %s. Print its labels here."),
                     {logged.value().label_code}));
}

// ---- easy-read -----------------------------------------------------------------------------

void EasyReadFlow::show() {
    EasyState& s = m_w.state.easy;
    std::vector<std::int64_t> minutes = s.minutes;
    minutes.resize(s.chosen.size(), 0);
    s.sums = sums_of(minutes, s.units > 0 ? std::optional<std::int64_t>(s.units) : std::nullopt);
    m_w.views.easy.show_easy(s);
}

void EasyReadFlow::open() {
    if (m_w.need_login())
        return;
    EasyState s;
    s.products = m_w.products_here();
    s.makers = m_w.active_makers();
    m_w.state.easy = s;
    show();
}

void EasyReadFlow::choose_product(const std::string& product_id) {
    if (m_w.need_login())
        return;
    EasyState& s = m_w.state.easy;
    auto p = std::find_if(s.products.begin(), s.products.end(),
                          [&](const ProductChoice& c) { return c.id == product_id; });
    if (p == s.products.end()) {
        m_w.say(Message(BL_N_("That product is not one this workshop makes now.")));
        return;
    }
    s.product = *p;
    s.step = EasyStep::units;
    show();
}

void EasyReadFlow::set_units(std::int64_t units) {
    EasyState& s = m_w.state.easy;
    s.units = std::clamp<std::int64_t>(units, 0, 9999);
    show();
}

void EasyReadFlow::add_units(std::int64_t delta) {
    set_units(m_w.state.easy.units + delta);
}

void EasyReadFlow::toggle_maker(const std::string& maker_id) {
    EasyState& s = m_w.state.easy;
    auto at = std::find_if(s.chosen.begin(), s.chosen.end(),
                           [&](const MakerChoice& c) { return c.id == maker_id; });
    if (at != s.chosen.end()) {
        s.minutes.erase(s.minutes.begin() + (at - s.chosen.begin()));
        s.chosen.erase(at);
    } else {
        auto m = std::find_if(s.makers.begin(), s.makers.end(),
                              [&](const MakerChoice& c) { return c.id == maker_id; });
        if (m == s.makers.end()) {
            m_w.say(Message(BL_N_("That maker is not an active maker of this workshop. Log the "
                                  "work in the maker's own workshop.")));
            return;
        }
        s.chosen.push_back(*m);
        s.minutes.push_back(0);
    }
    show();
}

void EasyReadFlow::next() {
    EasyState& s = m_w.state.easy;
    switch (s.step) {
    case EasyStep::product:
        if (!s.product) {
            m_w.say(Message(BL_N_("Choose what was made.")));
            return;
        }
        s.step = EasyStep::units;
        break;
    case EasyStep::units:
        if (s.units <= 0) {
            m_w.say(Message(BL_N_("Choose how many were made: at least 1.")));
            return;
        }
        s.step = EasyStep::makers;
        break;
    case EasyStep::makers:
        if (s.chosen.empty()) {
            m_w.say(Message(BL_N_("Choose who helped: at least one maker.")));
            return;
        }
        s.step = EasyStep::time;
        s.asking = 0;
        break;
    default:
        break;
    }
    show();
}

void EasyReadFlow::choose_time(std::int64_t minutes) {
    EasyState& s = m_w.state.easy;
    if (s.step != EasyStep::time || s.asking >= s.chosen.size())
        return;
    if (minutes <= 0 || minutes > max_minutes_per_easy_choice) {
        m_w.say(Message(BL_N_("Choose one of the times shown.")));
        return;
    }
    s.minutes.resize(s.chosen.size(), 0);
    s.minutes[s.asking] = minutes;
    if (++s.asking == s.chosen.size())
        s.step = EasyStep::summary;
    show();
}

void EasyReadFlow::back() {
    EasyState& s = m_w.state.easy;
    switch (s.step) {
    case EasyStep::units:
        s.step = EasyStep::product;
        break;
    case EasyStep::makers:
        s.step = EasyStep::units;
        break;
    case EasyStep::time:
        if (s.asking == 0)
            s.step = EasyStep::makers;
        else
            --s.asking;
        break;
    case EasyStep::summary:
        s.step = EasyStep::time;
        s.asking = s.chosen.empty() ? 0 : s.chosen.size() - 1;
        break;
    default:
        break;
    }
    show();
}

void EasyReadFlow::confirm() {
    if (m_w.need_login())
        return;
    EasyState& s = m_w.state.easy;
    if (s.step != EasyStep::summary)
        return;
    auto b = easy_batch(s, m_w.state.workshop_id, m_w.today());
    if (!b) {
        m_w.say(b.error());
        return;
    }
    auto logged = m_w.ports.production.log_batch(m_w.staff_id(), b.value());
    if (!logged) {
        m_w.say(logged.error());
        return;
    }
    m_w.refresh_status();
    open();
    m_w.news(Message(BL_N_("Thank you! The batch is logged with the label code %s."),
                     {logged.value().label_code}));
}

// ---- task tags -----------------------------------------------------------------------------

void TagsFlow::open() {
    if (m_w.need_login())
        return;
    m_w.views.tags.show_tags(m_w.task_tags());
}

void TagsFlow::save(const std::vector<std::string>& tags) {
    std::string joined;
    for (const auto& t : tags)
        joined += (joined.empty() ? "" : ",") + t;
    if (auto problem = m_w.ports.station.set_setting(m_w.staff_id(), "task_tags", joined)) {
        m_w.say(*problem);
        return;
    }
    m_w.views.tags.show_tags(tags);
    m_w.refresh_status();
}

void TagsFlow::add(const std::string& typed) {
    if (m_w.need_login())
        return;
    auto tag = clean_text(typed, TextRules{1, 30, false, BL_N_("Task")});
    if (!tag) {
        m_w.say(tag.error());
        return;
    }
    if (tag.value().find(',') != std::string::npos) {
        m_w.say(Message(BL_N_("Task: one task at a time, without commas.")));
        return;
    }
    auto tags = m_w.task_tags();
    for (const auto& t : tags)
        if (search_fold(t) == search_fold(tag.value())) {
            m_w.say(Message(BL_N_("The task \"%s\" is on the list already."), {t}));
            return;
        }
    tags.push_back(tag.value());
    save(tags);
}

void TagsFlow::remove(const std::string& tag) {
    if (m_w.need_login())
        return;
    auto tags = m_w.task_tags();
    auto at = std::find(tags.begin(), tags.end(), tag);
    if (at == tags.end())
        return;
    tags.erase(at);
    save(tags);
}

} // namespace bl::production
