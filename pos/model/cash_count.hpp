#pragma once
/// Counting the drawer at the Z report: how many of each note and coin, as typed.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/money.hpp"

namespace bl::pos {

/// The cash counted by denomination: `typed[i]` is how many of bl::cash_denominations[i]
/// were typed (empty: none). Nothing when no field holds a count yet; a field that is not a
/// whole number from 0 to 99999 counts as none.
std::optional<Money> count_typed_cash(const std::vector<std::string>& typed);

/// The counts as typed, one per bl::cash_denominations entry (0 where nothing readable was
/// typed), for the Z report's list of notes and coins.
std::vector<std::int64_t> typed_counts(const std::vector<std::string>& typed);

} // namespace bl::pos
