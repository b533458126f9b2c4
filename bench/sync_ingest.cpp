// bench_sync_ingest: the central store taking sales from 50 devices at once over TLS on
// loopback, against a bare SQLite batch insert of the same rows on the same disk; the latency
// of pushing one sale; and, when BL_BENCH_POSTGRES names a PostgreSQL database (scripts/bench
// starts a throw-away cluster with PostgreSQL's durable defaults), the same ingest into the
// PostgreSQL central store against the SQLite one, 5 rounds each taken in turn (medians).
// The server runs on 4 threads for both.
//   bench_sync_ingest [DIR] [SALES_PER_DEVICE]
// Prints:
//   bench: sync_ingest_ratio = R x (goal >= 0.5) PASS|FAIL
//   bench: sync_push_latency_p99 = T ms (goal <= 20) PASS|FAIL   (p50 on the line before)
//   bench: sync_ingest_postgresql_vs_sqlite = R x (goal >= 1.0) PASS|FAIL

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <latch>
#include <thread>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <unistd.h>

#include "central/server/server.hpp"
#include "central/store/open_store.hpp"
#include "central/store/sqlite_central_store.hpp"
#include "shared/core/canonical_json.hpp"
#include "shared/core/sha256.hpp"
#include "shared/core/uuid.hpp"
#include "shared/rules/journal_hash.hpp"
#include "shared/rules/payloads.hpp"
#include "shared/sync/client.hpp"
#include "shared/sync/pki.hpp"
#include "shared/sync/protocol.hpp"

using namespace bl;
using clk = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

struct BenchDevice {
    std::string id, token, key;
    std::unique_ptr<sync::RecordSigner> signer;
    std::vector<sync::PushRow> rows;
};

/// A valid card sale of 1 to 3 lines, journaled as a till journals it.
std::string sale_json(UuidGenerator& ids, const std::string& shop, int n) {
    Sale s;
    s.id = ids.next();
    s.shop_id = shop;
    s.shift_id = "shift";
    s.staff_id = "staff";
    s.receipt_number = n;
    for (int i = 0; i < 1 + n % 3; ++i) {
        SaleLine l;
        l.line_no = i + 1;
        l.product_id = "product-" + std::to_string(i);
        l.description = "Krus med hank";
        l.quantity = 1 + i;
        l.unit_price = Money::from_ore(18900 + 100 * i);
        l.vat_rate = VatRate::standard();
        l.allocations.push_back({"batch-" + std::to_string(i), l.quantity, true});
        s.lines.push_back(l);
    }
    Payment p;
    p.tender = Tender::card;
    p.amount = s.total();
    s.payments = {p};
    JsonObject o = sale_payload(s);
    o.emplace("staff_id", s.staff_id);
    return JsonValue(o).dump();
}

std::vector<sync::PushRow> chain(const std::string& device, UuidGenerator& ids, int sales) {
    std::vector<sync::PushRow> rows;
    std::string prev = genesis_hash;
    for (int i = 1; i <= sales; ++i) {
        sync::PushRow r;
        r.seq = i;
        r.recorded_at = format_utc(now_utc());
        r.kind = "sale";
        r.payload = sale_json(ids, "shop", i);
        r.prev_hash = prev;
        r.hash = journal_hash(prev, device, i, r.recorded_at, r.kind, r.payload);
        prev = r.hash;
        rows.push_back(std::move(r));
    }
    return rows;
}

BenchDevice enrolled(central::CentralStore& store, const sync::Credentials& ca, UuidGenerator& ids,
                     int sales) {
    BenchDevice d;
    d.id = ids.next();
    d.token = sync::random_hex(32);
    d.key = sync::make_private_key();
    d.signer = sync::key_signer(d.key);
    const std::string code = central::new_enrol_code();
    const auto now = now_utc();
    (void)store.add_enrol_code({sha256_hex(central::normal_enrol_code(code)),
                                {central::Role::till, "shop", ""},
                                format_utc(now),
                                format_utc(now + std::chrono::minutes(5))});
    central::DeviceRecord r;
    r.id = d.id;
    r.name = "bench";
    r.token_hash = sha256_hex(d.token);
    r.certificate_pem =
        sync::sign_certificate_request(ca, sync::make_certificate_request(d.key, d.id), d.id)
            .value();
    (void)store.enrol_device(sha256_hex(central::normal_enrol_code(code)), format_utc(now), r);
    d.rows = chain(d.id, ids, sales);
    return d;
}

std::string push_body(const BenchDevice& d, std::size_t from, std::size_t count) {
    sync::PushRequest p;
    p.device_id = d.id;
    for (std::size_t i = from; i < from + count && i < d.rows.size(); ++i)
        p.rows.push_back(d.rows[i]);
    p.head = {p.rows.back().seq, p.rows.back().hash, format_utc(now_utc())};
    p.head_signature = d.signer->sign(sync::head_signing_text(d.id, p.head));
    return sync::to_json(p);
}

