// The till presenter with a fake view, on a real store.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "../store/fixture.hpp"
#include "pos/wiring/store_adapter.hpp"
#include "shared/store/kept_carts.hpp"

namespace {

struct FakeView : bl::pos::TillView {
    std::string screen;
    std::vector<std::string> problems;
    std::size_t cart_lines = 0;
    bl::Money total, remaining, change;
    std::int64_t unsent = 0;
    std::string staff_name;
    std::vector<bl::StaffUser> staff;
    void show_login(const std::vector<bl::StaffUser>& s) override {
        screen = "login";
        staff = s;
    }
    void show_open_shift(const std::string&) override { screen = "open_shift"; }
    void show_sale(const bl::pos::Cart& c, const bl::pos::CartTotals& t) override {
        screen = "sale";
        cart_lines = c.lines().size();
        total = t.total;
    }
    void show_payment(const bl::pos::TenderSession& t) override {
        screen = "payment";
        remaining = t.remaining();
    }
    void show_done(const bl::Sale&, bl::Money c) override {
        screen = "done";
        change = c;
    }
    void show_close_shift(const bl::ShiftTotals&) override { screen = "close_shift"; }
    void show_receipt_lookup(bl::pos::ReceiptLookup purpose, const std::string& s) override {
        screen = purpose == bl::pos::ReceiptLookup::copy ? "copy_lookup" : "refund_lookup";
        suggested = s;
    }
    std::string suggested;
    void show_training(bool on) override { training = on; }
    void show_parked(std::size_t n) override { parked = n; }
    void show_approval(const std::vector<bl::StaffUser>& o) override {
        screen = "approval";
        approvers = o.size();
    }
    void show_approved(const std::string& name) override { approved_by = name; }
    std::size_t approvers = 0;
    std::string approved_by;
    void show_import(const bl::pos::ImportPlan& p) override {
        screen = "import";
        import_valid = p.valid.size();
        import_rejected.clear();
        for (const auto& r : p.rejected)
            import_rejected.push_back(std::to_string(r.line) + ": " + bl::render(r.reason));
    }
    void show_import_done(std::size_t n) override {
        screen = "import_done";
        imported = n;
    }
    std::size_t import_valid = 0, imported = 0;
    std::vector<std::string> import_rejected;
    void show_settings(const bl::pos::TillSettings& t) override {
        screen = "settings";
        settings = t;
    }
    std::size_t parked = 0;
    bl::pos::TillSettings settings;
    void show_x_report(const bl::ShiftTotals& t) override {
        screen = "x_report";
        x_gross = t.gross;
    }
    bool training = false;
    bl::Money x_gross;
    void show_refund(const bl::pos::RefundDraft& d) override {
        screen = "refund";
        refund_total = d.total();
    }
    void show_refund_done(const bl::Sale&, bl::Money paid, bl::Tender) override {
        screen = "refund_done";
        paid_out = paid;
    }
    bl::Money refund_total, paid_out;
    void show_status(const std::string& name, std::int64_t n,
                     std::optional<bl::Timestamp>) override {
        staff_name = name;
        unsent = n;
    }
    void show_problem(const bl::Message& m) override { problems.push_back(bl::render(m)); }
};

struct Sink : bl::pos::ReceiptSink {
    std::vector<bl::receipts::ReceiptText> printed;
    int drawer_kicks = 0;
    std::string printer;
    std::optional<bl::Message> use_printer(const std::string& setting) override {
        if (!setting.empty() && setting.find(':') == std::string::npos && setting[0] != '/')
            return bl::Message("not a printer address");
        printer = setting;
        return std::nullopt;
    }
    std::optional<bl::Message> open_drawer() override {
        ++drawer_kicks;
        return std::nullopt;
    }
    std::optional<bl::Message> deliver(const bl::receipts::ReceiptText& r) override {
        printed.push_back(r);
        return std::nullopt;
    }
};

// A till on a real store with a fake view and receipt outlet; optionally an organiser,
// Lise (PIN 2468), besides the fixture's Mette and Jonas.
struct Rig {
    test::Shop s;
    std::optional<bl::StaffUser> lise;
    bl::pos::StoreTill store;
    FakeView view;
    Sink sink;
    bl::pos::TillPresenter till;
    explicit Rig(bool open_shift = true, bool with_organiser = false)
        : s(open_shift), lise(with_organiser ? add_organiser(s) : std::nullopt), store(*s.db),
          till(store, view, sink) {}
    static std::optional<bl::StaffUser> add_organiser(test::Shop& shop) {
        auto u = bl::add_staff(
            *shop.db, {shop.till.id, {}},
            bl::StaffUser{"", "Lise", bl::StaffRole::organiser, test::demo_pin_hash(), true});
        REQUIRE(u.ok());
        return u.value();
    }
};

} // namespace

