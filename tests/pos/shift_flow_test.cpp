// The shift flow: drawer, training, X and Z reports (journaled and gated), backups after Z.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "till_rig.hpp"

using test::Rig;

TEST_CASE("till: emptied carts, copies, drawer, X and training are journaled and gated") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    auto journaled = [&](const char* kind) {
        return test::count(*s.db,
                           std::string("SELECT count(*) FROM journal WHERE kind = '") + kind + "'");
    };
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.copies().begin_copy();
    CHECK(view.screen == "copy_lookup");
    CHECK(view.suggested.empty());
    till.copies().copy_receipt("");
    CHECK_THAT(view.problems.back(), Catch::Contains("no receipt on this till yet"));
    till.selling().scan(s.mug.barcode);
    till.selling().abort_sale();
    CHECK_THAT(view.question, Catch::Contains("Empty the cart with 1 item?"));
    CHECK(!rig.cart().empty()); // asked first
    CHECK(journaled("sale_aborted") == 0);
    view.answer();
    CHECK(rig.cart().empty());
    CHECK(journaled("sale_aborted") == 1);
    till.selling().abort_sale(); // an empty cart: nothing to ask, nothing to journal
    CHECK_FALSE(view.answer());
    CHECK(journaled("sale_aborted") == 1);
    till.shift().open_drawer(); // staff: an organiser is asked on the spot
    CHECK_THAT(view.approval_for, Catch::Contains("Only an organiser"));
    till.access().cancel_approval();
    till.shift().set_training(true);
    CHECK_THAT(view.approval_for, Catch::Contains("Only an organiser"));
    till.access().cancel_approval();
    CHECK(sink.drawer_kicks == 0);

    till.selling().scan(s.cloth.barcode);
    till.checkout().pay();
    till.checkout().pay_card("");
    till.copies().begin_copy();
    till.copies().copy_receipt(view.suggested);
    REQUIRE(sink.printed.size() == 2);
    bool kopi = false;
    for (const auto& l : sink.printed[1].lines)
        kopi = kopi || l.text.find("KOPI") != std::string::npos;
    CHECK(kopi);
    CHECK(journaled("receipt_copy") == 1);
    till.shift().x_report();
    CHECK(view.screen == "x_report");
    CHECK(view.x_gross.ore() == 11975);
    CHECK(journaled("x_report") == 1);

    till.access().log_out();
    till.access().log_in(lise.id, "2468");
    till.shift().open_drawer();
    CHECK(sink.drawer_kicks == 1);
    CHECK(journaled("drawer_opened") == 1);
    till.shift().set_training(true);
    CHECK(view.training);
    CHECK(journaled("training_on") == 1);
    till.selling().scan(s.cloth.barcode);
    till.checkout().pay();
    till.checkout().pay_card("");
    // Training sales say ØVELSE and stay out of the shift's totals.
    bool oevelse = false;
    for (const auto& l : sink.printed.back().lines)
        oevelse = oevelse || l.text.find("ØVELSE") != std::string::npos;
    CHECK(oevelse);
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale WHERE training = 1") == 1);
    till.shift().x_report();
    CHECK(view.x_gross.ore() == 11975);
    till.shift().set_training(false);
    CHECK_FALSE(view.training);
    CHECK(journaled("training_off") == 1);
    CHECK(bl::verify_journal(*s.db, s.till.id).ok);
}

