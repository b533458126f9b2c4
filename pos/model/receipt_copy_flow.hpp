#pragma once
/// Copies of receipts, marked KOPI and journaled: the till asks which receipt (the last one
/// suggested) and finds any receipt of this till, also from before a restart, as it was
/// printed (seller, original of a refund, impact block). A copy never opens the drawer.
/// And, on request, a sale's "Bag om tingene" receipt: what is behind the goods, printed
/// like a receipt, from the change screen or for any receipt of this till.

#include <optional>
#include <string>

#include "pos/model/till_context.hpp"

namespace bl::pos {

class ReceiptCopyFlow {
public:
    explicit ReceiptCopyFlow(TillContext& till);

    void begin_copy();
    /// The receipt as typed or scanned; empty: the last one.
    void copy_receipt(const std::string& receipt);
    /// "Bag om tingene" for the receipt as typed or scanned (empty: the last one); then back
    /// to the sale.
    void impact_receipt(const std::string& receipt);
    /// "Bag om tingene" for the sale just made, from the change screen, which stays.
    void impact_of_last_sale();

private:
    /// The receipt as typed or scanned (empty: the last one, training included), as it was
    /// printed; nothing after saying why not.
    std::optional<receipts::ReceiptData> receipt_asked_for(const std::string& receipt);
    /// What is behind a sale, for its "Bag om tingene"; nothing after saying why there is
    /// none (a training sale, a refund).
    std::optional<doc::ImpactReceiptData> impact_of(const Sale& sale);
    /// Prints it like a receipt and says so. Reading and printing it changes nothing: the
    /// sale stays as it was whatever happens to the paper.
    void print_impact(const doc::ImpactReceiptData& data);
    TillContext& m_till;
};

} // namespace bl::pos