TEST_CASE("till: log in, open the shift, scan two items, pay cash, receipt after commit") {
    Rig rig(false, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    till.start();
    CHECK(view.screen == "login");
    CHECK(view.staff.size() == 2);
    till.log_in(s.clerk.id, "2468");
    CHECK(view.screen == "open_shift");
    till.open_shift("1.000");
    CHECK(view.screen == "sale");
    till.scan(s.mug.barcode);
    till.scan(s.mugs_new.label_code);
    CHECK(view.cart_lines == 2);
    CHECK(view.total.ore() == 2 * 18900);
    till.pay();
    CHECK(view.screen == "payment");
    CHECK(view.remaining.ore() == 37800);
    till.pay_cash("500");
    CHECK(view.screen == "done");
    CHECK(view.change.ore() == 12200);
    REQUIRE(sink.printed.size() == 1);
    CHECK(sink.printed[0].open_drawer);
    auto has = [](const bl::receipts::ReceiptText& r, const std::string& part) {
        for (const auto& l : r.lines)
            if (l.text.find(part) != std::string::npos)
                return true;
        return false;
    };
    // The block is off unless the shop turns it on.
    CHECK_FALSE(has(sink.printed[0], "Bag om tingene"));
    REQUIRE(bl::set_setting(*s.db, {s.till.id, {}}, "impact_block", "on"));
    till.next_sale();
    till.scan(s.mugs_new.label_code);
    till.pay();
    till.pay_card("");
    REQUIRE(sink.printed.size() == 2);
    CHECK(has(sink.printed[1], "Bag om tingene"));
    CHECK(has(sink.printed[1], "af 2 producenter"));
    CHECK(has(sink.printed[1], "Arbejde i varerne: 30 min"));
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == 2);
    CHECK(view.problems.empty());
    CHECK(till.cart().empty());
}

TEST_CASE("till: bad input is explained and changes nothing") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.scan(s.mug.barcode);
    CHECK_THAT(view.problems.back(), Catch::Contains("Log in"));
    till.log_in(s.clerk.id, "9999");
    CHECK_THAT(view.problems.back(), Catch::Contains("Wrong PIN"));
    till.log_in(s.clerk.id, "2468");
    CHECK(view.screen == "sale");
    till.scan("5701234567899");
    CHECK_THAT(view.problems.back(), Catch::Contains("not in the catalogue"));
    till.scan("12345");
    CHECK_THAT(view.problems.back(), Catch::Contains("8 or 13"));
    till.pay();
    CHECK_THAT(view.problems.back(), Catch::Contains("no items"));
    till.scan(s.mug.barcode);
    till.set_quantity(0, "0");
    CHECK_THAT(view.problems.back(), Catch::Contains("at least 1"));
    till.set_quantity(0, "-1");
    CHECK_THAT(view.problems.back(), Catch::Contains("not a quantity"));
    till.set_quantity(0, "10000");
    CHECK_THAT(view.problems.back(), Catch::Contains("at most 9999"));
    CHECK(till.cart().lines()[0].quantity == 1);
    till.pay();
    till.pay_cash("100");
    CHECK(view.screen == "payment"); // 100 kr. is a part payment of 189 kr.
    CHECK(view.remaining.ore() == 8900);
    till.pay_cash("abc");
    CHECK_THAT(view.problems.back(), Catch::Contains("not an amount"));
    till.pay_cash(s.cloth.barcode); // scanned on the payment screen
    CHECK_THAT(view.problems.back(), Catch::Contains("That is a barcode"));
    CHECK(view.remaining.ore() == 8900);
    till.pay_card("Nets 1");
    CHECK(view.screen == "done");
    // Z with a cart open, and by someone who is not an organiser.
    till.scan(s.mug.barcode);
    till.begin_close_shift();
    CHECK_THAT(view.problems.back(), Catch::Contains("Finish or empty"));
    till.remove(0);
    till.begin_close_shift();
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == 1);
}

