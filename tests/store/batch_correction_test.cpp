// A batch corrected after the fact: one transaction that changes the batch and its work,
// keeps what they were (the correction record and the journal), moves the difference in units
// at the workshop, and refuses what would make the numbers wrong. The full check holds the
// corrected batch to its newest correction and the correction to its journal row.

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "shared/core/canonical_json.hpp"
#include "shared/store/production.hpp"
#include "shared/store/sync_pull.hpp"
#include "shared/store/verify.hpp"

using test::count;
using test::exec;

namespace {

struct Corrected : test::Shop {
    bl::Batch cups;
    Corrected() : test::Shop(false) {
        bl::Batch b;
        b.product_id = mug.id;
        b.workshop_id = workshop.id;
        b.produced_on = "2026-11-20";
        b.units = 12;
        b.notes = "blå glasur";
        b.contributions = {{"", "", anna.id, 120, "drejning", ""},
                           {"", "", anon.id, 120, "glasering", ""}};
        cups = bl::add_batch(*db, at_station(), b).value();
        // Five of them go to the shop.
        REQUIRE(bl::deliver_batch(*db, at_station(), cups.id, shop.id, 5).ok());
    }
    // The batch as the form would send it back, from what it is now.
    bl::BatchFix fix(const std::string& reason = "talte forkert") const {
        auto now = bl::find_batch(*db, cups.id).value();
        bl::BatchFix f{now.id,    now.revision,      now.produced_on, now.units, now.material_cost,
                       now.notes, now.contributions, reason};
        for (auto& c : f.contributions)
            c.id.clear();
        return f;
    }
    std::int64_t at_workshop() const {
        return count(*db, "SELECT sum(units) FROM stock_move WHERE batch_id = '" + cups.id +
                              "' AND location = 'workshop:" + workshop.id + "'");
    }
    std::string state() const {
        return std::to_string(count(*db, "SELECT total_changes()")) + "/" +
               std::to_string(count(*db, "SELECT count(*) FROM journal")) + "/" +
               std::to_string(count(*db, "SELECT count(*) FROM batch_correction")) + "/" +
               std::to_string(count(*db, "SELECT units FROM batch WHERE id = '" + cups.id + "'"));
    }
};

} // namespace

