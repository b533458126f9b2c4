// The central store's guarantees (central/store/central_store.hpp) on whichever database the
// tests run against: SQLite, or PostgreSQL when BL_TEST_POSTGRES names the tests' cluster
// (tests/pg/pg-cluster; CTest label "postgresql"). Exactly once, one enrolment per code, a
// pull cursor that never skips a change committed out of order, two stores (two servers) on
// one database, and moving a store from one database to the other.
//
// Writers and readers run on threads at once; what is checked never depends on how they
// interleave.

#include <atomic>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "central/server/migrate.hpp"
#include "central/store/open_store.hpp"
#include "central/store/sqlite_central_store.hpp"
#include "shared/core/sha256.hpp"
#include "shared/store/database.hpp"
#include "shared/store/people.hpp"
#include "shared/store/production.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/shifts.hpp"
#include "shared/sync/protocol.hpp"
#include "tests/sync/sync_rig.hpp"

using namespace bl;
using namespace bl::central;
using synctest::Central;
using Dev = synctest::Device;

namespace {

std::unique_ptr<CentralStore> open_url(const std::string& url, const test::TempDir& dir,
                                       int pool = 4) {
    return open_central_store(parse_store_url(url, dir.path).value(), StoreOptions{pool});
}

/// Enrols a device directly in the store (no certificate checks at this level).
DeviceRecord enrol(CentralStore& s, const std::string& id, Role role = Role::till) {
    const auto now = now_utc();
    const std::string code = sha256_hex("code-" + id);
    REQUIRE(s.add_enrol_code({code,
                              {role, "shop-1", role == Role::workshop ? "ws-1" : ""},
                              format_utc(now),
                              format_utc(now + std::chrono::minutes(5))})
                .ok());
    DeviceRecord d;
    d.id = id;
    d.name = "device " + id;
    d.token_hash = sha256_hex("token-" + id);
    d.certificate_pem = "certificate of " + id;
    auto r = s.enrol_device(code, format_utc(now), d);
    REQUIRE(r.ok());
    return r.value();
}

/// `rows` rows after `acked` (hashes need not chain at this level), one change per row.
Append next_append(const std::string& device, std::int64_t acked, int rows, int changes_per_row,
                   const std::string& tag = "a") {
    Append a;
    a.device_id = device;
    a.expected_acked_seq = acked;
    a.received_at = format_utc(now_utc());
    a.head_signed_at = a.received_at;
    for (int i = 1; i <= rows; ++i) {
        StoredRow r;
        r.device_id = device;
        r.seq = acked + i;
        r.recorded_at = a.received_at;
        r.kind = "product_added";
        r.payload = R"({"n":)" + std::to_string(r.seq) + R"(,"tag":")" + tag + "\"}";
        r.prev_hash = "prev-" + std::to_string(r.seq - 1);
        r.hash = "hash-" + std::to_string(r.seq);
        a.rows.push_back(r);
        for (int c = 0; c < changes_per_row; ++c)
            a.changes.push_back(ChangeRecord{
                0, "product", device + "/" + std::to_string(r.seq) + "/" + std::to_string(c),
                Audience::everyone, "", "", R"({"x":1})"});
    }
    return a;
}

const Scope organiser{Role::organiser, {}, {}};

std::vector<ChangeRecord> all_changes(CentralStore& s) {
    std::vector<ChangeRecord> out;
    std::int64_t cursor = 0;
    for (;;) {
        std::int64_t next = 0;
        auto page = s.changes_since(cursor, organiser, 500, next);
        out.insert(out.end(), page.begin(), page.end());
        if (page.empty())
            return out;
        cursor = next;
    }
}

} // namespace

