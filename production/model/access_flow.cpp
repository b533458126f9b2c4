#include "production/model/access_flow.hpp"

#include "shared/auth/pin.hpp"

namespace bl::production {

namespace {

bool may_log_in(const StaffUser& u) {
    return u.active && role_at_least(u.role, StaffRole::workshop_leader);
}

} // namespace

void AccessFlow::start() {
    m_w.state = WorkshopState{};
    std::vector<StaffUser> people;
    for (const auto& u : m_w.ports.staff.staff_list())
        if (may_log_in(u))
            people.push_back(u);
    m_w.views.login.show_login(people);
    m_w.refresh_status();
}

void AccessFlow::log_in(const std::string& staff_id, const std::string& pin) {
    StaffPort& staff = m_w.ports.staff;
    auto user = staff.find(staff_id);
    if (!user || !user->active) {
        m_w.say(Message(BL_N_("Choose your name first, then type your PIN.")));
        return;
    }
    if (!may_log_in(*user)) {
        m_w.say(Message(BL_N_("The workshop program is for workshop leaders and organisers. "
                              "Shop staff use the till.")));
        return;
    }
    const Timestamp now = m_w.ports.station.now();
    if (auto until = staff.locked_until(staff_id); until && now < *until) {
        m_w.say(Message(BL_N_("Too many wrong PINs. Try again after %s, or ask an organiser."),
                        {format_copenhagen(*until)}));
        return;
    }
    if (pin.empty()) {
        m_w.say(Message(BL_N_("Type your PIN.")));
        return;
    }
    const Device device = m_w.ports.station.device();
    const bool organiser = role_at_least(user->role, StaffRole::organiser);
    if (!organiser && !device.workshop_id) {
        m_w.say(Message(BL_N_("This computer belongs to no workshop, so only an organiser can "
                              "log in here.")));
        return;
    }
    const bool ok = verify_pin(pin, user->pin_hash);
    auto recorded = staff.record(staff_id, ok);
    if (!recorded) {
        m_w.say(recorded.error());
        return;
    }
    if (!ok) {
        if (recorded.value().locked_until) {
            m_w.say(Message(BL_N_("Too many wrong PINs. Try again after %s, or ask an "
                                  "organiser."),
                            {format_copenhagen(*recorded.value().locked_until)}));
            return;
        }
        const int left = staff.max_failures() - recorded.value().failed_attempts;
        if (left == 1)
            m_w.say(Message(BL_N_("Wrong PIN. One more wrong try locks you out for a while.")));
        else
            m_w.say(
                Message(BL_N_("Wrong PIN. Try again (%s tries left)."), {std::to_string(left)}));
        return;
    }
    m_w.state.staff = *user;
    m_w.state.workshop_id = device.workshop_id.value_or("");
    if (m_w.state.workshop_id.empty()) {
        const auto all = m_w.ports.station.workshops();
        if (!all.empty())
            m_w.state.workshop_id = all.front().id;
    }
    m_w.refresh_status();
    home();
}

void AccessFlow::log_out() {
    if (m_w.state.staff)
        m_w.ports.staff.logout(m_w.state.staff->id);
    start();
}

void AccessFlow::home() {
    if (m_w.need_login())
        return;
    HomeState h;
    h.staff_name = m_w.state.staff->name;
    h.organiser = m_w.organiser();
    h.workshop_id = m_w.state.workshop_id;
    for (const auto& w : m_w.ports.station.workshops())
        if (h.organiser || w.id == m_w.state.workshop_id)
            h.workshops.push_back(w);
    m_w.views.home.show_home(h);
}

void AccessFlow::choose_workshop(const std::string& workshop_id) {
    if (m_w.need_login() || workshop_id == m_w.state.workshop_id)
        return;
    if (!m_w.organiser()) {
        m_w.say(Message(BL_N_("A workshop leader works with their own workshop. An organiser "
                              "can work with the others.")));
        return;
    }
    if (m_w.workshop_name(workshop_id).empty()) {
        m_w.say(Message(BL_N_("That workshop does not exist.")));
        return;
    }
    m_w.state.workshop_id = workshop_id;
    m_w.state.delivery.clear();
    m_w.state.easy = EasyState{};
    m_w.refresh_status();
    home();
}

} // namespace bl::production
