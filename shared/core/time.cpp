#include "shared/core/time.hpp"

#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>

#include <date/tz.h>

// Debian's libdate-tz is built with USE_OS_TZDB=1 (it reads the compiled zone files of the
// system's tzdata) and with std::string_view; the date::date-tz target carries both. Code that
// saw other values would disagree with the library about the layout of its database and crash
// on the first lookup, so refuse to build instead.
#if !USE_OS_TZDB || !HAS_STRING_VIEW
#error "time.cpp must be compiled with USE_OS_TZDB=1 and HAS_STRING_VIEW=1: link date::date-tz"
#endif

namespace bl {

using namespace std::chrono;

namespace {

constexpr const char* zone_name = "Europe/Copenhagen";

[[noreturn]] void tz_database_unusable(const std::string& what) {
    throw std::runtime_error(
        "Copenhagen time cannot be worked out: " + what +
        ". Bundlinje converts times through the system time zone database in "
        "/usr/share/zoneinfo; install (or reinstall) the Debian package tzdata.");
}

// The directory libdate-tz reads (discover_tz_dir in its tz.cpp): buildroot's uclibc one when
// it exists, else /usr/share/zoneinfo. It does not look at TZDIR.
std::filesystem::path tz_dir() {
    std::error_code ec;
    if (std::filesystem::is_directory("/usr/share/zoneinfo/uclibc", ec))
        return "/usr/share/zoneinfo/uclibc";
    return "/usr/share/zoneinfo";
}

// The header of a compiled zone file (TZif, RFC 8536), with its counts.
struct TzifHeader {
    char version = 0;
    std::size_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

std::optional<TzifHeader> tzif_header_at(const std::string& b, std::size_t at) {
    if (at > b.size() || b.size() - at < 44 || b.compare(at, 4, "TZif") != 0)
        return std::nullopt;
    std::size_t count[6];
    for (std::size_t i = 0; i < 6; ++i) {
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k)
            v = v << 8 | static_cast<unsigned char>(b[at + 20 + 4 * i + k]);
        if (v > 100'000) // negative as a signed count, or absurd for a zone
            return std::nullopt;
        count[i] = v;
    }
    return TzifHeader{b[at + 4], count[0], count[1], count[2], count[3], count[4], count[5]};
}

std::size_t tzif_block_size(const TzifHeader& h, std::size_t time_size) {
    return h.time * (time_size + 1) + h.type * 6 + h.chars + h.leap * (time_size + 4) + h.isstd +
           h.isut;
}

// libdate-tz asserts (aborts) on a zone file whose headers are wrong and follows the indices
// in it unchecked, so check the part it reads before handing it over. Empty when sound.
std::string tzif_problem(const std::string& b) {
    const auto first = tzif_header_at(b, 0);
    if (!first)
        return "it is not a compiled time zone file";
    TzifHeader h = *first;
    std::size_t data = 44, time_size = 4;
    if (first->version != '\0') { // version 2 and later: libdate-tz reads the 64-bit part
        const std::size_t second_at = 44 + tzif_block_size(*first, 4);
        const auto second = tzif_header_at(b, second_at);
        if (!second || second->version != first->version)
            return "its 64-bit part is damaged";
        h = *second;
        data = second_at + 44;
        time_size = 8;
    }
    if (b.size() - data < tzif_block_size(h, time_size))
        return "it is cut short";
    if (h.type == 0 || h.chars == 0)
        return "it has no local time types";
    const std::size_t types = data + h.time * time_size;
    for (std::size_t i = 0; i < h.time; ++i)
        if (static_cast<unsigned char>(b[types + i]) >= h.type)
            return "a change names a local time type it does not have";
    const std::size_t infos = types + h.time;
    for (std::size_t i = 0; i < h.type; ++i)
        if (static_cast<unsigned char>(b[infos + 6 * i + 5]) >= h.chars)
            return "a local time type has no abbreviation";
    return {};
}

std::string without_trailing_space(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

const date::time_zone* load_copenhagen() {
    const std::filesystem::path dir = tz_dir();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        tz_database_unusable("there is no " + dir.string());
    const std::filesystem::path file = dir / zone_name;
    std::ifstream in(file, std::ios::binary);
    if (!in)
        tz_database_unusable(file.string() + " is missing");
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad())
        tz_database_unusable(file.string() + " cannot be read");
    if (const std::string problem = tzif_problem(bytes); !problem.empty())
        tz_database_unusable(file.string() + " is damaged (" + problem + ")");

    // Two instants whose offsets no tzdata update will change. Asking for the first also makes
    // libdate-tz read the zone file now, where a failure can be reported (it reads a zone's
    // file on first use).
    const date::time_zone* zone = nullptr;
    seconds winter{}, summer{};
    try {
        zone = date::locate_zone(zone_name);
        winter = zone->get_info(sys_seconds{sys_days{year{2000} / January / 15}}).offset;
        summer = zone->get_info(sys_seconds{sys_days{year{2000} / July / 15}}).offset;
    } catch (const std::exception& e) {
        tz_database_unusable("libdate-tz could not read " + file.string() + " (" +
                             without_trailing_space(e.what()) + ")");
    }
    if (winter != hours{1} || summer != hours{2})
        tz_database_unusable(file.string() +
                             " does not hold Copenhagen's times (CET and CEST in 2000)");
    return zone;
}

// Looked up once. A failed lookup throws and leaves nothing cached, so the next call tries again.
const date::time_zone& copenhagen() {
    static const date::time_zone* const zone = load_copenhagen();
    return *zone;
}

int whole_minutes(seconds s) {
    return static_cast<int>(floor<minutes>(s).count());
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
    return whole_minutes(copenhagen().get_info(floor<seconds>(t)).offset);
}

LocalTime to_copenhagen(Timestamp t) {
    const auto s = floor<seconds>(t);
    const seconds off = copenhagen().get_info(s).offset;
    const auto local = s + off;
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    const hh_mm_ss tod{local - day};
    return {int(ymd.year()),          int(unsigned(ymd.month())), int(unsigned(ymd.day())),
            int(tod.hours().count()), int(tod.minutes().count()), int(tod.seconds().count()),
            whole_minutes(off)};
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
    const date::local_info info =
        copenhagen().get_info(date::local_seconds{wall.time_since_epoch()});
    // `first` is the offset in force just before a change: for a unique time the only one, in
    // the repeated hour the earlier instant's (summer time), in the skipped hour the one before
    // the gap (winter time), as time.hpp promises.
    return Timestamp{wall - info.first.offset};
}

std::optional<std::chrono::sys_days> parse_date(std::string_view s) {
    using namespace std::chrono;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return std::nullopt;
    int y = 0, m = 0, d = 0;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9')
            return std::nullopt;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)},
                             day{static_cast<unsigned>(d)}};
    if (!ymd.ok())
        return std::nullopt;
    return sys_days{ymd};
}

std::string format_date(std::chrono::sys_days d) {
    using namespace std::chrono;
    const year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::chrono::sys_days copenhagen_day(Timestamp t) {
    using namespace std::chrono;
    const LocalTime l = to_copenhagen(t);
    return sys_days{year{l.year} / month{static_cast<unsigned>(l.month)} /
                    day{static_cast<unsigned>(l.day)}};
}

Timestamp copenhagen_day_start(std::chrono::sys_days d) {
    using namespace std::chrono;
    const year_month_day ymd{d};
    return from_copenhagen(static_cast<int>(ymd.year()),
                           static_cast<int>(static_cast<unsigned>(ymd.month())),
                           static_cast<int>(static_cast<unsigned>(ymd.day())), 0, 0);
}

std::chrono::sys_days week_monday(std::chrono::sys_days d) {
    using namespace std::chrono;
    const weekday wd{d};
    const unsigned since_monday = (wd.c_encoding() + 6) % 7;
    return d - days{since_monday};
}

} // namespace bl
