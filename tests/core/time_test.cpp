#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "shared/core/time.hpp"

TEST_CASE("UTC timestamps format and parse losslessly") {
    auto t = bl::parse_utc("2026-11-27T13:35:12.123Z");
    REQUIRE(t);
    CHECK(bl::format_utc(*t) == "2026-11-27T13:35:12.123Z");
    CHECK(bl::parse_utc("2026-11-27T13:35:12Z").has_value());
    for (const char* bad :
         {"", "2026-11-27", "2026-11-27T13:35:12", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
          "2026-11-27T24:00:00Z", "2026-11-27T13:35:12.1Z", "2026-11-27 13:35:12Z"}) {
        INFO(bad);
        CHECK_FALSE(bl::parse_utc(bad).has_value());
    }
    const auto now = bl::now_utc();
    CHECK(bl::parse_utc(bl::format_utc(now)) == now);
}

TEST_CASE("Copenhagen switches to summer time at 01:00 UTC on the last Sunday of March") {
    // 2026: summer time from 29 March to 25 October.
    CHECK(bl::copenhagen_offset_minutes(*bl::parse_utc("2026-03-29T00:59:59Z")) == 60);
    CHECK(bl::copenhagen_offset_minutes(*bl::parse_utc("2026-03-29T01:00:00Z")) == 120);
    CHECK(bl::copenhagen_offset_minutes(*bl::parse_utc("2026-10-25T00:59:59Z")) == 120);
    CHECK(bl::copenhagen_offset_minutes(*bl::parse_utc("2026-10-25T01:00:00Z")) == 60);
    CHECK(bl::copenhagen_offset_minutes(*bl::parse_utc("2026-07-01T12:00:00Z")) == 120);
    CHECK(bl::copenhagen_offset_minutes(*bl::parse_utc("2026-12-24T12:00:00Z")) == 60);
    // 2027: 28 March and 31 October.
    CHECK(bl::copenhagen_offset_minutes(*bl::parse_utc("2027-03-28T01:00:00Z")) == 120);
    CHECK(bl::copenhagen_offset_minutes(*bl::parse_utc("2027-10-31T00:30:00Z")) == 120);
    CHECK(bl::copenhagen_offset_minutes(*bl::parse_utc("2027-10-31T01:30:00Z")) == 60);
}

TEST_CASE("receipts show Copenhagen time, and the date changes at local midnight") {
    CHECK(bl::format_copenhagen(*bl::parse_utc("2026-11-27T13:35:00Z")) == "27.11.2026 14:35");
    CHECK(bl::format_copenhagen(*bl::parse_utc("2026-06-30T22:30:00Z")) == "01.07.2026 00:30");
    CHECK(bl::format_copenhagen(*bl::parse_utc("2026-12-31T23:15:00Z")) == "01.01.2027 00:15");
    CHECK(bl::format_copenhagen_date(*bl::parse_utc("2026-12-31T22:59:00Z")) == "31.12.2026");
}

TEST_CASE("Copenhagen wall-clock times map back to UTC, also around the switches") {
    CHECK(bl::format_utc(bl::from_copenhagen(2026, 11, 27, 14, 35)) == "2026-11-27T13:35:00.000Z");
    CHECK(bl::format_utc(bl::from_copenhagen(2026, 7, 1, 0, 30)) == "2026-06-30T22:30:00.000Z");
    // 02:30 on 25 October 2026 happens twice: the earlier (summer) one is chosen.
    CHECK(bl::format_utc(bl::from_copenhagen(2026, 10, 25, 2, 30)) == "2026-10-25T00:30:00.000Z");
    // 02:30 on 29 March 2026 does not exist: read as winter time.
    CHECK(bl::format_utc(bl::from_copenhagen(2026, 3, 29, 2, 30)) == "2026-03-29T01:30:00.000Z");
}

namespace {

int offset_at(const char* utc) {
    const auto t = bl::parse_utc(utc);
    REQUIRE(t);
    return bl::copenhagen_offset_minutes(*t);
}

std::string copenhagen_at(const char* utc) {
    const auto t = bl::parse_utc(utc);
    REQUIRE(t);
    return bl::format_copenhagen(*t);
}

} // namespace

TEST_CASE("the clocks change at the instants the tz database gives for 2025 and 2026") {
    // 01:00 UTC on the last Sundays of March and October: 30 March and 26 October 2025,
    // 29 March and 25 October 2026.
    for (const char* change : {"2025-03-30T01:00:00Z", "2025-10-26T01:00:00Z",
                               "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"}) {
        INFO(change);
        const auto at = *bl::parse_utc(change);
        const bool spring = bl::to_copenhagen(at).month == 3;
        const auto before = at - std::chrono::milliseconds{1};
        CHECK(bl::copenhagen_offset_minutes(before) == (spring ? 60 : 120));
        CHECK(bl::copenhagen_offset_minutes(at) == (spring ? 120 : 60));
        // The local clock jumps from 02:00 to 03:00 in spring and from 03:00 back to 02:00 in
        // autumn.
        const bl::LocalTime b = bl::to_copenhagen(before), a = bl::to_copenhagen(at);
        CHECK(b.hour == (spring ? 1 : 2));
        CHECK(b.minute == 59);
        CHECK(b.second == 59);
        CHECK(a.hour == (spring ? 3 : 2));
        CHECK(a.minute == 0);
        CHECK(a.offset_minutes == bl::copenhagen_offset_minutes(at));
    }
    CHECK(copenhagen_at("2025-03-30T00:59:00Z") == "30.03.2025 01:59");
    CHECK(copenhagen_at("2025-03-30T01:00:00Z") == "30.03.2025 03:00");
    CHECK(copenhagen_at("2025-10-26T00:59:00Z") == "26.10.2025 02:59");
    CHECK(copenhagen_at("2025-10-26T01:00:00Z") == "26.10.2025 02:00");
    CHECK(copenhagen_at("2026-03-29T01:00:00Z") == "29.03.2026 03:00");
    CHECK(copenhagen_at("2026-10-25T01:00:00Z") == "25.10.2026 02:00");
}

