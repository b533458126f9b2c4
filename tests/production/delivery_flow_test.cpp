// Deliveries with a delivery note, units reported back by the shop, and the stock and hours
// view with its sorting, filter and CSV.

#include "workshop_rig.hpp"

namespace {

std::string logged(test::WorkshopRig& rig, const bl::Product& p, const std::string& units,
                   const std::string& time) {
    auto f = rig.mug_form(units, {{&rig.s.anna, time}});
    f.product_id = p.id;
    rig.workshop.quick().save(f);
    REQUIRE(rig.view.screen == "labels");
    return rig.view.labels.selected;
}

} // namespace

TEST_CASE("a delivery of two batches goes whole, with a delivery note") {
    test::WorkshopRig rig;
    const std::string mugs = logged(rig, rig.s.mug, "10", "5");
    const std::string bowls = logged(rig, rig.s.bowl, "6", "3");
    auto& d = rig.workshop.deliveries();
    d.open();
    REQUIRE(rig.view.screen == "deliveries");
    CHECK(rig.view.deliveries.batches.size() == 2);
    CHECK(rig.view.deliveries.shop_id == rig.s.shop.id);
    d.add_line(mugs, "8");
    d.add_line(bowls, "6");
    d.add_line(mugs, "3"); // 8 + 3 is more than the 10 made
    CHECK(rig.view.last_problem() == "Only 10 units of this batch are at the workshop.");
    d.add_line(bowls, "0");
    CHECK(rig.view.last_problem() == "Deliver at least one unit.");
    d.add_line(bowls, "to");
    CHECK(rig.view.last_problem().find("whole number") != std::string::npos);
    CHECK(rig.view.deliveries.units == 14);
    d.deliver();
    INFO(rig.view.last_problem());
    REQUIRE(rig.view.last_news().find("The delivery to Vielgut Studio is recorded (units: 14)") !=
            std::string::npos);
    CHECK(rig.view.deliveries.lines.empty());
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'batch_delivered'") == 2);
    std::string note;
    for (const auto& e : std::filesystem::directory_iterator(rig.s.documents()))
        if (e.path().filename().string().rfind("foelgeseddel-", 0) == 0)
            note = e.path().string();
    REQUIRE_FALSE(note.empty());
    const std::string text = test::pdf_text(note);
    CHECK(text.find("Følgeseddel") != std::string::npos);
    CHECK(text.find("Vielgut Studio") != std::string::npos);
    CHECK(text.find(bl::find_batch(rig.db(), mugs)->label_code) != std::string::npos);
    CHECK(text.find("1.512,00 kr.") != std::string::npos); // 8 x 189
    CHECK(text.find("Anna") == std::string::npos);         // no maker on a delivery note
}

TEST_CASE("delivering more than is at the workshop changes nothing") {
    test::WorkshopRig rig;
    const std::string mugs = logged(rig, rig.s.mug, "4", "2");
    REQUIRE(bl::deliver_batch(rig.db(), rig.s.at_station(), mugs, rig.s.shop.id, 3).ok());
    const auto moves = rig.count("SELECT count(*) FROM stock_move");
    auto r =
        bl::deliver_batches(rig.db(), rig.s.at_station(), rig.s.shop.id, {{mugs, 1}, {mugs, 1}});
    CHECK_FALSE(r.ok());
    r = bl::deliver_batches(rig.db(), rig.s.at_station(), rig.s.shop.id, {{mugs, 2}});
    REQUIRE_FALSE(r.ok());
    CHECK(bl::render(r.error()) == "Only 1 units of this batch are at the workshop.");
    CHECK(rig.count("SELECT count(*) FROM stock_move") == moves);
}

TEST_CASE("a shop reports units back: returned to the workshop, or broken") {
    test::WorkshopRig rig;
    const std::string mugs = logged(rig, rig.s.mug, "10", "5");
    rig.workshop.deliveries().open();
    rig.workshop.deliveries().add_line(mugs, "10");
    rig.workshop.deliveries().deliver();
    rig.workshop.deliveries().report_back(mugs, "2", false);
    CHECK(rig.view.last_news() == "Back at the workshop now: 2 of this batch.");
    rig.workshop.deliveries().report_back(mugs, "1", true);
    CHECK(rig.view.last_news() == "Taken out of stock as broken: 1 of this batch.");
    rig.workshop.deliveries().report_back(mugs, "8", true); // only 7 are at the shop
    CHECK(rig.view.last_problem() == "Only 7 units of this batch are at the shop.");
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'stock_returned'") == 2);

    rig.workshop.stock().open();
    REQUIRE(rig.view.stock.lines.size() == 1);
    const auto& row = rig.view.stock.lines[0].row;
    CHECK(row.produced == 10);
    CHECK(row.delivered == 10);
    CHECK(row.returned == 2);
    CHECK(row.lost == 1);
    CHECK(row.sold == 0);
    CHECK(row.on_hand == 9);
    CHECK(row.at_workshop == 2);
    // 5 hours on 10 units: the 9 on hand carry 270 minutes.
    CHECK(rig.view.stock.lines[0].unsold_minutes == 270);
}

TEST_CASE("stock and hours: sorted, filtered and exported as CSV") {
    test::WorkshopRig rig;
    logged(rig, rig.s.mug, "10", "5");
    logged(rig, rig.s.bowl, "4", "1");
    auto& stock = rig.workshop.stock();
    stock.open();
    REQUIRE(rig.view.stock.lines.size() == 2);
    stock.sort_by(bl::production::StockColumn::product);
    CHECK(rig.view.stock.lines[0].row.product_name == "Krus med hank, blå glasur");
    stock.sort_by(bl::production::StockColumn::product);
    CHECK(rig.view.stock.lines[0].row.product_name == "Skål, lille");
    stock.sort_by(bl::production::StockColumn::unsold_minutes);
    CHECK(rig.view.stock.lines[0].unsold_minutes == 300);
    CHECK(rig.view.stock.unsold_minutes == 360);
    stock.filter("SKÅL"); // any case; "skaal" finds it too
    REQUIRE(rig.view.stock.lines.size() == 1);
    CHECK(rig.view.stock.on_hand == 4);
    stock.export_csv();
    REQUIRE(rig.view.last_news().find(".csv") != std::string::npos);
    const auto csv = bl::production::StockFlow::csv(rig.view.stock);
    CHECK(csv.rfind("produkt;parti;", 0) == 0);
    CHECK(csv.find("Skål, lille;29107") != std::string::npos);
    CHECK(csv.find(";4;0;0;0;4;60;60\n") != std::string::npos);
}