TEST_CASE("till: the organiser's Z closes the day and prints the Z report") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.access().log_in(lise.id, "2468");
    till.selling().scan(s.cloth.barcode);
    till.checkout().pay();
    till.checkout().pay_cash("200");
    till.selling().back_to_sale();
    till.shift().begin_close_shift();
    REQUIRE(view.screen == "close_shift");
    CHECK(view.count.expected.ore() == 112000);
    CHECK_FALSE(view.count.counted);
    // Counted note by note: the difference is shown before anything is confirmed.
    std::vector<std::string> notes(11);
    notes[0] = "1";  // 1.000 kr.
    notes[3] = "1";  // 100 kr.
    notes[5] = "1";  // 20 kr.
    notes[10] = "x"; // not a count: none
    till.shift().count_drawer(notes, "");
    CHECK(view.count.by_denomination);
    CHECK(view.count.counted->ore() == 112000);
    CHECK(view.count.difference->ore() == 0);
    notes[5] = "";
    notes[9] = "19"; // 19 x 1 kr.
    notes[10] = "1"; // 50 øre
    till.shift().count_drawer(notes, "");
    CHECK(view.count.difference->ore() == -50);
    till.shift().count_drawer(notes, "1.100"); // a typed total wins
    CHECK_FALSE(view.count.by_denomination);
    CHECK(view.count.difference->ore() == -2000);
    till.shift().count_drawer({}, "abc");
    CHECK_FALSE(view.count.counted);
    CHECK(view.problems.empty()); // nothing is said while counting
    till.shift().close_shift(notes, "1.119,50");
    // The Z report on screen with its number; the till waits for the person to read it.
    CHECK(view.screen == "z_report");
    CHECK(view.z_number == 1);
    CHECK(view.z_count.counted->ore() == 111950);
    CHECK(view.z_count.expected.ore() == 112000);
    CHECK(view.z_count.difference->ore() == -50);
    CHECK(view.z_count.by_denomination);
    CHECK(test::has_line(view.z_text, "Z-RAPPORT nr. 1"));
    CHECK(view.z_steps.size() == 2); // printed and backed up (at once with these ports)
    REQUIRE(sink.printed.size() == 2);
    CHECK(sink.printed.back().name == "Z-1");
    bool diff = false;
    for (const auto& l : sink.printed.back().lines)
        diff = diff || (l.text.find("Difference") != std::string::npos &&
                        l.text.find("-0,50") != std::string::npos);
    CHECK(diff);
    // The notes and coins counted are on it.
    CHECK(test::has_line(sink.printed.back(), "1 × 1.000,00 kr."));
    CHECK(test::has_line(sink.printed.back(), "19 × 1,00 kr."));
    CHECK(test::has_line(sink.printed.back(), "1 × 0,50 kr."));
    till.shift().finish_day();
    CHECK(view.screen == "login");
    // Tomorrow's float: what was counted is suggested.
    till.access().log_in(lise.id, "2468");
    CHECK(view.screen == "open_shift");
    REQUIRE(view.float_suggested);
    CHECK(view.float_suggested->ore() == 111950);
    // A backup of the day beside the database: a Bundlinje file holding the day's sale.
    std::vector<std::filesystem::path> backups;
    for (const auto& e : std::filesystem::directory_iterator(rig.store.shifts().backup_folder()))
        backups.push_back(e.path());
    REQUIRE(backups.size() == 1);
    CHECK_THAT(backups[0].filename().string(), Catch::EndsWith("-z000001.db"));
    bl::Database copy(backups[0].string());
    CHECK(test::count(copy, "SELECT count(*) FROM sale") == 1);
    CHECK(test::count(copy, "SELECT count(*) FROM shift WHERE z_number = 1") == 1);
    CHECK(bl::verify_journal(copy, s.till.id).ok);
}

TEST_CASE("till: backups after Z keep the newest fourteen, and a failed one is said and closes "
          "the day anyway") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    namespace fs = std::filesystem;
    const fs::path folder = rig.store.shifts().backup_folder();
    fs::create_directories(folder);
    for (int day = 1; day <= 20; ++day) { // older days' backups, and a file that is not one
        char name[64];
        std::snprintf(name, sizeof name, "bundlinje-2026-10-%02d-z%06d.db", day, day);
        std::ofstream(folder / name) << "old";
    }
    std::ofstream(folder / "notes.txt") << "keep me";
    till.start();
    till.access().log_in(rig.lise->id, "2468");
    till.shift().close_shift({}, "1.000");
    REQUIRE(view.screen == "z_report");
    till.shift().finish_day();
    REQUIRE(view.screen == "login");
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    REQUIRE(names.size() == bl::pos::StoreShifts::backups_kept + 1);
    CHECK(names.front() == "bundlinje-2026-10-08-z000008.db"); // the oldest six went
    CHECK(names.back() == "notes.txt");
    CHECK_THAT(names[names.size() - 2], Catch::EndsWith("-z000001.db"));

    // No room for the next one: the day still closes, and the person hears where to copy.
    till.access().log_in(rig.lise->id, "2468");
    till.shift().open_shift("1.000");
    fs::remove_all(folder);
    std::ofstream(folder) << "a file where the folder should be";
    till.shift().close_shift({}, "1.000");
    CHECK(view.screen == "z_report");
    CHECK(test::count(*s.db, "SELECT count(*) FROM shift WHERE z_number = 2") == 1);
    REQUIRE(view.z_steps.size() == 2);
    CHECK_THAT(view.z_steps[1].second, Catch::Contains("backup could not be written"));
    // Said again on the login screen that follows, so nobody misses it.
    view.problems.clear();
    till.shift().finish_day();
    CHECK(view.screen == "login");
    REQUIRE_FALSE(view.problems.empty());
    CHECK_THAT(view.problems.back(),
               Catch::Contains("backup could not be written") && Catch::Contains(s.db->path()));
}