double bare_insert(const fs::path& file, const std::vector<BenchDevice>& devices) {
    fs::remove(file);
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("CREATE TABLE journal (device_id TEXT NOT NULL, seq INTEGER NOT NULL, recorded_at "
            "TEXT, kind TEXT, payload TEXT, prev_hash TEXT, hash TEXT, PRIMARY KEY (device_id, "
            "seq)) STRICT");
    db.exec("CREATE TABLE sale (sale_id TEXT PRIMARY KEY, device_id TEXT, seq INTEGER, total_ore "
            "INTEGER) STRICT, WITHOUT ROWID");
    const auto t0 = clk::now();
    SQLite::Transaction tx(db);
    SQLite::Statement j(db, "INSERT INTO journal VALUES (?,?,?,?,?,?,?)");
    SQLite::Statement s(db, "INSERT INTO sale VALUES (?,?,?,?)");
    std::size_t n = 0;
    for (const auto& d : devices)
        for (const auto& r : d.rows) {
            j.bind(1, d.id);
            j.bind(2, r.seq);
            j.bind(3, r.recorded_at);
            j.bind(4, r.kind);
            j.bind(5, r.payload);
            j.bind(6, r.prev_hash);
            j.bind(7, r.hash);
            j.exec();
            j.reset();
            s.bind(1, d.id + std::to_string(r.seq));
            s.bind(2, d.id);
            s.bind(3, r.seq);
            s.bind(4, static_cast<std::int64_t>(r.seq));
            s.exec();
            s.reset();
            ++n;
        }
    tx.commit();
    return static_cast<double>(n) / std::chrono::duration<double>(clk::now() - t0).count();
}

constexpr int devices_n = 50;
constexpr int server_threads = 4;
constexpr std::size_t batch = 200; // the client's push_batch

struct Round {
    double sales_per_s = 0;
    std::int64_t held = 0;
    int failures = 0;
    std::vector<double> latency_ms; ///< one sale a push, when asked for
};

/// One ingest into `store`: a server on 4 threads, 50 devices enrolled, their pushes made and
/// signed before the clock starts, sent at once, each device on one TLS connection kept between
/// its pushes (as the sync client keeps it); then, when `latency_pushes` > 0, one device pushing
/// one sale at a time, each on a new TLS connection (the dearest case).
Round ingest(central::CentralStore& store, const sync::Credentials& ca, int per_device,
             int latency_pushes, std::vector<BenchDevice>* keep = nullptr) {
    central::HandlerContext ctx;
    ctx.ca = ca;
    central::ServerConfig sc;
    sc.port = 0;
    sc.stop_on_signals = false;
    sc.threads = server_threads;
    const auto tls = sync::make_server_certificate(ca, {"localhost", "127.0.0.1"});
    sc.certificate_pem = tls.certificate_pem;
    sc.key_pem = tls.key_pem;
    central::Server server(sc, store, ctx);
    std::thread serving([&] { server.run(); });

    UuidGenerator ids;
    std::vector<BenchDevice> devices;
    for (int i = 0; i < devices_n; ++i)
        devices.push_back(enrolled(store, ca, ids, per_device));
    BenchDevice solo = enrolled(store, ca, ids, latency_pushes);

    auto enrolment = [&](const BenchDevice& d) {
        sync::Enrolment e;
        e.host = "127.0.0.1";
        e.port = std::to_string(server.port());
        e.ca_pem = ca.certificate_pem;
        e.token = d.token;
        return e;
    };
    std::vector<std::vector<std::string>> bodies(devices.size());
    for (std::size_t i = 0; i < devices.size(); ++i)
        for (std::size_t from = 0; from < devices[i].rows.size(); from += batch)
            bodies[i].push_back(push_body(devices[i], from, batch));

    Round out;
    std::atomic<int> failures{0};
    // The devices' threads and their sessions (a sync client's TLS settings, no connection
    // yet) are made before the clock starts, as a device has them before it syncs; the
    // connections, handshakes and pushes are timed, up to the last answer.
    std::vector<std::unique_ptr<sync::CentralSession>> sessions;
    for (const auto& d : devices)
        sessions.push_back(
            std::make_unique<sync::CentralSession>(enrolment(d), std::chrono::seconds(60)));
    std::latch start(1), finished(static_cast<std::ptrdiff_t>(devices.size()));
    std::vector<std::thread> pushers;
    for (std::size_t i = 0; i < devices.size(); ++i)
        pushers.emplace_back([&, i] {
            start.wait();
            // One connection per device, kept between its pushes as the sync client keeps it.
            for (const auto& b : bodies[i]) {
                auto r = sessions[i]->call("POST", "/api/v1/push", b);
                if (!r || r.value().status != 200)
                    ++failures;
            }
            finished.count_down();
        });
    const auto t0 = clk::now();
    start.count_down();
    finished.wait();
    const double seconds = std::chrono::duration<double>(clk::now() - t0).count();
    for (auto& t : pushers)
        t.join();
    sessions.clear();
    out.sales_per_s = static_cast<double>(devices_n) * per_device / seconds;

    const auto e = enrolment(solo);
    for (std::size_t i = 0; i < solo.rows.size(); ++i) {
        const std::string b = push_body(solo, i, 1);
        const auto a = clk::now();
        auto r = sync::call_central(e, "POST", "/api/v1/push", b, std::chrono::seconds(10));
        out.latency_ms.push_back(std::chrono::duration<double, std::milli>(clk::now() - a).count());
        if (!r || r.value().status != 200)
            ++failures;
    }
    out.held = store.sale_count();
    server.stop();
    serving.join();
    out.failures = failures;
    std::sort(out.latency_ms.begin(), out.latency_ms.end());
    if (keep)
        *keep = std::move(devices);
    return out;
}