TEST_CASE("dates far from today follow the tz database, not today's rule") {
    // 1990: summer time from 25 March to 30 September (the EU moved the end to October only
    // in 1996), so a fixed last-Sunday-of-October rule would be an hour off in October 1990.
    CHECK(offset_at("1990-03-25T00:59:59Z") == 60);
    CHECK(offset_at("1990-03-25T01:00:00Z") == 120);
    CHECK(offset_at("1990-09-30T00:59:59Z") == 120);
    CHECK(offset_at("1990-09-30T01:00:00Z") == 60);
    CHECK(offset_at("1990-10-15T12:00:00Z") == 60);
    CHECK(copenhagen_at("1990-10-15T12:00:00Z") == "15.10.1990 13:00");
    CHECK(bl::format_utc(bl::from_copenhagen(1990, 10, 15, 13, 0)) == "1990-10-15T12:00:00.000Z");
    // 1979: Denmark had no summer time between 1949 and 1979.
    CHECK(offset_at("1979-07-01T12:00:00Z") == 60);
    // 2037: 29 March and 25 October, the last changes Debian's tzdata lists one by one.
    CHECK(offset_at("2037-03-29T00:59:59Z") == 60);
    CHECK(offset_at("2037-03-29T01:00:00Z") == 120);
    CHECK(offset_at("2037-10-25T00:59:59Z") == 120);
    CHECK(offset_at("2037-10-25T01:00:00Z") == 60);
    CHECK(copenhagen_at("2037-07-01T10:00:00Z") == "01.07.2037 12:00");
    CHECK(bl::format_copenhagen_date(*bl::parse_utc("2037-12-31T23:00:00Z")) == "01.01.2038");
}

TEST_CASE("local times in the skipped and the repeated hour map to UTC as time.hpp says") {
    using bl::format_utc, bl::from_copenhagen;
    // Spring 2025 (30 March): 02:00-02:59 do not exist; read as winter time (UTC+1), so they
    // land after the change, an hour later on the clock.
    CHECK(format_utc(from_copenhagen(2025, 3, 30, 1, 59, 59)) == "2025-03-30T00:59:59.000Z");
    CHECK(format_utc(from_copenhagen(2025, 3, 30, 2, 0)) == "2025-03-30T01:00:00.000Z");
    CHECK(format_utc(from_copenhagen(2025, 3, 30, 2, 30)) == "2025-03-30T01:30:00.000Z");
    CHECK(format_utc(from_copenhagen(2025, 3, 30, 2, 59, 59)) == "2025-03-30T01:59:59.000Z");
    CHECK(format_utc(from_copenhagen(2025, 3, 30, 3, 0)) == "2025-03-30T01:00:00.000Z");
    CHECK(bl::format_copenhagen(from_copenhagen(2025, 3, 30, 2, 30)) == "30.03.2025 03:30");
    // Autumn 2025 (26 October): 02:00-02:59 happen twice; the earlier (summer, UTC+2) one.
    CHECK(format_utc(from_copenhagen(2025, 10, 26, 1, 59, 59)) == "2025-10-25T23:59:59.000Z");
    CHECK(format_utc(from_copenhagen(2025, 10, 26, 2, 0)) == "2025-10-26T00:00:00.000Z");
    CHECK(format_utc(from_copenhagen(2025, 10, 26, 2, 59, 59)) == "2025-10-26T00:59:59.000Z");
    CHECK(format_utc(from_copenhagen(2025, 10, 26, 3, 0)) == "2025-10-26T02:00:00.000Z");
    // The same in 2026 and in 2037.
    CHECK(format_utc(from_copenhagen(2026, 3, 29, 2, 0)) == "2026-03-29T01:00:00.000Z");
    CHECK(format_utc(from_copenhagen(2026, 10, 25, 2, 0)) == "2026-10-25T00:00:00.000Z");
    CHECK(format_utc(from_copenhagen(2037, 3, 29, 2, 30)) == "2037-03-29T01:30:00.000Z");
    CHECK(format_utc(from_copenhagen(2037, 10, 25, 2, 30)) == "2037-10-25T00:30:00.000Z");
    // Every Copenhagen time that exists once maps back to itself.
    for (const char* utc :
         {"2025-03-30T00:59:00Z", "2025-03-30T01:00:00Z", "2025-10-25T23:59:00Z",
          "2025-10-26T02:00:00Z", "1990-09-30T02:00:00Z", "2037-07-01T10:00:00Z"}) {
        INFO(utc);
        const bl::LocalTime l = bl::to_copenhagen(*bl::parse_utc(utc));
        CHECK(format_utc(from_copenhagen(l.year, l.month, l.day, l.hour, l.minute, l.second)) ==
              format_utc(*bl::parse_utc(utc)));
    }
}
