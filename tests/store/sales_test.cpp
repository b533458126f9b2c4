#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "shared/core/barcode.hpp"

using bl::Money;
using test::count;

namespace {

std::int64_t rows_written(bl::Database& db) {
    return count(db, "SELECT (SELECT count(*) FROM sale) + (SELECT count(*) FROM sale_line) + "
                     "(SELECT count(*) FROM payment) + (SELECT count(*) FROM stock_move) + "
                     "(SELECT count(*) FROM sale_allocation) + "
                     "(SELECT count(*) FROM journal) + (SELECT count(*) FROM outbox)");
}

} // namespace

TEST_CASE("a sale commits its lines, payments, stock, journal and outbox together") {
    test::Shop s;
    const std::int64_t outbox_before = bl::outbox_pending_count(*s.db);
    const auto sale = s.sell({test::Shop::line(s.mug, 2), test::Shop::line(s.cloth, 1),
                              test::Shop::line(s.donation, 1)});
    CHECK(sale.receipt_number == 1);
    CHECK(count(*s.db, "SELECT count(*) FROM sale_line WHERE sale_id = '" + sale.id + "'") == 3);
    CHECK(count(*s.db, "SELECT total_ore FROM sale WHERE id = '" + sale.id + "'") ==
          2 * 18900 + 11975 + 2000);
    // VAT per rate over the receipt: 25 % of 49.775 is 9.955; the donation has none.
    CHECK(count(*s.db, "SELECT vat_ore FROM sale WHERE id = '" + sale.id + "'") == 9955);
    CHECK(count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'sale' AND payload LIKE '%" +
                           sale.id + "%'") == 1);
    CHECK(bl::outbox_pending_count(*s.db) == outbox_before + 1);
    CHECK(bl::verify_journal(*s.db, s.till.id).ok);
}

TEST_CASE("receipt numbers are gapless per till, and training has its own series") {
    test::Shop s;
    for (int i = 1; i <= 3; ++i)
        CHECK(s.sell({test::Shop::line(s.cloth, 1)}).receipt_number == i);
    bl::Sale training;
    training.training = true;
    training.lines = {test::Shop::line(s.cloth, 1)};
    test::Shop::pay(training, bl::Tender::card);
    auto t = bl::record_sale(*s.db, s.at_till(), training);
    REQUIRE(t.ok());
    CHECK(t.value().receipt_number == 1);
    // A rejected sale uses no number.
    bl::Sale bad;
    bad.lines = {test::Shop::line(s.cloth, 1)};
    REQUIRE_FALSE(bl::record_sale(*s.db, s.at_till(), bad).ok());
    CHECK(s.sell({test::Shop::line(s.cloth, 1)}).receipt_number == 4);
    // Training sales stay out of the totals and the stock.
    const auto totals = bl::shift_totals(*s.db, bl::current_shift(*s.db, s.till.id)->id);
    CHECK(totals.sales == 4);
}

TEST_CASE("unscanned units go to the oldest batch first, split when needed, flagged") {
    test::Shop s;
    const auto sale = s.sell({test::Shop::line(s.mug, 5)});
    const auto& a = sale.lines[0].allocations;
    REQUIRE(a.size() == 2);
    CHECK(a[0].batch_id == s.mugs_old.id);
    CHECK(a[0].units == 3);
    CHECK(a[0].allocated);
    CHECK(a[1].batch_id == s.mugs_new.id);
    CHECK(a[1].units == 2);
    CHECK(bl::batch_on_hand(*s.db, s.mugs_old.id) == 0);
    CHECK(bl::batch_on_hand(*s.db, s.mugs_new.id) == 8);
}

TEST_CASE("a scanned batch label links the line to that batch, not FIFO") {
    test::Shop s;
    const auto sale = s.sell({test::Shop::line(s.mug, 1, s.mugs_new.id)});
    REQUIRE(sale.lines[0].allocations.size() == 1);
    CHECK(sale.lines[0].allocations[0].batch_id == s.mugs_new.id);
    CHECK_FALSE(sale.lines[0].allocations[0].allocated);
    CHECK(bl::batch_on_hand(*s.db, s.mugs_old.id) == 3);
    // A label from another product is refused.
    bl::Sale wrong;
    wrong.lines = {test::Shop::line(s.cloth, 1, s.mugs_new.id)};
    test::Shop::pay(wrong, bl::Tender::card);
    auto r = bl::record_sale(*s.db, s.at_till(), wrong);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(bl::render(r.error()), Catch::Contains("does not belong"));
}