double percentile(const std::vector<double>& sorted, int p) {
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, sorted.size() * static_cast<std::size_t>(p) / 100)];
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? argv[1] : "bench-data";
    const int per_device = argc > 2 ? std::atoi(argv[2]) : 400;
    fs::create_directories(dir);
    const auto ca = sync::make_ca("bench CA");
    auto fresh_sqlite = [&](int round) {
        const fs::path file = dir / ("sync-central-" + std::to_string(round) + ".db");
        for (const char* ext : {"", "-wal", "-shm"})
            fs::remove(file.string() + ext);
        return std::make_unique<central::SqliteCentralStore>(file.string());
    };

    // SQLite: ingest against the bare insert, and the latency of one sale.
    std::vector<BenchDevice> devices;
    std::int64_t expected_held = static_cast<std::int64_t>(devices_n) * per_device + 300;
    Round first;
    {
        auto store = fresh_sqlite(0);
        first = ingest(*store, ca, per_device, 300, &devices);
    }
    const double bare = bare_insert(dir / "sync-bare.db", devices);
    const double ratio = first.sales_per_s / bare;
    const double p50 = percentile(first.latency_ms, 50);
    const double p99 = percentile(first.latency_ms, 99);
    std::printf("ingest (SQLite central, %d server threads): %d devices x %d sales, %.0f sales/s "
                "(held %lld, %d failed); bare SQLite batch insert of the same rows: %.0f "
                "rows/s\n",
                server_threads, devices_n, per_device, first.sales_per_s,
                static_cast<long long>(first.held), first.failures, bare);
    std::printf("push latency for one sale: p50 %.2f ms, p99 %.2f ms (%zu pushes)\n", p50, p99,
                first.latency_ms.size());

    // PostgreSQL against SQLite, in turns, each round into a new store.
    const char* pg = std::getenv("BL_BENCH_POSTGRES");
    std::vector<double> sqlite_rounds, pg_rounds, pg_latency;
    int pg_failures = 0;
    bool pg_held = true;
    if (pg && *pg) {
        for (int round = 1; round <= 5; ++round) {
            int sqlite_failed = 0;
            {
                auto store = fresh_sqlite(round);
                const Round r = ingest(*store, ca, per_device, 0);
                sqlite_rounds.push_back(r.sales_per_s);
                sqlite_failed = r.failures;
            }
            const std::string url =
                std::string(pg) + (std::string(pg).find('?') == std::string::npos ? "?" : "&") +
                "schema=bench_" + std::to_string(::getpid()) + "_" + std::to_string(round);
            auto store = central::open_central_store(central::parse_store_url(url, dir).value(),
                                                     central::StoreOptions{server_threads});
            const Round r = ingest(*store, ca, per_device, round == 1 ? 300 : 0);
            pg_rounds.push_back(r.sales_per_s);
            pg_failures += r.failures;
            pg_held = pg_held && r.held == static_cast<std::int64_t>(devices_n) * per_device +
                                               (round == 1 ? 300 : 0);
            if (round == 1)
                pg_latency = r.latency_ms;
            std::printf(
                "round %d: SQLite central %.0f sales/s (%d failed), PostgreSQL central %.0f "
                "sales/s (held %lld, %d failed)\n",
                round, sqlite_rounds.back(), sqlite_failed, pg_rounds.back(),
                static_cast<long long>(r.held), r.failures);
            pg_failures += sqlite_failed;
        }
    }

    std::printf("bench: sync_ingest_ratio = %.3f x (goal >= 0.5) %s\n", ratio,
                ratio >= 0.5 && first.failures == 0 && first.held == expected_held ? "PASS"
                                                                                   : "FAIL");
    std::printf("bench: sync_push_latency_p50 = %.2f ms (information)\n", p50);
    std::printf("bench: sync_push_latency_p99 = %.2f ms (goal <= 20) %s\n", p99,
                p99 <= 20.0 && first.failures == 0 ? "PASS" : "FAIL");
    if (pg_rounds.empty()) {
        std::printf("bench: sync_ingest_postgresql_vs_sqlite = not measured (no PostgreSQL: set "
                    "BL_BENCH_POSTGRES, or install PostgreSQL and run scripts/bench)\n");
    } else {
        const double vs = median(pg_rounds) / median(sqlite_rounds);
        std::printf("bench: sync_push_latency_p99_postgresql = %.2f ms (information)\n",
                    percentile(pg_latency, 99));
        std::printf("bench: sync_ingest_postgresql_vs_sqlite = %.3f x (goal >= 1.0) %s\n", vs,
                    vs >= 1.0 && pg_failures == 0 && pg_held ? "PASS" : "FAIL");
    }
    return 0;
}
