// The full check (verify_database) and the till's check at start (check_journal_tail): every
// chain, its head, the database's own chain, and every sale, refund, Z report, shift and stock
// move against the journal row that recorded it. Each test changes the file the way someone
// with file access would (triggers dropped first) and expects the change to be named.

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "shared/store/production.hpp"
#include "shared/store/shifts.hpp"
#include "shared/store/verify.hpp"

using test::count;
using test::exec;

namespace {

// A day at the till: sales (one paid in cash, one scanned from a batch label), a refund, a
// Z report, and the next shift with another sale.
struct Day : test::Shop {
    bl::Sale first, cash, refund, after_z;
    std::string closed_shift;
    Day() {
        first = sell({line(mug, 2), line(cloth, 1)});
        bl::Sale c;
        c.lines = {line(mug, 1, mugs_new.id), line(donation, 1)};
        pay(c, bl::Tender::cash, bl::Money::from_kroner(500));
        cash = bl::record_sale(*db, at_till(), c).value();
        refund = bl::record_sale(*db, at_till(), refund_of(first, 1, 1)).value();
        closed_shift = bl::current_shift(*db, till.id)->id;
        const auto t = bl::shift_totals(*db, closed_shift);
        REQUIRE(bl::close_shift(*db, at_till(), closed_shift, t.expected_cash).ok());
        REQUIRE(bl::open_shift(*db, at_till(), bl::Money::from_kroner(800)).ok());
        after_z = sell({line(cloth, 3)});
    }
    bl::DatabaseCheck check() { return bl::verify_database(*db); }
    std::string dev(const std::string& device) const { return "device_id = '" + device + "'"; }
};

// Whether a finding names this row of this table.
bool names(const bl::DatabaseCheck& c, const std::string& table, const std::string& row) {
    for (const auto& f : c.findings)
        if (f.table == table && f.row == row)
            return true;
    return false;
}

// Whether a finding names this journal row of this device.
bool names_row(const bl::DatabaseCheck& c, const std::string& device, std::int64_t seq) {
    for (const auto& f : c.findings)
        if (f.device_id == device && f.seq == seq)
            return true;
    return false;
}

} // namespace

TEST_CASE("an untouched database passes the full check, and the start check") {
    Day d;
    const auto c = d.check();
    INFO(test::findings(c));
    CHECK(c.ok());
    CHECK(c.chains == 2);
    CHECK(c.journal_rows == count(*d.db, "SELECT count(*) FROM journal"));
    // 4 sales and a refund, 2 shifts opened, 1 Z, 2 batches logged and delivered, 6 moves
    CHECK(c.business_rows >= 5 + 3 + 4 + 6);
    CHECK(bl::check_journal_tail(*d.db).ok());
}

TEST_CASE("defect 2: the check reads one snapshot, so a till writing meanwhile is no tampering") {
    Day d;
    // Another connection, as the till beside a running check: it records a sale between the
    // check's reading of the journal and its reading of the sales.
    bl::Database till(d.db->path());
    int written = 0;
    bl::VerifyHooks hooks;
    hooks.after_journal = [&] {
        bl::Sale s;
        s.lines = {test::Shop::line(d.cloth, 1)};
        test::Shop::pay(s, bl::Tender::card);
        REQUIRE(bl::record_sale(till, d.at_till(), s).ok());
        ++written;
    };
    const auto c = bl::verify_database(*d.db, hooks);
    REQUIRE(written == 1);
    INFO(test::findings(c));
    CHECK(c.ok());
    // The next check sees the sale, whole.
    CHECK(d.check().ok());
}

