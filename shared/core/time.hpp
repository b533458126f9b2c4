#pragma once
/// Time is UTC inside (ISO 8601 text with milliseconds and a Z, which sorts as it reads) and
/// Europe/Copenhagen on paper. Copenhagen time is not a rule written here: every conversion
/// between UTC and Copenhagen wall-clock time goes through the system tz database
/// (/usr/share/zoneinfo, Debian package `tzdata`, read by Howard Hinnant's libdate-tz), so a
/// change in Danish or EU law arrives with a tzdata update. Today that is CET (UTC+1), and CEST
/// (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
/// October.
///
/// `tzdata` must be installed. The zone is looked up once, on the first conversion, and its
/// file checked; if /usr/share/zoneinfo or Europe/Copenhagen in it is missing or damaged,
/// every function below that involves Copenhagen time throws std::runtime_error with a
/// sentence saying so (naming /usr/share/zoneinfo and tzdata) instead of printing a wrong
/// time, and tries again on the next call. The UTC functions never need the database.
///
/// Limit: libdate-tz 3.0.1 reads only the transitions listed in the zone file, which Debian's
/// tzdata lists up to October 2037; it keeps the last offset (CET) after that, so summer
/// times after 2037 would be shown an hour early.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bl {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

Timestamp now_utc();

/// "2026-11-27T13:35:12.123Z"
std::string format_utc(Timestamp t);
/// Parses format_utc's output (and the same without milliseconds); nullopt otherwise.
std::optional<Timestamp> parse_utc(std::string_view s);

/// Offset of Copenhagen from UTC at the instant, in whole minutes, as the tz database says (60
/// or 120 under today's rules).
int copenhagen_offset_minutes(Timestamp t);

/// Copenhagen wall-clock time of an instant.
struct LocalTime {
    int year, month, day, hour, minute, second;
    int offset_minutes;
};
LocalTime to_copenhagen(Timestamp t);

/// "27.11.2026 14:35" as on a Danish receipt.
std::string format_copenhagen(Timestamp t);
/// "27.11.2026"
std::string format_copenhagen_date(Timestamp t);

/// The UTC instant of a Copenhagen wall-clock time. Around a change the offset in force just
/// before the change is used: in the autumn hour that occurs twice the earlier (summer-time)
/// instant is chosen (02:30 on 25 October 2026 becomes 00:30 UTC); a time in the skipped
/// spring hour is read as winter time (02:30 on 29 March 2026 becomes 01:30 UTC, i.e. 03:30
/// summer time).
Timestamp from_copenhagen(int year, int month, int day, int hour, int minute, int second = 0);

/// A calendar day written "YYYY-MM-DD" (a real date); nullopt otherwise.
std::optional<std::chrono::sys_days> parse_date(std::string_view s);
/// "YYYY-MM-DD".
std::string format_date(std::chrono::sys_days d);
/// The Copenhagen calendar day an instant falls on.
std::chrono::sys_days copenhagen_day(Timestamp t);
/// The first instant of a Copenhagen calendar day (midnight there).
Timestamp copenhagen_day_start(std::chrono::sys_days d);
/// The Monday of the ISO week a day is in.
std::chrono::sys_days week_monday(std::chrono::sys_days d);

/// Unix milliseconds.
std::int64_t unix_ms(Timestamp t);
Timestamp from_unix_ms(std::int64_t ms);

} // namespace bl
