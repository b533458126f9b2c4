#include "pos/model/tender.hpp"

#include "shared/core/cash_rounding.hpp"

namespace bl::pos {

Money TenderSession::remaining() const {
    Money r = m_total;
    for (const auto& p : m_payments)
        r -= p.amount - p.rounding; // what each payment settles of the exact total
    return r;
}

Money TenderSession::remaining_in_cash() const {
    return round_cash(remaining());
}

Money TenderSession::change() const {
    Money c;
    for (const auto& p : m_payments)
        c += p.change;
    return c;
}

Result<Payment, Message> TenderSession::pay_cash(Money handed_over) {
    const Money rest = remaining();
    if (rest.is_zero())
        return err(Message(BL_N_("The sale is already paid.")));
    Payment p;
    p.tender = Tender::cash;
    if (rest.is_negative()) { // a refund: pay the rest out, rounded
        p.amount = round_cash(rest);
        p.rounding = p.amount - rest;
        m_payments.push_back(p);
        return p;
    }
    if (handed_over.ore() <= 0)
        return err(Message(BL_N_("Type the amount the customer handed over.")));
    if (handed_over.ore() % 50 != 0)
        return err(Message(BL_N_("Cash comes in whole 50 øre: %s cannot be handed over."),
                           {format_dkk(handed_over)}));
    const Money due = round_cash(rest);
    if (handed_over >= due) {
        p.amount = due;
        p.rounding = due - rest;
        p.tendered = handed_over;
        p.change = handed_over - due;
    } else {
        // A part payment in cash: no rounding now; the rest is paid another way.
        p.amount = handed_over;
        p.tendered = handed_over;
    }
    m_payments.push_back(p);
    return p;
}

Result<Payment, Message> TenderSession::pay_exact(Tender t, std::optional<Money> amount,
                                                  std::string reference) {
    const Money rest = remaining();
    if (rest.is_zero())
        return err(Message(BL_N_("The sale is already paid.")));
    const Money a = amount.value_or(rest);
    if (a.is_zero() || a.is_negative() != rest.is_negative())
        return err(Message(BL_N_("Type an amount between 0 kr. and the %s still due."),
                           {format_dkk(rest)}));
    if ((rest.is_negative() ? -a : a) > (rest.is_negative() ? -rest : rest))
        return err(Message(BL_N_("%s is more than the %s still due. Cards and MobilePay are "
                                 "paid to the øre, so there is no change."),
                           {format_dkk(a), format_dkk(rest)}));
    Payment p;
    p.tender = t;
    p.amount = a;
    p.reference = std::move(reference);
    m_payments.push_back(p);
    return p;
}

Result<Payment, Message> TenderSession::pay_card(std::optional<Money> amount,
                                                 std::string reference) {
    return pay_exact(Tender::card, amount, std::move(reference));
}

Result<Payment, Message> TenderSession::pay_mobilepay(std::optional<Money> amount,
                                                      std::string reference) {
    return pay_exact(Tender::mobilepay, amount, std::move(reference));
}

void TenderSession::undo_last() {
    if (!m_payments.empty())
        m_payments.pop_back();
}

std::vector<Money> TenderSession::quick_cash_amounts() const {
    std::vector<Money> out;
    const Money due = remaining_in_cash();
    if (due.ore() <= 0)
        return out;
    out.push_back(due);
    for (std::int64_t kr : {50, 100, 200, 500, 1000}) {
        const Money m = Money::from_kroner(kr);
        if (m > due)
            out.push_back(m);
    }
    return out;
}

} // namespace bl::pos
