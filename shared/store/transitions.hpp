#pragma once
/// Documented moves out of sheltered work: to a job, a flex job or education, recorded by
/// staff only when the maker agrees. They are the only facts the impact report's estimates
/// of public-budget effect and societal gain are made from.

#include <string>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/impact/facts.hpp"
#include "shared/store/actor.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// Records a move of `maker_id` on `date` ("YYYY-MM-DD", not in the future); journaled by
/// pseudonymous id. Refused unless the maker agreed (`maker_consented`). Returns its id.
Result<std::string, Message> record_transition(Database& db, const Actor& actor,
                                               const std::string& maker_id,
                                               impact::TransitionKind kind, const std::string& date,
                                               bool maker_consented);

std::string_view to_string(impact::TransitionKind k);

} // namespace bl
