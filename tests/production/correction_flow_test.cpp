// Correcting a logged batch from the workshop program: the quick form opens filled in with the
// batch as it is (its product fixed, each maker's own time, work on another day kept), asks
// why, and saves a correction that keeps the original; stock shows the batch as corrected.

#include <algorithm>

#include "shared/store/production.hpp"
#include "shared/store/sync_pull.hpp"
#include "shared/store/verify.hpp"
#include "workshop_rig.hpp"

namespace {

std::string logged(test::WorkshopRig& rig) {
    auto f = rig.mug_form("12", {{&rig.s.anna, "2"}, {&rig.s.prik, "1:30"}});
    rig.workshop.quick().save(f);
    REQUIRE(rig.view.screen == "labels");
    return rig.view.labels.selected;
}

} // namespace

TEST_CASE("a batch is corrected from the quick form, which says why and keeps the original") {
    test::WorkshopRig rig;
    const std::string id = logged(rig);
    REQUIRE(bl::deliver_batch(rig.db(), rig.s.at_station(), id, rig.s.shop.id, 4).ok());

    rig.workshop.quick().open_correction(id);
    REQUIRE(rig.view.screen == "quick");
    const auto& setup = rig.view.quick_setup;
    REQUIRE(setup.correcting);
    CHECK(setup.correcting->left_workshop == 4);
    CHECK(setup.correcting->keeps_stock);
    CHECK(setup.correcting->history.empty());
    REQUIRE(setup.products.size() == 1); // its own product only: a batch keeps its product
    CHECK(setup.products[0].id == rig.s.mug.id);
    bl::production::QuickForm f = rig.view.quick_form;
    CHECK(f.correcting == id);
    CHECK(f.units == "12");
    REQUIRE(f.rows.size() == 2);
    CHECK(f.rows[0].time == "2");
    CHECK(f.rows[1].time == "1:30");
    CHECK(rig.view.sums.minutes == 210);

    // Without a reason it is refused, and nothing changes.
    f.units = "10";
    rig.workshop.quick().save(f);
    CHECK_THAT(rig.view.last_problem(), Catch::Contains("Say why the batch is corrected"));
    CHECK(bl::find_batch(rig.db(), id)->units == 12);
    // Fewer than have left the workshop is refused with the number that has.
    f.units = "3";
    f.reason = "talte forkert";
    rig.workshop.quick().save(f);
    CHECK_THAT(rig.view.last_problem(), Catch::Contains("4 units of batch"));

    f.units = "10";
    f.rows[1].time = "1";
    rig.workshop.quick().save(f);
    REQUIRE(rig.view.screen == "stock");
    CHECK_THAT(rig.view.last_news(), Catch::Contains("is corrected: 10 units, 3:00 of work"));
    const auto b = bl::find_batch(rig.db(), id).value();
    CHECK(b.units == 10);
    CHECK(bl::batch_minutes(rig.db(), id) == 180);
    bool shown = false;
    for (const auto& l : rig.view.stock.lines)
        if (l.row.batch_id == id) {
            shown = true;
            CHECK(l.row.produced == 10);
            CHECK(l.row.at_workshop == 6);
            CHECK(l.row.minutes == 180);
        }
    CHECK(shown);

    // Opened again: the history says what it was, who corrected it and why.
    rig.workshop.quick().open_correction(id);
    REQUIRE(rig.view.quick_setup.correcting);
    const auto& h = rig.view.quick_setup.correcting->history;
    REQUIRE(h.size() == 1);
    CHECK(h[0].staff_name == "Jonas");
    CHECK(h[0].reason == "talte forkert");
    CHECK(h[0].units_before == 12);
    CHECK(h[0].units_after == 10);
    CHECK(h[0].minutes_before == 210);
    CHECK(h[0].minutes_after == 180);
    CHECK(rig.view.quick_form.revision == 1);
    CHECK(bl::verify_database(rig.db()).ok());
}

