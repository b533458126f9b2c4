#include "production/model/workshop_context.hpp"

#include <algorithm>

#include "production/model/batch_draft.hpp"
#include "shared/core/text.hpp"

namespace bl::production {

namespace {

const char* const usual_tags[] = {"drejning", "glasering", "dekoration", "syning",  "strik",
                                  "vævning",  "slibning",  "samling",    "pakning", "design"};

} // namespace

WorkshopContext::WorkshopContext(WorkshopPorts p, WorkshopViews v) : ports(p), views(v) {}

bool WorkshopContext::need_login() {
    if (state.staff)
        return false;
    say(Message(BL_N_("Log in first.")));
    return true;
}

bool WorkshopContext::organiser() const {
    return state.staff && role_at_least(state.staff->role, StaffRole::organiser);
}

bool WorkshopContext::organisers_only(const char* refusal) {
    if (need_login())
        return false;
    if (organiser())
        return true;
    say(Message(refusal));
    return false;
}

void WorkshopContext::refresh_status() {
    views.status.show_status(state.staff ? state.staff->name : std::string(),
                             state.staff ? workshop_name(state.workshop_id) : std::string(),
                             ports.station.unsent(), ports.station.last_sync(),
                             ports.station.device().name);
}

std::string WorkshopContext::workshop_name(const std::string& id) {
    for (const auto& w : ports.station.workshops())
        if (w.id == id)
            return w.name;
    return {};
}

Workshop WorkshopContext::workshop() {
    for (const auto& w : ports.station.workshops())
        if (w.id == state.workshop_id)
            return w;
    return Workshop{state.workshop_id, "", "", ""};
}

std::vector<MakerChoice> WorkshopContext::active_makers() {
    std::vector<MakerChoice> out;
    for (const auto& m : ports.makers.makers(state.workshop_id))
        if (m.active && !m.erased)
            out.push_back(
                {m.id, m.display_name.empty() ? m.id.substr(m.id.size() - 6) : m.display_name});
    std::sort(out.begin(), out.end(), [](const MakerChoice& a, const MakerChoice& b) {
        return search_fold(a.name) < search_fold(b.name);
    });
    return out;
}

std::vector<ProductChoice> WorkshopContext::products_here() {
    std::vector<ProductChoice> out;
    for (const auto& p : ports.production.products())
        if (p.active && p.workshop_id == state.workshop_id)
            out.push_back({p.id, p.name, pictogram_for(p), p.price});
    std::sort(out.begin(), out.end(), [](const ProductChoice& a, const ProductChoice& b) {
        return search_fold(a.name) < search_fold(b.name);
    });
    return out;
}

std::vector<std::string> WorkshopContext::task_tags() {
    std::vector<std::string> out;
    if (auto saved = ports.station.setting("task_tags")) {
        for (auto t : split(*saved, ','))
            if (!t.empty())
                out.emplace_back(t);
        return out;
    }
    for (const char* t : usual_tags)
        out.emplace_back(t);
    return out;
}

std::string WorkshopContext::today() {
    return format_date(copenhagen_day(ports.station.now()));
}

std::vector<BatchChoice> WorkshopContext::batches_here() {
    std::vector<BatchChoice> out;
    for (const auto& r : ports.production.stock(state.workshop_id))
        out.push_back({r.batch_id, r.label_code, r.product_id, r.product_name, r.produced_on,
                       r.produced, r.at_workshop});
    std::reverse(out.begin(), out.end()); // newest first
    return out;
}

std::string WorkshopContext::staff_name(const std::string& id) {
    auto u = ports.staff.find(id);
    return u ? u->name : std::string();
}

} // namespace bl::production
