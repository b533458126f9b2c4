#include "shared/core/time.hpp"

#include <cstdio>

namespace bl {

using namespace std::chrono;

namespace {

sys_seconds dst_change(int y, month m) {
    // 01:00 UTC on the last Sunday of the month.
    const sys_days d{year{y} / m / Sunday[last]};
    return d + hours{1};
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

} // namespace

Timestamp now_utc() {
    return time_point_cast<milliseconds>(system_clock::now());
}

std::int64_t unix_ms(Timestamp t) {
    return t.time_since_epoch().count();
}
Timestamp from_unix_ms(std::int64_t ms) {
    return Timestamp{milliseconds{ms}};
}

std::string format_utc(Timestamp t) {
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss tod{t - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(tod.hours().count()),
                  int(tod.minutes().count()), int(tod.seconds().count()),
                  int(tod.subseconds().count()));
    return buf;
}

std::optional<Timestamp> parse_utc(std::string_view s) {
    int y, mo, d, h, mi, se, ms = 0;
    if (s.size() < 20 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) ||
        s[7] != '-' || !digits(s, 8, 2, d) || s[10] != 'T' || !digits(s, 11, 2, h) ||
        s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, se))
        return std::nullopt;
    std::size_t pos = 19;
    if (s[pos] == '.') {
        if (!digits(s, pos + 1, 3, ms))
            return std::nullopt;
        pos += 4;
    }
    if (pos + 1 != s.size() || s[pos] != 'Z')
        return std::nullopt;
    const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || se > 59)
        return std::nullopt;
    return Timestamp{sys_days{ymd}.time_since_epoch() + hours{h} + minutes{mi} + seconds{se} +
                     milliseconds{ms}};
}

int copenhagen_offset_minutes(Timestamp t) {
    const int y = int(year_month_day{floor<days>(t)}.year());
    const auto s = floor<seconds>(t);
    return (s >= dst_change(y, March) && s < dst_change(y, October)) ? 120 : 60;
}

LocalTime to_copenhagen(Timestamp t) {
    const int off = copenhagen_offset_minutes(t);
    const auto local = floor<seconds>(t) + minutes{off};
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    const hh_mm_ss tod{local - day};
    return {int(ymd.year()),
            int(unsigned(ymd.month())),
            int(unsigned(ymd.day())),
            int(tod.hours().count()),
            int(tod.minutes().count()),
            int(tod.seconds().count()),
            off};
}

std::string format_copenhagen(Timestamp t) {
    const LocalTime l = to_copenhagen(t);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d %02d:%02d", l.day, l.month, l.year, l.hour,
                  l.minute);
    return buf;
}

std::string format_copenhagen_date(Timestamp t) {
    const LocalTime l = to_copenhagen(t);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", l.day, l.month, l.year);
    return buf;
}

Timestamp from_copenhagen(int y, int mo, int d, int h, int mi, int se) {
    const auto wall = sys_days{year{y} / month{unsigned(mo)} / day{unsigned(d)}} + hours{h} +
                      minutes{mi} + seconds{se};
    // Try summer time first (earlier instant in the repeated hour), then winter time.
    const Timestamp summer{time_point_cast<milliseconds>(wall - hours{2})};
    if (copenhagen_offset_minutes(summer) == 120)
        return summer;
    return Timestamp{time_point_cast<milliseconds>(wall - hours{1})};
}

} // namespace bl
