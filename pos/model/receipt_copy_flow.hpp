#pragma once
/// Copies of receipts, marked KOPI and journaled: the till asks which receipt (the last one
/// suggested) and finds any receipt of this till, also from before a restart, as it was
/// printed (seller, original of a refund, impact block). A copy never opens the drawer.

#include <string>

#include "pos/model/till_context.hpp"

namespace bl::pos {

class ReceiptCopyFlow {
public:
    explicit ReceiptCopyFlow(TillContext& till);

    void begin_copy();
    /// The receipt as typed or scanned; empty: the last one.
    void copy_receipt(const std::string& receipt);

private:
    TillContext& m_till;
};

} // namespace bl::pos
