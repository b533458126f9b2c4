#pragma once
/// Refunds, organisers only: find the receipt (typed or scanned), choose what comes back,
/// pay it out. The refund is recorded before its receipt is printed.

#include <string>

#include "pos/model/till_context.hpp"

namespace bl::pos {

class RefundFlow {
public:
    explicit RefundFlow(TillContext& till);

    void begin_refund();
    /// The receipt as typed ("42") or scanned ("R1-42").
    void find_refund(const std::string& receipt);
    void refund_more(std::size_t line);
    void refund_less(std::size_t line);
    void refund_pay(Tender tender);

private:
    RefundDraft* draft();
    TillContext& m_till;
};

} // namespace bl::pos
