#include <vector>

#include <catch2/catch.hpp>

#include "shared/core/vat.hpp"

using bl::Money;
using bl::VatRate;

TEST_CASE("VAT at 25 % is one fifth of the VAT-inclusive amount") {
    struct Case {
        std::int64_t gross, vat;
    };
    const Case cases[] = {
        {12500, 2500}, {100, 20},     {1, 0},    {2, 0},     {3, 1},
        {4, 1},        {18900, 3780}, {101, 20}, {303, 61},  {-12500, -2500},
        {-3, -1},      {-2, 0},       {0, 0},    {999, 200}, {997, 199},
    };
    for (const auto& c : cases) {
        INFO(c.gross);
        CHECK(bl::vat_from_gross(Money::from_ore(c.gross), VatRate::standard()).ore() == c.vat);
    }
}

TEST_CASE("VAT rounds halves away from zero, the same for sales and refunds") {
    // Exact results stay exact at other rates.
    const VatRate r{1250};
    CHECK(bl::vat_from_gross(Money::from_ore(225), r).ore() == 25);
    const VatRate small{250};
    CHECK(bl::vat_from_gross(Money::from_ore(41), small).ore() == 1);
    CHECK(bl::vat_from_gross(Money::from_ore(6150), small).ore() == 150);
    // At 100 % the VAT is half the gross, so odd amounts give exact halves.
    const VatRate hundred{10000};
    CHECK(bl::vat_from_gross(Money::from_ore(3), hundred).ore() == 2);
    CHECK(bl::vat_from_gross(Money::from_ore(-3), hundred).ore() == -2);
    CHECK(bl::vat_from_gross(Money::from_ore(5), hundred).ore() == 3);
}

TEST_CASE("VAT is computed per rate over the whole receipt, not per line") {
    // Three lines of 1,01 kr.: per line 0,20 each (0,60), per receipt 3,03 / 5 = 0,606 -> 0,61.
    std::vector<bl::VatLine> lines(3, {VatRate::standard(), Money::from_ore(101)});
    auto s = bl::summarize_vat(lines);
    REQUIRE(s.groups.size() == 1);
    CHECK(s.groups[0].vat.ore() == 61);
    CHECK(s.vat_total().ore() == 61);
}

TEST_CASE("a receipt with 25 % and 0 % lines has one VAT group per rate") {
    const std::vector<bl::VatLine> lines = {
        {VatRate::standard(), Money::from_ore(18900)},
        {VatRate::zero(), Money::from_ore(2000)},
        {VatRate::standard(), Money::from_ore(7900)},
        {VatRate::zero(), Money::from_ore(500)},
    };
    auto s = bl::summarize_vat(lines);
    REQUIRE(s.groups.size() == 2);
    CHECK(s.groups[0].rate == VatRate::standard());
    CHECK(s.groups[0].gross.ore() == 26800);
    CHECK(s.groups[0].vat.ore() == 5360);
    CHECK(s.groups[0].net().ore() == 21440);
    CHECK(s.groups[1].rate == VatRate::zero());
    CHECK(s.groups[1].gross.ore() == 2500);
    CHECK(s.groups[1].vat.ore() == 0);
    CHECK(s.gross_total().ore() == 29300);
    CHECK(s.vat_total().ore() == 5360);
}

TEST_CASE("a refund's VAT is exactly the negative of the sale's") {
    for (std::int64_t g = -2000; g <= 2000; g += 7) {
        INFO(g);
        CHECK(bl::vat_from_gross(Money::from_ore(-g), VatRate::standard()).ore() ==
              -bl::vat_from_gross(Money::from_ore(g), VatRate::standard()).ore());
    }
}

TEST_CASE("VAT rates print as Danish percentages and bad rates are refused") {
    CHECK(bl::format_rate(VatRate::standard()) == "25 %");
    CHECK(bl::format_rate(VatRate{1250}) == "12,5 %");
    CHECK(bl::format_rate(VatRate::zero()) == "0 %");
    CHECK_THROWS(bl::vat_from_gross(Money::from_ore(100), VatRate{-1}));
    CHECK_THROWS(bl::vat_from_gross(Money::from_ore(100), VatRate{10001}));
}
