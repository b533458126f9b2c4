#include "pos/model/checkout_flow.hpp"

#include "pos/model/cart_keeper.hpp"
#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"

namespace bl::pos {

CheckoutFlow::CheckoutFlow(TillContext& till, CartKeeper& keeper)
    : m_till(till), m_keeper(keeper) {}

TenderSession* CheckoutFlow::tender() {
    auto* paying = std::get_if<Paying>(&m_till.state.mode);
    return paying ? &paying->tender : nullptr;
}

void CheckoutFlow::pay() {
    if (m_till.need_login())
        return;
    TillState& s = m_till.state;
    if (tender()) { // already paying: show where it stands
        m_till.views.payment.show_payment(*tender(), s.settings.mobilepay_name);
        return;
    }
    if (!std::holds_alternative<Selling>(s.mode)) {
        m_till.say(Message(BL_N_("Go back to the sale first.")));
        return;
    }
    if (s.cart.empty()) {
        m_till.say(Message(BL_N_("The sale has no items. Scan or choose an item first.")));
        return;
    }
    if (!m_till.ports.shifts.current_shift()) {
        m_till.ask_float();
        return;
    }
    // Part payments already taken (before the till stopped) count towards this sale.
    const std::vector<Payment> earlier = std::get<Selling>(s.mode).taken;
    TenderSession t(s.cart.totals().total);
    for (const auto& p : earlier) {
        auto r = p.tender == Tender::cash   ? t.pay_cash(p.tendered)
                 : p.tender == Tender::card ? t.pay_card(p.amount, p.reference)
                                            : t.pay_mobilepay(p.amount, p.reference);
        if (!r)
            m_till.say(r.error());
    }
    s.mode = Paying{std::move(t)};
    m_till.views.payment.show_payment(*tender(), s.settings.mobilepay_name);
}

void CheckoutFlow::pay_cash(const std::string& handed_over) {
    if (!tender())
        return;
    // Nothing typed: the customer handed over the exact (rounded) amount.
    if (handed_over.find_first_not_of(" \r\n") == std::string::npos) {
        pay_cash_amount(tender()->remaining_in_cash());
        return;
    }
    // A scanner used on the payment screen types a barcode into the amount field.
    const bool digits_only = handed_over.size() >= 8 &&
                             handed_over.find_first_not_of("0123456789\r\n") == std::string::npos;
    if (digits_only && classify_barcode(handed_over)) {
        m_till.say(Message(BL_N_("That is a barcode, not an amount. To add the item, go back "
                                 "to the sale (Esc) and scan it there.")));
        return;
    }
    if (auto amount = m_till.read_money(handed_over))
        pay_cash_amount(*amount);
}

void CheckoutFlow::pay_cash_amount(Money handed_over) {
    if (!tender())
        return;
    if (auto r = tender()->pay_cash(handed_over); !r) {
        m_till.say(r.error());
        return;
    }
    finish_if_settled();
}

void CheckoutFlow::pay_card(const std::string& reference) {
    if (!tender())
        return;
    if (auto r = tender()->pay_card(std::nullopt, utf8_prefix(reference, 40)); !r) {
        m_till.say(r.error());
        return;
    }
    finish_if_settled();
}

void CheckoutFlow::pay_mobilepay() {
    if (!tender())
        return;
    if (auto r = tender()->pay_mobilepay(std::nullopt); !r) {
        m_till.say(r.error());
        return;
    }
    finish_if_settled();
}

void CheckoutFlow::pay_card_part(const std::string& amount, const std::string& reference) {
    pay_exactly(Tender::card, amount, reference);
}

void CheckoutFlow::pay_mobilepay_part(const std::string& amount) {
    pay_exactly(Tender::mobilepay, amount, {});
}

void CheckoutFlow::pay_exactly(Tender t, const std::string& amount, const std::string& reference) {
    if (!tender())
        return;
    std::optional<Money> a; // none typed: the rest
    if (!amount.empty()) {
        a = m_till.read_money(amount);
        if (!a)
            return;
    }
    auto r = t == Tender::card ? tender()->pay_card(a, utf8_prefix(reference, 40))
                               : tender()->pay_mobilepay(a);
    if (!r) {
        m_till.say(r.error());
        return;
    }
    finish_if_settled();
}

void CheckoutFlow::cancel_payment() {
    TenderSession* t = tender();
    if (t && !t->payments().empty()) {
        // Money has changed hands (a card or MobilePay part, or cash in the drawer): the till
        // must not forget it by going back.
        m_till.say(Message(BL_N_("%s of this sale is already paid. Take the rest, or undo the "
                                 "part payments (and give the money back) first."),
                           {format_dkk(t->paid())}));
        return;
    }
    m_till.state.mode = Selling{};
    m_till.refresh_sale();
}

void CheckoutFlow::undo_payment() {
    TenderSession* t = tender();
    if (!t || t->payments().empty())
        return;
    const Payment p = t->payments().back();
    // Journaled first: if the journal cannot take it, the payment stays as it was.
    if (auto problem =
            m_till.ports.journal.journal(m_till.state.staff->id, JournalKind::part_payment_undone,
                                         JsonObject{{"tender", std::string(to_string(p.tender))},
                                                    {"amount_ore", p.amount.ore()},
                                                    {"reference", p.reference}})) {
        m_till.say(*problem);
        return;
    }
    t->undo_last();
    m_keeper.keep(m_till.state);
    m_till.views.payment.show_payment(*t, m_till.state.settings.mobilepay_name);
}

void CheckoutFlow::finish_if_settled() {
    TillState& s = m_till.state;
    TenderSession& t = *tender();
    if (!t.settled()) {
        m_keeper.keep(s); // a part payment is kept with the cart
        m_till.views.payment.show_payment(t, s.settings.mobilepay_name);
        return;
    }
    Sale sale;
    sale.lines = s.cart.sale_lines();
    sale.payments = t.payments();
    sale.training = s.training;
    // The sale is recorded in one transaction before anything is printed or shown as done.
    auto done = m_till.ports.receipts.record_sale(s.staff->id, sale);
    if (!done) {
        m_till.say(done.error());
        t.undo_last();
        m_keeper.keep(s);
        m_till.views.payment.show_payment(t, s.settings.mobilepay_name);
        return;
    }
    // Recorded: the till moves on before it reads anything else, so a fault after the commit
    // can never leave a paid sale on screen to be paid again (found by tests/crash's I/O fault
    // sweep).
    const Money change = t.change();
    s.cart.clear();
    if (!sale.training)
        m_keeper.sold(); // the store took the kept open cart away with the sale
    s.mode = Selling{};
    m_till.views.done.show_done(done.value(), change, !sale.training);
    m_till.print_receipt_of(done.value());
    m_till.refresh_status();
}

} // namespace bl::pos
