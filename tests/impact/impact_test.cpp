#include <cmath>
#include <random>
#include <vector>

#include <catch2/catch.hpp>

#include "shared/impact/allocation.hpp"
#include "shared/impact/work.hpp"

TEST_CASE("work per unit is exact and rounds only for display") {
    // 12 mugs, 3 people, about 2 hours each: 360 minutes, 30 minutes a mug.
    CHECK(bl::work_in_units(360, 12, 1) == bl::WorkMinutes(30, 1));
    // 100 minutes over 3 units: one unit carries 33 1/3 minutes.
    const bl::WorkMinutes one = bl::work_in_units(100, 3, 1);
    CHECK(one.numerator() == 100);
    CHECK(one.denominator() == 3);
    CHECK(one.rounded() == 33);
    CHECK(one.rounded(10) == 30);
    CHECK(bl::work_in_units(100, 3, 2).rounded(10) == 70); // 66 2/3 -> 70
    CHECK(bl::WorkMinutes(65, 1).rounded(10) == 70);       // halves go up
    CHECK(bl::WorkMinutes(-65, 1).rounded(10) == -70);
    CHECK(bl::format_work_da(160) == "2 t 40 min");
    CHECK(bl::format_work_da(40) == "40 min");
    CHECK(bl::format_work_da(180) == "3 t");
    CHECK(bl::format_work_da(0) == "0 min");
}

TEST_CASE("FIFO takes the oldest batch first and splits a line when it must") {
    const std::vector<bl::OpenBatch> open = {{"b3", "2026-10-20", 5},
                                             {"b1", "2026-10-01", 2},
                                             {"b2", "2026-10-10", 0},
                                             {"b0", "2026-10-01", 1}};
    auto r = bl::allocate_fifo(open, 4);
    REQUIRE(r.shares.size() == 3);
    CHECK(r.shares[0].batch_id == "b0");
    CHECK(r.shares[0].units == 1);
    CHECK(r.shares[1].batch_id == "b1");
    CHECK(r.shares[1].units == 2);
    CHECK(r.shares[2].batch_id == "b3");
    CHECK(r.shares[2].units == 1);
    CHECK(r.unallocated == 0);
}

TEST_CASE("units no batch can cover are reported, never invented") {
    auto r = bl::allocate_fifo(std::vector<bl::OpenBatch>{{"b1", "2026-10-01", 2}}, 5);
    REQUIRE(r.shares.size() == 1);
    CHECK(r.shares[0].units == 2);
    CHECK(r.unallocated == 3);
    auto none = bl::allocate_fifo({}, 1);
    CHECK(none.shares.empty());
    CHECK(none.unallocated == 1);
    CHECK_THROWS(bl::allocate_fifo({}, 0));
}

TEST_CASE("property: work in sold, returned and unsold units adds up to the work logged") {
    std::mt19937_64 rng(2018);
    for (int trial = 0; trial < 500; ++trial) {
        const std::int64_t units = 1 + static_cast<std::int64_t>(rng() % 40);
        const std::int64_t minutes = 1 + static_cast<std::int64_t>(rng() % 5000);
        std::int64_t left = units;
        bl::WorkMinutes sold, returned;
        while (left > 0) {
            const std::int64_t q =
                1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(left));
            sold = sold + bl::work_in_units(minutes, units, q);
            const std::int64_t back =
                static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(q + 1));
            // a refund moves work back from sold to stock
            sold = sold - bl::work_in_units(minutes, units, back);
            returned = returned + bl::work_in_units(minutes, units, back);
            left -= q;
            if (rng() % 3 == 0)
                break;
        }
        const bl::WorkMinutes unsold = bl::work_in_units(minutes, units, left);
        INFO("units " << units << " minutes " << minutes);
        CHECK(sold + returned + unsold == bl::WorkMinutes::whole(minutes));
    }
}

#include "shared/impact/sale_impact.hpp"

TEST_CASE("behind a sale: workshops, makers counted, only consented names, exact work") {
    std::map<std::string, bl::BatchWork> batches;
    batches["mugs"] = {"Keramikværkstedet", 12, {{"anna", 240}, {"prik", 120}, {"bo", 0}}};
    batches["scarves"] = {"Tekstilværkstedet", 4, {{"sofie", 600}}};
    std::map<std::string, std::optional<std::string>> names{
        {"anna", "Anna"}, {"prik", std::nullopt}, {"sofie", "Sofie"}};
    const std::vector<bl::UnitsFromBatch> units = {
        {"mugs", 2, false}, {"scarves", 1, true}, {"", 1, true}, {"mugs", -1, false}};
    const auto r = bl::sale_impact(units, batches, names);
    CHECK(r.workshops == std::vector<std::string>{"Keramikværkstedet", "Tekstilværkstedet"});
    CHECK(r.makers == 3); // bo logged no minutes
    CHECK(r.named == std::vector<std::string>{"Anna", "Sofie"});
    // 2 mugs carry 2 * 360 / 12 = 60 minutes; 1 scarf 600 / 4 = 150.
    CHECK(r.work == bl::WorkMinutes::whole(210));
    CHECK(r.approximate);
    CHECK(r.unlinked_units == 1);
}

TEST_CASE("a sale of unlinked units has nothing behind it to claim") {
    const std::vector<bl::UnitsFromBatch> units = {{"", 3, true}};
    const auto r = bl::sale_impact(units, {}, {});
    CHECK(r.empty());
    CHECK(r.unlinked_units == 3);
}

TEST_CASE("work is shown to the nearest 5 minutes below an hour and 10 above, never as 0") {
    using bl::display_minutes;
    using bl::WorkMinutes;
    CHECK(display_minutes(WorkMinutes(143, 10)) == 15); // 14.3 min was printed "ca. 10 min"
    CHECK(display_minutes(WorkMinutes(1, 3)) == 5);     // a third of a minute is not 0
    CHECK(display_minutes(WorkMinutes(0, 1)) == 0);
    CHECK(display_minutes(WorkMinutes(22, 1)) == 20);
    CHECK(display_minutes(WorkMinutes(23, 1)) == 25);
    CHECK(display_minutes(WorkMinutes(57, 1)) == 55);
    CHECK(display_minutes(WorkMinutes(58, 1)) == 60); // from an hour up, tens
    CHECK(display_minutes(WorkMinutes(64, 1)) == 60);
    CHECK(display_minutes(WorkMinutes(65, 1)) == 70);
    CHECK(display_minutes(WorkMinutes(160, 1)) == 160);
    for (std::int64_t num = 1; num < 20000; num += 7) {
        const WorkMinutes w(num, 13);
        const double exact = static_cast<double>(num) / 13.0;
        const auto shown = display_minutes(w);
        INFO(num << "/13 = " << exact << " shown as " << shown);
        CHECK(shown % (shown < 60 ? 5 : 10) == 0);
        if (exact < 2.5)
            CHECK(shown == 5); // never 0
        else
            CHECK(std::abs(static_cast<double>(shown) - exact) <= (shown < 60 ? 2.5 : 5.0));
    }
}
