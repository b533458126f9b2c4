#pragma once
/// A till's shifts: opened with a counted float, totalled for X and Z reports, closed with a
/// Z report (a gapless Z number, counted cash against expected).

#include <optional>
#include <string>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/store/actor.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// Opens a shift on the actor's device with a counted float. Only one shift per device may
/// be open.
Result<Shift, Message> open_shift(Database& db, const Actor& actor, Money opening_float);

/// The open shift of a device, if any.
std::optional<Shift> current_shift(Database& db, const std::string& device_id);

/// The device's last shift closed with a Z report (the highest Z number), if any.
std::optional<Shift> last_closed_shift(Database& db, const std::string& device_id);

/// Totals of a shift, as on an X or Z report (training sales excluded).
ShiftTotals shift_totals(Database& db, const std::string& shift_id);

/// Closes a shift with a Z report: counted cash against expected, the next gapless Z number.
Result<Shift, Message> close_shift(Database& db, const Actor& actor, const std::string& shift_id,
                                   Money counted_cash);

} // namespace bl