TEST_CASE("till: training, the drawer, X and copies are journaled before they happen, and "
          "not at all when the journal cannot take them") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& till = rig.till;
    till.start();
    till.access().log_in(rig.lise->id, "2468");
    till.selling().scan(s.cloth.barcode);
    till.checkout().pay();
    till.checkout().pay_card("");
    REQUIRE(rig.sink.printed.size() == 1);
    till.selling().back_to_sale();
    test::journal_refuses(*s.db, true);
    till.shift().set_training(true);
    CHECK_FALSE(till.state().training);
    CHECK_FALSE(rig.view.training);
    till.shift().open_drawer();
    CHECK(rig.sink.drawer_kicks == 0);
    till.shift().x_report();
    CHECK(rig.view.screen == "sale");
    till.copies().copy_receipt("1");
    CHECK(rig.sink.printed.size() == 1); // neither the X report nor the copy was printed
    CHECK_THAT(rig.view.problems.back(), Catch::Contains("nothing was recorded"));
    test::journal_refuses(*s.db, false);
    till.shift().set_training(true);
    CHECK(till.state().training);
    CHECK(test::journaled(*s.db, "training_on") == 1);
}

TEST_CASE("till: defect 12, after each Z the whole database is checked and a problem is said") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(rig.lise->id, "2468");
    till.selling().scan(s.cloth.barcode);
    till.checkout().pay();
    till.checkout().pay_card("");
    till.selling().back_to_sale();

    SECTION("a passed check is kept: the next start reads only what comes after") {
        till.shift().begin_close_shift();
        till.shift().close_shift({}, "1.000,00");
        REQUIRE(view.screen == "z_report");
        till.shift().finish_day();
        REQUIRE(view.screen == "login");
        for (const auto& p : view.problems)
            CHECK_THAT(p, !Catch::Contains("check"));
        // The check ended at the Z report's row; only the logout that followed is new.
        CHECK(test::count(*s.db,
                          "SELECT seq FROM journal_check WHERE device_id = '" + s.till.id + "'") ==
              test::count(*s.db, "SELECT journal_seq FROM shift WHERE z_number = 1"));
        CHECK(bl::check_journal_tail(*s.db).journal_rows == 1);
        CHECK(bl::check_journal_tail(*s.db).ok());
    }
    SECTION("a sale changed with file access is found when the day closes") {
        test::exec(*s.db, "UPDATE payment SET amount_ore = amount_ore - 10000");
        till.shift().begin_close_shift();
        till.shift().close_shift({}, "1.000,00");
        REQUIRE(view.screen == "z_report");
        till.shift().finish_day();
        REQUIRE(view.screen == "login");
        REQUIRE_FALSE(view.problems.empty());
        CHECK_THAT(view.problems.back(), Catch::Contains("found") && Catch::Contains("payment"));
        CHECK(test::count(*s.db, "SELECT count(*) FROM journal_check") == 0);
        // The day is closed all the same, and its backup made.
        CHECK(test::count(*s.db, "SELECT count(*) FROM shift WHERE z_number = 1") == 1);
    }
}
