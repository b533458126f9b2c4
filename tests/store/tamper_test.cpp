// Tamper trials (issue 11): 1,000 random tamperings of a copy of a demo database, made the way
// someone with file access would (SQLite itself, the safeguarding triggers dropped first and,
// unless dropping one is the tampering, put back afterwards): a trigger dropped; a byte of a
// journal row flipped or its payload cut short; journal rows deleted, swapped or the tail cut
// off; a business row (sale, line, allocation, payment, shift, batch, contribution, batch
// correction, stock move) changed or deleted; the head moved back. Every one must be found by the
// full check (verify_database) and named: the finding points at the changed row (its table and key,
// or the journal row that recorded it). A consistently re-chained tail (rows after the last full
// check written again with their hashes and head) is what the check cannot see from the file
// alone; those trials are run too, and must pass the check (the sync issue's chain anchor
// catches them). Deterministic: a fixed demo and a fixed seed.

#include <filesystem>
#include <map>
#include <random>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "shared/demo/demo.hpp"
#include "shared/rules/journal_hash.hpp"
#include "shared/store/verify.hpp"

namespace fs = std::filesystem;

namespace {

int planned_trials() {
    const char* env = std::getenv("BL_TAMPER_TRIALS");
    const int n = env ? std::atoi(env) : 1000;
    return n > 0 ? n : 1000;
}

enum class Kind {
    drop_trigger,
    flip_byte,
    cut_payload,
    delete_row,
    swap_rows,
    cut_tail,
    move_head,
    change_business,
    delete_business,
    rechain_tail,
    count
};

const char* name(Kind k) {
    static const char* names[] = {"drop a trigger",        "flip a byte in a journal row",
                                  "cut a payload short",   "delete a journal row",
                                  "swap two journal rows", "cut the journal's tail",
                                  "move the head back",    "change a business row",
                                  "delete a business row", "re-chain the tail consistently"};
    return names[static_cast<int>(k)];
}

// What the check must name: a table and key, or a journal row (either will do where both
// point at the change).
struct Expect {
    std::string table, row;   // a finding of this table and key
    std::string device;       // or one of this chain
    std::int64_t seq_lo = 0;  // at a journal row in [seq_lo, seq_hi]
    std::int64_t seq_hi = -1; //
    std::string what;         // for the message
};

bool named(const bl::DatabaseCheck& c, const Expect& e) {
    for (const auto& f : c.findings) {
        // The changed row by its table (any, when none is given) and key (any, when none).
        if ((!e.table.empty() || !e.row.empty()) && (e.table.empty() || f.table == e.table) &&
            (e.row.empty() || f.row == e.row))
            return true;
        // Or the journal row that recorded it.
        if (!e.device.empty() && f.device_id == e.device && f.seq >= e.seq_lo && f.seq <= e.seq_hi)
            return true;
    }
    return false;
}

std::string text(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement q(db, sql);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::int64_t integer(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement q(db, sql);
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

std::string sql_text(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

struct Row {
    std::int64_t id = 0;
    std::string device;
    std::int64_t seq = 0;
};

// A random journal row (any chain).
Row random_row(SQLite::Database& db, std::mt19937_64& rng, const std::string& where = "1") {
    const std::int64_t n = integer(db, "SELECT count(*) FROM journal WHERE " + where);
    REQUIRE(n > 0);
    SQLite::Statement q(
        db, "SELECT id, device_id, seq FROM journal WHERE " + where +
                " ORDER BY id LIMIT 1 OFFSET " +
                std::to_string(static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n))));
    REQUIRE(q.executeStep());
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64()};
}

// One tampering of the file at `path`. Returns what the check must name; `kind` may change to
// a kind the file allows.
Expect tamper(SQLite::Database& db, Kind kind, std::mt19937_64& rng) {
    Expect e;
    auto pick = [&](std::int64_t n) {
        return static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n));
    };
    switch (kind) {
    case Kind::drop_trigger: {
        const std::string t =
            text(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name LIMIT 1 "
                     "OFFSET " +
                         std::to_string(pick(integer(
                             db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"))));
        db.exec("DROP TRIGGER " + t);
        e.table = "schema";
        e.row = t;
        e.what = "trigger " + t + " dropped";
        break;
    }
    case Kind::flip_byte: {
        static const char* columns[] = {"payload",     "hash", "prev_hash",
                                        "recorded_at", "kind", "device_id"};
        const Row r = random_row(db, rng);
        const std::string col = columns[pick(6)];
        std::string v =
            text(db, "SELECT " + col + " FROM journal WHERE id = " + std::to_string(r.id));
        REQUIRE_FALSE(v.empty());
        const auto at = static_cast<std::size_t>(pick(static_cast<std::int64_t>(v.size())));
        v[at] = static_cast<char>(v[at] ^ (1 << pick(7)));
        SQLite::Statement u(db, "UPDATE journal SET " + col + " = ? WHERE id = ?");
        u.bind(1, v);
        u.bind(2, r.id);
        u.exec();
        e.device = r.device;
        e.seq_lo = e.seq_hi = r.seq;
        e.table = col == "device_id" ? "journal" : "";
        e.row = col == "device_id" ? std::to_string(r.seq) : "";
        e.what = "byte " + std::to_string(at) + " of " + col + " of row " + r.device + "/" +
                 std::to_string(r.seq);
        break;
    }
    case Kind::cut_payload: {
        const Row r = random_row(db, rng);
        const std::string v =
            text(db, "SELECT payload FROM journal WHERE id = " + std::to_string(r.id));
        const auto keep = static_cast<std::size_t>(pick(static_cast<std::int64_t>(v.size())));
        SQLite::Statement u(db, "UPDATE journal SET payload = ? WHERE id = ?");
        u.bind(1, v.substr(0, keep));
        u.bind(2, r.id);
        u.exec();
        e.device = r.device;
        e.seq_lo = e.seq_hi = r.seq;
        e.what = "payload of row " + r.device + "/" + std::to_string(r.seq) + " cut to " +
                 std::to_string(keep) + " bytes";
        break;
    }
    case Kind::delete_row: {
        const Row r = random_row(db, rng);
        db.exec("DELETE FROM journal WHERE id = " + std::to_string(r.id));
        e.device = r.device;
        e.seq_lo = e.seq_hi = r.seq;
        e.what = "row " + r.device + "/" + std::to_string(r.seq) + " deleted";
        break;
    }
    case Kind::swap_rows: {
        // Two rows of one chain with different contents swap everything but their places.
        const Row a = random_row(db, rng);
        const Row b = random_row(db, rng,
                                 "device_id = " + sql_text(a.device) + " AND seq <> " +
                                     std::to_string(a.seq) +
                                     " AND (kind, payload) <> "
                                     "(SELECT kind, payload FROM journal WHERE id = " +
                                     std::to_string(a.id) + ")");
        db.exec("CREATE TEMP TABLE swap AS SELECT * FROM journal WHERE id IN (" +
                std::to_string(a.id) + ", " + std::to_string(b.id) + ")");
        for (const auto& [to, from] : {std::pair{a, b}, std::pair{b, a}})
            db.exec("UPDATE journal SET (recorded_at, kind, payload, prev_hash, hash) = (SELECT "
                    "recorded_at, kind, payload, prev_hash, hash FROM temp.swap WHERE id = " +
                    std::to_string(from.id) + ") WHERE id = " + std::to_string(to.id));
        db.exec("DROP TABLE temp.swap");
        e.device = a.device;
        e.seq_lo = std::min(a.seq, b.seq);
        e.seq_hi = std::max(a.seq, b.seq);
        e.what = "rows " + a.device + "/" + std::to_string(a.seq) + " and " +
                 std::to_string(b.seq) + " swapped";
        break;
    }
    case Kind::cut_tail: {
        const Row r = random_row(db, rng);
        db.exec("DELETE FROM journal WHERE device_id = " + sql_text(r.device) +
                " AND seq >= " + std::to_string(r.seq));
        e.device = r.device;
        e.seq_lo = e.seq_hi = r.seq;
        e.table = "journal_head";
        e.row = r.device;
        e.what = "chain " + r.device + " cut from row " + std::to_string(r.seq);
        break;
    }
    case Kind::move_head: {
        const Row r = random_row(db, rng);
        const std::int64_t head =
            integer(db, "SELECT seq FROM journal_head WHERE device_id = " + sql_text(r.device));
        const std::int64_t to = r.seq < head ? r.seq : head - 1;
        if (to < 1) {
            db.exec("DELETE FROM journal_head WHERE device_id = " + sql_text(r.device));
        } else {
            db.exec("UPDATE journal_head SET (seq, hash) = (SELECT seq, hash FROM journal WHERE "
                    "device_id = " +
                    sql_text(r.device) + " AND seq = " + std::to_string(to) +
                    ") WHERE device_id = " + sql_text(r.device));
        }
        e.table = "journal_head";
        e.row = r.device;
        e.device = r.device;
        e.seq_lo = to + 1;
        e.seq_hi = head;
        e.what = "head of " + r.device + " moved from " + std::to_string(head) + " to " +
                 std::to_string(to);
        break;
    }
    case Kind::change_business:
    case Kind::delete_business: {
        // A row of a business table, named by its key (a sale's id for its lines, allocations
        // and payments), and the journal row that recorded it where there is one.
        struct Target {
            const char* table;
            const char* key;    // the key the finding names
            const char* column; // changed (change_business)
            const char* pk;     // how one row is found again
        };
        static const Target targets[] = {
            {"sale", "id", "total_ore", "id"},
            {"sale", "id", "vat_ore", "id"},
            {"sale_line", "sale_id", "quantity", "sale_id || '/' || line_no"},
            {"sale_line", "sale_id", "unit_price_ore", "sale_id || '/' || line_no"},
            {"sale_line", "sale_id", "discount_ore", "sale_id || '/' || line_no"},
            {"sale_allocation", "sale_id", "units", "sale_id || '/' || line_no || '/' || part"},
            {"payment", "sale_id", "amount_ore", "sale_id || '/' || part"},
            {"payment", "sale_id", "tender", "sale_id || '/' || part"},
            {"shift", "id", "counted_cash_ore", "id"},
            {"shift", "id", "opening_float_ore", "id"},
            {"batch", "id", "units", "id"},
            {"batch", "id", "on_hand", "id"},
            {"contribution", "batch_id", "minutes", "id"},
            {"batch_correction", "id", "units_after", "id"},
            {"stock_move", "id", "units", "id"},
        };
        const Target& t = targets[pick(static_cast<std::int64_t>(std::size(targets)))];
        std::string where = "1";
        if (std::string(t.table) == "shift")
            where = kind == Kind::change_business && std::string(t.column) == "counted_cash_ore"
                        ? "z_number IS NOT NULL"
                        : "journal_seq IS NOT NULL";
        const std::int64_t n =
            integer(db, std::string("SELECT count(*) FROM ") + t.table + " WHERE " + where);
        REQUIRE(n > 0);
        SQLite::Statement q(db, std::string("SELECT ") + t.pk + ", " + t.key + " FROM " + t.table +
                                    " WHERE " + where + " ORDER BY " + t.pk + " LIMIT 1 OFFSET " +
                                    std::to_string(pick(n)));
        REQUIRE(q.executeStep());
        const std::string pk = q.getColumn(0).getString();
        const std::string key = q.getColumn(1).getString();
        q.reset();
        const std::string row = " WHERE " + std::string(t.pk) + " = " + sql_text(pk);
        if (kind == Kind::change_business) {
            const std::string c = t.column;
            if (c == "tender")
                db.exec(std::string("UPDATE ") + t.table +
                        " SET tender = CASE tender WHEN 'cash' THEN 'card' ELSE 'cash' END" + row);
            else
                db.exec(std::string("UPDATE ") + t.table + " SET " + c + " = " + c + " + " +
                        std::to_string(1 + pick(10000)) + row);
            e.what = std::string(t.table) + "." + c + " of " + key + " changed";
        } else {
            db.exec(std::string("DELETE FROM ") + t.table + row);
            e.what = std::string(t.table) + " row of " + key + " deleted";
        }
        const bool of_sale =
            std::string(t.table).rfind("sale", 0) == 0 || std::string(t.table) == "payment";
        // A sale is named by its id in any of its tables, or by the journal row that recorded
        // it; a deleted stock move by its table (the journal row that recorded it says which).
        e.table = of_sale ? "" : t.table;
        e.row = kind == Kind::delete_business && std::string(t.table) == "stock_move" ? "" : key;
        if (of_sale) {
            SQLite::Statement s(db, "SELECT device_id, journal_seq FROM sale WHERE id = ?");
            s.bind(1, key);
            if (s.executeStep()) {
                e.device = s.getColumn(0).getString();
                e.seq_lo = e.seq_hi = s.getColumn(1).getInt64();
            }
        }
        break;
    }
    case Kind::rechain_tail:
    case Kind::count:
        FAIL("not a tampering of its own");
    }
    return e;
}

// Rows after the last full check, written again from a row no business row depends on (its
// time moved a minute back), their hashes recomputed and the head moved along: consistent.
std::string rechain_tail(SQLite::Database& db, std::mt19937_64& rng) {
    const std::string plain =
        "kind NOT IN ('sale', 'refund', 'z_report', 'shift_opened', "
        "'batch_logged', 'batch_corrected', 'batch_delivered', 'stock_returned', "
        "'device_initialised') AND seq > coalesce((SELECT c.seq FROM "
        "journal_check c WHERE c.device_id = journal.device_id), 0)";
    const std::int64_t n = integer(db, "SELECT count(*) FROM journal WHERE " + plain);
    if (n == 0)
        return {};
    SQLite::Statement pick(db, "SELECT device_id, seq FROM journal WHERE " + plain +
                                   " ORDER BY id LIMIT 1 OFFSET " +
                                   std::to_string(rng() % static_cast<std::uint64_t>(n)));
    REQUIRE(pick.executeStep());
    const std::string dev = pick.getColumn(0).getString();
    const std::int64_t from = pick.getColumn(1).getInt64();
    pick.reset();
    std::string prev =
        from == 1 ? bl::genesis_hash
                  : text(db, "SELECT hash FROM journal WHERE device_id = " + sql_text(dev) +
                                 " AND seq = " + std::to_string(from - 1));
    SQLite::Statement q(db, "SELECT id, seq, recorded_at, kind, payload FROM journal WHERE "
                            "device_id = ? AND seq >= ? ORDER BY seq");
    q.bind(1, dev);
    q.bind(2, from);
    struct R {
        std::int64_t id, seq;
        std::string at, kind, payload;
    };
    std::vector<R> rows;
    while (q.executeStep())
        rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                        q.getColumn(2).getString(), q.getColumn(3).getString(),
                        q.getColumn(4).getString()});
    // The row's time moved a minute back: a login that never was at that time.
    rows.front().at = text(db, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', " +
                                   sql_text(rows.front().at) + ", '-1 minute')");
    for (auto& r : rows) {
        const std::string h = bl::journal_hash(prev, dev, r.seq, r.at, r.kind, r.payload);
        SQLite::Statement u(db, "UPDATE journal SET recorded_at = ?, prev_hash = ?, hash = ? "
                                "WHERE id = ?");
        u.bind(1, r.at);
        u.bind(2, prev);
        u.bind(3, h);
        u.bind(4, r.id);
        u.exec();
        prev = h;
    }
    SQLite::Statement u(db, "UPDATE journal_head SET hash = ? WHERE device_id = ?");
    u.bind(1, prev);
    u.bind(2, dev);
    u.exec();
    return dev + "/" + std::to_string(from);
}

} // namespace