TEST_CASE("till: an organiser refunds one of two items back in cash") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.log_in(s.clerk.id, "2468");
    till.scan(s.cloth.barcode);
    till.scan(s.cloth.barcode);
    till.pay();
    till.pay_card("Nets 9");
    REQUIRE(view.screen == "done");

    // Staff may not refund.
    till.begin_refund();
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    till.log_out();
    till.log_in(lise.id, "2468");
    till.begin_refund();
    CHECK(view.screen == "refund_lookup");
    till.find_refund("R2-1");
    CHECK_THAT(view.problems.back(), Catch::Contains("from till 2"));
    till.find_refund("T1-1");
    CHECK_THAT(view.problems.back(), Catch::Contains("training receipt"));
    till.find_refund("77");
    CHECK_THAT(view.problems.back(), Catch::Contains("was not found"));
    till.find_refund("R1-1");
    REQUIRE(view.screen == "refund");
    till.refund_pay(bl::Tender::cash);
    CHECK_THAT(view.problems.back(), Catch::Contains("Choose what the customer brings back"));
    till.refund_more(0);
    till.refund_more(0);
    till.refund_more(0);
    CHECK_THAT(view.problems.back(), Catch::Contains("Only 2"));
    till.refund_less(0);
    CHECK(view.refund_total.ore() == -11975);
    till.refund_pay(bl::Tender::cash);
    REQUIRE(view.screen == "refund_done");
    CHECK(view.paid_out.ore() == -12000);
    REQUIRE(sink.printed.size() == 2);
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale WHERE refund_of IS NOT NULL") == 1);
    // The second one can still come back, but not a third.
    till.begin_refund();
    till.find_refund("1");
    till.refund_more(0);
    till.refund_more(0);
    CHECK_THAT(view.problems.back(), Catch::Contains("Only 1"));
}

TEST_CASE("refund references: numbers and barcodes, refused with reasons") {
    CHECK(bl::pos::parse_receipt_reference("42", 1).value() == 42);
    CHECK(bl::pos::parse_receipt_reference(" R1-42\r\n", 1).value() == 42);
    for (const char* bad : {"", "abc", "R1-", "R-42", "0", "-3", "R1-4x", "1234567890"}) {
        INFO(bad);
        CHECK_FALSE(bl::pos::parse_receipt_reference(bad, 1).ok());
    }
}

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
    till.log_in(s.clerk.id, "2468");
    till.begin_copy();
    CHECK(view.screen == "copy_lookup");
    CHECK(view.suggested.empty());
    till.copy_receipt("");
    CHECK_THAT(view.problems.back(), Catch::Contains("no receipt to copy"));
    till.scan(s.mug.barcode);
    till.abort_sale();
    CHECK(till.cart().empty());
    CHECK(journaled("sale_aborted") == 1);
    till.abort_sale(); // an empty cart: nothing to journal
    CHECK(journaled("sale_aborted") == 1);
    till.open_drawer();
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    till.set_training(true);
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    CHECK(sink.drawer_kicks == 0);

    till.scan(s.cloth.barcode);
    till.pay();
    till.pay_card("");
    till.begin_copy();
    till.copy_receipt(view.suggested);
    REQUIRE(sink.printed.size() == 2);
    bool kopi = false;
    for (const auto& l : sink.printed[1].lines)
        kopi = kopi || l.text.find("KOPI") != std::string::npos;
    CHECK(kopi);
    CHECK(journaled("receipt_copy") == 1);
    till.x_report();
    CHECK(view.screen == "x_report");
    CHECK(view.x_gross.ore() == 11975);
    CHECK(journaled("x_report") == 1);

    till.log_out();
    till.log_in(lise.id, "2468");
    till.open_drawer();
    CHECK(sink.drawer_kicks == 1);
    CHECK(journaled("drawer_opened") == 1);
    till.set_training(true);
    CHECK(view.training);
    CHECK(journaled("training_on") == 1);
    till.scan(s.cloth.barcode);
    till.pay();
    till.pay_card("");
    // Training sales say ØVELSE and stay out of the shift's totals.
    bool oevelse = false;
    for (const auto& l : sink.printed.back().lines)
        oevelse = oevelse || l.text.find("ØVELSE") != std::string::npos;
    CHECK(oevelse);
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale WHERE training = 1") == 1);
    till.x_report();
    CHECK(view.x_gross.ore() == 11975);
    till.set_training(false);
    CHECK_FALSE(view.training);
    CHECK(journaled("training_off") == 1);
    CHECK(bl::verify_journal(*s.db, s.till.id).ok);
}

