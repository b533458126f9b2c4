// bench_sale_commit: committing a 5-line sale (sale, lines, batch allocations, payment, stock
// moves, journal row, outbox row) against a bare SQLite transaction that inserts the same
// number of rows, in the same folder with the same pragmas (WAL, synchronous=FULL).
// The two are interleaved so both see the same disk; the goal is on the ratio of medians.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/seed.hpp"
#include "shared/core/cash_rounding.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/people.hpp"
#include "shared/store/production.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/setup.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_sale_commit: %s\n", what.c_str());
    std::exit(1);
}

} // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::current_path() / "bench-data";
    const int runs = argc > 2 ? std::atoi(argv[2]) : 300;
    fs::create_directories(dir);
    for (const char* f :
         {"sale.db", "sale.db-wal", "sale.db-shm", "bare.db", "bare.db-wal", "bare.db-shm"})
        fs::remove(dir / f);

    bl::Database db((dir / "sale.db").string());
    auto till = bl::initialise_local_device(
        db, bl::Device{"", "Kasse 1", bl::DeviceRole::till, 1, {}, {}},
        bl::Shop{"", "Vielgut Studio", "Jernbanegade 12", "6000", "Kolding", "12345674"});
    if (!till)
        die(bl::render(till.error()));
    auto station = bl::add_device(db, {till.value().id, {}},
                                  bl::Device{"", "Station", bl::DeviceRole::workshop, 101, {}, {}},
                                  std::nullopt, bl::Workshop{"", "Keramikværkstedet", "", ""});
    // A fixed, valid Argon2id string: hashing is not what is measured here.
    const std::string hash =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
    auto clerk = bl::add_staff(db, {till.value().id, {}},
                               bl::StaffUser{"", "Mette", bl::StaffRole::staff, hash, true});
    if (!station || !clerk)
        die("set-up failed");
    const bl::Actor at_station{station.value().id, clerk.value().id};
    const bl::Actor at_till{till.value().id, clerk.value().id};
    auto maker =
        bl::add_maker(db, at_station, bl::Maker{"", *station.value().workshop_id, "Anna", true});
    std::vector<bl::Product> products;
    for (int i = 0; i < 5; ++i) {
        bl::Product p;
        p.sku = "B-" + std::to_string(i);
        p.name = "Vare " + std::to_string(i);
        p.price = bl::Money::from_ore(4975 + 1000 * i);
        p.workshop_id = *station.value().workshop_id;
        auto added = bl::add_product(db, at_station, p);
        if (!added)
            die(bl::render(added.error()));
        products.push_back(added.value());
        bl::Batch b;
        b.product_id = added.value().id;
        b.workshop_id = *station.value().workshop_id;
        b.produced_on = "2026-11-01";
        b.units = 100000;
        b.contributions = {{"", "", maker.value().id, 600, "drejning", ""}};
        if (!bl::add_batch(db, at_station, b))
            die("batch failed");
    }
    if (!bl::open_shift(db, at_till, bl::Money::from_kroner(1000)))
        die("shift failed");

    auto make_sale = [&] {
        bl::Sale s;
        for (const auto& p : products) {
            bl::SaleLine l;
            l.product_id = p.id;
            l.description = p.name;
            l.quantity = 1;
            l.unit_price = p.price;
            l.vat_rate = p.vat_rate;
            s.lines.push_back(l);
        }
        bl::Payment pay;
        pay.tender = bl::Tender::cash;
        pay.amount = bl::round_cash(s.total());
        pay.rounding = pay.amount - s.total();
        pay.tendered = bl::Money::from_kroner(500);
        pay.change = pay.tendered - pay.amount;
        s.payments = {pay};
        return s;
    };
    // Rows one 5-line sale inserts: 1 sale + 5 lines + 5 batch allocations (which are also
    // its stock movements) + 1 payment + 1 journal + 1 outbox.
    const int rows_per_sale = 14;

    SQLite::Database bare((dir / "bare.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    bare.exec("PRAGMA journal_mode = WAL");
    bare.exec("PRAGMA synchronous = FULL");
    bare.exec("PRAGMA foreign_keys = ON");
    bare.exec("CREATE TABLE r(id INTEGER PRIMARY KEY, k TEXT NOT NULL, a INTEGER NOT NULL, "
              "b TEXT NOT NULL)");
    SQLite::Statement ins(bare, "INSERT INTO r(k, a, b) VALUES (?, ?, ?)");
    const std::string filler(120, 'x');

    // Sale and bare transaction, interleaved run by run; returns the ratio of medians.
    auto measure = [&](const char* what) {
        std::vector<double> sale_ms, bare_ms;
        for (int i = 0; i < runs + 20; ++i) {
            const bl::Sale s = make_sale();
            const auto t0 = Clock::now();
            auto r = bl::record_sale(db, at_till, s);
            const auto t1 = Clock::now();
            if (!r)
                die(bl::render(r.error()));
            const auto t2 = Clock::now();
            {
                SQLite::Transaction tx(bare, SQLite::TransactionBehavior::IMMEDIATE);
                for (int k = 0; k < rows_per_sale; ++k) {
                    ins.reset();
                    ins.bind(1, "row");
                    ins.bind(2, i * rows_per_sale + k);
                    ins.bind(3, filler);
                    ins.exec();
                }
                tx.commit();
            }
            const auto t3 = Clock::now();
            if (i >= 20) { // the first runs warm caches and grow files
                sale_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                bare_ms.push_back(std::chrono::duration<double, std::milli>(t3 - t2).count());
            }
        }
        std::printf("%s: 5-line sale commit median %.3f ms (p90 %.3f), bare %d-row "
                    "transaction median %.3f ms (p90 %.3f), %d runs\n",
                    what, median(sale_ms), percentile(sale_ms, 0.9), rows_per_sale, median(bare_ms),
                    percentile(bare_ms, 0.9), runs);
        return median(sale_ms) / median(bare_ms);
    };
    // A first round only warms up: until both files' write-ahead logs have grown to their
    // working size, the bare transaction pays for growing its file and looks slower than it is.
    measure("warm-up (not counted)");
    const double fresh = measure("new shop");
    // The same in a shop with 100,000 products and 1,000,000 past sale lines.
    bench::seed_big_shop(db, 100000, 1000000);
    const double big = measure("big shop");
    std::printf("bench: sale_commit_ratio = %.2f x (goal <= 1.5) %s\n", fresh,
                fresh <= 1.5 ? "PASS" : "FAIL");
    std::printf("bench: sale_commit_ratio_big_shop = %.2f x (goal <= 1.5) %s\n", big,
                big <= 1.5 ? "PASS" : "FAIL");
    return 0;
}