TEST_CASE("tamper trials: every random tampering of a demo database is found and named, "
          "except a consistently re-chained tail") {
    test::TempDir dir;
    const fs::path master = dir.path / "demo.db";
    {
        bl::Database db(master.string());
        bl::DemoOptions options;
        options.until = "2026-11-20";
        REQUIRE(bl::load_demo(db, options).ok());
        const auto c = bl::verify_database(db);
        INFO(test::findings(c));
        REQUIRE(c.ok());
        // One file, as a copy taken with file access would be.
        test::exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const fs::path copy = dir.path / "copy.db";
    std::mt19937_64 rng(20261130);
    std::map<std::string, int> tried;
    int rechained_unseen = 0;
    const int trials = planned_trials();
    for (int trial = 0; trial < trials; ++trial) {
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(copy.string() + suffix);
        fs::copy_file(master, copy);
        const auto kind = static_cast<Kind>(rng() % static_cast<int>(Kind::count));
        Expect expect;
        std::string rechained;
        {
            SQLite::Database raw(copy.string(), SQLite::OPEN_READWRITE);
            raw.exec("PRAGMA foreign_keys = OFF");
            std::vector<std::pair<std::string, std::string>> triggers;
            {
                SQLite::Statement q(raw, "SELECT name, sql FROM sqlite_master WHERE type = "
                                         "'trigger' ORDER BY name");
                while (q.executeStep())
                    triggers.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
            }
            if (kind != Kind::drop_trigger)
                for (const auto& [n, sql] : triggers)
                    raw.exec("DROP TRIGGER " + n);
            if (kind == Kind::rechain_tail)
                rechained = rechain_tail(raw, rng);
            else
                expect = tamper(raw, kind, rng);
            if (kind != Kind::drop_trigger)
                for (const auto& [n, sql] : triggers)
                    raw.exec(sql);
        }
        ++tried[name(kind)];
        bl::Database db(copy.string(), bl::OpenOptions{false, {}});
        const auto check = bl::verify_database(db);
        INFO("trial " << trial << ": " << name(kind) << ": "
                      << (kind == Kind::rechain_tail ? rechained : expect.what));
        INFO(test::findings(check));
        if (kind == Kind::rechain_tail) {
            // What the file alone cannot show: the chain anchor held elsewhere catches it.
            CHECK(check.ok());
            rechained_unseen += check.ok() && !rechained.empty() ? 1 : 0;
            continue;
        }
        REQUIRE_FALSE(check.ok());
        CHECK(named(check, expect));
    }
    for (const auto& [k, n] : tried)
        WARN(k << ": " << n << " trials");
    WARN("re-chained tails the file alone cannot show: " << rechained_unseen);
    CHECK(tried.size() == static_cast<std::size_t>(Kind::count));
}