TEST_CASE("till: discounts within the limit, price overrides by organisers, journaled") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.log_in(s.clerk.id, "2468");
    till.scan(s.mug.barcode); // 189,00
    till.discount_line(0, "10 %");
    CHECK(view.total.ore() == 17010);
    till.discount_line(0, "90 kr.");
    CHECK_THAT(view.problems.back(), Catch::Contains("organiser's approval"));
    CHECK(view.total.ore() == 17010);
    till.discount_basket("ti kroner");
    CHECK_THAT(view.problems.back(), Catch::Contains("not a discount"));
    till.override_price(0, "100");
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    till.abort_sale();
    till.log_out();
    till.log_in(lise.id, "2468");
    till.scan(s.mug.barcode);
    till.override_price(0, "0");
    CHECK_THAT(view.problems.back(), Catch::Contains("more than 0 kr."));
    till.override_price(0, "150");
    CHECK(view.total.ore() == 15000);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'price_override' AND "
                             "payload LIKE '%\"old_price_ore\":18900%'") == 1);
    till.pay();
    till.pay_card("");
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale_line WHERE unit_price_ore = 15000") == 1);
}

TEST_CASE("till: park a sale, serve the next customer, resume it") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.log_in(s.clerk.id, "2468");
    till.resume();
    CHECK_THAT(view.problems.back(), Catch::Contains("No sale is parked"));
    till.scan(s.mug.barcode);
    till.scan(s.mug.barcode);
    till.park();
    CHECK(view.parked == 1);
    CHECK(till.cart().empty());
    till.scan(s.cloth.barcode);
    till.resume();
    CHECK_THAT(view.problems.back(), Catch::Contains("Park or finish"));
    till.pay();
    till.pay_card("");
    till.next_sale();
    till.resume();
    CHECK(view.parked == 0);
    REQUIRE(till.cart().lines().size() == 1);
    CHECK(till.cart().lines()[0].quantity == 2);
}

