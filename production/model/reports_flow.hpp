#pragma once
/// Reports, for organisers: the impact documents of bundlinje-report (the period report as
/// PDF, CSV or JSON; an impact receipt per sale; a maker's statement) for a date range, a
/// workshop and a shop, made with the same data functions and layouts, into the documents
/// folder, with a progress dialog that can be cancelled.

#include <string>

#include "production/model/workshop_context.hpp"

namespace bl::production {

class ReportsFlow {
public:
    explicit ReportsFlow(WorkshopContext& w) : m_w(w) {}

    /// Suggests the last full month.
    void open();
    void make(const ReportRequest& request);

private:
    void period_report(const ReportRequest& r, const impact::Period& p);
    void impact_receipts(const ReportRequest& r, const impact::Period& p);
    void maker_statement(const ReportRequest& r, const impact::Period& p);
    WorkshopContext& m_w;
};

} // namespace bl::production
