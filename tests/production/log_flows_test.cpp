// Logging a batch: the quick form and the easy-read steps record one batch each, in one
// transaction, with each maker's own hours; bad input is refused with a reason and changes
// nothing; the task tags are an editable list.

#include "production/model/batch_draft.hpp"
#include "shared/impact/work.hpp"
#include "workshop_rig.hpp"

namespace {

std::int64_t batches(test::WorkshopRig& rig) {
    return rig.count("SELECT count(*) FROM batch");
}

} // namespace

TEST_CASE("the quick form logs a batch whose contributions add up to its hours") {
    test::WorkshopRig rig;
    rig.workshop.quick().open();
    REQUIRE(rig.view.screen == "quick");
    CHECK(rig.view.quick_setup.products.size() == 2); // the retired product is not offered
    CHECK(rig.view.quick_setup.makers.size() == 2);   // the workshop's own makers only
    CHECK(rig.view.quick_form.date == bl::format_date(bl::copenhagen_day(bl::now_utc())));

    // Picking makers from the tiles: the second is "same as the others".
    bl::production::QuickForm f = rig.view.quick_form;
    f.product_id = rig.s.mug.id;
    f.units = "12";
    rig.workshop.quick().toggle_maker(f, rig.s.anna.id);
    f = rig.view.quick_form;
    REQUIRE(f.rows.size() == 1);
    CHECK_FALSE(f.rows[0].same_as_others);
    f.rows[0].time = "2";
    rig.workshop.quick().toggle_maker(f, rig.s.prik.id);
    f = rig.view.quick_form;
    REQUIRE(f.rows.size() == 2);
    CHECK(f.rows[1].same_as_others);
    CHECK(rig.view.sums.makers == 2);
    CHECK(rig.view.sums.minutes == 240);
    CHECK(*rig.view.sums.per_unit == 20);

    rig.workshop.quick().save(f);
    REQUIRE(rig.view.screen == "labels");
    CHECK(rig.view.last_news().find("label code 29107") != std::string::npos);
    const auto b = bl::find_batch(rig.db(), rig.view.labels.selected);
    REQUIRE(b);
    CHECK(b->units == 12);
    std::int64_t sum = 0;
    for (const auto& c : b->contributions)
        sum += c.minutes;
    CHECK(sum == 240);
    CHECK(bl::batch_minutes(rig.db(), b->id) == 240);
    // Hours per unit, as the impact documents carry them: 240 / 12 = 20 minutes.
    CHECK(bl::work_in_units(240, 12, 1) == bl::WorkMinutes::whole(20));
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'batch_logged' AND payload NOT "
                    "LIKE '%Anna%'") == 1);
}

TEST_CASE("bad input in the quick form is refused with a reason and changes nothing") {
    test::WorkshopRig rig;
    const auto before = batches(rig);
    auto refused = [&](bl::production::QuickForm f, const std::string& part) {
        rig.workshop.quick().save(f);
        INFO(rig.view.last_problem());
        CHECK(rig.view.last_problem().find(part) != std::string::npos);
        CHECK(batches(rig) == before);
    };
    refused(rig.mug_form("0", {{&rig.s.anna, "2"}}), "at least one unit");
    refused(rig.mug_form("5", {{&rig.s.anna, "-3"}}), "cannot be negative");
    refused(rig.mug_form("5", {{&rig.s.anna, "40"}}), "more than 24 hours");
    refused(rig.mug_form("5", {{&rig.s.anna, "13"}}), "more than 12 hours in one day");
    refused(rig.mug_form("5", {{&rig.s.sofie, "2"}}), "not an active maker of this workshop");
    auto retired = rig.mug_form("5", {{&rig.s.anna, "2"}});
    retired.product_id = rig.s.retired.id;
    refused(retired, "no longer sold");
    auto unknown = rig.mug_form("5", {{&rig.s.anna, "2"}});
    unknown.product_id = "no-such-product";
    refused(unknown, "does not exist");
    // Twelve hours for Anna today already: one more hour on another batch is refused.
    rig.workshop.quick().save(rig.mug_form("5", {{&rig.s.anna, "7"}}));
    rig.workshop.quick().save(rig.mug_form("5", {{&rig.s.anna, "5"}}));
    const auto logged = batches(rig);
    CHECK(logged == before + 2);
    rig.workshop.quick().save(rig.mug_form("5", {{&rig.s.anna, "1"}}));
    CHECK(rig.view.last_problem().find("Anna: 13:00 hours") != std::string::npos);
    CHECK(batches(rig) == logged);
}