TEST_CASE("till: organisers change the settings; a typo saves nothing") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.log_in(s.clerk.id, "2468");
    till.open_settings();
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    till.log_out();
    till.log_in(lise.id, "2468");
    till.open_settings();
    REQUIRE(view.screen == "settings");
    bl::pos::TillSettings t = view.settings;
    CHECK(t.mobilepay_name == "MobilePay");
    t.mobilepay_name = "Vipps";
    t.discount_limit = "abc";
    till.save_settings(t);
    CHECK_THAT(view.problems.back(), Catch::Contains("not an amount"));
    CHECK_FALSE(bl::get_setting(*s.db, "mobilepay_name").has_value());
    t.discount_limit = "100";
    t.printer = "not a printer";
    till.save_settings(t);
    CHECK_FALSE(bl::get_setting(*s.db, "mobilepay_name").has_value());
    t.printer = "127.0.0.1:9100";
    t.impact_block = true;
    t.receipt_footer = "Tak fordi du handler socialt";
    till.save_settings(t);
    CHECK(bl::get_setting(*s.db, "mobilepay_name") == "Vipps");
    CHECK(bl::get_setting(*s.db, "discount_limit") == "100,00");
    CHECK(sink.printer == "127.0.0.1:9100");
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'setting_changed'") == 5);
    t.language = "sv";
    till.save_settings(t);
    CHECK_THAT(view.problems.back(), Catch::Contains("Danish (da) or English (en)"));
    t.language = "en";
    till.save_settings(t);
    CHECK(bl::get_setting(*s.db, "language") == "en");
    // The shop's details, as printed on receipts; a bad CVR changes nothing.
    t.shop.cvr = "12345678";
    till.save_settings(t);
    CHECK_THAT(view.problems.back(), Catch::Contains("not a valid CVR"));
    t.shop.cvr = "24256790";
    t.shop.address = "Låsbygade 5";
    till.save_settings(t);
    CHECK(bl::find_shop(*s.db, s.shop.id)->address == "Låsbygade 5");
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'shop_changed'") == 1);
    // The new name is on the receipt, and the new limit applies.
    till.scan(s.mug.barcode);
    till.discount_line(0, "90 kr.");
    CHECK(view.total.ore() == 9900);
    till.pay();
    till.pay_mobilepay();
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
    till.log_in(s.clerk.id, "2468");
    till.import_catalogue(file);
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    till.log_out();
    till.log_in(lise.id, "2468");
    const std::int64_t before = test::count(*s.db, "SELECT count(*) FROM product");
    till.import_catalogue(file);
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
    till.confirm_import();
    CHECK(view.screen == "import_done");
    CHECK(view.imported == 2);
    CHECK(test::count(*s.db, "SELECT count(*) FROM product") == before + 2);
    REQUIRE(bl::find_product_by_barcode(*s.db, "5701234567899"));
    CHECK(bl::find_product_by_barcode(*s.db, "5701234567899")->workshop_id == s.workshop.id);
    CHECK(bl::search_products(*s.db, "aebleskaal").size() == 1);
    // A file that is not a catalogue at all is refused whole.
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << "foo,bar\n1,2\n";
    }
    till.import_catalogue(file);
    CHECK_THAT(view.problems.back(), Catch::Contains("\"navn\" and \"pris\""));
    till.import_catalogue(s.dir.file("missing.csv"));
    CHECK_THAT(view.problems.back(), Catch::Contains("could not be opened"));
}

TEST_CASE("till: the organiser's Z closes the day and prints the Z report") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.log_in(lise.id, "2468");
    till.scan(s.cloth.barcode);
    till.pay();
    till.pay_cash("200");
    till.next_sale();
    till.begin_close_shift();
    REQUIRE(view.screen == "close_shift");
    till.close_shift("1.119,50");
    CHECK(view.screen == "login");
    REQUIRE(sink.printed.size() == 2);
    CHECK(sink.printed.back().name == "Z-1");
    bool diff = false;
    for (const auto& l : sink.printed.back().lines)
        diff = diff || (l.text.find("Difference") != std::string::npos &&
                        l.text.find("-0,50") != std::string::npos);
    CHECK(diff);
    // A backup of the day beside the database: a Bundlinje file holding the day's sale.
    std::vector<std::filesystem::path> backups;
    for (const auto& e : std::filesystem::directory_iterator(rig.store.backup_folder()))
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
    const fs::path folder = rig.store.backup_folder();
    fs::create_directories(folder);
    for (int day = 1; day <= 20; ++day) { // older days' backups, and a file that is not one
        char name[64];
        std::snprintf(name, sizeof name, "bundlinje-2026-10-%02d-z%06d.db", day, day);
        std::ofstream(folder / name) << "old";
    }
    std::ofstream(folder / "notes.txt") << "keep me";
    till.start();
    till.log_in(rig.lise->id, "2468");
    till.close_shift("1.000");
    REQUIRE(view.screen == "login");
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    REQUIRE(names.size() == bl::pos::StoreTill::backups_kept + 1);
    CHECK(names.front() == "bundlinje-2026-10-08-z000008.db"); // the oldest six went
    CHECK(names.back() == "notes.txt");
    CHECK_THAT(names[names.size() - 2], Catch::EndsWith("-z000001.db"));

    // No room for the next one: the day still closes, and the person hears where to copy.
    till.log_in(rig.lise->id, "2468");
    till.open_shift("1.000");
    fs::remove_all(folder);
    std::ofstream(folder) << "a file where the folder should be";
    till.close_shift("1.000");
    CHECK(view.screen == "login");
    CHECK(test::count(*s.db, "SELECT count(*) FROM shift WHERE z_number = 2") == 1);
    CHECK_THAT(view.problems.back(),
               Catch::Contains("backup could not be written") && Catch::Contains(s.db->path()));
}

