#pragma once
/// A batch as it is being logged, in either mode (the quick form or the easy-read steps):
/// reading what was typed, each maker's own time, the sums shown as the form fills in, and
/// the batch to record. Pure: no store, no window.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "production/model/views.hpp"
#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::production {

/// What "a day" is on the easy-read time buttons: 6 hours, said on the button.
inline constexpr std::int64_t a_day_minutes = 6 * 60;
/// The easy-read time buttons: ½ t, 1 t, 2 t, 3 t, a day.
inline constexpr std::int64_t easy_times[] = {30, 60, 120, 180, a_day_minutes};
/// The most an easy-read time button may say.
inline constexpr std::int64_t max_minutes_per_easy_choice = a_day_minutes;

/// Text as typed, without spaces at either end.
std::string trimmed(std::string_view typed);

/// A time as a workshop leader types it: "2" or "2,5" (hours), "1:30", "2 t 15 min", "45 min".
/// Whole minutes, at most 99 hours; says what to type instead.
Result<std::int64_t, Message> parse_work_time(std::string_view typed, const std::string& maker);

/// A symbol for a product's big picture button, from its name or category (DejaVu Sans has
/// them all): a mug, scissors, a tree, a star ...
std::string pictogram_for(const Product& p);

/// The sums of some makers' own minutes, and per unit when the units are known.
BatchSums sums_of(const std::vector<std::int64_t>& minutes, std::optional<std::int64_t> units);

/// The quick form read: its sums so far, and either the batch to record (contributions with
/// each maker's own time on the form's date) or the first thing to fix.
struct QuickReading {
    BatchSums sums;
    std::optional<Batch> batch;
    std::optional<Message> problem;
};
/// `today` ("YYYY-MM-DD", Copenhagen): the work date may not be after it.
QuickReading read_quick(const QuickForm& form, const std::string& workshop_id,
                        const std::string& today);

/// The easy-read steps' batch: the chosen makers, each with their own time, today.
Result<Batch, Message> easy_batch(const EasyState& s, const std::string& workshop_id,
                                  const std::string& today);

} // namespace bl::production
