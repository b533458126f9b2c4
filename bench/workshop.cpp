// bench_workshop: the workshop program's two heavy steps.
//   batch:  logging a batch with 6 makers through the store (add_batch: checks, each maker's
//           hours that day, the next label code, batch, 6 contributions, the stock move, the
//           journal row and the outbox row) against the very same rows written by plain SQL
//           into a copy of the same database, interleaved run by run; on a new station and
//           again after 20,000 batches. Goal: median ratio <= 1.25.
//   labels: an A4 sheet of 40 labels (4 x 10) laid out and made into PDF bytes, median ms.
// This program opens SQLite itself for the plain-SQL copy: that copy runs no store code.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "bench/seed.hpp"
#include "receipts/layout/labels.hpp"
#include "receipts/pdf/pdf_document.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/journal.hpp"
#include "shared/store/people.hpp"
#include "shared/store/production.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/store/setup.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double ms_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_workshop: %s\n", what.c_str());
    std::exit(1);
}

void remove_database(const fs::path& file) {
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(file.string() + suffix);
}

struct Station {
    bl::Actor actor;
    std::string workshop_id, product_id;
    std::vector<std::string> makers;
};

Station set_up_station(bl::Database& db) {
    auto st = bl::initialise_local_device(
        db, bl::Device{"", "Station", bl::DeviceRole::workshop, 101, {}, {}}, std::nullopt,
        bl::Workshop{"", "Keramikværkstedet", "keramik", ""});
    if (!st)
        die(bl::render(st.error()));
    const std::string hash =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
    auto leader =
        bl::add_staff(db, {st.value().id, {}},
                      bl::StaffUser{"", "Jonas", bl::StaffRole::workshop_leader, hash, true});
    if (!leader)
        die("staff");
    Station s;
    s.actor = {st.value().id, leader.value().id};
    s.workshop_id = *st.value().workshop_id;
    bl::Product p;
    p.sku = "KER-001";
    p.name = "Krus med hank";
    p.category = "Keramik";
    p.price = bl::Money::from_ore(18900);
    p.workshop_id = s.workshop_id;
    auto added = bl::add_product(db, s.actor, p);
    if (!added)
        die(bl::render(added.error()));
    s.product_id = added.value().id;
    for (int i = 0; i < 6; ++i) {
        auto m = bl::add_maker(db, s.actor,
                               bl::Maker{"", s.workshop_id, "Maker " + std::to_string(i), true});
        if (!m)
            die("maker");
        s.makers.push_back(m.value().id);
    }
    return s;
}

// A batch of 12 mugs, 6 makers with 20–70 minutes each, on one of 5,000 days (so a maker's
// hours on a day stay far below the limit whatever the run).
bl::Batch make_batch(const Station& s, int run) {
    bl::Batch b;
    b.product_id = s.product_id;
    b.workshop_id = s.workshop_id;
    const auto day =
        std::chrono::sys_days{std::chrono::year{2012} / 1 / 1} + std::chrono::days{run % 5000};
    b.produced_on = bl::format_date(day);
    b.units = 12;
    for (std::size_t k = 0; k < s.makers.size(); ++k)
        b.contributions.push_back({"", "", s.makers[k], 20 + static_cast<std::int64_t>(k) * 10,
                                   k % 2 ? "glasering" : "drejning", ""});
    return b;
}

/// Writes a logged batch's rows again by plain SQL into a copy of the station's database.
class PlainSql {
public:
    explicit PlainSql(const std::string& path)
        : m_db(bench::open_raw(path)),
          m_batch(m_db, "INSERT INTO batch(id, product_id, workshop_id, produced_on, units, "
                        "material_cost_ore, notes, label_code, created_at) "
                        "VALUES (?,?,?,?,?,?,?,?,?)"),
          m_work(m_db, "INSERT INTO contribution(id, batch_id, maker_id, minutes, task_tag, "
                       "worked_on) VALUES (?,?,?,?,?,?)"),
          m_move(m_db, "INSERT INTO stock_move(product_id, batch_id, location, units, reason, "
                       "reference, moved_at) VALUES (?,?,?,?,'produced',?,?)"),
          m_journal(m_db, "INSERT INTO journal(device_id, seq, recorded_at, kind, payload, "
                          "prev_hash, hash) VALUES (?,?,?,?,?,?,?)"),
          m_outbox(m_db, "INSERT INTO outbox(device_id, journal_seq, kind, payload, created_at) "
                         "VALUES (?,?,?,NULL,?)") {}

