#pragma once
/// The impact documents, in Danish, as documents of the layout model: the impact receipt for
/// one sale, the period impact report, and a maker's own statement. Every number on them
/// comes from shared/impact and carries its label (M measured, S self-reported or recorded
/// by staff, E estimated) and its time basis; makers are named only with their consent.

#include <optional>
#include <string>
#include <vector>

#include "receipts/layout/document.hpp"
#include "receipts/layout/sales_receipt.hpp"
#include "shared/core/domain.hpp"
#include "shared/impact/maker_summary.hpp"
#include "shared/impact/period.hpp"
#include "shared/impact/sale_impact.hpp"

namespace bl::doc {

/// The data a QR code on an impact receipt carries until the central store serves a public
/// page for it: the receipt's verification id and the method version.
std::string impact_receipt_code(const std::string& sale_id);

struct ImpactReceiptData {
    Shop shop;
    std::string sale_id;
    std::int64_t receipt_number = 0;
    Timestamp sold_at;
    std::vector<std::pair<std::string, std::int64_t>> items; ///< description, quantity
    SaleImpact impact;
    Timestamp generated_at;
};

/// "Bag om tingene": workshops, how many made the goods, the work in them, consented names,
/// the method and a QR code. No kroner of social value on a single receipt.
Document impact_receipt(const ImpactReceiptData& d, PageSpec page = a5());

/// The same for the till's receipt printer: 48-column text lines and the QR code, in the
/// same words (a CUPS printer gets it as an 80 mm PDF through receipt_document()).
receipts::ReceiptText impact_receipt_text(const ImpactReceiptData& d);

struct PeriodReportData {
    impact::PeriodMetrics metrics;
    std::vector<impact::Coefficient> coefficients;
    std::string scope_text;   ///< "Vielgut Studio; alle værksteder"
    std::string organisation; ///< who publishes it
    Timestamp generated_at;
};

/// The period impact report (A4, several pages): a summary by the three bottom lines with
/// measured numbers first, charts, the people, business and society sections, scope and
/// method, what was not counted, privacy, data completeness and the coefficient appendix.
Document period_report(const PeriodReportData& d);

struct MakerStatementData {
    std::string display_name; ///< the maker's own chosen name
    std::string workshop;
    impact::MakerSummary summary;
    int receipt_level = 0, report_level = 0, web_level = 0;
    Timestamp generated_at;
};

/// A maker's own statement in easy-read Danish and large type: their hours week by week,
/// what they helped make and how much reached customers, what they practised, and how they
/// are shown (and how to change it). No rankings, no money.
Document maker_statement(const MakerStatementData& d);

/// "1. september 2026"
std::string danish_date(const std::string& iso_date);

} // namespace bl::doc
