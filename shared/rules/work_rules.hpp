#pragma once
/// The rules logged work must keep, as pure code: the store checks a batch's contributions
/// with them before it writes anything, and the workshop program checks its form with the
/// same code as the person types. Hours are each maker's own: nothing here (or anywhere)
/// multiplies a time by the number of makers, and a time that looks like several people's
/// hours added together is refused with the reason.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"

namespace bl {

/// Most one maker can be logged with on one day, over all batches.
inline constexpr std::int64_t max_minutes_per_maker_day = 12 * 60;
/// Most one maker can be logged with on one batch, over all its days.
inline constexpr std::int64_t max_minutes_per_maker_batch = 24 * 60;

/// Minutes a maker already has on other batches on a day ("YYYY-MM-DD").
using LoggedElsewhere =
    std::function<std::int64_t(const std::string& maker_id, const std::string& day)>;
/// How a message names a maker (their display name where the person may see it).
using MakerLabel = std::function<std::string(const std::string& maker_id)>;

/// One batch's work: every time more than 0 minutes; no maker more than 12 hours on one day
/// (with what `elsewhere` says is logged on other batches that day) nor more than 24 hours
/// on the batch. The work dates must be set. Says why it refuses, naming the maker with
/// `label` (their id without one).
std::optional<Message> check_work(const std::vector<Contribution>& work,
                                  const LoggedElsewhere& elsewhere = {},
                                  const MakerLabel& label = {});

/// Minutes as hours and minutes, "13:05": how the rules' messages write a time in any
/// language.
std::string hours_and_minutes(std::int64_t minutes);

} // namespace bl