TEST_CASE("a correction keeps a maker's work on another day, and an old form is refused") {
    test::WorkshopRig rig;
    // Logged with Anna's work the day before the batch was finished.
    bl::Batch b;
    b.product_id = rig.s.mug.id;
    b.workshop_id = rig.s.workshop.id;
    b.produced_on = "2026-11-20";
    b.units = 6;
    b.contributions = {{"", "", rig.s.anna.id, 60, "drejning", "2026-11-19"},
                       {"", "", rig.s.prik.id, 120, "glasering", ""}};
    const auto batch = bl::add_batch(rig.db(), rig.s.at_station(), b).value();

    rig.workshop.quick().open_correction(batch.id);
    auto f = rig.view.quick_form;
    REQUIRE(f.rows.size() == 2);
    CHECK(f.rows[0].worked_on == "2026-11-19"); // kept: not the batch's day
    CHECK(f.rows[1].worked_on.empty());         // follows the form's day
    auto stale = f;
    f.date = "2026-11-21";
    f.reason = "færdig dagen efter";
    rig.workshop.quick().save(f);
    REQUIRE(rig.view.screen == "stock");
    const auto now = bl::find_batch(rig.db(), batch.id).value();
    CHECK(now.produced_on == "2026-11-21");
    for (const auto& c : now.contributions)
        CHECK(c.worked_on == (c.maker_id == rig.s.anna.id ? "2026-11-19" : "2026-11-21"));

    // The form opened before that correction is refused, not saved over it.
    stale.units = "7";
    stale.reason = "en til";
    rig.workshop.quick().save(stale);
    CHECK_THAT(rig.view.last_problem(), Catch::Contains("corrected by someone else meanwhile"));
    CHECK(bl::find_batch(rig.db(), batch.id)->units == 6);
}

TEST_CASE("a workshop leader corrects only their own workshop's batches") {
    test::WorkshopRig rig;
    bl::Batch b;
    b.product_id = rig.s.cloth.id;
    b.workshop_id = rig.s.textiles.id;
    b.produced_on = "2026-11-20";
    b.units = 3;
    b.contributions = {{"", "", rig.s.sofie.id, 60, "", ""}};
    const auto cloths = bl::add_batch(rig.db(), rig.s.at_station(), b).value();
    rig.workshop.quick().open_correction(cloths.id);
    CHECK(rig.view.screen != "quick");
    CHECK_THAT(rig.view.last_problem(), Catch::Contains("made at another workshop"));
}

TEST_CASE("a correction keeps a task this station's list does not have") {
    test::WorkshopRig rig;
    bl::Batch b;
    b.product_id = rig.s.mug.id;
    b.workshop_id = rig.s.workshop.id;
    b.produced_on = "2026-11-20";
    b.units = 4;
    b.contributions = {{"", "", rig.s.anna.id, 60, "raku", ""},
                       {"", "", rig.s.anna.id, 30, "rakubrænding", ""}};
    const auto batch = bl::add_batch(rig.db(), rig.s.at_station(), b).value();
    rig.workshop.quick().open_correction(batch.id);
    const auto& tags = rig.view.quick_setup.tags;
    CHECK(std::find(tags.begin(), tags.end(), "raku") != tags.end());
    CHECK(std::find(tags.begin(), tags.end(), "rakubrænding") != tags.end());
    auto f = rig.view.quick_form;
    f.notes = "glasur: tenmoku";
    f.reason = "noten manglede";
    rig.workshop.quick().save(f);
    REQUIRE(rig.view.screen == "stock");
    const auto now = bl::find_batch(rig.db(), batch.id).value();
    CHECK(now.notes == "glasur: tenmoku");
    REQUIRE(now.contributions.size() == 2);
    for (const auto& w : now.contributions)
        CHECK((w.task_tag == "raku" || w.task_tag == "rakubrænding"));
}

TEST_CASE("a batch another station logged: the form says its units are corrected there") {
    test::WorkshopRig rig;
    bl::Batch pulled;
    pulled.id = "0190cccc-0000-7000-8000-000000000001";
    pulled.product_id = rig.s.mug.id;
    pulled.workshop_id = rig.s.workshop.id;
    pulled.produced_on = "2026-11-18";
    pulled.units = 6;
    pulled.label_code = "2999900000025";
    pulled.contributions = {{"0190cccc-0000-7000-8000-000000000002", pulled.id, rig.s.anna.id, 90,
                             "drejning", "2026-11-18"}};
    bl::PulledPage page;
    page.batches = {pulled};
    page.next_cursor = 1;
    REQUIRE(bl::apply_pulled_page(rig.db(), page).ok());
    rig.workshop.quick().open_correction(pulled.id);
    REQUIRE(rig.view.quick_setup.correcting);
    CHECK_FALSE(rig.view.quick_setup.correcting->keeps_stock);
    CHECK(rig.view.quick_setup.correcting->left_workshop == 0);
    auto f = rig.view.quick_form;
    f.rows.at(0).time = "1";
    f.reason = "Anna holdt pause";
    rig.workshop.quick().save(f);
    REQUIRE(rig.view.screen == "stock");
    CHECK(bl::batch_minutes(rig.db(), pulled.id) == 60);
}