TEST_CASE("till: an organiser approves one action on the spot with their PIN") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.log_in(s.clerk.id, "2468");
    till.scan(s.mug.barcode);
    till.discount_line(0, "50 %");
    CHECK_THAT(view.problems.back(), Catch::Contains("organiser's approval"));
    till.ask_approval();
    CHECK(view.screen == "approval");
    CHECK(view.approvers == 1);
    till.approve(s.leader.id, "2468");
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser can approve"));
    till.approve(lise.id, "1111");
    CHECK_THAT(view.problems.back(), Catch::Contains("Wrong PIN"));
    till.approve(lise.id, "2468");
    CHECK(view.approved_by == "Lise");
    till.discount_line(0, "50 %");
    CHECK(view.total.ore() == 9450);
    // The approval covered that one action.
    till.open_drawer();
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'approval'") == 1);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'login_failed'") == 1);
}

TEST_CASE("till: split tender in the payment screen: part on card with a reference, rest in cash") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.log_in(s.clerk.id, "2468");
    till.scan(s.cloth.barcode); // 119,75
    till.pay();
    till.pay_card_part("300", "");
    CHECK_THAT(view.problems.back(), Catch::Contains("more than the"));
    till.pay_card_part("1oo", "");
    CHECK_THAT(view.problems.back(), Catch::Contains("not an amount"));
    till.pay_card_part("100", "Nets 77");
    CHECK(view.screen == "payment");
    CHECK(view.remaining.ore() == 1975);
    till.pay_cash("20");
    CHECK(view.screen == "done");
    CHECK(test::count(*s.db, "SELECT count(*) FROM payment WHERE reference = 'Nets 77' AND "
                             "amount_ore = 10000") == 1);
    CHECK(test::count(*s.db, "SELECT count(*) FROM payment WHERE tender = 'cash' AND "
                             "amount_ore = 2000 AND rounding_ore = 25") == 1);
}

TEST_CASE("till: a sale the disk cannot take is explained, keeps the cart, and goes through "
          "once there is room") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.log_in(s.clerk.id, "2468");
    REQUIRE(view.screen == "sale");
    // The disk is "full": the file may not grow past the pages it has now. Sell until a
    // sale needs one more page.
    test::exec(*s.db, "PRAGMA max_page_count = 1");
    std::int64_t sold = 0;
    for (int i = 0; i < 500 && view.screen != "payment"; ++i) {
        till.scan(s.mug.barcode);
        till.pay();
        till.pay_card("");
        if (view.screen == "done") {
            ++sold;
            till.next_sale();
        }
    }
    REQUIRE(view.screen == "payment");
    CHECK_THAT(view.problems.back(),
               Catch::Contains("disk is full") && Catch::Contains("nothing was recorded"));
    CHECK(till.cart().lines().size() == 1);
    CHECK(view.remaining.ore() == 18900); // the card payment was taken back, not kept
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == sold);
    CHECK(rig.sink.printed.size() == static_cast<std::size_t>(sold));
    // Room again: the same payment goes through, once, and the journal is whole.
    test::exec(*s.db, "PRAGMA max_page_count = 1000000");
    till.pay_card("");
    CHECK(view.screen == "done");
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == sold + 1);
    CHECK(rig.sink.printed.size() == static_cast<std::size_t>(sold + 1));
    CHECK(bl::verify_journal(*s.db, s.till.id).ok);
}

