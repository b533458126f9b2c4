// Carts not yet paid, kept against a crash; and schema step 2, which added them.

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "shared/store/kept_carts.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/store/verify.hpp"

TEST_CASE("kept carts are replaced whole, and a recorded sale takes the open one with it") {
    test::Shop s;
    CHECK(bl::kept_carts(*s.db).empty());
    REQUIRE(bl::keep_carts(*s.db, bl::KeptCarts{"open cart", {"parked 1", "parked 2"}}));
    CHECK(bl::kept_carts(*s.db) == bl::KeptCarts{"open cart", {"parked 1", "parked 2"}});
    REQUIRE(bl::keep_carts(*s.db, bl::KeptCarts{"", {"parked 2"}}));
    CHECK(bl::kept_carts(*s.db) == bl::KeptCarts{"", {"parked 2"}});

    REQUIRE(bl::keep_carts(*s.db, bl::KeptCarts{"the mug", {"parked 2"}}));
    s.sell({test::Shop::line(s.mug, 1)});
    // Sold: the open cart is gone in the sale's own commit; the parked one stays.
    CHECK(bl::kept_carts(*s.db) == bl::KeptCarts{"", {"parked 2"}});
    // They are not business records: nothing journaled or waiting to be sent for them.
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind LIKE '%cart%'") == 0);
}

TEST_CASE("a version 1 database is brought up to date with its data") {
    test::TempDir dir;
    const std::string path = dir.file("v1.db");
    std::string mug_id;
    {
        test::Shop s;
        REQUIRE(bl::back_up(*s.db, path));
        mug_id = s.mug.id;
    }
    {
        // Made to look as version 1 wrote it: without what later steps add (the kept
        // carts, the wider batch index, documented transitions, the pull cursor, the
        // journal's safeguards and the record of its last full check, batch corrections, the
        // tiles' colours and pictures).
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER journal_follows_head");
        raw.exec("DROP TRIGGER journal_head_follows_journal");
        raw.exec("DROP TRIGGER journal_head_no_update");
        raw.exec("DROP TRIGGER local_device_no_update");
        raw.exec("DROP TRIGGER local_device_no_delete");
        raw.exec("DROP TABLE journal_check");
        raw.exec("DROP TABLE kept_cart");
        raw.exec("DROP TABLE transition");
        raw.exec("DROP TABLE sync_pull");
        raw.exec("DROP TABLE batch_correction");
        raw.exec("ALTER TABLE batch DROP COLUMN revision");
        raw.exec("DROP TABLE category_colour");
        raw.exec("DROP TABLE product_picture");
        raw.exec("DROP INDEX batch_product");
        raw.exec("CREATE INDEX batch_product ON batch(product_id, produced_on)");
        raw.exec("PRAGMA user_version = 1");
    }
    bl::Database db(path);
    CHECK(db.schema_version() == bl::latest_schema_version());
    CHECK(db.schema_version() >= 2);
    CHECK(bl::find_product(db, mug_id).has_value());
    REQUIRE(bl::keep_carts(db, bl::KeptCarts{"open", {}}));
    CHECK(bl::kept_carts(db).open == "open");
    CHECK(bl::raw_sql::text(db, "PRAGMA integrity_check") == "ok");
    // Brought up to date, it is the same database a new one is: every safeguard in place.
    const auto check = bl::verify_database(db);
    INFO(test::findings(check));
    CHECK(check.ok());
}
