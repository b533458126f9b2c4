#pragma once
/// Reads a journaled sale back into a bl::Sale, so that the central store can check what a
/// till sends with the same rules the till's store used (shared/rules/sale_rules.hpp).

#include <string_view>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::sync {

/// A sale or refund from its journal payload (shared/rules/payloads.hpp, plus the staff id
/// the journal adds). Refuses a payload that is not exactly what sale_payload() writes for
/// the sale it describes: a total, VAT or rounding that does not follow from the lines and
/// payments, a member too many or too few.
Result<Sale, Message> sale_from_payload(std::string_view payload);

/// The sale, read once and checked against the rules a recorded sale keeps (its lines and its
/// payments): what the central store does with each sale a till pushes.
Result<Sale, Message> checked_sale_from_payload(std::string_view payload);

/// The rules a recorded sale keeps (its lines and its payments), checked on its payload.
/// Nothing: the sale keeps them.
std::optional<Message> check_journaled_sale(std::string_view payload);

} // namespace bl::sync