TEST_CASE("defect 3: a database's own chain cannot be deleted without the check saying so") {
    Day d;
    exec(*d.db, "DROP TRIGGER journal_no_delete; DROP TRIGGER journal_head_no_delete");
    exec(*d.db, "DELETE FROM outbox; DELETE FROM journal WHERE " + d.dev(d.till.id) +
                    "; DELETE FROM journal_head WHERE " + d.dev(d.till.id));
    const auto c = d.check();
    INFO(test::findings(c));
    CHECK_FALSE(c.ok());
    CHECK(names_row(c, d.till.id, 1));
    CHECK_THAT(test::findings(c), Catch::Contains("own device is missing"));
    CHECK_FALSE(bl::check_journal_tail(*d.db).ok());
    // And the till cannot start a new chain at row 1 over it: a login is refused, whole.
    CHECK_FALSE(bl::record_login_attempt(*d.db, d.till.id, d.clerk.id, true).ok());
    CHECK(count(*d.db, "SELECT count(*) FROM journal WHERE " + d.dev(d.till.id)) == 0);
}

TEST_CASE("defect 3: deleting the record of the database's own device is refused, and found") {
    Day d;
    CHECK_THROWS_WITH(exec(*d.db, "DELETE FROM local_device"), Catch::Contains("one device"));
    CHECK_THROWS_WITH(exec(*d.db, "UPDATE local_device SET device_id = '" + d.station.id + "'"),
                      Catch::Contains("one device"));
    exec(*d.db, "DROP TRIGGER local_device_no_delete; DELETE FROM local_device");
    const auto c = d.check();
    INFO(test::findings(c));
    CHECK(names(c, "local_device", ""));
    CHECK(names(c, "schema", "local_device_no_delete"));
}

TEST_CASE("defect 4: the head refuses UPDATE, and a head moved back is found") {
    Day d;
    CHECK_THROWS_WITH(
        exec(*d.db, "UPDATE journal_head SET seq = seq - 2 WHERE " + d.dev(d.till.id)),
        Catch::Contains("head only follows"));
    CHECK_THROWS_WITH(exec(*d.db, "INSERT INTO journal_head VALUES ('x', 9, 'y')"),
                      Catch::Contains("head only follows"));
    const std::int64_t last =
        count(*d.db, "SELECT max(seq) FROM journal WHERE " + d.dev(d.till.id));
    exec(*d.db, "DROP TRIGGER journal_head_no_update");
    exec(*d.db, "UPDATE journal_head SET (seq, hash) = (SELECT seq, hash FROM journal j WHERE "
                "j.device_id = journal_head.device_id AND j.seq = " +
                    std::to_string(last - 3) + ") WHERE " + d.dev(d.till.id));
    const auto c = d.check();
    INFO(test::findings(c));
    CHECK(names(c, "journal_head", d.till.id));
    CHECK(names_row(c, d.till.id, last - 2));
    CHECK_THAT(test::findings(c), Catch::Contains("moved back"));
    CHECK_FALSE(bl::verify_journal(*d.db, d.till.id).ok);
    CHECK_FALSE(bl::check_journal_tail(*d.db).ok());
}

TEST_CASE("defect 4: a row that does not follow the head is refused at the source") {
    Day d;
    const auto head = bl::journal_head(*d.db, d.till.id).value();
    for (const std::string& values :
         {"'" + d.till.id + "', " + std::to_string(head.seq + 2) + ", 'x', 'login', '{}', '" +
              head.hash + "', 'h'",
          "'" + d.till.id + "', " + std::to_string(head.seq + 1) + ", 'x', 'login', '{}', '" +
              std::string(64, 'a') + "', 'h'",
          "'" + d.till.id + "', 1, 'x', 'login', '{}', '" + bl::genesis_hash + "', 'h'"}) {
        INFO(values);
        CHECK_THROWS_WITH(exec(*d.db, "INSERT INTO journal(device_id, seq, recorded_at, kind, "
                                      "payload, prev_hash, hash) VALUES (" +
                                          values + ")"),
                          Catch::Contains("must follow"));
    }
}

