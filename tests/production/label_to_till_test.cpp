// One test across both programs: labels printed by the workshop program carry barcodes that
// decode (zbarimg) to a code the till, scanning it, resolves to that batch, and the sale
// links to it. The till learns of the batch the way it does in a shop: from the central
// store, as a pulled page (the workshop, the product, the makers' public names, the batch).

#include "../pos/till_rig.hpp"
#include "shared/store/sync_pull.hpp"
#include "workshop_rig.hpp"

TEST_CASE("a batch label printed at the workshop is scanned at the till and the sale links "
          "to the batch") {
    test::WorkshopRig ws;
    ws.workshop.quick().save(ws.mug_form("4", {{&ws.s.anna, "2"}, {&ws.s.prik, "same"}}));
    REQUIRE(ws.view.screen == "labels");
    const std::string batch_id = ws.view.labels.selected;
    bl::production::LabelRequest r;
    r.batch_id = batch_id;
    r.format = bl::doc::LabelFormat::a4_4x10;
    r.start = "5";
    ws.workshop.labels().make(r);
    std::string pdf;
    for (const auto& e : std::filesystem::directory_iterator(ws.s.documents()))
        pdf = e.path().string();
    const auto codes = test::barcodes_in(pdf, 4, 10);
    REQUIRE(codes.size() == 4);

    // What the central store hands the shop's till.
    bl::PulledPage page;
    page.workshops = {ws.s.workshop};
    page.makers = {{ws.s.anna.id, ws.s.workshop.id, "Anna", std::nullopt, false},
                   {ws.s.prik.id, ws.s.workshop.id, "", std::nullopt, false}};
    page.products = {*bl::find_product(ws.db(), ws.s.mug.id)};
    page.batches = {*bl::find_batch(ws.db(), batch_id)};
    page.next_cursor = 1;
    test::Rig shop(true);
    REQUIRE(bl::apply_pulled_page(*shop.s.db, page).ok());

    shop.till.start();
    shop.till.access().log_in(shop.s.clerk.id, "2468");
    REQUIRE(shop.view.screen == "sale");
    for (const auto& c : codes) {
        REQUIRE(c.rfind("CODE-128:", 0) == 0);
        shop.till.selling().enter(c.substr(9)); // the scanner types the code and Enter
    }
    INFO((shop.view.problems.empty() ? std::string() : shop.view.problems.back()));
    REQUIRE(shop.cart().lines().size() == 1);
    CHECK(shop.cart().lines()[0].quantity == 4);
    CHECK(shop.cart().lines()[0].batch_id == std::optional<std::string>(batch_id));
    shop.till.checkout().pay();
    shop.till.checkout().pay_card("");
    REQUIRE(shop.view.screen == "done");
    CHECK(test::count(*shop.s.db, "SELECT count(*) FROM sale_line WHERE scanned_batch_id = '" +
                                      batch_id + "' AND quantity = 4") == 1);
    CHECK(test::count(*shop.s.db, "SELECT sum(units) FROM sale_allocation WHERE batch_id = '" +
                                      batch_id + "' AND allocated = 0") == 4);
}
