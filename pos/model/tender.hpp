#pragma once
/// Taking payment: cash (rounded to 50 øre on the cash part only), card on the external
/// terminal, MobilePay, and any split of them. The tender adds up payments until the amount
/// due is settled; nothing is recorded until the whole sale commits.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::pos {

class TenderSession {
public:
    /// Starts paying `total` (negative for a refund: money goes back to the customer).
    explicit TenderSession(Money total) : m_total(total) {}

    Money total() const { return m_total; }
    /// What is still to be settled, exactly (before any cash rounding).
    Money remaining() const;
    /// What the customer pays if the rest is paid in cash (rounded to 50 øre).
    Money remaining_in_cash() const;
    bool settled() const { return remaining().is_zero(); }
    const std::vector<Payment>& payments() const { return m_payments; }
    /// Change to hand back in cash, over all cash payments.
    Money change() const;
    /// What the payments so far add up to.
    Money paid() const;

    /// Cash handed over. At least the rest rounded: settles it and gives change. Less:
    /// a part payment (in whole 50 øre, as Danish coins are), the rest to pay another way.
    /// On a refund, pays the rest out in cash (rounded).
    Result<Payment, Message> pay_cash(Money handed_over);
    /// Card on the external terminal; `amount` defaults to the rest.
    Result<Payment, Message> pay_card(std::optional<Money> amount, std::string reference = {});
    /// MobilePay (or whatever the shop calls it); `amount` defaults to the rest.
    Result<Payment, Message> pay_mobilepay(std::optional<Money> amount, std::string reference = {});
    /// Takes back the last payment (before the sale is committed).
    void undo_last();

    /// Amounts to offer as buttons for cash: the exact (rounded) rest, then 50, 100, 200,
    /// 500 and 1000 kr. where they cover it.
    std::vector<Money> quick_cash_amounts() const;

private:
    Result<Payment, Message> pay_exact(Tender t, std::optional<Money> amount,
                                       std::string reference);
    Money m_total;
    std::vector<Payment> m_payments;
};

/// The most a kept cart (its lines before discounts) or its part payments may add up to when
/// brought back after a crash: far beyond any sale (10,000,000,000 kr.) and far from the
/// overflow of the till's sums. A kept text beyond it was not written by a till.
inline constexpr std::int64_t max_kept_ore = 1'000'000'000'000'000;

/// Part payments already taken for a sale not yet recorded, as lines kept with the cart
/// against a crash ("pay;card;30000;0;0;0;Nets 4711"): card and MobilePay money has left the
/// customer's account, so a restarted till must not forget it.
std::string save_payments(const std::vector<Payment>& payments);
/// Reads save_payments' lines back; unreadable lines, and amounts beyond max_kept_ore (each,
/// or added up), are left out and counted in `dropped`.
std::vector<Payment> restore_payments(std::string_view saved, std::size_t& dropped);
/// Whether a kept line is one of save_payments'.
bool is_saved_payment(std::string_view line);

} // namespace bl::pos