TEST_CASE("the store itself refuses a maker of another workshop and an inactive product") {
    test::Station s;
    bl::Batch b;
    b.product_id = s.mug.id;
    b.workshop_id = s.workshop.id;
    b.produced_on = "2026-11-20";
    b.units = 3;
    b.contributions = {{"", "", s.sofie.id, 60, "", ""}};
    auto r = bl::add_batch(*s.db, s.at_station(), b);
    REQUIRE_FALSE(r.ok());
    CHECK(bl::render(r.error()).find("another workshop") != std::string::npos);
    b.contributions = {{"", "", s.anna.id, 60, "", ""}};
    b.product_id = s.retired.id;
    CHECK_FALSE(bl::add_batch(*s.db, s.at_station(), b).ok());
    CHECK(test::count(*s.db, "SELECT count(*) FROM batch") == 0);
}

TEST_CASE("easy-read: one question a screen, each maker's own time, a summary to confirm") {
    test::WorkshopRig rig;
    auto& easy = rig.workshop.easy();
    easy.open();
    REQUIRE(rig.view.easy.step == bl::production::EasyStep::product);
    REQUIRE(rig.view.easy.products.size() == 2);
    CHECK_FALSE(rig.view.easy.products[0].pictogram.empty());
    easy.choose_product(rig.s.mug.id);
    CHECK(rig.view.easy.step == bl::production::EasyStep::units);
    easy.next(); // no units yet
    CHECK(rig.view.last_problem().find("at least 1") != std::string::npos);
    easy.set_units(10);
    easy.add_units(2);
    CHECK(rig.view.easy.units == 12);
    easy.next();
    CHECK(rig.view.easy.step == bl::production::EasyStep::makers);
    easy.next(); // nobody chosen
    CHECK(rig.view.last_problem().find("Choose who helped") != std::string::npos);
    easy.toggle_maker(rig.s.anna.id);
    easy.toggle_maker(rig.s.prik.id);
    easy.next();
    REQUIRE(rig.view.easy.step == bl::production::EasyStep::time);
    CHECK(rig.view.easy.chosen[rig.view.easy.asking].name == "Anna");
    easy.choose_time(120);
    CHECK(rig.view.easy.chosen[rig.view.easy.asking].name == "Prikkeline");
    easy.choose_time(bl::production::a_day_minutes);
    REQUIRE(rig.view.easy.step == bl::production::EasyStep::summary);
    CHECK(rig.view.easy.sums.makers == 2);
    CHECK(rig.view.easy.sums.minutes == 480);
    CHECK(*rig.view.easy.sums.per_unit == 40);
    // Back to change Prikkeline's time, then confirm.
    easy.back();
    CHECK(rig.view.easy.step == bl::production::EasyStep::time);
    easy.choose_time(60);
    easy.confirm();
    CHECK(rig.view.last_news().find("Thank you") != std::string::npos);
    CHECK(rig.view.easy.step == bl::production::EasyStep::product);
    CHECK(rig.count("SELECT count(*) FROM batch") == 1);
    CHECK(rig.count("SELECT sum(minutes) FROM contribution") == 180);
}

TEST_CASE("the task tags are an editable list, kept as a journaled setting") {
    test::WorkshopRig rig;
    rig.workshop.tags().open();
    REQUIRE(rig.view.screen == "tags");
    const auto usual = rig.view.tags.size();
    CHECK(usual >= 6);
    rig.workshop.tags().add("Brænding");
    CHECK(rig.view.tags.size() == usual + 1);
    rig.workshop.tags().add("brænding");
    CHECK(rig.view.last_problem().find("on the list already") != std::string::npos);
    rig.workshop.tags().add("a,b");
    CHECK(rig.view.last_problem().find("without commas") != std::string::npos);
    rig.workshop.tags().remove("pakning");
    CHECK(std::find(rig.view.tags.begin(), rig.view.tags.end(), "pakning") == rig.view.tags.end());
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'setting_changed'") == 2);
    rig.workshop.quick().open();
    CHECK(std::find(rig.view.quick_setup.tags.begin(), rig.view.quick_setup.tags.end(),
                    "Brænding") != rig.view.quick_setup.tags.end());
}
