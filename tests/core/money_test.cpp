#include <limits>

#include <catch2/catch.hpp>

#include "shared/core/cash_rounding.hpp"
#include "shared/core/money.hpp"
#include "shared/core/text.hpp"

using bl::Money;

TEST_CASE("money formats the Danish way") {
    struct Case {
        std::int64_t ore;
        const char* text;
    };
    const Case cases[] = {
        {0, "0,00 kr."},
        {5, "0,05 kr."},
        {4550, "45,50 kr."},
        {-4500, "-45,00 kr."},
        {-5, "-0,05 kr."},
        {123450, "1.234,50 kr."},
        {100000000, "1.000.000,00 kr."},
        {99999, "999,99 kr."},
        {std::numeric_limits<std::int64_t>::min(), "-92.233.720.368.547.758,08 kr."},
    };
    for (const auto& c : cases) {
        INFO(c.ore);
        CHECK(bl::format_dkk(Money::from_ore(c.ore)) == c.text);
    }
    CHECK(bl::format_amount(Money::from_ore(123450)) == "1.234,50");
}

TEST_CASE("money parses what people type at a till") {
    struct Case {
        const char* text;
        std::int64_t ore;
    };
    const Case ok[] = {
        {"45", 4500},
        {"45,5", 4550},
        {"45,50", 4550},
        {"45,05", 4505},
        {"1.234,50", 123450},
        {"1234,50", 123450},
        {"45 kr.", 4500},
        {"45kr", 4500},
        {"kr. 45,50", 4550},
        {"  45,50  ", 4550},
        {"45,-", 4500},
        {"-45,00", -4500},
        {",50", 50},
        {"0", 0},
        {"1.000.000", 100000000},
        {"45 DKK", 4500},
        {"007", 700},
        {"KR 12", 1200},
    };
    for (const auto& c : ok) {
        INFO(c.text);
        auto r = bl::parse_money(c.text);
        REQUIRE(r.ok());
        CHECK(r.value().ore() == c.ore);
    }
}

TEST_CASE("money rejects anything else with a reason") {
    struct Case {
        const char* text;
        const char* reason_contains;
    };
    const Case bad[] = {
        {"", "Type an amount"},
        {"   ", "Type an amount"},
        {"kr.", "Type an amount"},
        {"abc", "not an amount"},
        {"45,555", "more than two digits"},
        {"45,5,5", "more than one comma"},
        {"45.50", "use a comma"},
        {"1.23,00", "wrong places"},
        {"12.3456", "wrong places"},
        {"1..234", "wrong places"},
        {"45,", "not an amount"},
        {"4 5", "not an amount"},
        {"45€", "not an amount"},
        {"1e5", "not an amount"},
        {"123456789", "too large"},
        {"99.999.999,99", "too large"},
        {"0x10", "not an amount"},
    };
    for (const auto& c : bad) {
        INFO(c.text);
        auto r = bl::parse_money(c.text);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(bl::render(r.error()), Catch::Contains(c.reason_contains));
    }
}

TEST_CASE("money arithmetic detects overflow instead of wrapping") {
    const Money max = Money::from_ore(std::numeric_limits<std::int64_t>::max());
    const Money min = Money::from_ore(std::numeric_limits<std::int64_t>::min());
    CHECK_THROWS_AS(max + Money::from_ore(1), bl::MoneyOverflow);
    CHECK_THROWS_AS(min - Money::from_ore(1), bl::MoneyOverflow);
    CHECK_THROWS_AS(-min, bl::MoneyOverflow);
    CHECK_THROWS_AS(max.times(2), bl::MoneyOverflow);
    CHECK_THROWS_AS(Money::from_ore(std::numeric_limits<std::int64_t>::max() / 3).times(-4),
                    bl::MoneyOverflow);
    CHECK_THROWS_AS(Money::from_kroner(std::numeric_limits<std::int64_t>::max() / 10),
                    bl::MoneyOverflow);
    CHECK((Money::from_ore(150) + Money::from_ore(-200)).ore() == -50);
    CHECK(Money::from_ore(1999).times(-3).ore() == -5997);
    CHECK((max - max).ore() == 0);
}

TEST_CASE("cash is rounded to 50 øre by the Danish bands") {
    struct Case {
        std::int64_t in, out;
    };
    const Case cases[] = {
        {4500, 4500},
        {4501, 4500},
        {4524, 4500},
        {4525, 4550},
        {4549, 4550},
        {4550, 4550},
        {4574, 4550},
        {4575, 4600},
        {4599, 4600},
        {24, 0},
        {25, 50},
        {74, 50},
        {75, 100},
        {0, 0},
        // refunds round symmetrically
        {-4501, -4500},
        {-4524, -4500},
        {-4525, -4550},
        {-4574, -4550},
        {-4575, -4600},
        {-4599, -4600},
        {-24, 0},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(bl::round_cash(Money::from_ore(c.in)).ore() == c.out);
        CHECK(bl::cash_rounding_difference(Money::from_ore(c.in)).ore() == c.out - c.in);
    }
}

TEST_CASE("an amount error quotes the input cut at a character, never in the middle of one") {
    const std::string typed = std::string(39, '9') + "øre" + std::string(1 << 20, 'x');
    auto r = bl::parse_money(typed);
    REQUIRE_FALSE(r.ok());
    const std::string shown = bl::render(r.error());
    CHECK(bl::is_valid_utf8(shown));
    CHECK(shown.size() < 300);
}