TEST_CASE("store URLs: sqlite:FILE and postgresql://, a schema of ours, passwords masked") {
    const std::filesystem::path base = "/var/lib/bundlinje-central";
    auto s = parse_store_url("sqlite:central.db", base);
    REQUIRE(s.ok());
    CHECK(s.value().kind == StoreKind::sqlite);
    CHECK(s.value().sqlite_path == "/var/lib/bundlinje-central/central.db");
    CHECK(parse_store_url("sqlite:/srv/c.db", base).value().sqlite_path == "/srv/c.db");

    auto p =
        parse_store_url("postgresql://bl:secret@db.kolding.dk:5433/bundlinje?schema=central", base);
    REQUIRE(p.ok());
    CHECK(p.value().kind == StoreKind::postgresql);
    auto pg = parse_pg_url(p.value().url).value();
    CHECK(pg.schema == "central");
    CHECK(pg.conninfo == "postgresql://bl:secret@db.kolding.dk:5433/bundlinje?connect_timeout=10&"
                         "fallback_application_name=bundlinje-central");
    CHECK(parse_pg_url("postgres:///bundlinje?host=/run/postgresql&connect_timeout=3")
              .value()
              .conninfo == "postgres:///bundlinje?host=/run/postgresql&connect_timeout=3&"
                           "fallback_application_name=bundlinje-central");

    CHECK(masked_store_url("postgresql://bl:secret@db/bundlinje") ==
          "postgresql://bl:***@db/bundlinje");
    CHECK(masked_store_url("postgresql://bl@db/b?password=secret&sslmode=require") ==
          "postgresql://bl@db/b?password=***&sslmode=require");
    CHECK(masked_store_url("postgresql://db/b") == "postgresql://db/b");

    for (const char* bad : {"", "central.db", "sqlite:", "mysql://db/b", "postgresql://",
                            "postgresql://db/b?schema=Robert'); DROP TABLE", "postgresql://db/b?x",
                            "postgresql://db/b c", "postgresql://db/b?schema=a-b"}) {
        INFO(bad);
        auto r = parse_store_url(bad, base);
        CHECK_FALSE(r.ok());
        if (!r.ok())
            CHECK_FALSE(render(r.error()).empty());
    }
    CHECK(render(parse_store_url("mysql://u:pw@db/b", base).error()).find("pw") ==
          std::string::npos);
}

TEST_CASE("append stores each (device, seq) once; a moved anchor or a held sale writes nothing") {
    test::TempDir dir;
    auto s = open_url(synctest::test_store_url(dir), dir);
    enrol(*s, "dev-a");
    enrol(*s, "dev-b");
    auto first = next_append("dev-a", 0, 3, 1);
    first.sales = {SaleFact{"sale-1", "dev-a", "shop-1", 2, 18900, false, false}};
    REQUIRE(s->append(first).ok());
    CHECK(s->find_device("dev-a")->acked_seq == 3);
    CHECK(s->find_device("dev-a")->acked_hash == "hash-3");
    CHECK(s->sale_count() == 1);

    const auto changes = all_changes(*s).size();
    SECTION("the same rows again, from where the anchor was: moved, nothing written") {
        auto again = s->append(first);
        REQUIRE_FALSE(again.ok());
        CHECK(again.error() == AppendRefusal::moved);
    }
    SECTION("a sale id another device already delivered: duplicate, nothing of it written") {
        auto other = next_append("dev-b", 0, 2, 1);
        other.sales = {SaleFact{"sale-1", "dev-b", "shop-1", 1, 100, false, false}};
        auto r = s->append(other);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == AppendRefusal::duplicate);
        CHECK(s->rows("dev-b", 1, 10).empty());
        CHECK(s->find_device("dev-b")->acked_seq == 0);
    }
    SECTION("rows already held under a stale anchor: nothing written") {
        // The anchor is where the caller read it, but the rows are held (a store that lost
        // its anchor): the insert finds them and rolls back.
        auto stale = next_append("dev-a", 3, 1, 1);
        stale.rows[0].seq = 3;
        auto r = s->append(stale);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == AppendRefusal::duplicate);
        CHECK(s->find_row("dev-a", 3)->payload == first.rows[2].payload);
    }
    CHECK(s->sale_count() == 1);
    CHECK(all_changes(*s).size() == changes);
    CHECK(s->rows("dev-a", 1, 10).size() == 3);
    CHECK(s->totals().front().rows == 3);
}

