#pragma once
/// A period's metrics as rows for analysts' tools (CSV and JSON; docs/impact.md describes
/// every field): one row per figure with its value in a stated whole unit, its time basis,
/// its label (M, S, E), why it is missing when it is, and the IRIS+ metric it matches, if one
/// matches exactly.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/impact/period.hpp"

namespace bl::impact {

struct ExportRow {
    std::string key;                   ///< "people.active_makers"
    std::string section;               ///< people, business, society, completeness, estimate
    std::optional<std::int64_t> value; ///< none: suppressed (a group under 5) or not known
    std::string unit;  ///< makers, minutes, ore, units, receipts, permille, centi, kroner
    std::string basis; ///< production, sales, stock
    std::string label; ///< M, S, E
    std::string iris;  ///< an IRIS+ metric code, or empty
    /// Without a value: "suppressed" (about a group under 5) or "not_available" (nothing to
    /// compute it from, e.g. no material cost recorded). Empty when there is a value.
    std::string missing;
};

std::vector<ExportRow> export_rows(const PeriodMetrics& m);

/// Semicolon-separated, UTF-8 with a byte order mark (as Danish spreadsheets open it).
std::string export_csv(const PeriodMetrics& m);
/// One JSON object: the period, the scope and the rows (canonical JSON).
std::string export_json(const PeriodMetrics& m, const std::string& generated_at);

} // namespace bl::impact
