// The settings flow: the organiser's settings and the catalogue import.

#include <fstream>

#include "till_rig.hpp"

using test::Rig;

TEST_CASE("till: organisers change the settings; a typo saves nothing") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.settings().open_settings(); // staff: an organiser is asked on the spot
    CHECK(view.screen == "approval");
    CHECK_THAT(view.approval_for, Catch::Contains("Only an organiser"));
    till.access().cancel_approval();
    till.access().log_out();
    till.access().log_in(lise.id, "2468");
    till.settings().open_settings();
    REQUIRE(view.screen == "settings");
    bl::pos::TillSettings t = view.settings;
    CHECK(t.mobilepay_name == "MobilePay");
    t.mobilepay_name = "Vipps";
    t.discount_limit = "abc";
    till.settings().save_settings(t);
    CHECK_THAT(view.problems.back(), Catch::Contains("not an amount"));
    CHECK_FALSE(bl::get_setting(*s.db, "mobilepay_name").has_value());
    t.discount_limit = "100";
    t.printer = "not a printer";
    till.settings().save_settings(t);
    CHECK_FALSE(bl::get_setting(*s.db, "mobilepay_name").has_value());
    t.printer = "127.0.0.1:9100";
    t.impact_block = true;
    t.receipt_footer = "Tak fordi du handler socialt";
    till.settings().save_settings(t);
    CHECK(bl::get_setting(*s.db, "mobilepay_name") == "Vipps");
    CHECK(bl::get_setting(*s.db, "discount_limit") == "100,00");
    CHECK(sink.printer == "127.0.0.1:9100");
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'setting_changed'") == 5);
    t.language = "sv";
    till.settings().save_settings(t);
    CHECK_THAT(view.problems.back(), Catch::Contains("Danish (da) or English (en)"));
    t.language = "en";
    till.settings().save_settings(t);
    CHECK(bl::get_setting(*s.db, "language") == "en");
    // The shop's details, as printed on receipts; a bad CVR changes nothing.
    t.shop.cvr = "12345678";
    till.settings().save_settings(t);
    CHECK_THAT(view.problems.back(), Catch::Contains("not a valid CVR"));
    t.shop.cvr = "24256790";
    t.shop.address = "Låsbygade 5";
    till.settings().save_settings(t);
    CHECK(bl::find_shop(*s.db, s.shop.id)->address == "Låsbygade 5");
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'shop_changed'") == 1);
    // The new name is on the receipt, and the new limit applies.
    till.selling().scan(s.mug.barcode);
    till.selling().discount_line(0, "90 kr.");
    CHECK(view.total.ore() == 9900);
    till.checkout().pay();
    till.checkout().pay_mobilepay();
    bool vipps = false, footer = false;
    for (const auto& l : sink.printed.back().lines) {
        vipps = vipps || l.text.find("Vipps") != std::string::npos;
        footer = footer || l.text.find("handler socialt") != std::string::npos;
    }
    CHECK(vipps);
    CHECK(footer);
}

TEST_CASE("till: catalogue import reports every rejected row and imports only when accepted") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    const auto file = s.dir.file("varer.csv");
    {
        std::ofstream out(file, std::ios::binary);
        out << "\xEF\xBB\xBFnavn;kategori;pris;moms;ean;værksted\r\n"
            << "Æbleskål;Keramik;249,00;25;5701234567899;Keramikværkstedet\r\n"
            << "Hæfte;Bøger;50;0;;\r\n"
            << ";Keramik;10;25;;\r\n"                       // no name
            << "Kop;Keramik;abc;25;;\r\n"                   // bad price
            << "Krus;Keramik;10;12;;\r\n"                   // bad VAT
            << "Vase;Keramik;10;25;5701234567898;\r\n"      // bad check digit
            << "Krus igen;Keramik;10;25;5790099000375;\r\n" // already in the catalogue
            << "Skål;Keramik;10;25;;Smedjen\r\n";           // unknown workshop
    }
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.settings().import_catalogue(file);
    CHECK(view.screen == "approval");
    CHECK_THAT(view.approval_for, Catch::Contains("Only an organiser"));
    till.access().cancel_approval();
    till.access().log_out();
    till.access().log_in(lise.id, "2468");
    const std::int64_t before = test::count(*s.db, "SELECT count(*) FROM product");
    till.settings().import_catalogue(file);
    REQUIRE(view.screen == "import");
    CHECK(view.import_valid == 2);
    REQUIRE(view.import_rejected.size() == 6);
    CHECK_THAT(view.import_rejected[0], Catch::StartsWith("4: Name"));
    CHECK_THAT(view.import_rejected[1],
               Catch::StartsWith("5: ") && Catch::Contains("not an amount"));
    CHECK_THAT(view.import_rejected[2], Catch::StartsWith("6: ") && Catch::Contains("VAT"));
    CHECK_THAT(view.import_rejected[3], Catch::StartsWith("7: ") && Catch::Contains("not valid"));
    CHECK_THAT(view.import_rejected[4], Catch::StartsWith("8: ") && Catch::Contains("already"));
    CHECK_THAT(view.import_rejected[5], Catch::StartsWith("9: ") && Catch::Contains("Smedjen"));
    // Nothing is added until the organiser accepts.
    CHECK(test::count(*s.db, "SELECT count(*) FROM product") == before);
    till.settings().confirm_import();
    CHECK(view.screen == "sale");
    REQUIRE_FALSE(view.news.empty());
    CHECK_THAT(view.news.back(), Catch::StartsWith("2 items were added"));
    CHECK(view.catalogue_reloads == 1);
    CHECK(test::count(*s.db, "SELECT count(*) FROM product") == before + 2);
    REQUIRE(bl::find_product_by_barcode(*s.db, "5701234567899"));
    CHECK(bl::find_product_by_barcode(*s.db, "5701234567899")->workshop_id == s.workshop.id);
    CHECK(bl::search_products(*s.db, "aebleskaal").size() == 1);
    // A file that is not a catalogue at all is refused whole.
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << "foo,bar\n1,2\n";
    }
    till.settings().import_catalogue(file);
    CHECK_THAT(view.problems.back(), Catch::Contains("\"navn\" and \"pris\""));
    till.settings().import_catalogue(s.dir.file("missing.csv"));
    CHECK_THAT(view.problems.back(), Catch::Contains("could not be opened"));
}