TEST_CASE("till: a copy of any receipt of this till, by number or barcode, also after a "
          "restart") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    auto text = [](const bl::receipts::ReceiptText& r) {
        std::string all;
        for (const auto& l : r.lines)
            all += l.text + "\n";
        return all;
    };
    till.start();
    till.log_in(s.clerk.id, "2468");
    till.scan(s.mug.barcode);
    till.pay();
    till.pay_card("");
    const std::string first = text(sink.printed.at(0));
    till.next_sale();
    till.scan(s.cloth.barcode);
    till.pay();
    till.pay_cash("200");
    REQUIRE(sink.printed.size() == 2);

    // The last receipt is suggested; the first one by its barcode: the same receipt, marked.
    till.begin_copy();
    CHECK(view.screen == "copy_lookup");
    CHECK(view.suggested == "2");
    till.copy_receipt("R1-1");
    REQUIRE(sink.printed.size() == 3);
    CHECK(view.screen == "sale");
    const std::string copy = text(sink.printed[2]);
    CHECK_THAT(copy, Catch::Contains("KOPI"));
    CHECK_FALSE(first.find("KOPI") != std::string::npos);
    CHECK(sink.printed[2].barcode == sink.printed[0].barcode);
    // Everything but the KOPI mark is as first printed: lines, totals, seller, time.
    std::string without_mark;
    for (const auto& l : sink.printed[2].lines)
        if (l.text.find("KOPI") == std::string::npos)
            without_mark += l.text + "\n";
    CHECK(without_mark == first);
    // A copy of a cash receipt does not open the drawer (the original did).
    CHECK(sink.printed[1].open_drawer);
    till.copy_receipt("2");
    REQUIRE(sink.printed.size() == 4);
    CHECK_FALSE(sink.printed[3].open_drawer);

    // Wrong references are explained and print nothing.
    till.copy_receipt("77");
    CHECK_THAT(view.problems.back(), Catch::Contains("was not found"));
    till.copy_receipt("T1-1");
    CHECK_THAT(view.problems.back(), Catch::Contains("training receipt"));
    till.copy_receipt("R2-1");
    CHECK_THAT(view.problems.back(), Catch::Contains("from till 2"));
    CHECK(sink.printed.size() == 4);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'receipt_copy'") == 2);

    // After a restart the till remembers nothing, but the store does.
    Sink sink2;
    FakeView view2;
    bl::pos::TillPresenter again(rig.store, view2, sink2);
    again.start();
    again.log_in(s.clerk.id, "2468");
    again.begin_copy();
    CHECK(view2.suggested == "2");
    again.copy_receipt(view2.suggested);
    REQUIRE(sink2.printed.size() == 1);
    CHECK_THAT(text(sink2.printed[0]), Catch::Contains("KOPI"));
    CHECK(sink2.printed[0].barcode == sink.printed[1].barcode);
}

TEST_CASE("till: carts not yet paid come back after a crash, and a sold one does not") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.log_in(s.clerk.id, "2468");
    till.scan(s.cloth.barcode);
    till.park();
    till.scan(s.mug.barcode);
    till.scan(s.mug.barcode);
    till.scan(s.mugs_new.label_code);
    till.set_quantity(1, "3");
    const bl::Money total = till.cart().totals().total;
    REQUIRE(total.ore() == 5 * 18900);

    // The power goes: nothing is logged out or closed. A new till process starts.
    {
        FakeView view2;
        Sink sink2;
        bl::pos::TillPresenter again(rig.store, view2, sink2);
        again.start();
        CHECK(view2.screen == "login");
        again.log_in(s.clerk.id, "2468");
        CHECK(view2.screen == "sale");
        CHECK(again.cart().totals().total == total);
        REQUIRE(again.cart().lines().size() == 2);
        CHECK(again.cart().lines()[1].batch_id == std::optional<std::string>(s.mugs_new.id));
        CHECK(view2.parked == 1);
        REQUIRE_FALSE(view2.problems.empty());
        CHECK_THAT(view2.problems.back(),
                   Catch::Contains("5 items in the open sale") && Catch::Contains("1 parked"));
        // Sold after the restart, then the power goes again.
        again.pay();
        again.pay_card("");
        CHECK(view2.screen == "done");
    }
    FakeView view3;
    Sink sink3;
    bl::pos::TillPresenter third(rig.store, view3, sink3);
    third.start();
    third.log_in(s.clerk.id, "2468");
    CHECK(third.cart().empty()); // sold, so not brought back
    CHECK(view3.problems.size() == 1);
    CHECK_THAT(view3.problems.back(), Catch::Contains("0 items in the open sale"));
    CHECK(view3.parked == 1);
    third.resume();
    REQUIRE(third.cart().lines().size() == 1);
    CHECK(third.cart().lines()[0].product.id == s.cloth.id);
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == 1);
    (void)view;
}