TEST_CASE("pushes written together: each gets its own answer, and one refused costs no other "
          "its rows") {
    // Sixteen devices push at once, each 25 times; between its pushes each also sends one that
    // must be refused (a sale another device holds, or rows from an anchor that moved). On
    // SQLite the pushes that arrive while one is written are written in one transaction; on
    // either database every answer is the push's own.
    test::TempDir dir;
    auto s = open_url(synctest::test_store_url(dir), dir, 16);
    constexpr int devices = 16, pushes = 25, rows = 4;
    for (int d = 0; d < devices; ++d)
        enrol(*s, "dev-" + std::to_string(d));
    auto held = next_append("dev-0", 0, 1, 0);
    held.sales = {SaleFact{"held-sale", "dev-0", "shop-1", 1, 100, false, false}};
    REQUIRE(s->append(held).ok());

    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int d = 0; d < devices; ++d)
        threads.emplace_back([&, d] {
            const std::string id = "dev-" + std::to_string(d);
            std::int64_t acked = d == 0 ? 1 : 0;
            for (int p = 0; p < pushes; ++p) {
                auto a = next_append(id, acked, rows, 1, "p" + std::to_string(p));
                for (const auto& r : a.rows)
                    a.sales.push_back(SaleFact{id + "/" + std::to_string(r.seq), id, "shop-1",
                                               r.seq, 1000 * r.seq, false, false});
                // Refused: a held sale id among new rows, or an anchor that moved.
                auto bad = next_append(id, acked, rows, 1, "bad");
                if (p % 2 == 0)
                    bad.sales = {SaleFact{"held-sale", id, "shop-1", acked + 1, 1, false, false}};
                else
                    bad.expected_acked_seq = acked + 1;
                auto refused = s->append(bad);
                if (refused.ok() || refused.error() != (p % 2 == 0 ? AppendRefusal::duplicate
                                                                   : AppendRefusal::moved))
                    ++wrong;
                if (!s->append(a).ok())
                    ++wrong;
                acked += rows;
                // Answered "stored": then committed, and any read sees it.
                if (s->find_device(id)->acked_seq != acked)
                    ++wrong;
            }
        });
    for (auto& t : threads)
        t.join();
    CHECK(wrong == 0);
    CHECK(s->sale_count() == 1 + devices * pushes * rows);
    for (int d = 0; d < devices; ++d) {
        const std::string id = "dev-" + std::to_string(d);
        const std::int64_t expected = pushes * rows + (d == 0 ? 1 : 0);
        CHECK(s->find_device(id)->acked_seq == expected);
        const auto held_rows = s->rows(id, 1, 1000);
        REQUIRE(held_rows.size() == static_cast<std::size_t>(expected));
        for (const auto& r : held_rows)
            CHECK(r.payload.find("\"bad\"") == std::string::npos);
    }
    // One change per row written, none of a refused push's, each cursor once and in order.
    const auto changes = all_changes(*s);
    CHECK(changes.size() == static_cast<std::size_t>(devices * pushes * rows));
    for (std::size_t i = 1; i < changes.size(); ++i)
        CHECK(changes[i].cursor > changes[i - 1].cursor);
}

TEST_CASE("a SQLite backup taken while devices push is one whole moment of the store") {
    // The copy is made from one snapshot beside the writer: it finishes while pushes go on,
    // and holds each device's chain up to its anchor, nothing half-written.
    test::TempDir dir;
    SqliteCentralStore s(dir.file("central.db"));
    constexpr int devices = 4, pushes = 40;
    for (int d = 0; d < devices; ++d)
        enrol(s, "dev-" + std::to_string(d));
    std::atomic<int> failed{0};
    std::atomic<bool> go{true};
    std::vector<std::thread> pushers;
    for (int d = 0; d < devices; ++d)
        pushers.emplace_back([&, d] {
            const std::string id = "dev-" + std::to_string(d);
            for (int p = 0; p < pushes && go; ++p)
                if (!s.append(next_append(id, p * 5, 5, 1)).ok())
                    ++failed;
        });
    auto backed = s.back_up(dir.file("copy.db"));
    go = false;
    for (auto& t : pushers)
        t.join();
    REQUIRE(backed.ok());
    CHECK(failed == 0);
    SqliteCentralStore copy(dir.file("copy.db"));
    for (int d = 0; d < devices; ++d) {
        const std::string id = "dev-" + std::to_string(d);
        const auto acked = copy.find_device(id)->acked_seq;
        CHECK(acked % 5 == 0);
        CHECK(copy.rows(id, 1, 1000).size() == static_cast<std::size_t>(acked));
    }
    // One change per row in these pushes: the copy holds exactly its rows' changes.
    std::int64_t rows = 0;
    for (const auto& t : copy.totals())
        rows += t.rows;
    CHECK(all_changes(copy).size() == static_cast<std::size_t>(rows));
}

