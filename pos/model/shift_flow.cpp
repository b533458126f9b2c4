#include "pos/model/shift_flow.hpp"

#include "pos/model/access_flow.hpp"
#include "pos/model/cash_count.hpp"

namespace bl::pos {

namespace {

const char* const the_till_is_closed =
    BL_N_("The till is not open. Open a shift and count the float first.");

} // namespace

ShiftFlow::ShiftFlow(TillContext& till, AccessFlow& access) : m_till(till), m_access(access) {}

void ShiftFlow::open_shift(const std::string& counted_float) {
    if (m_till.need_login())
        return;
    auto amount = m_till.read_money(counted_float);
    if (!amount)
        return;
    auto s = m_till.ports.shifts.open_shift(m_till.state.staff->id, *amount);
    if (!s) {
        m_till.say(s.error());
        return;
    }
    m_till.refresh_status();
    m_till.show_sale();
}

void ShiftFlow::open_drawer() {
    if (m_till.need_login() || !m_till.gate(BL_N_("Only an organiser can open the drawer "
                                                  "without a sale."),
                                            [this] { open_drawer(); }))
        return;
    if (auto problem =
            m_till.ports.journal.journal(m_till.state.staff->id, JournalKind::drawer_opened,
                                         JsonObject{{"without_sale", true}})) {
        m_till.say(*problem); // not journaled, so not opened
        return;
    }
    m_till.ports.printer.open_drawer(m_till.while_alive([this](std::optional<Message> problem) {
        if (problem)
            m_till.say(*problem);
    }));
}

void ShiftFlow::set_training(bool on) {
    if (m_till.need_login() ||
        !m_till.gate(BL_N_("Only an organiser can turn training mode on or off."),
                     [this, on] { set_training(on); }))
        return;
    TillState& s = m_till.state;
    if (!s.cart.empty() || !std::holds_alternative<Selling>(s.mode)) {
        m_till.say(Message(BL_N_("Finish or empty the current sale first.")));
        return;
    }
    // A parked basket must not cross into or out of practice: a real customer's would not
    // be kept, a practice one could be sold for real.
    if (!s.parked.empty() && on != s.training) {
        m_till.say(Message(BL_N_("Resume and finish the parked sales first.")));
        return;
    }
    if (on == s.training)
        return;
    if (auto problem = m_till.ports.journal.journal(
            s.staff->id, on ? JournalKind::training_on : JournalKind::training_off, {})) {
        m_till.say(*problem);
        return;
    }
    s.training = on;
    m_till.views.sale.show_training(on);
}

void ShiftFlow::x_report() {
    if (m_till.need_login())
        return;
    auto shift = m_till.ports.shifts.current_shift();
    if (!shift) {
        m_till.say(Message(the_till_is_closed));
        return;
    }
    const ShiftTotals t = m_till.ports.shifts.shift_totals(shift->id);
    if (auto problem =
            m_till.ports.journal.journal(m_till.state.staff->id, JournalKind::x_report,
                                         JsonObject{{"shift_id", shift->id},
                                                    {"gross_ore", t.gross.ore()},
                                                    {"cash_ore", t.cash.ore()},
                                                    {"card_ore", t.card.ore()},
                                                    {"mobilepay_ore", t.mobilepay.ore()}})) {
        m_till.say(*problem);
        return;
    }
    const TillState& s = m_till.state;
    m_till.views.x_report.show_x_report(t, s.settings.mobilepay_name);
    receipts::ShiftReportData report;
    report.shop = s.settings.shop;
    report.till_name = m_till.ports.settings.device().name;
    report.staff_name = s.staff->name;
    report.opened_at = shift->opened_at;
    report.printed_at = m_till.ports.journal.now();
    report.totals = t;
    report.opening_float = shift->opening_float;
    report.mobilepay_name = s.settings.mobilepay_name;
    m_till.print(receipts::shift_report(report));
}

std::optional<Shift> ShiftFlow::closable_shift(bool use_approval, std::function<void()> retry) {
    if (m_till.need_login())
        return std::nullopt;
    if (!m_till.state.cart.empty() || !std::holds_alternative<Selling>(m_till.state.mode)) {
        m_till.say(Message(BL_N_("Finish or empty the current sale before closing the day.")));
        return std::nullopt;
    }
    const char* refusal = BL_N_("Only an organiser can close the day with a Z report.");
    if (!(use_approval ? m_till.gate(refusal, std::move(retry))
                       : m_till.allowed(refusal, std::move(retry))))
        return std::nullopt;
    auto shift = m_till.ports.shifts.current_shift();
    if (!shift)
        m_till.say(Message(the_till_is_closed));
    return shift;
}

void ShiftFlow::begin_close_shift() {
    auto shift = closable_shift(false, [this] { begin_close_shift(); });
    if (!shift)
        return;
    const ShiftTotals totals = m_till.ports.shifts.shift_totals(shift->id);
    m_expected = totals.expected_cash;
    m_till.views.close_day.show_close_shift(totals, m_till.state.settings.mobilepay_name);
    m_till.views.close_day.show_count(DrawerCount{std::nullopt, m_expected, std::nullopt, false});
}

void ShiftFlow::count_drawer(const std::vector<std::string>& by_denomination,
                             const std::string& total) {
    DrawerCount c;
    c.expected = m_expected;
    if (total.find_first_not_of(' ') != std::string::npos) {
        if (auto typed = parse_money(total))
            c.counted = typed.value();
    } else {
        c.counted = count_typed_cash(by_denomination);
        c.by_denomination = c.counted.has_value();
    }
    if (c.counted)
        c.difference = *c.counted - c.expected;
    m_till.views.close_day.show_count(c);
}

void ShiftFlow::close_shift(const std::vector<std::string>& by_denomination,
                            const std::string& total) {
    if (m_till.need_login())
        return;
    auto counted = m_till.read_money(total);
    if (!counted)
        return;
    auto shift = closable_shift(
        true, [this, by_denomination, total] { close_shift(by_denomination, total); });
    if (!shift)
        return;
    ShiftBook& book = m_till.ports.shifts;
    const ShiftTotals totals = book.shift_totals(shift->id);
    auto z = book.close_shift(m_till.state.staff->id, shift->id, *counted);
    if (!z) {
        m_till.say(z.error());
        return;
    }
    // Committed: now the Z report can be shown, printed and the database backed up.
    const TillState& s = m_till.state;
    receipts::ShiftReportData report;
    report.shop = s.settings.shop;
    report.till_name = m_till.ports.settings.device().name;
    report.staff_name = s.staff->name;
    report.z = true;
    report.z_number = z.value().z_number.value_or(0);
    report.opened_at = shift->opened_at;
    report.printed_at = z.value().closed_at.value_or(m_till.ports.journal.now());
    report.totals = totals;
    report.opening_float = shift->opening_float;
    report.counted = *counted;
    report.mobilepay_name = s.settings.mobilepay_name;
    // The notes and coins go on the report when they are what was counted.
    if (count_typed_cash(by_denomination) == *counted) {
        const auto counts = typed_counts(by_denomination);
        for (std::size_t i = 0; i < counts.size(); ++i)
            report.counted_by_denomination.emplace_back(Money::from_ore(cash_denominations[i]),
                                                        counts[i]);
    }
    const receipts::ReceiptText text = receipts::shift_report(report);
    m_z_problems.clear();
    m_z_on_screen = true;
    m_till.views.z_report.show_z_report(report.z_number, text,
                                        DrawerCount{*counted, totals.expected_cash,
                                                    *counted - totals.expected_cash,
                                                    !report.counted_by_denomination.empty()});
    m_till.refresh_status();
    m_till.ports.printer.deliver(text, m_till.while_alive([this](std::optional<Message> p) {
        z_problem(ZStep::printed, p);
    }));
    book.back_up_after_z(report.z_number, m_till.while_alive([this](std::optional<Message> p) {
        z_problem(ZStep::backed_up, p);
    }));
}

void ShiftFlow::z_problem(ZStep step, const std::optional<Message>& problem) {
    if (m_z_on_screen)
        m_till.views.z_report.show_z_step(step, problem);
    if (!problem)
        return;
    m_till.say(*problem);
    if (m_z_on_screen)
        m_z_problems.push_back(*problem);
}

void ShiftFlow::finish_day() {
    m_z_on_screen = false;
    m_access.log_out();
    for (const Message& m : std::exchange(m_z_problems, {}))
        m_till.say(m);
}

} // namespace bl::pos