TEST_CASE("a correction changes the batch, keeps what it was, and moves the units") {
    Corrected c;
    auto f = c.fix("to krus gik i stykker i ovnen");
    f.units = 10;
    f.contributions[0].minutes = 90; // Anna worked 1½ hours, not 2
    auto r = bl::correct_batch(*c.db, c.at_station(), f);
    REQUIRE(r.ok());
    CHECK(r.value().revision == 1);

    const auto now = bl::find_batch(*c.db, c.cups.id).value();
    CHECK(now.units == 10);
    CHECK(now.revision == 1);
    CHECK(now.label_code == c.cups.label_code); // the labels on the mugs still name it
    CHECK(bl::batch_minutes(*c.db, c.cups.id) == 210);
    CHECK(c.at_workshop() == 12 - 5 - 2);

    const auto history = bl::batch_corrections(*c.db, c.cups.id);
    REQUIRE(history.size() == 1);
    CHECK(history[0].revision == 1);
    CHECK(history[0].reason == "to krus gik i stykker i ovnen");
    CHECK(history[0].corrected_by == c.leader.id);
    CHECK(history[0].units_before == 12);
    CHECK(history[0].units_after == 10);
    CHECK(history[0].minutes_before == 240);
    CHECK(history[0].minutes_after == 210);
    // The original, whole: units, day, notes and each maker's own minutes.
    const auto previous = bl::parse_json(history[0].previous);
    REQUIRE(previous);
    CHECK(*previous->find("units")->as_int() == 12);
    CHECK(history[0].previous.find("\"minutes\":120") != std::string::npos);
    CHECK(history[0].previous.find("blå glasur") != std::string::npos);

    // The journal has both the logging and the correction, which names makers by id only.
    CHECK(count(*c.db, "SELECT count(*) FROM journal WHERE kind = 'batch_logged' AND payload "
                       "LIKE '%" +
                           c.cups.id + "%'") == 1);
    CHECK(count(*c.db, "SELECT count(*) FROM journal WHERE kind = 'batch_corrected' AND "
                       "payload LIKE '%\"units\":10%' AND payload LIKE '%\"units\":12%' AND "
                       "payload LIKE '%i ovnen%' AND payload NOT LIKE '%Anna%'") == 1);
    // The difference is a stock move of its own, not an edit of the first one.
    CHECK(count(*c.db, "SELECT count(*) FROM stock_move WHERE batch_id = '" + c.cups.id +
                           "' AND reason = 'adjusted' AND units = -2 AND reference LIKE "
                           "'corrected:%'") == 1);
    CHECK(count(*c.db, "SELECT units FROM stock_move WHERE batch_id = '" + c.cups.id +
                           "' AND reason = 'produced'") == 12);

    const auto check = bl::verify_database(*c.db);
    INFO(test::findings(check));
    CHECK(check.ok());

    // A second correction builds on the first: more units this time.
    auto g = c.fix("fandt to mere på hylden");
    g.units = 12;
    REQUIRE(bl::correct_batch(*c.db, c.at_station(), g).ok());
    CHECK(bl::batch_revision(*c.db, c.cups.id) == 2);
    CHECK(c.at_workshop() == 12 - 5);
    CHECK(bl::batch_corrections(*c.db, c.cups.id).size() == 2);
    CHECK(bl::verify_database(*c.db).ok());
}

TEST_CASE("a correction that would make the numbers wrong is refused and changes nothing") {
    Corrected c;
    const std::string before = c.state();
    auto refused = [&](const bl::BatchFix& f, const std::string& part) {
        auto r = bl::correct_batch(*c.db, c.at_station(), f);
        REQUIRE_FALSE(r.ok());
        INFO(bl::render(r.error()));
        CHECK(bl::render(r.error()).find(part) != std::string::npos);
        CHECK(c.state() == before);
    };
    auto f = c.fix("");
    f.units = 10;
    refused(f, "Say why");
    auto same = c.fix("ingenting");
    refused(same, "Nothing was changed");
    auto too_few = c.fix();
    too_few.units = 4; // five are at the shop
    refused(too_few, "5 units of batch " + c.cups.label_code + " have left the workshop");
    auto none = c.fix();
    none.units = 0;
    refused(none, "at least one unit");
    auto no_work = c.fix();
    no_work.contributions.clear();
    refused(no_work, "at least one maker");
    auto too_long = c.fix();
    too_long.contributions[0].minutes = 13 * 60;
    refused(too_long, "more than 12 hours");
    auto bad_day = c.fix();
    bad_day.produced_on = "2026-02-30";
    refused(bad_day, "not a valid date");
    auto unknown = c.fix();
    unknown.batch_id = "no-such-batch";
    refused(unknown, "does not exist");

    // Someone else corrected it since the form was filled: the later save is refused.
    auto first = c.fix("første");
    auto second = c.fix("anden");
    first.units = 11;
    second.units = 13;
    REQUIRE(bl::correct_batch(*c.db, c.at_station(), first).ok());
    auto r = bl::correct_batch(*c.db, c.at_station(), second);
    REQUIRE_FALSE(r.ok());
    CHECK(bl::render(r.error()).find("corrected by someone else meanwhile") != std::string::npos);
    CHECK(bl::find_batch(*c.db, c.cups.id)->units == 11);
}