TEST_CASE("till: logging out keeps the open sale for whoever logs in next, but not a practice "
          "one") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& till = rig.till;
    till.start();
    till.log_in(s.clerk.id, "2468");
    till.scan(s.mug.barcode);
    till.log_out();
    till.log_in(rig.lise->id, "2468");
    CHECK(till.cart().lines().size() == 1);
    till.abort_sale(); // training starts with an empty cart
    till.scan(s.cloth.barcode);
    till.park();
    till.set_training(true);
    CHECK_THAT(rig.view.problems.back(), Catch::Contains("parked sales"));
    CHECK_FALSE(till.training());
    till.resume();
    till.abort_sale();
    till.set_training(true);
    REQUIRE(till.training());
    till.scan(s.cloth.barcode);
    till.log_out();
    till.log_in(s.clerk.id, "2468");
    CHECK(till.cart().empty());
    CHECK_FALSE(till.training());
}

TEST_CASE("till: when the cart cannot be kept on disk the person hears it once and keeps "
          "selling") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.log_in(s.clerk.id, "2468");
    test::exec(*s.db, "CREATE TEMP TRIGGER no_room BEFORE INSERT ON kept_cart BEGIN "
                      "SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END");
    till.scan(s.mug.barcode);
    till.scan(s.mug.barcode);
    till.scan(s.cloth.barcode);
    CHECK(till.cart().lines().size() == 2);
    std::size_t said = 0;
    for (const auto& p : view.problems)
        if (p.find("could not be kept on disk") != std::string::npos)
            ++said;
    CHECK(said == 1);
    CHECK_THAT(view.problems.back(), Catch::Contains("would be lost if the till stopped"));
    CHECK(bl::kept_carts(*s.db).open.empty());
    // Room again: the next change is kept, without another message.
    test::exec(*s.db, "DROP TRIGGER no_room");
    const std::size_t before = view.problems.size();
    till.scan(s.cloth.barcode);
    CHECK(view.problems.size() == before);
    CHECK_FALSE(bl::kept_carts(*s.db).open.empty());
    till.pay();
    till.pay_card("");
    CHECK(view.screen == "done");
}

TEST_CASE("till: a part payment is not forgotten: not by going back, and not by a crash") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    auto journaled = [&](const char* kind) {
        return test::count(*s.db,
                           std::string("SELECT count(*) FROM journal WHERE kind = '") + kind + "'");
    };
    till.start();
    till.log_in(s.clerk.id, "2468");
    till.scan(s.mug.barcode); // 189 kr.
    till.pay();
    till.pay_card_part("100", "Nets 11");
    REQUIRE(view.screen == "payment");
    CHECK(view.remaining.ore() == 8900);
    // Going back would forget money the customer has paid: refused until it is undone.
    till.cancel_payment();
    CHECK(view.screen == "payment");
    CHECK_THAT(view.problems.back(), Catch::Contains("100,00 kr. of this sale is already paid"));
    till.undo_payment();
    CHECK(view.remaining.ore() == 18900);
    CHECK(journaled("part_payment_undone") == 1);
    till.cancel_payment();
    CHECK(view.screen == "sale");

    // Paid in part again, then the power goes.
    till.pay();
    till.pay_card_part("100", "Nets 12");
    {
        FakeView view2;
        Sink sink2;
        bl::pos::TillPresenter again(rig.store, view2, sink2);
        again.start();
        again.log_in(s.clerk.id, "2468");
        REQUIRE(again.cart().lines().size() == 1);
        CHECK_THAT(view2.problems.back(),
                   Catch::Contains("100,00 kr. of the open sale was already paid"));
        again.park();
        CHECK_THAT(view2.problems.back(), Catch::Contains("Part of this sale is already paid"));
        again.abort_sale();
        CHECK(again.cart().lines().size() == 1);
        again.pay();
        CHECK(view2.remaining.ore() == 8900);
        again.pay_cash("100");
        REQUIRE(view2.screen == "done");
    }
    CHECK(test::count(*s.db, "SELECT count(*) FROM payment WHERE tender = 'card' AND "
                             "amount_ore = 10000 AND reference = 'Nets 12'") == 1);
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == 1);
    CHECK(bl::kept_carts(*s.db).empty());
}
