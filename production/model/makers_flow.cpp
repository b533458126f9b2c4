#include "production/model/makers_flow.hpp"

#include <algorithm>

#include "receipts/layout/production_documents.hpp"
#include "shared/core/text.hpp"

namespace bl::production {

namespace {

int level_of(ConsentLevel l) {
    return static_cast<int>(l);
}

std::string channel_da(ConsentChannel c) {
    switch (c) {
    case ConsentChannel::receipt:
        return "kvitteringer";
    case ConsentChannel::report:
        return "rapporter";
    default:
        return "web";
    }
}

// A short, stable part of a maker's id for file names (the id is pseudonymous).
std::string short_id(const std::string& id) {
    return id.size() > 8 ? id.substr(id.size() - 8) : id;
}

} // namespace

std::optional<Maker> MakersFlow::reachable(const std::string& maker_id) {
    auto m = m_w.ports.makers.maker(maker_id);
    if (!m) {
        m_w.say(Message(BL_N_("That maker does not exist.")));
        return std::nullopt;
    }
    if (m->workshop_id != m_w.state.workshop_id && !m_w.organiser()) {
        m_w.say(Message(BL_N_("That maker belongs to another workshop.")));
        return std::nullopt;
    }
    return m;
}

void MakersFlow::open() {
    if (m_w.need_login())
        return;
    MakerList list;
    list.workshop_name = m_w.workshop_name(m_w.state.workshop_id);
    list.show_inactive = m_w.state.makers_inactive;
    for (const auto& m : m_w.ports.makers.makers(m_w.state.workshop_id)) {
        if (!list.show_inactive && (!m.active || m.erased))
            continue;
        MakerRow r{m};
        if (!m.erased) {
            r.receipt = level_of(m_w.ports.makers.consent(m.id, ConsentChannel::receipt));
            r.report = level_of(m_w.ports.makers.consent(m.id, ConsentChannel::report));
            r.web = level_of(m_w.ports.makers.consent(m.id, ConsentChannel::web));
        }
        list.rows.push_back(r);
    }
    std::stable_sort(list.rows.begin(), list.rows.end(), [](const MakerRow& a, const MakerRow& b) {
        if (a.maker.erased != b.maker.erased)
            return b.maker.erased;
        return search_fold(a.maker.display_name) < search_fold(b.maker.display_name);
    });
    m_w.views.makers.show_makers(list);
}

void MakersFlow::show_inactive(bool inactive) {
    m_w.state.makers_inactive = inactive;
    open();
}

void MakersFlow::new_maker() {
    if (m_w.need_login())
        return;
    MakerForm f;
    f.workshop_name = m_w.workshop_name(m_w.state.workshop_id);
    m_w.views.maker_edit.show_maker_form(f);
}

void MakersFlow::edit(const std::string& maker_id) {
    if (m_w.need_login())
        return;
    auto m = reachable(maker_id);
    if (!m)
        return;
    if (m->erased) {
        m_w.say(Message(BL_N_("This maker's personal data has been erased; there is nothing to "
                              "edit. The hours stay, counted without a name.")));
        return;
    }
    MakerForm f;
    f.maker_id = m->id;
    f.display_name = m->display_name;
    f.active = m->active;
    f.workshop_name = m_w.workshop_name(m->workshop_id);
    if (auto p = m_w.ports.makers.private_details(m->id)) {
        f.real_name = p->real_name;
        f.phone = p->phone;
        f.email = p->email;
        f.story = p->story;
    }
    m_w.views.maker_edit.show_maker_form(f);
}

void MakersFlow::save(const MakerForm& form) {
    if (m_w.need_login())
        return;
    const MakerPrivate details{form.maker_id, form.real_name, form.phone, form.email, form.story};
    Result<Maker, Message> saved = err(Message());
    if (form.maker_id.empty()) {
        saved = m_w.ports.makers.add(
            m_w.staff_id(), Maker{"", m_w.state.workshop_id, form.display_name, form.active},
            details);
    } else {
        auto m = reachable(form.maker_id);
        if (!m)
            return;
        m->display_name = form.display_name;
        m->active = form.active;
        saved = m_w.ports.makers.update(m_w.staff_id(), *m, details);
    }
    if (!saved) {
        m_w.say(saved.error());
        return;
    }
    open();
    m_w.refresh_status();
    m_w.news(form.maker_id.empty()
                 ? Message(BL_N_("The maker is added, counted but not named until they agree "
                                 "to be named."))
                 : Message(BL_N_("The maker's details are saved.")));
}

void MakersFlow::consent(const std::string& maker_id) {
    if (m_w.need_login())
        return;
    auto m = reachable(maker_id);
    if (!m)
        return;
    if (m->erased) {
        m_w.say(Message(BL_N_("This maker's personal data has been erased; consent cannot be "
                              "given again for the erased record.")));
        return;
    }
    ConsentPage page;
    page.maker_id = m->id;
    page.display_name = m->display_name;
    page.receipt = level_of(m_w.ports.makers.consent(m->id, ConsentChannel::receipt));
    page.report = level_of(m_w.ports.makers.consent(m->id, ConsentChannel::report));
    page.web = level_of(m_w.ports.makers.consent(m->id, ConsentChannel::web));
    for (const auto& c : m_w.ports.makers.consent_history(m->id))
        page.history.push_back({c.channel, level_of(c.level), c.version, c.recorded_at,
                                m_w.staff_name(c.recorded_by)});
    std::reverse(page.history.begin(), page.history.end());
    m_w.views.consent.show_consent(page);
}

void MakersFlow::set_consent(const std::string& maker_id, ConsentChannel channel, int level) {
    if (m_w.need_login())
        return;
    auto m = reachable(maker_id);
    if (!m)
        return;
    if (level < 0 || level > 3) {
        m_w.say(Message(BL_N_("That consent level does not exist.")));
        return;
    }
    const int before = level_of(m_w.ports.makers.consent(maker_id, channel));
    if (before == level) {
        m_w.say(Message(BL_N_("That is already what the maker agreed to. Nothing was changed.")));
        return;
    }
    auto r = m_w.ports.makers.record_consent(m_w.staff_id(), maker_id, channel,
                                             static_cast<ConsentLevel>(level));
    if (!r) {
        m_w.say(r.error());
        return;
    }
    consent(maker_id);
    m_w.refresh_status();
    m_w.news(level < before ? Message(BL_N_("The withdrawal holds from now on here, and reaches "
                                            "the tills with the next sync."))
                            : Message(BL_N_("The maker's consent is recorded.")));
}

void MakersFlow::erase(const std::string& maker_id) {
    if (m_w.need_login())
        return;
    auto m = reachable(maker_id);
    if (!m)
        return;
    if (m->erased) {
        m_w.say(Message(BL_N_("This maker's personal data has already been erased. Nothing was "
                              "changed.")));
        return;
    }
    ErasePage page;
    page.maker_id = m->id;
    page.display_name = m->display_name;
    for (const auto& w : m_w.ports.makers.work_of(m->id))
        page.minutes += w.work.minutes;
    if (auto p = m_w.ports.makers.private_details(m->id))
        page.has_private =
            !(p->real_name.empty() && p->phone.empty() && p->email.empty() && p->story.empty());
    m_w.views.erase.show_erase(page);
}

void MakersFlow::confirm_erase(const std::string& maker_id) {
    if (m_w.need_login())
        return;
    auto m = reachable(maker_id);
    if (!m)
        return;
    // What must be gone from every byte afterwards: everything personal the record holds.
    std::vector<std::string> texts;
    for (const auto& t : {m->display_name})
        if (!t.empty())
            texts.push_back(t);
    if (auto p = m_w.ports.makers.private_details(maker_id))
        for (const auto& t : {p->real_name, p->phone, p->email, p->story})
            if (!t.empty())
                texts.push_back(t);
    auto erased = m_w.ports.makers.erase(m_w.staff_id(), maker_id);
    if (!erased) {
        m_w.say(erased.error());
        return;
    }
    ErasureReport report;
    report.maker_id = maker_id;
    for (const auto& t : texts)
        report.texts_checked += t.size() >= 3 ? 1u : 0u;
    auto wiped = m_w.ports.makers.wipe(texts);
    if (wiped) {
        report.checked = true;
        report.log_emptied = wiped.value().log_emptied;
        report.still_found = wiped.value().still_found;
    }
    m_w.views.erase.show_erased(report);
    // The erasure itself is recorded either way; say why the old bytes could not be cleaned.
    if (!wiped)
        m_w.say(wiped.error());
    m_w.refresh_status();
}

std::string MakersFlow::data_json(const std::string& maker_id) {
    auto m = m_w.ports.makers.maker(maker_id);
    if (!m)
        return {};
    JsonObject o{{"maker_id", m->id},
                 {"display_name", m->display_name},
                 {"workshop", m_w.workshop_name(m->workshop_id)},
                 {"active", m->active},
                 {"erased", m->erased}};
    if (auto p = m_w.ports.makers.private_details(maker_id))
        o.emplace("private", JsonObject{{"real_name", p->real_name},
                                        {"phone", p->phone},
                                        {"email", p->email},
                                        {"story", p->story}});
    JsonArray consents;
    for (const auto& c : m_w.ports.makers.consent_history(maker_id))
        consents.push_back(JsonObject{{"channel", std::string(to_string(c.channel))},
                                      {"level", level_of(c.level)},
                                      {"version", c.version},
                                      {"recorded_at", format_utc(c.recorded_at)},
                                      {"recorded_by", m_w.staff_name(c.recorded_by)}});
    o.emplace("consents", consents);
    JsonArray work;
    for (const auto& w : m_w.ports.makers.work_of(maker_id))
        work.push_back(JsonObject{{"worked_on", w.work.worked_on},
                                  {"product", w.product_name},
                                  {"batch_label", w.label_code},
                                  {"task", w.work.task_tag},
                                  {"minutes", w.work.minutes}});
    o.emplace("work", work);
    o.emplace("exported_at", format_utc(m_w.ports.station.now()));
    o.emplace("not_stored", "CPR number, health, benefits");
    return JsonValue(o).dump();
}

void MakersFlow::export_data(const std::string& maker_id) {
    if (m_w.need_login())
        return;
    auto m = reachable(maker_id);
    if (!m)
        return;
    doc::MakerDataExport d;
    d.maker_id = m->id;
    d.display_name = m->display_name;
    d.workshop = m_w.workshop_name(m->workshop_id);
    d.active = m->active;
    if (auto p = m_w.ports.makers.private_details(maker_id))
        d.private_details = *p;
    for (const auto& c : m_w.ports.makers.consent_history(maker_id))
        d.consents.push_back({channel_da(c.channel), level_of(c.level), c.version, c.recorded_at,
                              m_w.staff_name(c.recorded_by)});
    for (const auto& w : m_w.ports.makers.work_of(maker_id))
        d.work.push_back(
            {w.work.worked_on, w.product_name, w.label_code, w.work.task_tag, w.work.minutes});
    d.generated_at = m_w.ports.station.now();
    const std::string base = "mine-data-" + short_id(m->id);
    auto json = m_w.ports.documents.save_text(data_json(maker_id) + "\n", base + ".json");
    if (!json) {
        m_w.say(json.error());
        return;
    }
    auto pdf = m_w.ports.documents.save_pdf(doc::maker_data_export(d), base + ".pdf");
    if (!pdf) {
        m_w.say(pdf.error());
        return;
    }
    m_w.news(Message(BL_N_("The maker's data is saved as %s and %s. Give it only to the maker."),
                     {pdf.value(), json.value()}));
}

} // namespace bl::production
