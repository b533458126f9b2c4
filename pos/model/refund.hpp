#pragma once
/// A refund being put together: the original receipt, how many of each line can still be
/// refunded, and how many the customer brings back. The refund is a sale with negative lines
/// that name the original lines; the store checks it again when it commits.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::pos {

/// The receipts of `all` that match what is typed: all of them for nothing typed; by number
/// for digits ("4" finds 4, 14, 42 ...) or a receipt barcode ("R1-42"); else every word in
/// the name of an item on the receipt (æ/ae, ø/oe, å/aa fold together). In `all`'s order.
std::vector<Sale> matching_receipts(const std::vector<Sale>& all, const std::string& typed);

/// Reads what was typed or scanned to find a receipt: "42", or the receipt barcode
/// "R1-42" (which must be this till's number), for a refund or a copy. Training receipts
/// ("T1-…") are refused.
Result<std::int64_t, Message> parse_receipt_reference(const std::string& input,
                                                      int this_device_number);

class RefundDraft {
public:
    /// `already[i]` is how many of original line i+1 earlier refunds took back.
    RefundDraft(Sale original, std::vector<std::int64_t> already);

    const Sale& original() const { return m_original; }
    std::int64_t can_refund(std::size_t line) const;
    std::int64_t chosen(std::size_t line) const { return m_chosen.at(line); }
    /// Sets how many of a line come back (0 up to what can still be refunded).
    std::optional<Message> choose(std::size_t line, std::int64_t quantity);
    bool any() const;
    /// The refund's total (negative): each line's share of what was paid, never more.
    Money total() const;
    /// What is paid out if it is paid in cash: the total rounded to 50 øre.
    Money total_in_cash() const;
    /// The refund as the store records it.
    Sale to_sale() const;

private:
    SaleLine refund_line(std::size_t i) const;
    Sale m_original;
    std::vector<std::int64_t> m_already;
    std::vector<std::int64_t> m_chosen;
};

} // namespace bl::pos