    void insert(const bl::Batch& b, const bl::JournalEntry& j) {
        SQLite::Transaction tx(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string at = bl::format_utc(j.recorded_at);
        m_batch.reset();
        m_batch.bind(1, b.id);
        m_batch.bind(2, b.product_id);
        m_batch.bind(3, b.workshop_id);
        m_batch.bind(4, b.produced_on);
        m_batch.bind(5, b.units);
        m_batch.bind(6, b.material_cost.ore());
        m_batch.bind(7, b.notes);
        m_batch.bind(8, b.label_code);
        m_batch.bind(9, at);
        m_batch.exec();
        for (const auto& c : b.contributions) {
            m_work.reset();
            m_work.bind(1, c.id);
            m_work.bind(2, b.id);
            m_work.bind(3, c.maker_id);
            m_work.bind(4, c.minutes);
            m_work.bind(5, c.task_tag);
            m_work.bind(6, c.worked_on);
            m_work.exec();
        }
        m_move.reset();
        m_move.bind(1, b.product_id);
        m_move.bind(2, b.id);
        m_move.bind(3, "workshop:" + b.workshop_id);
        m_move.bind(4, b.units);
        m_move.bind(5, b.label_code);
        m_move.bind(6, at);
        m_move.exec();
        m_journal.reset();
        m_journal.bind(1, j.device_id);
        m_journal.bind(2, j.seq);
        m_journal.bind(3, at);
        m_journal.bind(4, j.kind);
        m_journal.bind(5, j.payload);
        m_journal.bind(6, j.prev_hash);
        m_journal.bind(7, j.hash);
        m_journal.exec();
        m_outbox.reset();
        m_outbox.bind(1, j.device_id);
        m_outbox.bind(2, j.seq);
        m_outbox.bind(3, j.kind);
        m_outbox.bind(4, at);
        m_outbox.exec();
        tx.commit();
    }

    SQLite::Database& db() { return m_db; }

private:
    SQLite::Database m_db;
    SQLite::Statement m_batch, m_work, m_move, m_journal, m_outbox;
};

double measure(const char* what, bl::Database& db, PlainSql& plain, const Station& s, int& run,
               int n) {
    std::vector<double> store_ms, plain_ms;
    for (int i = 0; i < n; ++i, ++run) {
        const bl::Batch b = make_batch(s, run);
        const auto t0 = Clock::now();
        auto r = bl::add_batch(db, s.actor, b);
        const auto t1 = Clock::now();
        if (!r)
            die(bl::render(r.error()));
        const auto head = bl::journal_head(db, s.actor.device_id);
        const auto rows = bl::journal_rows(db, s.actor.device_id, head->seq, 1);
        const auto t2 = Clock::now();
        plain.insert(r.value(), rows.at(0));
        const auto t3 = Clock::now();
        store_ms.push_back(ms_between(t0, t1));
        plain_ms.push_back(ms_between(t2, t3));
    }
    std::printf("%s, %d runs, median:\n"
                "  a batch with 6 makers through the store  %.3f ms\n"
                "  the same rows by plain SQL               %.3f ms\n",
                what, n, median(store_ms), median(plain_ms));
    return median(store_ms) / median(plain_ms);
}

// Past batches written directly (the same on both copies), so the station has a history.
void seed_history(SQLite::Database& db, const Station& s, int batches) {
    SQLite::Transaction tx(db);
    SQLite::Statement b(db, "INSERT INTO batch(id, product_id, workshop_id, produced_on, units, "
                            "label_code, created_at) VALUES (?, ?, ?, '2011-06-01', 10, ?, '')");
    SQLite::Statement c(db, "INSERT INTO contribution(id, batch_id, maker_id, minutes, task_tag, "
                            "worked_on) VALUES (?, ?, ?, 60, '', '2011-06-01')");
    for (int i = 0; i < batches; ++i) {
        const std::string id = "seed-b" + std::to_string(i);
        b.reset();
        b.bind(1, id);
        b.bind(2, s.product_id);
        b.bind(3, s.workshop_id);
        // Another station's labels, so this station's numbering is not disturbed.
        b.bind(4, bl::make_batch_label(900, i + 1));
        b.exec();
        for (int k = 0; k < 6; ++k) {
            c.reset();
            c.bind(1, id + "-" + std::to_string(k));
            c.bind(2, id);
            c.bind(3, s.makers[static_cast<std::size_t>(k)]);
            c.exec();
        }
    }
    tx.commit();
}

double label_sheet_ms(int n) {
    std::vector<bl::doc::Label> labels(40, bl::doc::Label{"Krus med hank, blå glasur",
                                                          "Keramikværkstedet", "189,00 kr.",
                                                          bl::make_batch_label(101, 1234)});
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
        const auto t0 = Clock::now();
        auto d = bl::doc::label_sheet(labels, bl::doc::LabelFormat::a4_4x10, 1,
                                      bl::receipts::pdf_measure(), bl::now_utc());
        auto bytes = bl::receipts::pdf_bytes(d);
        const auto t1 = Clock::now();
        if (!bytes)
            die(bl::render(bytes.error()));
        ms.push_back(ms_between(t0, t1));
    }
    return median(ms);
}

} // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::current_path() / "bench-data";
    const int runs = argc > 2 ? std::atoi(argv[2]) : 300;
    fs::create_directories(dir);
    for (const char* f : {"station.db", "station-plain.db"})
        remove_database(dir / f);
    bl::Database db((dir / "station.db").string());
    const Station s = set_up_station(db);
    if (!bl::back_up(db, (dir / "station-plain.db").string()))
        die("could not copy the station");
    PlainSql plain((dir / "station-plain.db").string());
    int run = 0;
    // As in bench_sale_commit: the first round fills the write-ahead log once and is not
    // counted.
    measure("warm-up (not counted)", db, plain, s, run, std::max(runs, 1000));
    const double fresh = measure("new station", db, plain, s, run, runs);
    {
        SQLite::Database raw = bench::open_raw(db.path());
        seed_history(raw, s, 20000);
    }
    seed_history(plain.db(), s, 20000);
    const double big = measure("after 20,000 batches", db, plain, s, run, runs);
    // What the store's code costs without the disk's flush (both sides, information): on a
    // fast disk the flush is short and this part weighs more.
    bl::raw_sql::execute(db, "PRAGMA synchronous = OFF");
    plain.db().exec("PRAGMA synchronous = OFF");
    const double cpu =
        measure("without waiting for the disk (information)", db, plain, s, run, runs);
    const double sheet = label_sheet_ms(std::max(runs / 10, 20));
    std::printf("An A4 sheet of 40 labels, laid out and made into PDF: %.1f ms (median)\n", sheet);
    std::printf("bench: batch_commit_store_overhead = %.2f x (goal <= 1.25) %s\n", fresh,
                fresh <= 1.25 ? "PASS" : "FAIL");
    std::printf("bench: batch_commit_store_overhead_20000_batches = %.2f x (goal <= 1.25) %s\n",
                big, big <= 1.25 ? "PASS" : "FAIL");
    std::printf("bench: batch_commit_store_overhead_no_flush = %.2f x (information)\n", cpu);
    std::printf("bench: label_sheet_40_ms = %.1f ms (goal <= 100 ms) %s\n", sheet,
                sheet <= 100 ? "PASS" : "FAIL");
    return 0;
}