TEST_CASE("units without any logged batch are recorded as unallocated, not invented") {
    test::Shop s;
    const auto sale = s.sell({test::Shop::line(s.mug, 15)});
    const auto& a = sale.lines[0].allocations;
    REQUIRE(a.size() == 3);
    CHECK(a[2].batch_id.empty());
    CHECK(a[2].units == 2);
    CHECK(count(*s.db, "SELECT count(*) FROM sale_allocation WHERE batch_id IS NULL") == 1);
}

TEST_CASE("cash is rounded on the cash part only, and change is checked") {
    test::Shop s;
    bl::Sale sale;
    sale.lines = {test::Shop::line(s.cloth, 1)}; // 119,75
    bl::Payment cash{bl::Tender::cash,      Money::from_ore(12000), Money::from_ore(20000),
                     Money::from_ore(8000), Money::from_ore(25),    ""};
    sale.payments = {cash};
    auto r = bl::record_sale(*s.db, s.at_till(), sale);
    REQUIRE(r.ok());
    CHECK(count(*s.db, "SELECT rounding_ore FROM sale WHERE id = '" + r.value().id + "'") == 25);

    // Split: 100 kr. on card, the rest (19,75) in cash, rounded to 20,00.
    bl::Sale split;
    split.lines = {test::Shop::line(s.cloth, 1)};
    split.payments = {{bl::Tender::card, Money::from_ore(10000), {}, {}, {}, "ref 1"},
                      {bl::Tender::cash,
                       Money::from_ore(2000),
                       Money::from_ore(2000),
                       {},
                       Money::from_ore(25),
                       ""}};
    REQUIRE(bl::record_sale(*s.db, s.at_till(), split).ok());

    struct Bad {
        std::vector<bl::Payment> payments;
        const char* reason;
    };
    const Bad bad[] = {
        {{}, "Choose how the customer pays"},
        {{{bl::Tender::card, Money::from_ore(11000), {}, {}, {}, ""}}, "still missing"},
        {{{bl::Tender::card, Money::from_ore(12000), {}, {}, Money::from_ore(25), ""}},
         "Only cash is rounded"},
        {{{bl::Tender::cash,
           Money::from_ore(11975),
           Money::from_ore(20000),
           Money::from_ore(8025),
           {},
           ""}},
         "rounded to 50 øre"},
        {{{bl::Tender::cash,
           Money::from_ore(12000),
           Money::from_ore(10000),
           {},
           Money::from_ore(25),
           ""}},
         "handed over"},
        {{{bl::Tender::cash, Money::from_ore(12000), Money::from_ore(20000), Money::from_ore(9000),
           Money::from_ore(25), ""}},
         "change does not match"},
        {{{bl::Tender::card, Money::from_ore(13000), {}, {}, {}, ""}}, "do not add up"},
    };
    const std::int64_t before = rows_written(*s.db);
    for (const auto& b : bad) {
        INFO(b.reason);
        bl::Sale x;
        x.lines = {test::Shop::line(s.cloth, 1)};
        x.payments = b.payments;
        auto rr = bl::record_sale(*s.db, s.at_till(), x);
        REQUIRE_FALSE(rr.ok());
        CHECK_THAT(bl::render(rr.error()), Catch::Contains(b.reason));
    }
    CHECK(rows_written(*s.db) == before);
}

