// The period metrics' pure parts: coefficients, estimates, rounding.

#include <catch2/catch.hpp>

#include "shared/impact/period.hpp"

namespace {

bl::impact::Coefficients defaults() {
    auto c = bl::impact::Coefficients::load(BL_SOURCE_ASSETS "/impact/coefficients.csv");
    REQUIRE(c.ok());
    return c.value();
}

} // namespace

TEST_CASE("the coefficient file: every value with its range and source, bad files refused") {
    const auto c = defaults();
    CHECK(c.get("societal_gain_job").central == 129000);
    CHECK(c.get("societal_gain_job").low == 122000);
    CHECK(c.get("deadweight").unit == "%");
    for (const auto& k : c.all()) {
        CHECK_FALSE(k.source.empty());
        CHECK_FALSE(k.year.empty());
        CHECK(k.low <= k.central);
        CHECK(k.central <= k.high);
    }
    const std::string header = "key;label;central;low;high;unit;source;year;grade\n";
    auto refused = [&](const std::string& body, const char* why) {
        auto r = bl::impact::Coefficients::parse(header + body);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(bl::render(r.error()), Catch::Contains(why));
    };
    refused("deadweight;Dødvægt;50;60;75;%;KORA;2015;x\n", "low value");
    refused("deadweight;Dødvægt;50;15;175;%;KORA;2015;x\n", "above 100");
    refused("deadweight;Dødvægt;halvtreds;15;75;%;KORA;2015;x\n", "must be numbers");
    refused("deadweight;Dødvægt;50;15;75;%;;2015;x\n", "no key or no source");
    refused("deadweight;Dødvægt;50;15;75;%;KORA;2015\n", "9 were expected");
    refused("deadweight;Dødvægt;50;15;75;%;KORA;2015;x\n", "has no line for");
}

TEST_CASE("estimates: low, central and high after deadweight, attribution and displacement, "
          "two significant figures, never summed") {
    const auto c = defaults();
    CHECK(bl::impact::two_significant(123456) == 120000);
    CHECK(bl::impact::two_significant(0.0) == 0);
    CHECK(bl::impact::two_significant(96'750) == 97000);
    const auto e = bl::impact::estimate_transitions(6, 2, c);
    REQUIRE(e.size() == 3);
    // 6 into a job: 6 x 129,000 x (1-0.5)(1-0.5)(1-0) x 1 year = 193,500 -> 190,000
    CHECK(e[0].kind == bl::impact::TransitionKind::job);
    CHECK(e[0].effect == bl::impact::Effect::societal_gain);
    CHECK(e[0].central == 190000);
    // low: 6 x 122,000 x 0.25 x 0.25 x 0.75 = 34,312.5 -> 34,000
    CHECK(e[0].low == 34000);
    // high: 6 x 136,000 x 0.85 x 0.75 x 1 = 520,200 -> 520,000
    CHECK(e[0].high == 520000);
    CHECK(e[1].effect == bl::impact::Effect::budget);
    // 6 x 150,000 kr. (once, not a year) x 0.25 = 225,000 -> 230,000 (halves away from 0)
    CHECK(e[1].central == 230000);
    CHECK(e[2].kind == bl::impact::TransitionKind::flex_job);
    CHECK(e[2].low == 0); // the flex-job gain may be nothing at all
    for (const auto& x : e) {
        CHECK(x.low <= x.central);
        CHECK(x.central <= x.high);
    }
    CHECK(bl::impact::estimate_transitions(0, 0, c).empty());
}

TEST_CASE("the previous period is as long as the period and ends the day before") {
    const auto p = bl::impact::previous_period({"2026-11-01", "2026-11-30"});
    CHECK(p.from == "2026-10-02");
    CHECK(p.to == "2026-10-31");
    const auto leap = bl::impact::previous_period({"2024-03-01", "2024-03-01"});
    CHECK(leap.from == "2024-02-29");
    CHECK(leap.to == "2024-02-29");
}