TEST_CASE("till: settings and the shop's details are saved together or not at all") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(rig.lise->id, "2468");
    till.settings().open_settings();
    REQUIRE(view.screen == "settings");
    bl::pos::TillSettings t = view.settings;
    t.shop.address = "Låsbygade 5";
    t.receipt_footer = "Tak for handlen";
    t.language = "en";
    const std::int64_t journal_before = test::count(*s.db, "SELECT count(*) FROM journal");
    // The last of the writes fails (as a full disk would): nothing of it stays.
    test::exec(*s.db, "CREATE TEMP TRIGGER no_language BEFORE INSERT ON setting WHEN "
                      "NEW.key = 'language' BEGIN SELECT RAISE(ABORT, 'disk I/O error "
                      "(simulated)'); END");
    till.settings().save_settings(t);
    CHECK_THAT(view.problems.back(), Catch::Contains("nothing was recorded"));
    CHECK(bl::find_shop(*s.db, s.shop.id)->address == "Jernbanegade 12");
    CHECK_FALSE(bl::get_setting(*s.db, "receipt_footer").has_value());
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal") == journal_before);
    test::exec(*s.db, "DROP TRIGGER no_language");
    till.settings().save_settings(t);
    CHECK(bl::find_shop(*s.db, s.shop.id)->address == "Låsbygade 5");
    CHECK(bl::get_setting(*s.db, "receipt_footer") == "Tak for handlen");
    CHECK(bl::get_setting(*s.db, "language") == "en");
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal") ==
          journal_before + 3); // shop, footer, language
    CHECK_THAT(view.news.back(), Catch::Contains("settings are saved"));
}

TEST_CASE("defect 7: a row the commit refuses after all is named by its line, and the preview "
          "shows it among the rejected rows") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    const auto file = s.dir.file("varer.csv");
    {
        std::ofstream out(file, std::ios::binary);
        out << "navn;pris;varenummer\nKop;10;X-1\nSkål;20;X-2\nVase;30;X-3\n";
    }
    till.start();
    till.access().log_in(rig.lise->id, "2468");
    till.settings().import_catalogue(file);
    REQUIRE(view.screen == "import");
    CHECK(view.import_valid == 3);
    CHECK(view.import_rejected.empty());
    // Meanwhile another device adds a product with item number X-2.
    bl::Product other;
    other.sku = "X-2";
    other.name = "Fad";
    other.price = bl::Money::from_kroner(5);
    REQUIRE(bl::add_product(*s.db, {s.till.id, {}}, other).ok());
    const std::int64_t before = test::count(*s.db, "SELECT count(*) FROM product");
    till.settings().confirm_import();
    CHECK(test::count(*s.db, "SELECT count(*) FROM product") == before);
    REQUIRE_FALSE(view.problems.empty());
    CHECK_THAT(view.problems.back(), Catch::Contains("line 3"));
    CHECK(view.screen == "import");
    CHECK(view.import_valid == 2);
    REQUIRE(view.import_rejected.size() == 1);
    CHECK_THAT(view.import_rejected[0],
               Catch::StartsWith("3: The item number X-2 is already used"));
    // The others go in when accepted.
    till.settings().confirm_import();
    CHECK(test::count(*s.db, "SELECT count(*) FROM product") == before + 2);
}
