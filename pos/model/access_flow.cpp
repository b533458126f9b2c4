#include "pos/model/access_flow.hpp"

#include "pos/model/cart_keeper.hpp"
#include "pos/model/settings_flow.hpp"

namespace bl::pos {

namespace {

// "The last receipt recorded on this till: no. 25, 30.11.2026 14:03, 189,00 kr." (no full
// stop of its own: the amount ends with one)
std::optional<Message> last_recorded(ReceiptArchive& receipts) {
    const std::int64_t n = receipts.last_receipt_number();
    if (n <= 0)
        return std::nullopt;
    const auto sale = receipts.find_receipt(n);
    if (!sale)
        return std::nullopt;
    if (sale->refund_of)
        return Message(BL_N_("The last receipt recorded on this till: no. %s, %s, a refund of %s"),
                       {std::to_string(n), format_copenhagen(sale->sold_at),
                        format_dkk(Money::from_ore(-sale->total().ore()))});
    return Message(
        BL_N_("The last receipt recorded on this till: no. %s, %s, %s"),
        {std::to_string(n), format_copenhagen(sale->sold_at), format_dkk(sale->total())});
}

} // namespace

AccessFlow::AccessFlow(TillContext& till, CartKeeper& keeper) : m_till(till), m_keeper(keeper) {}

void AccessFlow::start() {
    TillState& s = m_till.state;
    s.staff.reset();
    s.approver.reset(); // an approval is for the session it was given in
    s.settings = read_settings(m_till.ports.settings);
    if (s.training) {
        // A practice basket is not kept for whoever logs in next.
        s.training = false;
        m_till.views.sale.show_training(false);
        s.cart.clear();
    }
    // Whatever was going on goes back to ringing up; part payments stay with the cart.
    if (auto* paying = std::get_if<Paying>(&s.mode))
        s.mode = Selling{paying->tender.payments()};
    else if (!std::holds_alternative<Selling>(s.mode))
        s.mode = Selling{};
    if (!m_started) {
        m_started = true;
        m_keeper.restore(s);
        m_last_recorded = last_recorded(m_till.ports.receipts);
    }
    // The open cart stays for the next login (after a logout, or a restart).
    m_keeper.keep(s);
    m_till.views.login.show_login(m_till.ports.staff.staff_list());
    if (m_last_recorded)
        m_till.views.messages.show_news(*m_last_recorded);
    m_till.refresh_status();
}

void AccessFlow::log_in(const std::string& staff_id, const std::string& pin) {
    auto r = pos::log_in(m_till.ports.staff, staff_id, pin, m_till.ports.journal.now());
    if (!r) {
        m_till.say(r.error());
        return;
    }
    m_till.state.staff = r.value();
    m_till.views.messages.clear(); // the previous person's wrong PINs and lockouts are stale
    m_till.refresh_status();
    if (!m_till.ports.shifts.current_shift())
        m_till.ask_float();
    else
        m_till.show_sale();
    m_till.views.sale.show_parked(m_till.state.parked.size());
    const auto news = m_keeper.take_news();
    if (news.empty() && m_last_recorded)
        m_till.views.messages.show_news(*m_last_recorded); // once more, where the sale is
    m_last_recorded.reset();
    for (const Message& m : news)
        m_till.say(m);
}

void AccessFlow::log_out() {
    if (m_till.state.staff)
        m_till.ports.staff.logout(m_till.state.staff->id);
    start();
}

void AccessFlow::approve(const std::string& organiser_id, const std::string& pin) {
    if (m_till.need_login())
        return;
    auto who = m_till.ports.staff.find(organiser_id);
    if (!who || !role_at_least(who->role, StaffRole::organiser)) {
        m_till.say(Message(BL_N_("Only an organiser can approve.")));
        return;
    }
    auto r = pos::log_in(m_till.ports.staff, organiser_id, pin, m_till.ports.journal.now(), true);
    if (!r) {
        m_till.say(r.error());
        return;
    }
    m_till.state.approver = r.value();
    m_till.views.messages.clear();
    if (auto next = m_till.take_after_approval()) {
        next(); // what was asked for goes ahead
        return;
    }
    m_till.show_sale();
    m_till.views.messages.show_news(
        Message(BL_N_("%s approved the next action. Do it now."), {r.value().name}));
}

void AccessFlow::cancel_approval() {
    (void)m_till.take_after_approval();
    m_till.state.approver.reset();
    m_till.show_sale();
}

} // namespace bl::pos