TEST_CASE("bad lines get a clear message and change nothing") {
    test::Shop s;
    const std::int64_t before = rows_written(*s.db);
    struct Bad {
        std::int64_t qty;
        std::int64_t discount;
        const char* reason;
    };
    const Bad bad[] = {
        {0, 0, "quantity of 0"},
        {10000, 0, "more than the till accepts"},
        {-1, 0, "must name the receipt"},
        {1, 20000, "discount"},
        {1, -100, "discount"},
    };
    for (const auto& b : bad) {
        INFO(b.reason);
        bl::Sale x;
        auto l = test::Shop::line(s.mug, b.qty);
        l.discount = Money::from_ore(b.discount);
        x.lines = {l};
        test::Shop::pay(x, bl::Tender::card);
        auto r = bl::record_sale(*s.db, s.at_till(), x);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(bl::render(r.error()), Catch::Contains(b.reason));
    }
    bl::Sale empty;
    CHECK_FALSE(bl::record_sale(*s.db, s.at_till(), empty).ok());
    bl::Sale mixed;
    mixed.lines = {test::Shop::line(s.mug, 1), test::Shop::line(s.cloth, -1)};
    CHECK_FALSE(bl::record_sale(*s.db, s.at_till(), mixed).ok());
    CHECK(rows_written(*s.db) == before);
}

TEST_CASE("selling needs an open shift and a logged-in person") {
    test::Shop s(false);
    bl::Sale x;
    x.lines = {test::Shop::line(s.cloth, 1)};
    test::Shop::pay(x, bl::Tender::card);
    auto r = bl::record_sale(*s.db, s.at_till(), x);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(bl::render(r.error()), Catch::Contains("not open"));
    REQUIRE(bl::open_shift(*s.db, s.at_till(), Money::from_kroner(500)).ok());
    CHECK_FALSE(bl::open_shift(*s.db, s.at_till(), Money::from_kroner(500)).ok());
    CHECK_FALSE(bl::record_sale(*s.db, {s.till.id, {}}, x).ok());
    CHECK(bl::record_sale(*s.db, s.at_till(), x).ok());
}

