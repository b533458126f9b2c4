// Counting the drawer by denomination at the Z report.

#include <catch2/catch.hpp>

#include "pos/model/cash_count.hpp"

TEST_CASE("cash counted by denomination: typed counts add up, junk counts as none") {
    using bl::pos::count_typed_cash;
    CHECK_FALSE(count_typed_cash({}).has_value());
    CHECK_FALSE(count_typed_cash({"", "", "abc"}).has_value()); // nothing counted yet
    // 2 x 1000 kr., 1 x 50 kr. (index 4), 3 x 50 øre (the last).
    std::vector<std::string> typed(11);
    typed[0] = "2";
    typed[4] = " 1 ";
    typed[10] = "3";
    CHECK(count_typed_cash(typed)->ore() == 2 * 100000 + 5000 + 3 * 50);
    typed[1] = "-1"; // not a count: left out, the rest still adds up
    typed[2] = "1,5";
    typed[3] = "100000";
    CHECK(count_typed_cash(typed)->ore() == 2 * 100000 + 5000 + 3 * 50);
}