TEST_CASE("defect 5: a sale lowered by 100 kr. in its total, a line and a payment is named") {
    Day d;
    exec(*d.db, "UPDATE sale SET total_ore = total_ore - 10000 WHERE id = '" + d.first.id + "'");
    exec(*d.db, "UPDATE sale_line SET unit_price_ore = unit_price_ore - 5000, line_total_ore = "
                "line_total_ore - 10000 WHERE sale_id = '" +
                    d.first.id + "' AND line_no = 1");
    exec(*d.db,
         "UPDATE payment SET amount_ore = amount_ore - 10000 WHERE sale_id = '" + d.first.id + "'");
    const auto c = d.check();
    INFO(test::findings(c));
    CHECK_FALSE(c.ok());
    CHECK(names(c, "sale_line", d.first.id));
    CHECK_THAT(test::findings(c), Catch::Contains("receipt 1"));
    // The journal itself is untouched, so every chain holds: only the check of the rows sees it.
    CHECK(bl::verify_journal(*d.db, d.till.id).ok);
}

TEST_CASE("defect 5: each kind of changed business row is named") {
    Day d;
    struct Case {
        const char* what;
        std::string sql;
        std::string table;
        std::string row;
    };
    const std::vector<Case> cases = {
        {"the stored total", "UPDATE sale SET total_ore = 1 WHERE id = '" + d.cash.id + "'", "sale",
         d.cash.id},
        {"the seller",
         "UPDATE sale SET staff_id = '" + d.leader.id + "' WHERE id = '" + d.cash.id + "'", "sale",
         d.cash.id},
        {"a quantity", "UPDATE sale_line SET quantity = 5 WHERE sale_id = '" + d.cash.id + "'",
         "sale_line", d.cash.id},
        {"a payment's tender",
         "UPDATE payment SET tender = 'card' WHERE sale_id = '" + d.cash.id + "'", "payment",
         d.cash.id},
        {"the change handed back",
         "UPDATE payment SET change_ore = 0 WHERE sale_id = '" + d.cash.id + "'", "payment",
         d.cash.id},
        {"a batch allocation",
         "DROP TRIGGER sale_allocation_no_update; UPDATE sale_allocation SET batch_id = '" +
             d.mugs_old.id + "' WHERE sale_id = '" + d.cash.id + "' AND line_no = 1",
         "sale_allocation", d.cash.id},
        {"the refund's line",
         "UPDATE sale_line SET quantity = -2, line_total_ore = -37800 WHERE "
         "sale_id = '" +
             d.refund.id + "'",
         "sale_line", d.refund.id},
        {"the sale's time",
         "UPDATE sale SET sold_at = '2020-01-01T00:00:00.000Z' WHERE id = '" + d.after_z.id + "'",
         "sale", d.after_z.id},
        {"the Z's counted cash",
         "UPDATE shift SET counted_cash_ore = 0 WHERE id = '" + d.closed_shift + "'", "shift",
         d.closed_shift},
        {"a sale moved to the next shift after its Z",
         "UPDATE sale SET shift_id = (SELECT id FROM shift WHERE closed_at IS NULL) WHERE id = '" +
             d.first.id + "'",
         "sale", d.first.id},
        {"the opening float", "UPDATE shift SET opening_float_ore = 1 WHERE closed_at IS NULL",
         "shift", bl::current_shift(*d.db, d.till.id)->id},
        {"a batch's minutes",
         "UPDATE contribution SET minutes = 999 WHERE batch_id = '" + d.mugs_new.id + "'",
         "contribution", d.mugs_new.id},
        {"a batch's units", "UPDATE batch SET units = 99 WHERE id = '" + d.mugs_old.id + "'",
         "batch", d.mugs_old.id},
        {"a batch's stock",
         "UPDATE batch SET on_hand = on_hand + 5 WHERE id = '" + d.mugs_old.id + "'", "batch",
         d.mugs_old.id},
        {"a stock move's units",
         "DROP TRIGGER stock_move_no_update; UPDATE stock_move SET units = units + 1 WHERE id = "
         "(SELECT min(id) FROM stock_move)",
         "stock_move", std::to_string(count(*d.db, "SELECT min(id) FROM stock_move"))},
    };
    for (const auto& k : cases) {
        INFO(k.what);
        // Each change is made and checked inside a transaction that is then rolled back, so
        // every case starts from the same intact file.
        exec(*d.db, "SAVEPOINT tamper");
        exec(*d.db, k.sql);
        const auto c = d.check();
        INFO(test::findings(c));
        CHECK(names(c, k.table, k.row));
        exec(*d.db, "ROLLBACK TO tamper; RELEASE tamper");
    }
    CHECK(d.check().ok());
}