TEST_CASE("a maker who has left may stay on a corrected batch; a new one must be active") {
    Corrected c;
    exec(*c.db, "UPDATE maker SET active = 0 WHERE id = '" + c.anon.id + "'");
    auto keep = c.fix("Anna arbejdede kun en time");
    keep.contributions[0].minutes = 60;
    REQUIRE(bl::correct_batch(*c.db, c.at_station(), keep).ok());

    // Without them, then with them again: they are no longer on the batch.
    auto without = c.fix("glaseringen var en anden dag");
    without.contributions.pop_back();
    REQUIRE(bl::correct_batch(*c.db, c.at_station(), without).ok());
    auto back = c.fix("glaseringen hører med");
    back.contributions.push_back({"", "", c.anon.id, 120, "glasering", ""});
    auto r = bl::correct_batch(*c.db, c.at_station(), back);
    REQUIRE_FALSE(r.ok());
    CHECK(bl::render(r.error()).find("no longer active") != std::string::npos);
}

TEST_CASE("the full check holds a corrected batch to its newest correction") {
    Corrected c;
    auto f = c.fix("talte forkert");
    f.units = 10;
    f.contributions[1].minutes = 60;
    REQUIRE(bl::correct_batch(*c.db, c.at_station(), f).ok());
    const std::string correction = bl::batch_corrections(*c.db, c.cups.id).front().id;
    REQUIRE(bl::verify_database(*c.db).ok());
    struct Tamper {
        const char* what;
        std::string sql, table, expect;
    };
    const std::vector<Tamper> cases{
        {"the units put back as logged",
         "UPDATE batch SET units = 12 WHERE id = '" + c.cups.id + "'", "batch",
         "which corrected it last"},
        {"the minutes put back",
         "UPDATE contribution SET minutes = 120 WHERE batch_id = '" + c.cups.id + "'",
         "contribution", "which corrected it last"},
        {"the reason changed",
         "UPDATE batch_correction SET reason = 'ingen grund' WHERE id = '" + correction + "'",
         "batch_correction", "in reason"},
        {"what it replaced changed",
         "UPDATE batch_correction SET previous = replace(previous, '\"units\":12', "
         "'\"units\":10') WHERE id = '" +
             correction + "'",
         "batch_correction", "in previous"},
        {"the revision raised, as if corrected elsewhere, and the units changed",
         "UPDATE batch SET revision = 9, units = 99 WHERE id = '" + c.cups.id + "'", "batch",
         "no correction record here says so"},
        {"the correction deleted", "DELETE FROM batch_correction WHERE id = '" + correction + "'",
         "batch_correction", "is missing from the corrections"},
        {"its stock move deleted",
         "DROP TRIGGER IF EXISTS stock_move_no_delete; DELETE FROM stock_move WHERE reference = "
         "'corrected:" +
             correction + "'",
         "stock_move", "missing from the stock moves"},
    };
    for (const auto& k : cases) {
        INFO(k.what);
        exec(*c.db, "SAVEPOINT tamper");
        exec(*c.db, k.sql);
        const auto check = bl::verify_database(*c.db);
        INFO(test::findings(check));
        bool named = false;
        for (const auto& finding : check.findings)
            named = named || finding.table == k.table;
        CHECK(named);
        CHECK_THAT(test::findings(check), Catch::Contains(k.expect));
        exec(*c.db, "ROLLBACK TO tamper; RELEASE tamper");
    }
    CHECK(bl::verify_database(*c.db).ok());
}

