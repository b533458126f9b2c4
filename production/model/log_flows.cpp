#include "production/model/log_flows.hpp"

#include <algorithm>

#include "production/model/batch_draft.hpp"
#include "production/model/labels_flow.hpp"
#include "shared/core/text.hpp"

namespace bl::production {

// ---- the quick form ------------------------------------------------------------------------

void QuickLogFlow::open() {
    if (m_w.need_login())
        return;
    QuickSetup setup{m_w.products_here(), m_w.active_makers(), m_w.task_tags(),
                     m_w.workshop_name(m_w.state.workshop_id)};
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
        const auto makers = m_w.active_makers();
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

void QuickLogFlow::save(const QuickForm& form) {
    if (m_w.need_login())
        return;
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