TEST_CASE("an enrolment code is used once when many devices try it at the same moment") {
    test::TempDir dir;
    const std::string url = synctest::test_store_url(dir);
    auto s = open_url(url, dir);
    auto second = open_url(url, dir); // a second server
    const auto now = now_utc();
    REQUIRE(s->add_enrol_code({"shared-code",
                               {Role::till, "shop-1", ""},
                               format_utc(now),
                               format_utc(now + std::chrono::minutes(5))})
                .ok());
    std::atomic<int> enrolled{0}, refused{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&, i] {
            DeviceRecord d;
            d.id = "dev-" + std::to_string(i);
            d.name = "Kasse";
            d.token_hash = sha256_hex(d.id);
            d.certificate_pem = "-";
            auto r = (i % 2 ? *second : *s).enrol_device("shared-code", format_utc(now), d);
            (r.ok() ? enrolled : refused)++;
        });
    for (auto& t : threads)
        t.join();
    CHECK(enrolled == 1);
    CHECK(refused == 7);
    CHECK(s->list_devices().size() == 1);
}

TEST_CASE("the pull cursor: a device following it misses and repeats nothing while two stores "
          "commit changes at once") {
    test::TempDir dir;
    const std::string url = synctest::test_store_url(dir);
    auto one = open_url(url, dir);
    auto two = open_url(url, dir); // a second server on the same database
    constexpr int writers = 4, pushes = 40;
    for (int w = 0; w < writers; ++w)
        enrol(*one, "writer-" + std::to_string(w));

    std::atomic<int> done{0};
    std::vector<std::int64_t> seen;
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w)
        threads.emplace_back([&, w] {
            CentralStore& s = w % 2 ? *two : *one;
            const std::string id = "writer-" + std::to_string(w);
            for (int i = 0; i < pushes; ++i) {
                // 1 to 3 changes a push, so transactions of different sizes overlap.
                auto r = s.append(next_append(id, i, 1, 1 + (i + w) % 3));
                if (!r.ok())
                    FAIL("append refused");
            }
            ++done;
        });
    // The device: pulls pages of 5 as fast as it can, from the cursor each page gives.
    std::thread reader([&] {
        std::int64_t cursor = 0;
        for (;;) {
            const bool finished = done == writers; // read before the page: then drain
            std::int64_t next = 0;
            auto page = two->changes_since(cursor, organiser, 5, next);
            for (const auto& c : page)
                seen.push_back(c.cursor);
            REQUIRE(next >= cursor);
            cursor = next;
            if (finished && page.empty())
                return;
        }
    });
    for (auto& t : threads)
        t.join();
    reader.join();

    const auto held = all_changes(*one);
    std::int64_t expected = 0;
    for (int w = 0; w < writers; ++w)
        for (int i = 0; i < pushes; ++i)
            expected += 1 + (i + w) % 3;
    REQUIRE(static_cast<std::int64_t>(held.size()) == expected);
    // Every change exactly once, in cursor order: nothing skipped, nothing repeated.
    REQUIRE(seen.size() == held.size());
    for (std::size_t i = 0; i < seen.size(); ++i)
        REQUIRE(seen[i] == held[i].cursor);
    CHECK(std::adjacent_find(seen.begin(), seen.end(), std::greater_equal<>()) == seen.end());
}

TEST_CASE("two stores on one database, one device pushing through both at once: every row "
          "once") {
    test::TempDir dir;
    const std::string url = synctest::test_store_url(dir);
    auto one = open_url(url, dir);
    auto two = open_url(url, dir);
    enrol(*one, "till-1");
    constexpr int rows = 120;
    std::atomic<int> stored{0}, moved{0}, other{0};
    auto pusher = [&](CentralStore& s, std::string tag) {
        for (;;) {
            const auto d = s.find_device("till-1");
            if (d->acked_seq >= rows)
                return;
            auto a = next_append("till-1", d->acked_seq, d->acked_seq % 2 == 0 ? 2 : 1, 1, tag);
            a.sales = {SaleFact{"sale-" + std::to_string(d->acked_seq + 1), "till-1", "shop-1",
                                d->acked_seq + 1, 100, false, false}};
            auto r = s.append(a);
            if (r.ok())
                ++stored;
            else if (r.error() == AppendRefusal::moved || r.error() == AppendRefusal::duplicate)
                ++moved; // the other one was first: read the anchor again
            else
                ++other;
        }
    };
    std::thread a([&] { pusher(*one, "one"); });
    std::thread b([&] { pusher(*two, "two"); });
    a.join();
    b.join();
    CHECK(other == 0);
    const auto held = one->rows("till-1", 1, 1000);
    REQUIRE(held.size() >= rows);
    for (std::size_t i = 0; i < held.size(); ++i)
        REQUIRE(held[i].seq == static_cast<std::int64_t>(i) + 1);
    CHECK(one->find_device("till-1")->acked_seq == static_cast<std::int64_t>(held.size()));
    CHECK(one->sale_count() == stored);
    CHECK(static_cast<std::size_t>(stored.load()) <= held.size());
}

