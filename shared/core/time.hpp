#pragma once
/// Time is UTC inside (ISO 8601 text with milliseconds and a Z, which sorts as it reads) and
/// Europe/Copenhagen on paper. Copenhagen follows the EU rule: CET (UTC+1), and CEST (UTC+2)
/// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.

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

/// Offset of Copenhagen from UTC at the instant, in minutes (60 or 120).
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

/// The UTC instant of a Copenhagen wall-clock time. In the autumn hour that occurs twice the
/// earlier (summer-time) instant is chosen; a time in the skipped spring hour is read as
/// winter time (so 02:30 on that night becomes 01:30 UTC, i.e. 03:30 summer time).
Timestamp from_copenhagen(int year, int month, int day, int hour, int minute, int second = 0);

/// Unix milliseconds.
std::int64_t unix_ms(Timestamp t);
Timestamp from_unix_ms(std::int64_t ms);

} // namespace bl
