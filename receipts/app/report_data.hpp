#pragma once
/// What bundlinje-report reads from a database to fill a document: the period report's
/// metrics and scope, one sale's impact receipt, one maker's statement. Each step that can
/// be refused (a bad date, an unknown shop, an empty period) says why.

#include <optional>
#include <string>
#include <vector>

#include "receipts/layout/impact_documents.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/impact/coefficients.hpp"
#include "shared/store/database.hpp"

namespace bl::report {

/// A period as typed: both dates real, the first not after the last.
Result<impact::Period, Message> read_period(const std::string& from, const std::string& to);

/// A shop or a workshop named by its id or its name (any case); none when `typed` is empty.
Result<std::optional<std::string>, Message> find_shop_id(Database& db, const std::string& typed);
Result<std::optional<std::string>, Message> find_workshop_id(Database& db,
                                                             const std::string& typed);

/// The period report's data; refused for a period with no sales and no work logged.
Result<doc::PeriodReportData, Message> period_report_data(Database& db, const impact::Period& p,
                                                          const impact::Scope& scope,
                                                          const impact::Coefficients& c,
                                                          Timestamp generated_at);

/// The ids of the sales (not refunds, not training) in the period, oldest first.
std::vector<std::string> sales_in(Database& db, const impact::Period& p,
                                  const std::optional<std::string>& shop_id);

/// One sale's impact receipt; none when no such sale.
std::optional<doc::ImpactReceiptData> impact_receipt_data(Database& db, const std::string& sale_id,
                                                          Timestamp generated_at);

/// A maker's statement; refused for an unknown or erased maker.
Result<doc::MakerStatementData, Message> maker_statement_data(Database& db,
                                                              const std::string& maker_id,
                                                              const impact::Period& p,
                                                              Timestamp generated_at);

} // namespace bl::report