TEST_CASE("a refund references the original, returns stock and hours to the batch") {
    test::Shop s;
    const auto sale = s.sell({test::Shop::line(s.mug, 5), test::Shop::line(s.cloth, 2)});
    // Refund 3 mugs: the most recently allocated units (from the newer batch) come back first.
    auto r = bl::record_sale(*s.db, s.at_till(), s.refund_of(sale, 1, 3));
    REQUIRE(r.ok());
    const auto& refund = r.value();
    CHECK(refund.refund_of == sale.id);
    CHECK(refund.receipt_number == 2);
    const auto& a = refund.lines[0].allocations;
    REQUIRE(a.size() == 2);
    CHECK(a[0].batch_id == s.mugs_new.id);
    CHECK(a[0].units == -2);
    CHECK(a[1].batch_id == s.mugs_old.id);
    CHECK(a[1].units == -1);
    CHECK(bl::batch_on_hand(*s.db, s.mugs_new.id) == 10);
    CHECK(bl::batch_on_hand(*s.db, s.mugs_old.id) == 1);
    CHECK(bl::refunded_quantity(*s.db, sale.id, 1) == 3);
    CHECK(count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'refund'") == 1);
}

TEST_CASE("refunding more than was sold, or the same line twice, is refused") {
    test::Shop s;
    const auto sale = s.sell({test::Shop::line(s.mug, 2)});
    auto too_many = bl::record_sale(*s.db, s.at_till(), s.refund_of(sale, 1, 3));
    REQUIRE_FALSE(too_many.ok());
    CHECK_THAT(bl::render(too_many.error()), Catch::Contains("Only 2"));
    REQUIRE(bl::record_sale(*s.db, s.at_till(), s.refund_of(sale, 1, 2)).ok());
    auto twice = bl::record_sale(*s.db, s.at_till(), s.refund_of(sale, 1, 1));
    REQUIRE_FALSE(twice.ok());
    CHECK_THAT(bl::render(twice.error()), Catch::Contains("already been refunded in full"));
    // Two lines of one refund receipt that together exceed the original are caught too.
    const auto sale2 = s.sell({test::Shop::line(s.mug, 1)});
    bl::Sale both = s.refund_of(sale2, 1, 1);
    both.lines.push_back(both.lines[0]);
    test::Shop::pay(both, bl::Tender::card);
    CHECK_FALSE(bl::record_sale(*s.db, s.at_till(), both).ok());
    // A refund cannot pay back more than the customer paid.
    const auto sale3 = s.sell({test::Shop::line(s.cloth, 1)});
    bl::Sale greedy = s.refund_of(sale3, 1, 1);
    greedy.lines[0].unit_price = Money::from_ore(50000);
    test::Shop::pay(greedy, bl::Tender::card);
    auto g = bl::record_sale(*s.db, s.at_till(), greedy);
    REQUIRE_FALSE(g.ok());
    CHECK_THAT(bl::render(g.error()), Catch::Contains("more than was paid"));
}

TEST_CASE("a refund in cash is rounded and paid out") {
    test::Shop s;
    const auto sale = s.sell({test::Shop::line(s.cloth, 1)}, bl::Tender::cash);
    auto r = bl::record_sale(*s.db, s.at_till(), s.refund_of(sale, 1, 1, bl::Tender::cash));
    REQUIRE(r.ok());
    CHECK(r.value().payments[0].amount.ore() == -12000);
    CHECK(r.value().payments[0].rounding.ore() == -25);
}

TEST_CASE("Z close: expected against counted cash, gapless Z numbers, totals per tender") {
    test::Shop s;
    s.sell({test::Shop::line(s.mug, 1)}, bl::Tender::cash);      // 189,00 cash
    s.sell({test::Shop::line(s.cloth, 1)}, bl::Tender::cash);    // 119,75 -> 120,00 cash
    s.sell({test::Shop::line(s.cloth, 1)}, bl::Tender::card);    // 119,75 card
    s.sell({test::Shop::line(s.mug, 1)}, bl::Tender::mobilepay); // 189,00 MobilePay
    const auto shift = *bl::current_shift(*s.db, s.till.id);
    const auto t = bl::shift_totals(*s.db, shift.id);
    CHECK(t.sales == 4);
    CHECK(t.cash.ore() == 30900);
    CHECK(t.card.ore() == 11975);
    CHECK(t.mobilepay.ore() == 18900);
    CHECK(t.rounding.ore() == 25);
    CHECK(t.expected_cash.ore() == 100000 + 30900);
    REQUIRE(t.vat.size() == 1);
    CHECK(t.vat[0].gross.ore() == 18900 * 2 + 11975 * 2);
    // The shift's VAT is the sum of what the receipts printed, not the VAT of the sum.
    CHECK(t.vat[0].vat.ore() ==
          test::count(*s.db, "SELECT sum(vat_ore) FROM sale WHERE shift_id = '" + shift.id + "'"));
    CHECK(t.vat[0].vat.ore() == 3780 + 2395 + 2395 + 3780);

    auto z = bl::close_shift(*s.db, s.at_till(), shift.id, Money::from_ore(130850));
    REQUIRE(z.ok());
    CHECK(z.value().z_number == 1);
    CHECK(count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'z_report' AND payload LIKE "
                       "'%\"difference_ore\":-50%'") == 1);
    CHECK_FALSE(bl::close_shift(*s.db, s.at_till(), shift.id, Money{}).ok());
    REQUIRE(bl::open_shift(*s.db, s.at_till(), Money::from_kroner(1000)).ok());
    auto z2 = bl::close_shift(*s.db, s.at_till(), bl::current_shift(*s.db, s.till.id)->id,
                              Money::from_kroner(1000));
    REQUIRE(z2.ok());
    CHECK(z2.value().z_number == 2);
}