TEST_CASE("defect 5: a deleted sale, Z or stock move is named, and so is one added") {
    Day d;
    const std::int64_t sale_seq =
        count(*d.db, "SELECT journal_seq FROM sale WHERE id = '" + d.cash.id + "'");
    SECTION("a sale deleted with its lines, allocations and payments") {
        exec(*d.db, "DROP TRIGGER sale_allocation_no_delete; DELETE FROM sale_allocation WHERE "
                    "sale_id = '" +
                        d.cash.id + "'; DELETE FROM payment WHERE sale_id = '" + d.cash.id +
                        "'; DELETE FROM sale_line WHERE sale_id = '" + d.cash.id +
                        "'; DELETE FROM sale WHERE id = '" + d.cash.id + "'");
        const auto c = d.check();
        INFO(test::findings(c));
        CHECK(names(c, "sale", d.cash.id));
        CHECK(names_row(c, d.till.id, sale_seq));
        CHECK_THAT(test::findings(c), Catch::Contains("is missing from the sales"));
    }
    SECTION("a sale added with no journal row") {
        exec(*d.db, "INSERT INTO sale SELECT 'forged', device_id, shop_id, shift_id, staff_id, "
                    "sold_at, 99, training, NULL, total_ore, vat_ore, rounding_ore, journal_seq "
                    "FROM sale WHERE id = '" +
                        d.after_z.id + "'");
        const auto c = d.check();
        INFO(test::findings(c));
        CHECK(names(c, "sale", "forged"));
        CHECK_THAT(test::findings(c), Catch::Contains("recorded by no journal row"));
    }
    SECTION("a Z report undone") {
        exec(*d.db, "UPDATE shift SET z_number = NULL, counted_cash_ore = NULL WHERE id = '" +
                        d.closed_shift + "'");
        CHECK(names(d.check(), "shift", d.closed_shift));
    }
    SECTION("a stock move deleted, and one added") {
        exec(*d.db, "DROP TRIGGER stock_move_no_delete; DELETE FROM stock_move WHERE id = (SELECT "
                    "max(id) FROM stock_move)");
        auto c = d.check();
        INFO(test::findings(c));
        CHECK(names(c, "stock_move", ""));
        CHECK_THAT(test::findings(c), Catch::Contains("missing from the stock moves"));
        exec(*d.db, "INSERT INTO stock_move(product_id, batch_id, location, units, reason, "
                    "reference, moved_at) SELECT product_id, id, 'shop:x', 40, 'adjusted', '', "
                    "created_at FROM batch LIMIT 1");
        c = d.check();
        CHECK(
            names(c, "stock_move", std::to_string(count(*d.db, "SELECT max(id) FROM stock_move"))));
    }
}

TEST_CASE("a dropped or changed safeguard is named even when the rows are intact") {
    Day d;
    exec(*d.db, "DROP TRIGGER journal_no_update");
    exec(*d.db, "DROP TRIGGER journal_follows_head; CREATE TRIGGER journal_follows_head BEFORE "
                "INSERT ON journal BEGIN SELECT 1; END");
    exec(*d.db, "CREATE TRIGGER sneaky AFTER INSERT ON sale BEGIN UPDATE sale SET total_ore = 0 "
                "WHERE id = NEW.id; END");
    const auto c = d.check();
    INFO(test::findings(c));
    CHECK(names(c, "schema", "journal_no_update"));
    CHECK(names(c, "schema", "journal_follows_head"));
    CHECK(names(c, "schema", "sneaky"));
    CHECK_FALSE(bl::check_journal_tail(*d.db).ok());
}

