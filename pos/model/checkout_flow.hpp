#pragma once
/// Taking payment: cash with quick amounts and 50-øre rounding on the cash part, card with a
/// terminal reference, MobilePay, any split of them; part payments that cannot be forgotten;
/// the sale recorded in one transaction before the receipt is printed.

#include <optional>
#include <string>

#include "pos/model/till_context.hpp"

namespace bl::pos {

class CheckoutFlow {
public:
    CheckoutFlow(TillContext& till, CartKeeper& keeper);

    /// Opens payment for the cart's total; part payments taken before a restart count.
    void pay();
    /// Cash as typed; nothing typed is the exact amount (rounded to 50 øre). A barcode
    /// scanned into the amount field is recognised and explained.
    void pay_cash(const std::string& handed_over);
    void pay_cash_amount(Money handed_over);
    /// The rest on card (with the terminal's reference) or MobilePay.
    void pay_card(const std::string& reference);
    void pay_mobilepay();
    /// Part of the amount on card or MobilePay (split tender): `amount` as typed; empty
    /// means the rest.
    void pay_card_part(const std::string& amount, const std::string& reference);
    void pay_mobilepay_part(const std::string& amount);
    /// Back to the sale: refused once part of the sale is paid (money changed hands).
    void cancel_payment();
    /// Takes back the last part payment (the person gives that money back); journaled first.
    void undo_payment();

private:
    TenderSession* tender();
    void pay_exactly(Tender tender, const std::string& amount, const std::string& reference);
    /// Shows what is left to pay, or records the sale once it is settled.
    void finish_if_settled();
    TillContext& m_till;
    CartKeeper& m_keeper;
};

} // namespace bl::pos