TEST_CASE("a fault inside a sale rolls everything back") {
    test::Shop s;
    const std::int64_t before = rows_written(*s.db);
    // Make the outbox write, the last step before commit, fail.
    test::exec(*s.db, "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN "
                      "SELECT RAISE(ABORT, 'disk full (simulated)'); END");
    bl::Sale x;
    x.lines = {test::Shop::line(s.mug, 2)};
    test::Shop::pay(x, bl::Tender::card);
    // A refusal from SQLite is a value, as every store write's failure is: said in words,
    // with the rows rolled back.
    auto r = bl::record_sale(*s.db, s.at_till(), x);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(bl::render(r.error()),
               Catch::Contains("disk full") && Catch::Contains("nothing was recorded"));
    CHECK(rows_written(*s.db) == before);
    CHECK(bl::batch_on_hand(*s.db, s.mugs_old.id) == 3);
    test::exec(*s.db, "DROP TRIGGER fail_outbox");
    CHECK(s.sell({test::Shop::line(s.mug, 1)}).receipt_number == 1);
    CHECK(bl::verify_journal(*s.db, s.till.id).ok);
}

TEST_CASE("products: barcodes are checked, unique, and search ignores Danish spellings") {
    test::Shop s(false);
    bl::Product p;
    p.sku = "KER-099";
    p.name = "Æblekage-fad";
    p.price = Money::from_ore(24900);
    auto added = bl::add_product(*s.db, s.at_station(), p);
    REQUIRE(added.ok());
    CHECK(added.value().barcode.substr(0, 2) == "28");
    for (const char* q : {"aeble", "æble", "Æble", "KAGE"}) {
        INFO(q);
        auto found = bl::search_products(*s.db, q);
        REQUIRE(found.size() == 1);
        CHECK(found[0].id == added.value().id);
    }
    CHECK(bl::search_products(*s.db, "%").empty());
    // Every word, in any order; short words too.
    REQUIRE(bl::search_products(*s.db, "hank krus").size() == 1);
    CHECK(bl::search_products(*s.db, "hank krus")[0].id == s.mug.id);
    CHECK(bl::search_products(*s.db, "krus te").empty());
    CHECK(bl::search_products(*s.db, "ku").empty());
    CHECK(bl::search_products(*s.db, "ha").size() == 1);
    CHECK(bl::search_products(*s.db, "  ").empty());
    CHECK(bl::find_product_by_barcode(*s.db, "5790099000375")->id == s.mug.id);

    bl::Product dup = p;
    dup.sku = "KER-100";
    dup.barcode = "5790099000375";
    auto d = bl::add_product(*s.db, s.at_station(), dup);
    REQUIRE_FALSE(d.ok());
    CHECK_THAT(bl::render(d.error()), Catch::Contains("already used by \"Krus med hank\""));
    dup.barcode = "5790099000376";
    CHECK_THAT(bl::render(bl::add_product(*s.db, s.at_station(), dup).error()),
               Catch::Contains("not valid"));
    dup.barcode = "";
    dup.sku = "KER-001";
    CHECK_THAT(bl::render(bl::add_product(*s.db, s.at_station(), dup).error()),
               Catch::Contains("item number KER-001 is already used"));
    dup.sku = "KER-101";
    dup.price = Money::from_ore(-1);
    CHECK_FALSE(bl::add_product(*s.db, s.at_station(), dup).ok());

    auto changed = bl::change_price(*s.db, s.at_station(), s.mug.id, Money::from_ore(19900));
    REQUIRE(changed.ok());
    CHECK(count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'price_changed' AND payload "
                       "LIKE '%\"old_price_ore\":18900%'") == 1);
}

TEST_CASE("batches: labels are minted per device, bad logs are refused") {
    test::Shop s(false);
    CHECK(s.mugs_old.label_code == bl::make_batch_label(101, 1));
    CHECK(s.mugs_new.label_code == bl::make_batch_label(101, 2));
    CHECK(bl::find_batch_by_label(*s.db, s.mugs_new.label_code)->id == s.mugs_new.id);

    bl::Batch b;
    b.product_id = s.mug.id;
    b.workshop_id = s.workshop.id;
    b.produced_on = "2026-11-01";
    b.units = 4;
    auto none = bl::add_batch(*s.db, s.at_station(), b);
    REQUIRE_FALSE(none.ok());
    CHECK_THAT(bl::render(none.error()), Catch::Contains("at least one maker"));
    b.contributions = {{"", "", s.anna.id, 17 * 60, "drejning", ""}};
    CHECK_THAT(bl::render(bl::add_batch(*s.db, s.at_station(), b).error()),
               Catch::Contains("more than 12 hours in one day"));
    b.contributions = {{"", "", s.anna.id, 60, "drejning", ""},
                       {"", "", s.anna.id, 30, "drejning", ""}};
    CHECK_THAT(bl::render(bl::add_batch(*s.db, s.at_station(), b).error()),
               Catch::Contains("listed twice"));
    b.contributions = {{"", "", s.anna.id, 60, "drejning", ""}};
    b.units = 0;
    CHECK_FALSE(bl::add_batch(*s.db, s.at_station(), b).ok());
    b.units = 4;
    b.produced_on = "2026-02-30";
    CHECK_FALSE(bl::add_batch(*s.db, s.at_station(), b).ok());
    b.produced_on = "2026-11-01";
    CHECK(bl::add_batch(*s.db, s.at_station(), b).ok());
    CHECK_FALSE(bl::deliver_batch(*s.db, s.at_station(), s.mugs_old.id, s.shop.id, 1).ok());
}

