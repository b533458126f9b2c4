#include "shared/rules/sale_rules.hpp"

#include "shared/core/cash_rounding.hpp"
#include "shared/core/text.hpp"

namespace bl {

std::optional<Message> check_sale_lines(const Sale& sale) {
    if (sale.lines.empty())
        return Message(BL_N_("The sale has no items. Scan or choose an item first."));
    const bool refund = sale.lines.front().quantity < 0;
    for (const auto& l : sale.lines) {
        if (l.quantity == 0)
            return Message(BL_N_("A quantity of 0 is not a sale. Remove the line instead."));
        if ((l.quantity < 0) != refund)
            return Message(BL_N_("A sale and a refund must be separate receipts."));
        if (l.quantity > max_line_quantity || l.quantity < -max_line_quantity)
            return Message(BL_N_("%s items on one line is more than the till accepts. Check "
                                 "the quantity."),
                           {std::to_string(l.quantity)});
        if (l.unit_price.is_negative())
            return Message(BL_N_("A price cannot be negative."));
        if (!l.vat_rate.valid())
            return Message(BL_N_("The VAT rate must be 25 %% or 0 %%."));
        const Money gross = l.unit_price.times(l.quantity);
        // A discount moves the line towards zero and never past it: on a sale it is between
        // 0 and the gross, on a refund between the (negative) gross and 0.
        const bool bad_discount = refund ? (l.discount.ore() > 0 || l.discount < gross)
                                         : (l.discount.is_negative() || l.discount > gross);
        if (bad_discount)
            return Message(BL_N_("The discount on \"%s\" is larger than the line itself."),
                           {l.description});
        if (refund && (!l.refund_of_sale_id || !l.refund_of_line_no))
            return Message(BL_N_("A refund must name the receipt it refunds."));
    }
    return std::nullopt;
}

std::optional<Message> check_payments(const Sale& sale) {
    if (sale.payments.empty())
        return Message(BL_N_("Choose how the customer pays."));
    const Money total = sale.total();
    const bool refund = total.is_negative();
    Money paid;
    Money rounding;
    for (const auto& p : sale.payments) {
        // A reference is journaled and sent: it must be text the central store can read.
        if (!is_valid_utf8(p.reference))
            return Message(BL_N_("The payment's reference contains characters that cannot be "
                                 "read. Type it again."));
        if (p.tender != Tender::cash && !p.rounding.is_zero())
            return Message(BL_N_("Only cash is rounded to 50 øre; card and MobilePay are paid "
                                 "to the øre."));
        if (p.tender == Tender::cash) {
            const Money exact = p.amount - p.rounding;
            if (round_cash(exact) != p.amount)
                return Message(BL_N_("Cash must be rounded to 50 øre: %s should be %s."),
                               {format_dkk(exact), format_dkk(round_cash(exact))});
            if (!refund) {
                if (p.tendered < p.amount)
                    return Message(BL_N_("The customer handed over %s, but %s is due in cash."),
                                   {format_dkk(p.tendered), format_dkk(p.amount)});
                if (p.change != p.tendered - p.amount)
                    return Message(BL_N_("The change does not match: %s handed over, %s due, "
                                         "so %s back."),
                                   {format_dkk(p.tendered), format_dkk(p.amount),
                                    format_dkk(p.tendered - p.amount)});
            }
        }
        if (!total.is_zero() && (p.amount.is_negative() != refund) && !p.amount.is_zero())
            return Message(BL_N_("A payment goes the wrong way: a sale takes money in and a "
                                 "refund pays money out."));
        paid += p.amount;
        rounding += p.rounding;
    }
    if (paid != total + rounding) {
        const Money missing = total + rounding - paid;
        if (!refund && missing.ore() > 0)
            return Message(BL_N_("%s is still missing. The total is %s."),
                           {format_dkk(missing), format_dkk(total)});
        return Message(BL_N_("The payments (%s) do not add up to the total (%s)."),
                       {format_dkk(paid - rounding), format_dkk(total)});
    }
    return std::nullopt;
}

std::optional<Message> check_refund_line(const SaleLine& l, const RefundedLine& o, bool training,
                                         std::int64_t earlier_in_this_refund) {
    if (o.product_id != l.product_id || o.sold < 0 || o.is_refund_line)
        return Message(BL_N_("That receipt line cannot be refunded this way."));
    if (o.training != training)
        return Message(BL_N_("A training receipt can only be refunded in training mode, and a "
                             "real one only outside it."));
    const std::int64_t here = earlier_in_this_refund - l.quantity;
    const std::string receipt = std::to_string(o.receipt_number);
    if (o.already_refunded + here > o.sold) {
        const std::int64_t left = o.sold - o.already_refunded;
        if (left <= 0)
            return Message(BL_N_("\"%s\" on receipt %s has already been refunded in full."),
                           {l.description, receipt});
        return Message(BL_N_("Only %s of \"%s\" can still be refunded from receipt %s."),
                       {std::to_string(left), l.description, receipt});
    }
    // Never pay back more than the customer paid for those units.
    const std::int64_t cap_num = checked_mul(o.line_total.ore(), -l.quantity);
    const Money cap = Money::from_ore((cap_num + o.sold - 1) / o.sold);
    if (o.unit_price != l.unit_price || -l.line_total().ore() > cap.ore())
        return Message(BL_N_("The refund for \"%s\" is more than was paid for it."),
                       {l.description});
    return std::nullopt;
}

} // namespace bl
