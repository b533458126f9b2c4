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