namespace {

/// A SQLite central store with what a real one holds: a workshop station's makers, consents,
/// products and batches; a till's sales, a refund and a Z report; a refused push's alarm.
struct Populated {
    test::TempDir dir;
    Central c{"sqlite:" + dir.file("source.db")};
    std::unique_ptr<Dev> station = Dev::station();
    std::unique_ptr<Dev> till = Dev::till();

    Populated() {
        REQUIRE(
            station->enrol(c, c.code(Role::workshop, "", station->workshop_id), "Station").status ==
            200);
        const Actor leader{station->id(), station->staff_id};
        auto maker =
            add_maker(*station->db, leader, Maker{"", station->workshop_id, "Solsikke", true},
                      MakerPrivate{"", "Birthe Hansen", "12345678", "", ""});
        REQUIRE(maker.ok());
        REQUIRE(record_consent(*station->db, leader, maker.value().id, ConsentChannel::receipt,
                               ConsentLevel::chosen_name)
                    .ok());
        Product p;
        p.sku = "KER-100";
        p.name = "Skål";
        p.price = Money::from_ore(25000);
        p.workshop_id = station->workshop_id;
        auto product = add_product(*station->db, leader, p);
        REQUIRE(product.ok());
        station->push_all(c);

        REQUIRE(till->enrol(c, c.code(Role::till, till->shop->shop.id), "Kasse 1").status == 200);
        sell(10);
        auto first = till->shop->sell({test::Shop::line(till->shop->cloth, 2)});
        auto refund =
            record_sale(*till->db, till->shop->at_till(), till->shop->refund_of(first, 1, 1));
        REQUIRE(refund.ok());
        till->push_all(c);
        // An alarm: the till pushing as the station.
        std::vector<sync::PendingRow> sent;
        till->shop->sell({test::Shop::line(till->shop->cloth, 1)});
        auto p2 = till->next_push(10, sent);
        REQUIRE(c.call("POST", "/api/v1/push", sync::to_json(p2), station->token).status == 403);
        REQUIRE(c.store->alarms().size() == 1);
    }
    void sell(int n) {
        for (int i = 0; i < n; ++i)
            till->shop->sell({test::Shop::line(till->shop->cloth, 1 + i % 3),
                              test::Shop::line(till->shop->donation, 1)},
                             i % 2 ? Tender::cash : Tender::card);
    }
};

void check_same(CentralStore& a, CentralStore& b) {
    CHECK(a.totals().size() == b.totals().size());
    for (std::size_t i = 0; i < std::min(a.totals().size(), b.totals().size()); ++i) {
        CHECK(a.totals()[i].device_id == b.totals()[i].device_id);
        CHECK(a.totals()[i].rows == b.totals()[i].rows);
        CHECK(a.totals()[i].sales == b.totals()[i].sales);
        CHECK(a.totals()[i].total_ore == b.totals()[i].total_ore);
    }
    CHECK(a.sale_count() == b.sale_count());
    const auto ca = all_changes(a), cb = all_changes(b);
    REQUIRE(ca.size() == cb.size());
    for (std::size_t i = 0; i < ca.size(); ++i) {
        CHECK(ca[i].cursor == cb[i].cursor);
        CHECK(ca[i].body == cb[i].body);
    }
    const auto da = a.list_devices(), db = b.list_devices();
    REQUIRE(da.size() == db.size());
    for (std::size_t i = 0; i < da.size(); ++i) {
        CHECK(da[i].id == db[i].id);
        CHECK(da[i].token_hash == db[i].token_hash);
        CHECK(da[i].certificate_pem == db[i].certificate_pem);
        CHECK(da[i].acked_seq == db[i].acked_seq);
        CHECK(da[i].acked_hash == db[i].acked_hash);
        CHECK(da[i].enrolled_at == db[i].enrolled_at);
        CHECK(da[i].head_signed_at == db[i].head_signed_at);
    }
    CHECK(a.alarms().size() == b.alarms().size());
    CHECK(a.enrol_codes().size() == b.enrol_codes().size());
    CHECK(a.makers().size() == b.makers().size());
    for (const auto& d : a.journal_devices()) {
        const auto ra = a.rows(d, 1, 100000), rb = b.rows(d, 1, 100000);
        REQUIRE(ra.size() == rb.size());
        for (std::size_t i = 0; i < ra.size(); ++i) {
            CHECK(ra[i].hash == rb[i].hash);
            CHECK(ra[i].recorded_at == rb[i].recorded_at);
            CHECK(ra[i].payload == rb[i].payload);
            CHECK(ra[i].extra == rb[i].extra);
            CHECK(ra[i].signature == rb[i].signature);
            CHECK(ra[i].received_at == rb[i].received_at);
        }
    }
}

} // namespace

