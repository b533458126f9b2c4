#include <random>

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "shared/impact/work.hpp"

using test::count;

TEST_CASE("property: after random sales and refunds every batch's hours add up") {
    test::Shop s;
    std::mt19937_64 rng(928);
    std::vector<bl::Sale> sales;
    for (int i = 0; i < 60; ++i) {
        if (!sales.empty() && rng() % 4 == 0) {
            const bl::Sale& orig = sales[rng() % sales.size()];
            const std::int64_t left =
                orig.lines[0].quantity - bl::refunded_quantity(*s.db, orig.id, 1);
            if (left > 0) {
                const std::int64_t q =
                    1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(left));
                auto r = bl::record_sale(*s.db, s.at_till(), s.refund_of(orig, 1, q));
                REQUIRE(r.ok());
                continue;
            }
        }
        const std::int64_t q = 1 + static_cast<std::int64_t>(rng() % 3);
        std::optional<std::string> scanned;
        if (rng() % 3 == 0)
            scanned = (rng() % 2) ? s.mugs_old.id : s.mugs_new.id;
        sales.push_back(s.sell({test::Shop::line(s.mug, q, scanned)}));
    }
    for (const bl::Batch* b : {&s.mugs_old, &s.mugs_new}) {
        INFO(b->produced_on);
        const std::int64_t net_sold =
            count(*s.db, "SELECT coalesce(sum(units), 0) FROM sale_allocation WHERE batch_id = '" +
                             b->id + "'");
        const std::int64_t on_hand = bl::batch_on_hand(*s.db, b->id);
        // Units: what left through the till plus what is still in stock is what was made.
        // (A scanned label can drive a batch's stock below zero; conservation still holds.)
        CHECK(net_sold + on_hand == b->units);
        const std::int64_t minutes = bl::batch_minutes(*s.db, b->id);
        const bl::WorkMinutes in_sold = bl::work_in_units(minutes, b->units, net_sold);
        const bl::WorkMinutes in_stock = bl::work_in_units(minutes, b->units, on_hand);
        CHECK(in_sold + in_stock == bl::WorkMinutes::whole(minutes));
    }
    CHECK(bl::verify_journal(*s.db, s.till.id).ok);
}