TEST_CASE("defect 12: the start check reads only the rows after the last full check") {
    Day d;
    const auto full = d.check();
    REQUIRE(full.ok());
    REQUIRE(bl::record_full_check(*d.db, full));
    const std::int64_t checked_to =
        count(*d.db, "SELECT seq FROM journal_check WHERE " + d.dev(d.till.id));
    CHECK(checked_to == count(*d.db, "SELECT max(seq) FROM journal WHERE " + d.dev(d.till.id)));
    // Nothing since: the start check reads no row of the till's chain.
    CHECK(bl::check_journal_tail(*d.db).journal_rows == 0);
    const bl::Sale later = d.sell({test::Shop::line(d.mug, 1)});
    auto tail = bl::check_journal_tail(*d.db);
    CHECK(tail.ok());
    CHECK(tail.journal_rows == 1);

    SECTION("a sale changed after the last full check is found at start") {
        exec(*d.db, "UPDATE payment SET amount_ore = 1 WHERE sale_id = '" + later.id + "'");
        tail = bl::check_journal_tail(*d.db);
        INFO(test::findings(tail));
        CHECK(names(tail, "payment", later.id));
    }
    SECTION("a row changed since the last full check is found at start") {
        exec(*d.db, "DROP TRIGGER journal_no_update");
        exec(*d.db, "UPDATE journal SET payload = replace(payload, 'total_ore', 'total_orE') "
                    "WHERE " +
                        d.dev(d.till.id) + " AND seq = " + std::to_string(checked_to + 1));
        tail = bl::check_journal_tail(*d.db);
        CHECK(names_row(tail, d.till.id, checked_to + 1));
    }
    SECTION("the row the full check ended at may not change either") {
        exec(*d.db, "DROP TRIGGER journal_no_update");
        exec(*d.db, "UPDATE journal SET kind = 'x' WHERE " + d.dev(d.till.id) +
                        " AND seq = " + std::to_string(checked_to));
        CHECK(names_row(bl::check_journal_tail(*d.db), d.till.id, checked_to));
        CHECK(names_row(d.check(), d.till.id, checked_to));
    }
    SECTION("a failed check is not kept as passed") {
        exec(*d.db, "UPDATE sale SET total_ore = 0 WHERE id = '" + later.id + "'");
        const auto failed = d.check();
        REQUIRE_FALSE(failed.ok());
        CHECK_FALSE(bl::record_full_check(*d.db, failed).ok());
        CHECK(count(*d.db, "SELECT seq FROM journal_check WHERE " + d.dev(d.till.id)) ==
              checked_to);
    }
}

TEST_CASE("the start check of a big journal reads no more than its tail") {
    Day d;
    for (int i = 0; i < 200; ++i)
        REQUIRE(bl::record_event(*d.db, d.at_till(), bl::JournalKind::drawer_opened, {}));
    REQUIRE(bl::record_full_check(*d.db, d.check()));
    for (int i = 0; i < 3; ++i)
        REQUIRE(bl::record_event(*d.db, d.at_till(), bl::JournalKind::drawer_opened, {}));
    const auto tail = bl::check_journal_tail(*d.db);
    CHECK(tail.ok());
    CHECK(tail.journal_rows == 3);
}

TEST_CASE("units a shop reports back (the workshop program's report_back) pass the check, and "
          "a changed return is named") {
    Day d;
    REQUIRE(bl::report_back(*d.db, d.at_station(), d.mugs_old.id, d.shop.id, 1,
                            bl::ReportedBack::returned)
                .ok());
    REQUIRE(bl::report_back(*d.db, d.at_station(), d.mugs_new.id, d.shop.id, 1,
                            bl::ReportedBack::broken)
                .ok());
    {
        const auto c = d.check();
        INFO(test::findings(c));
        CHECK(c.ok());
    }
    const std::string last_move = std::to_string(count(*d.db, "SELECT max(id) FROM stock_move"));
    exec(*d.db, "SAVEPOINT tamper");
    exec(*d.db, "DROP TRIGGER stock_move_no_update; UPDATE stock_move SET units = -3 WHERE id = " +
                    last_move);
    const auto c = d.check();
    INFO(test::findings(c));
    CHECK(names(c, "stock_move", last_move));
    exec(*d.db, "ROLLBACK TO tamper; RELEASE tamper");
}