TEST_CASE("migrate-store: a SQLite central store copied over, every chain verified, devices "
          "carry on") {
    Populated src;
    test::TempDir dir;
    const std::string url = synctest::test_store_url(dir);
    auto target = open_url(url, dir);

    auto moved = copy_central_store(*src.c.store, *target);
    REQUIRE(moved.ok());
    const auto& r = moved.value();
    CHECK(r.differences.empty());
    CHECK(r.copied.devices == 2);
    CHECK(r.copied.rows == r.source.rows);
    CHECK(r.copied.sales == 12);
    CHECK(r.copied.alarms == 1);
    CHECK(r.target == r.source);
    REQUIRE(r.target_chains.size() == 2);
    check_same(*src.c.store, *target);

    SECTION("a second run copies only what arrived meanwhile; a third, nothing") {
        src.sell(5);
        src.till->push_all(src.c);
        auto again = copy_central_store(*src.c.store, *target);
        REQUIRE(again.ok());
        CHECK(again.value().differences.empty());
        CHECK(again.value().copied.sales == 5 + 1); // and the sale the alarm's push carried
        check_same(*src.c.store, *target);
        auto third = copy_central_store(*src.c.store, *target);
        REQUIRE(third.ok());
        CHECK(third.value().copied.rows == 0);
        CHECK(third.value().copied.sales == 0);
        CHECK(third.value().copied.changes == 0);
        CHECK(third.value().copied.alarms == 0);
    }
    SECTION("the devices carry on against the copy: pushes continue the chains, a pull goes on "
            "from the cursor the device holds") {
        Central moved_to(url); // handlers over the target (the same database, a new store)
        const auto cursor = src.till->local->pull_cursor();
        src.sell(3);
        src.till->push_all(moved_to);
        CHECK(moved_to.store->sale_count() == 12 + 1 + 3);
        auto page = moved_to.call("GET", "/api/v1/pull?since=" + std::to_string(cursor), "",
                                  src.till->token);
        CHECK(page.status == 200);
        for (const auto& c : verify_chains(*moved_to.store))
            if (c.alarms.empty())
                CHECK(c.ok);
    }
    SECTION("and back again to a new SQLite file") {
        test::TempDir back_dir;
        SqliteCentralStore back(back_dir.file("back.db"));
        auto back_moved = copy_central_store(*target, back);
        REQUIRE(back_moved.ok());
        CHECK(back_moved.value().differences.empty());
        check_same(*src.c.store, back);
    }
}

TEST_CASE("migrate-store refuses a target that holds records of its own, and copies nothing") {
    Populated src;
    test::TempDir dir;
    auto target = open_url(synctest::test_store_url(dir), dir);
    REQUIRE(copy_central_store(*src.c.store, *target).ok());

    // The target takes a push of its own (a server was started on it too early).
    const auto before_rows = target->totals();
    const auto till = target->find_device(src.till->id()).value();
    auto own = next_append(till.id, till.acked_seq, 1, 1);
    own.rows[0].prev_hash = till.acked_hash;
    REQUIRE(target->append(own).ok());
    src.sell(2);
    src.till->push_all(src.c);
    const auto held_sales = target->sale_count();

    auto refused = copy_central_store(*src.c.store, *target);
    REQUIRE_FALSE(refused.ok());
    CHECK(render(refused.error()).find("Nothing was copied") != std::string::npos);
    CHECK(target->sale_count() == held_sales);

    SECTION("a store that is another central store altogether") {
        Populated other;
        auto r = copy_central_store(*other.c.store, *target);
        REQUIRE_FALSE(r.ok());
        CHECK(target->sale_count() == held_sales);
    }
}