TEST_CASE("what is behind a sale, from the batch records and recorded consent") {
    test::Shop s;
    REQUIRE(bl::record_consent(*s.db, s.at_station(), s.anna.id, bl::ConsentChannel::receipt,
                               bl::ConsentLevel::chosen_name)
                .ok());
    // One mug scanned from the newer batch: 10 units, 300 minutes logged.
    const auto scanned = s.sell({test::Shop::line(s.mug, 1, s.mugs_new.id)});
    auto r = bl::impact_of_sale(*s.db, scanned.id);
    CHECK(r.workshops == std::vector<std::string>{"Keramikværkstedet"});
    CHECK(r.makers == 2);
    CHECK(r.named == std::vector<std::string>{"Anna"});
    CHECK(r.work == bl::WorkMinutes::whole(30));
    CHECK_FALSE(r.approximate);
    // Unscanned: FIFO from the older batch (3 units, 90 minutes), so approximate.
    const auto fifo = s.sell({test::Shop::line(s.mug, 1)});
    auto f = bl::impact_of_sale(*s.db, fifo.id);
    CHECK(f.work == bl::WorkMinutes::whole(30));
    CHECK(f.approximate);
    // A withdrawn consent takes the name off at once.
    REQUIRE(bl::record_consent(*s.db, s.at_station(), s.anna.id, bl::ConsentChannel::receipt,
                               bl::ConsentLevel::counted_only)
                .ok());
    CHECK(bl::impact_of_sale(*s.db, scanned.id).named.empty());
    CHECK(bl::impact_of_sale(*s.db, scanned.id).makers == 2);
}

TEST_CASE("products: an import numbers each product without an EAN after the highest internal "
          "code, one the file brings too, and journals each in its chain") {
    test::Shop s(false);
    auto product = [](const std::string& sku, const std::string& barcode) {
        bl::Product p;
        p.sku = sku;
        p.name = "Vase " + sku;
        p.price = Money::from_ore(10000);
        p.barcode = barcode;
        return p;
    };
    const std::string own = bl::make_internal_product_code(500);
    const std::int64_t journal_before = test::count(*s.db, "SELECT count(*) FROM journal");
    auto added = bl::add_products(*s.db, s.at_till(),
                                  {product("I-1", ""), product("I-2", ""), product("I-3", own),
                                   product("I-4", ""), product("I-5", "")});
    REQUIRE(added.ok());
    CHECK(added.value() == 5);
    auto code = [&](const char* sku) { return bl::find_product_by_sku(*s.db, sku)->barcode; };
    CHECK(code("I-1") < code("I-2"));
    CHECK(code("I-2") < own);
    CHECK(code("I-3") == own);
    CHECK(code("I-4") == bl::make_internal_product_code(501));
    CHECK(code("I-5") == bl::make_internal_product_code(502));
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal") == journal_before + 5);
    const auto check = bl::verify_database(*s.db);
    INFO(test::findings(check));
    CHECK(check.ok());
    // The connection's page cache is as it was.
    CHECK(test::count(*s.db, "SELECT cache_size FROM pragma_cache_size") == -2000);
}
