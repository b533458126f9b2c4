#include "pos/model/till_context.hpp"

#include "pos/model/cart_keeper.hpp"

namespace bl::pos {

TillContext::TillContext(TillPorts p, TillViews v, CartKeeper& keeper)
    : ports(p), views(v), m_keeper(keeper) {}

bool TillContext::need_login() {
    if (state.staff)
        return false;
    say(Message(BL_N_("Log in before selling.")));
    return true;
}

StaffRole TillContext::effective_role() const {
    StaffRole r = state.staff ? state.staff->role : StaffRole::staff;
    if (state.approver && role_at_least(state.approver->role, r))
        r = state.approver->role;
    return r;
}

Permissions TillContext::permissions() const {
    Money limit = Money::from_kroner(50);
    if (auto m = parse_money(state.settings.discount_limit); m && !m.value().is_negative())
        limit = m.value();
    return Permissions{effective_role(), limit};
}

OrganiserActions TillContext::organiser_actions() {
    if (role_at_least(effective_role(), StaffRole::organiser))
        return OrganiserActions::allowed;
    for (const auto& u : ports.staff.staff_list())
        if (role_at_least(u.role, StaffRole::organiser) &&
            (!state.staff || u.id != state.staff->id))
            return OrganiserActions::with_approval;
    return OrganiserActions::never;
}

bool TillContext::allowed(const char* refusal, std::function<void()> retry) {
    if (role_at_least(effective_role(), StaffRole::organiser))
        return true;
    if (!retry || !ask_approval(Message(refusal), std::move(retry)))
        say(Message(refusal));
    return false;
}

bool TillContext::ask_approval(const Message& why, std::function<void()> retry) {
    std::vector<StaffUser> organisers;
    for (const auto& u : ports.staff.staff_list())
        if (role_at_least(u.role, StaffRole::organiser) && state.staff && u.id != state.staff->id)
            organisers.push_back(u);
    if (organisers.empty())
        return false;
    m_after_approval = std::move(retry);
    views.approval.show_approval(organisers, why);
    return true;
}

bool TillContext::gate(const char* refusal, std::function<void()> retry) {
    if (!allowed(refusal, std::move(retry)))
        return false;
    state.approver.reset(); // an approval covers one action
    return true;
}

const std::vector<Payment>& TillContext::taken() const {
    if (const auto* paying = std::get_if<Paying>(&state.mode))
        return paying->tender.payments();
    static const std::vector<Payment> none;
    const auto* selling = std::get_if<Selling>(&state.mode);
    return selling ? selling->taken : none;
}

bool TillContext::part_paid() {
    if (taken().empty())
        return false;
    say(Message(BL_N_("Part of this sale is already paid. Press Pay to take the rest, or to "
                      "undo the part payments.")));
    return true;
}

Cart* TillContext::cart_to_change() {
    if (need_login())
        return nullptr;
    if (std::holds_alternative<Paying>(state.mode)) {
        say(Message(BL_N_("The sale is being paid. Take the rest, or go back to the sale "
                          "first.")));
        return nullptr;
    }
    if (!std::holds_alternative<Selling>(state.mode)) {
        say(Message(BL_N_("Go back to the sale first.")));
        return nullptr;
    }
    if (part_paid())
        return nullptr;
    return &state.cart;
}

void TillContext::ask_float() {
    views.open_shift.show_open_shift(state.staff ? state.staff->name : std::string(),
                                     ports.shifts.last_counted_cash());
}

void TillContext::show_sale() {
    if (!std::holds_alternative<Selling>(state.mode) && !std::holds_alternative<Paying>(state.mode))
        state.mode = Selling{};
    refresh_sale();
}

void TillContext::refresh_sale() {
    views.sale.show_sale(state.cart, state.cart.totals());
    m_keeper.keep(state);
}

void TillContext::refresh_status() {
    views.status.show_status(state.staff ? state.staff->name : std::string(),
                             ports.journal.unsent(), ports.journal.last_sync(),
                             ports.settings.device().name);
}

std::optional<Money> TillContext::read_money(const std::string& typed) {
    auto m = parse_money(typed);
    if (!m) {
        say(m.error());
        return std::nullopt;
    }
    return m.value();
}

std::vector<Sale> TillContext::todays_receipts() {
    const LocalTime now = to_copenhagen(ports.journal.now());
    return ports.receipts.receipts_since(from_copenhagen(now.year, now.month, now.day, 0, 0, 0));
}

receipts::ReceiptData TillContext::receipt_of(const Sale& sale) {
    receipts::ReceiptData data;
    data.shop = state.settings.shop;
    const Device device = ports.settings.device();
    data.till_name = device.name;
    data.device_number = device.number;
    data.staff_name = state.staff ? state.staff->name : std::string();
    data.mobilepay_name = state.settings.mobilepay_name;
    // The shop's last line ("Tak for dit køb!") thanks for a purchase: not on a refund.
    if (!state.settings.receipt_footer.empty() && !sale.refund_of)
        data.footer = {state.settings.receipt_footer};
    data.sale = sale;
    if (!state.staff || sale.staff_id != state.staff->id)
        if (auto seller = ports.staff.find(sale.staff_id))
            data.staff_name = seller->name;
    if (sale.refund_of) {
        if (auto original = ports.receipts.find_sale(*sale.refund_of))
            data.refund_of_number = original->receipt_number;
    } else if (auto impact = ports.receipts.receipt_impact(sale.id); impact && !impact->empty()) {
        data.impact = receipts::ImpactBlock{impact->workshops, impact->makers, impact->named,
                                            display_minutes(impact->work), impact->approximate};
    }
    return data;
}

void TillContext::print_receipt_of(const Sale& sale) {
    try {
        receipts::ReceiptData data = receipt_of(sale);
        state.last_receipt = data;
        print(receipts::sales_receipt(data),
              sale.training ? std::nullopt : std::optional(sale.receipt_number));
    } catch (const std::exception&) {
        say(Message(BL_N_("Recorded, but its receipt could not be made: print it with Receipt "
                          "copy once the till works again.")));
    }
}

Reply TillContext::while_alive(std::function<void(std::optional<Message>)> then) {
    // Called on the till's thread, as the till is destroyed there: no race on the check.
    return [alive = std::weak_ptr<int>(m_alive),
            then = std::move(then)](std::optional<Message> problem) {
        if (!alive.expired())
            then(std::move(problem));
    };
}

void TillContext::print(const receipts::ReceiptText& text,
                        std::optional<std::int64_t> receipt_number) {
    ports.printer.deliver(text, while_alive([this, receipt_number](std::optional<Message> problem) {
                              if (!problem)
                                  return;
                              if (receipt_number && offer_copy)
                                  views.messages.ask(
                                      *problem, Message(BL_N_("Print a copy")),
                                      [this, n = *receipt_number] { offer_copy(n); });
                              else
                                  say(*problem);
                          }));
}

} // namespace bl::pos