TEST_CASE("a batch pulled from another device: its hours are corrected here, its units there") {
    Corrected c;
    bl::Batch pulled;
    pulled.id = "0190aaaa-0000-7000-8000-000000000001";
    pulled.product_id = c.mug.id;
    pulled.workshop_id = c.workshop.id;
    pulled.produced_on = "2026-11-18";
    pulled.units = 6;
    pulled.label_code = "2999900000018";
    pulled.contributions = {{"0190aaaa-0000-7000-8000-000000000002", pulled.id, c.anna.id, 90,
                             "drejning", "2026-11-18"}};
    bl::PulledPage page;
    page.batches = {pulled};
    page.next_cursor = 5;
    REQUIRE(bl::apply_pulled_page(*c.db, page).ok());

    auto was = bl::find_batch(*c.db, pulled.id).value();
    bl::BatchFix fix{was.id,    was.revision,      was.produced_on, 5, was.material_cost,
                     was.notes, was.contributions, "talte forkert"};
    fix.contributions[0].id.clear();
    auto r = bl::correct_batch(*c.db, c.at_station(), fix);
    REQUIRE_FALSE(r.ok());
    CHECK(bl::render(r.error()).find("logged on another device") != std::string::npos);
    fix.units = 6;
    fix.contributions[0].minutes = 60;
    REQUIRE(bl::correct_batch(*c.db, c.at_station(), fix).ok());
    CHECK(bl::batch_minutes(*c.db, pulled.id) == 60);
    const auto check = bl::verify_database(*c.db);
    INFO(test::findings(check));
    CHECK(check.ok());

    // A newer correction made elsewhere, pulled: its record first, then its state. The check
    // accepts it by its record; without the record it names the batch.
    bl::BatchCorrection record{"0190aaaa-0000-7000-8000-000000000009",
                               pulled.id,
                               2,
                               "2026-11-29T10:00:00.000Z",
                               c.leader.id,
                               "Anna var der en halv time mere",
                               6,
                               6,
                               60,
                               90,
                               R"({"units":6})"};
    bl::Batch newer = pulled;
    newer.revision = 2;
    newer.contributions[0].id = "0190aaaa-0000-7000-8000-00000000000a";
    bl::PulledPage second;
    second.corrections = {record};
    second.batches = {newer};
    second.next_cursor = 9;
    REQUIRE(bl::apply_pulled_page(*c.db, second).ok());
    CHECK(bl::batch_revision(*c.db, pulled.id) == 2);
    CHECK(bl::batch_minutes(*c.db, pulled.id) == 90);
    CHECK(bl::batch_corrections(*c.db, pulled.id).size() == 2);
    const auto after = bl::verify_database(*c.db);
    INFO(test::findings(after));
    CHECK(after.ok());
    exec(*c.db, "DELETE FROM batch_correction WHERE id = '" + record.id + "'");
    CHECK_THAT(test::findings(bl::verify_database(*c.db)),
               Catch::Contains("no correction record here says so"));
}

TEST_CASE("where a batch's stock is kept, a correction pulled from elsewhere leaves its units") {
    Corrected c;
    auto mine = c.fix("to gik i stykker");
    mine.units = 10;
    REQUIRE(bl::correct_batch(*c.db, c.at_station(), mine).ok());
    // An organiser corrected the notes from the batch as it was before (revision 0 -> 1), and
    // later again (-> 2), both with the 12 units they saw.
    bl::Batch theirs = bl::find_batch(*c.db, c.cups.id).value();
    theirs.units = 12;
    theirs.notes = "rettet af arrangøren";
    theirs.revision = 2;
    for (auto& w : theirs.contributions)
        w.id += "-o";
    bl::BatchCorrection record{"0190bbbb-0000-7000-8000-000000000001",
                               c.cups.id,
                               2,
                               "2026-11-29T10:00:00.000Z",
                               c.leader.id,
                               "noten",
                               12,
                               12,
                               240,
                               240,
                               R"({"units":12})"};
    bl::PulledPage page;
    page.corrections = {record};
    page.batches = {theirs};
    page.next_cursor = 3;
    REQUIRE(bl::apply_pulled_page(*c.db, page).ok());
    const auto now = bl::find_batch(*c.db, c.cups.id).value();
    CHECK(now.notes == "rettet af arrangøren");
    CHECK(now.units == 10); // its stock moves say 10: only this device changes them
    CHECK(c.at_workshop() == 10 - 5);
    const auto check = bl::verify_database(*c.db);
    INFO(test::findings(check));
    CHECK(check.ok());
}
