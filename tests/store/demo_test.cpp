#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "shared/core/sha256.hpp"
#include "shared/demo/demo.hpp"
#include "shared/store/raw_sql.hpp"

using test::count;

namespace {

// A digest of every row of every table, in primary-key order.
std::string content_digest(bl::Database& db) {
    std::string all;
    for (const auto& table :
         bl::raw_sql::rows(db, "SELECT t.name, (SELECT count(*) FROM pragma_table_info(t.name)) "
                               "FROM sqlite_schema t WHERE t.type = 'table' AND t.name NOT LIKE "
                               "'sqlite_%' ORDER BY t.name")) {
        const std::string t = *table[0];
        std::string order;
        for (int c = 1; c <= std::stoi(*table[1]); ++c)
            order += (c > 1 ? ", " : "") + std::to_string(c);
        for (const auto& row : bl::raw_sql::rows(db, "SELECT * FROM " + t + " ORDER BY " + order)) {
            all += t;
            for (const auto& value : row)
                all += "|" + value.value_or("");
            all += "\n";
        }
    }
    return bl::sha256_hex(all);
}

} // namespace

TEST_CASE("the demo loads a believable Vielgut Studio through the repositories") {
    test::TempDir dir;
    bl::Database db(dir.file("demo.db"));
    bl::DemoOptions o;
    o.until = "2026-11-26";
    auto r = bl::load_demo(db, o);
    REQUIRE(r.ok());
    const auto& s = r.value();
    CHECK_THAT(s.shop, Catch::Contains("Vielgut Studio"));
    CHECK_THAT(s.shop, Catch::Contains("Kolding"));
    CHECK(s.workshops == 3);
    CHECK(s.makers == 25);
    CHECK(s.named_on_receipts > 0);
    CHECK(s.named_on_receipts < s.makers / 2);
    CHECK(s.products >= 40);
    CHECK(s.batches == 60);
    CHECK(s.sales > 100);
    CHECK(s.refunds > 0);
    CHECK(s.logins.size() == 3);
    CHECK(count(db, "SELECT count(*) FROM maker_private") == 0);
    CHECK(count(db, "SELECT count(DISTINCT vat_rate_bp) FROM sale_line") == 2);
    CHECK(count(db, "SELECT count(*) FROM payment WHERE rounding_ore <> 0") > 0);
    CHECK(count(db, "SELECT count(*) FROM sale WHERE sold_at > '2026-11-27'") == 0);
    for (const auto& device : bl::journal_devices(db)) {
        auto c = bl::verify_journal(db, device);
        INFO(bl::render(c.problem));
        CHECK(c.ok);
    }
    // Loading twice is refused rather than doubling everything.
    CHECK_FALSE(bl::load_demo(db, o).ok());
}

TEST_CASE("the demo is reproducible: same seed and date, same database content") {
    test::TempDir dir;
    bl::DemoOptions o;
    o.until = "2026-11-26";
    o.sales_days = 7;
    bl::Database a(dir.file("a.db"));
    bl::Database b(dir.file("b.db"));
    REQUIRE(bl::load_demo(a, o).ok());
    REQUIRE(bl::load_demo(b, o).ok());
    // PIN hashes are salted at random, so leave them out of the comparison.
    test::exec(a, "UPDATE staff_user SET pin_hash = ''");
    test::exec(b, "UPDATE staff_user SET pin_hash = ''");
    test::exec(a, "UPDATE outbox SET payload = '' WHERE kind = 'staff_added'");
    test::exec(b, "UPDATE outbox SET payload = '' WHERE kind = 'staff_added'");
    CHECK(content_digest(a) == content_digest(b));
    bl::Database c(dir.file("c.db"));
    o.seed += 1;
    REQUIRE(bl::load_demo(c, o).ok());
    test::exec(c, "UPDATE staff_user SET pin_hash = ''");
    test::exec(c, "UPDATE outbox SET payload = '' WHERE kind = 'staff_added'");
    CHECK(content_digest(a) != content_digest(c));
}

TEST_CASE("the workshop demo holds its own makers' real names, and only those") {
    test::TempDir dir;
    bl::Database db(dir.file("w.db"));
    bl::DemoOptions o;
    o.until = "2026-11-26";
    o.sales_days = 3;
    o.role = bl::DemoRole::workshop;
    REQUIRE(bl::load_demo(db, o).ok());
    CHECK(count(db, "SELECT count(*) FROM maker_private") == 9);
    CHECK(count(db, "SELECT count(*) FROM maker_private p JOIN maker m ON m.id = p.maker_id "
                    "JOIN device d ON d.workshop_id = m.workshop_id JOIN local_device l ON "
                    "l.device_id = d.id") == 9);
}
