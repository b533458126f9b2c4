#pragma once
/// The rules a sale, its payments and a refund must keep, as pure code over plain values:
/// the till's store checks a sale with them before it writes anything, and the central store
/// checks what a till sends with the same code. Each check returns why it refuses, in words
/// for the person at the till, or nothing when the sale keeps the rule.

#include <cstdint>
#include <optional>
#include <string>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"

namespace bl {

/// Largest quantity on one line of a receipt.
inline constexpr std::int64_t max_line_quantity = 9999;

/// The lines: at least one, all sold or all refunded (never both on one receipt), quantities
/// within bounds, prices not negative, a valid VAT rate, a discount that moves the line
/// towards zero and never past it, and refund lines that name the line they refund.
std::optional<Message> check_sale_lines(const Sale& sale);

/// The payments settle the total exactly: cash rounded to 50 øre (only cash), change as
/// handed over, every payment going the sale's way (money in for a sale, out for a refund).
std::optional<Message> check_payments(const Sale& sale);

/// What the store knows about an original receipt line that a refund line names.
struct RefundedLine {
    std::int64_t sold = 0; ///< units on the original line (negative if it was itself a refund)
    std::string product_id;
    bool training = false;       ///< the original receipt was a training receipt
    bool is_refund_line = false; ///< the original line itself refunds another line
    std::int64_t receipt_number = 0;
    Money unit_price;
    Money line_total;                  ///< what the customer paid for the whole line
    std::int64_t already_refunded = 0; ///< units earlier refunds took back
};

/// A refund line against its original: same product, same training series, no more units
/// than are left (counting `earlier_in_this_refund` units of other lines of the same refund),
/// and never more money back than was paid for those units.
std::optional<Message> check_refund_line(const SaleLine& refund_line, const RefundedLine& original,
                                         bool training, std::int64_t earlier_in_this_refund);

} // namespace bl
