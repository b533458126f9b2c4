// bench_impact_documents: the impact documents on a big organisation's data, seeded directly
// with SQLite: 5 workshops, 200 makers, 500 products, 50,000 batches with two makers' work
// each, and 260,000 sales of 4 lines (10,000 in December 2025, then 1,000,000 sale lines in
// 2026), each unit linked to a batch by a scan, first-in-first-out, or not at all.
//   period:   the period report's computation over 2026 (every figure of shared/impact from
//             StoreImpactSource), median of 3. Goals: <= 2 s, and <= 3 x a plain SQL aggregate
//             over the same rows in the same run (sales totals, units and revenue per batch,
//             minutes per maker: the least the headline numbers need), by SQLite alone.
//   receipt:  one impact receipt, from reading the sale to the PDF's bytes, median of 200.
//             Goal <= 10 ms.
//   receipts: `bundlinje-report impact-receipts` over the 10,000 sales of December 2025 on
//             every core, PDFs written per second. Goal >= 200/s.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "bench/seed.hpp"
#include "receipts/app/report_data.hpp"
#include "receipts/pdf/pdf_document.hpp"
#include "shared/impact/coefficients.hpp"
#include "shared/impact/period.hpp"
#include "shared/store/impact_source.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_impact_documents: %s\n", what.c_str());
    std::exit(1);
}

// "2026-01-01T00:00:00.000Z" plus `seconds`.
std::string utc_plus(const std::string& start, std::int64_t seconds) {
    const auto t0 = bl::parse_utc(start);
    return bl::format_utc(*t0 + std::chrono::seconds(seconds));
}

std::string day_plus(const std::string& start, int days) {
    return bl::format_date(*bl::parse_date(start) + std::chrono::days(days));
}

constexpr int workshops = 5, makers = 200, products = 500, batches_per_product = 100;
constexpr int december_sales = 10000, sales_2026 = 250000, lines_per_sale = 4;

void seed(const std::string& path) {
    SQLite::Database db = bench::open_raw(path);
    std::mt19937_64 rng(2026);
    db.exec("PRAGMA foreign_keys = OFF"); // seed rows point at a made-up staff member
    SQLite::Transaction tx(db);
    static const char* crafts[] = {"Keramik", "Tekstil", "Træ", "Glas", "Papir"};
    for (int w = 0; w < workshops; ++w)
        db.exec("INSERT INTO workshop(id, name, craft, created_at) VALUES ('w" + std::to_string(w) +
                "', '" + crafts[w] + "værkstedet', '', '')");
    SQLite::Statement maker(db, "INSERT INTO maker(id, workshop_id, display_name, created_at) "
                                "VALUES (?, ?, ?, '')");
    SQLite::Statement consent(db, "INSERT INTO maker_consent(maker_id, channel, version, level, "
                                  "recorded_at, recorded_by) VALUES (?, 'receipt', 1, 1, '', "
                                  "'u')");
    for (int m = 0; m < makers; ++m) {
        const std::string id = "m" + std::to_string(m);
        maker.reset();
        maker.bind(1, id);
        maker.bind(2, "w" + std::to_string(m % workshops));
        maker.bind(3, "Producent " + std::to_string(m));
        maker.exec();
        if (m % 3 == 0) {
            consent.reset();
            consent.bind(1, id);
            consent.exec();
        }
    }
    SQLite::Statement product(db, "INSERT INTO product(id, sku, name, name_fold, category, "
                                  "price_ore, vat_rate_bp, workshop_id, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, 'Bench', ?, 2500, ?, '', '')");
    SQLite::Statement batch(db, "INSERT INTO batch(id, product_id, workshop_id, produced_on, "
                                "units, material_cost_ore, label_code, created_at) VALUES (?, ?, "
                                "?, ?, ?, ?, ?, '')");
    SQLite::Statement work(db, "INSERT INTO contribution(id, batch_id, maker_id, minutes, "
                               "task_tag, worked_on) VALUES (?, ?, ?, ?, ?, ?)");
    static const char* tasks[] = {"drejning", "glasering", "syning", "slibning", "pakning"};
    std::vector<std::int64_t> prices;
    int batch_no = 0;
    for (int p = 0; p < products; ++p) {
        const std::string pid = "p" + std::to_string(p);
        const int w = p % workshops;
        const std::string name = "Vare nr. " + std::to_string(p);
        prices.push_back(static_cast<std::int64_t>(4900 + rng() % 40000));
        product.reset();
        product.bind(1, pid);
        product.bind(2, "B-" + std::to_string(p));
        product.bind(3, name);
        product.bind(4, bl::search_fold(name));
        product.bind(5, prices.back());
        product.bind(6, "w" + std::to_string(w));
        product.exec();
        for (int b = 0; b < batches_per_product; ++b, ++batch_no) {
            const std::string bid = "b" + std::to_string(batch_no);
            // Spread from June 2025 to the end of 2026, every product's batches in order.
            const std::string day = day_plus("2025-06-01", b * 5 + p % 5);
            batch.reset();
            batch.bind(1, bid);
            batch.bind(2, pid);
            batch.bind(3, "w" + std::to_string(w));
            batch.bind(4, day);
            batch.bind(5, static_cast<std::int64_t>(4 + rng() % 20));
            batch.bind(6, static_cast<std::int64_t>(rng() % 5000));
            batch.bind(7, "29" + std::to_string(100000000 + batch_no));
            batch.exec();
            for (int k = 0; k < 2; ++k) {
                work.reset();
                work.bind(1, bid + "-c" + std::to_string(k));
                work.bind(2, bid);
                work.bind(
                    3, "m" + std::to_string(
                                 w + workshops * static_cast<int>(rng() % (makers / workshops))));
                work.bind(4, static_cast<std::int64_t>(30 + rng() % 270));
                work.bind(5, tasks[rng() % 5]);
                work.bind(6, day);
                work.exec();
            }
        }
    }
    db.exec("INSERT INTO shift(id, device_id, shop_id, opened_by, opened_at, opening_float_ore, "
            "closed_at, z_number) SELECT 'seed-shift', device_id, (SELECT shop_id FROM device "
            "WHERE id = device_id), 'u', '', 0, '', 1 FROM local_device");
    SQLite::Statement sale(db, "INSERT INTO sale(id, device_id, shop_id, shift_id, staff_id, "
                               "sold_at, receipt_number, total_ore, vat_ore, journal_seq) SELECT "
                               "?, device_id, (SELECT shop_id FROM device WHERE id = "
                               "device_id), 'seed-shift', 'u', ?, ?, ?, ?, 0 FROM local_device");
    SQLite::Statement line(db, "INSERT INTO sale_line(sale_id, line_no, product_id, description, "
                               "scanned_batch_id, quantity, unit_price_ore, vat_rate_bp, "
                               "line_total_ore) VALUES (?, ?, ?, ?, ?, 1, ?, 2500, ?)");
    SQLite::Statement alloc(db, "INSERT INTO sale_allocation(sale_id, line_no, part, batch_id, "
                                "units, allocated) VALUES (?, ?, 1, ?, 1, ?)");
    const int all = december_sales + sales_2026;
    for (int s = 0; s < all; ++s) {
        const bool december = s < december_sales;
        const std::int64_t at =
            december ? static_cast<std::int64_t>(s) * 30 * 86400 / december_sales
                     : static_cast<std::int64_t>(s - december_sales) * 364 * 86400 / sales_2026;
        const std::string id = "s" + std::to_string(s);
        std::int64_t total = 0;
        for (int l = 1; l <= lines_per_sale; ++l) {
            const int p = static_cast<int>(rng() % products);
            const std::int64_t price = prices[static_cast<std::size_t>(p)];
            total += price;
            const std::string b =
                "b" + std::to_string(p * batches_per_product +
                                     static_cast<int>(rng() % batches_per_product));
            const auto how = rng() % 20; // 12 scanned, 7 first-in-first-out, 1 not linked
            line.reset();
            line.bind(1, id);
            line.bind(2, l);
            line.bind(3, "p" + std::to_string(p));
            line.bind(4, "Vare nr. " + std::to_string(p));
            if (how < 12)
                line.bind(5, b);
            else
                line.bind(5);
            line.bind(6, price);
            line.bind(7, price);
            line.exec();
            alloc.reset();
            alloc.bind(1, id);
            alloc.bind(2, l);
            if (how < 19)
                alloc.bind(3, b);
            else
                alloc.bind(3);
            alloc.bind(4, how < 12 ? 0 : 1);
            alloc.exec();
        }
        sale.reset();
        sale.bind(1, id);
        sale.bind(2,
                  utc_plus(december ? "2025-12-01T00:00:00.000Z" : "2026-01-01T08:00:00.000Z", at));
        sale.bind(3, s + 1);
        sale.bind(4, total);
        sale.bind(5, total / 5);
        sale.exec();
    }
    for (int t = 0; t < 6; ++t)
        db.exec("INSERT INTO transition(id, maker_id, kind, happened_on, consented, "
                "recorded_at, recorded_by) VALUES ('t" +
                std::to_string(t) + "', 'm" + std::to_string(t * 7) + "', 'job', '2026-0" +
                std::to_string(t + 3) + "-15', 1, '', 'u')");
    tx.commit();
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("ANALYZE");
}

// The least plain SQL that gives the headline numbers: sales totals, units and revenue per
// batch, minutes per maker, over the same rows.
double plain_sql_aggregate(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    const auto t0 = Clock::now();
    std::int64_t check = 0;
    {
        SQLite::Statement q(db, "SELECT count(*), sum(total_ore), sum(total_ore - vat_ore) FROM "
                                "sale WHERE training = 0 AND sold_at >= ? AND sold_at < ?");
        q.bind(1, "2025-12-31T23:00:00.000Z");
        q.bind(2, "2026-12-31T23:00:00.000Z");
        while (q.executeStep())
            check += q.getColumn(0).getInt64();
    }
    {
        SQLite::Statement q(db, "SELECT a.batch_id, sum(a.units), sum(l.line_total_ore) FROM "
                                "sale_allocation a JOIN sale s ON s.id = a.sale_id JOIN "
                                "sale_line l ON l.sale_id = a.sale_id AND l.line_no = "
                                "a.line_no WHERE s.training = 0 AND s.sold_at >= ? AND "
                                "s.sold_at < ? GROUP BY a.batch_id");
        q.bind(1, "2025-12-31T23:00:00.000Z");
        q.bind(2, "2026-12-31T23:00:00.000Z");
        while (q.executeStep())
            check += q.getColumn(1).getInt64();
    }
    {
        SQLite::Statement q(db, "SELECT maker_id, sum(minutes) FROM contribution WHERE "
                                "worked_on >= '2026-01-01' AND worked_on <= '2026-12-31' "
                                "GROUP BY maker_id");
        while (q.executeStep())
            check += q.getColumn(1).getInt64();
    }
    if (check <= 0)
        die("the plain SQL aggregate found nothing");
    return seconds_since(t0);
}

} // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::current_path() / "bench-data";
    fs::create_directories(dir);
    const fs::path file = dir / "impact.db";
    for (const char* ext : {"", "-wal", "-shm"})
        fs::remove(file.string() + ext);
    auto coefficients = bl::impact::Coefficients::load(BL_SOURCE_ASSETS "/impact/coefficients.csv");
    if (!coefficients)
        die(bl::render(coefficients.error()));

    const auto seed0 = Clock::now();
    {
        bl::Database db(file.string());
        bench::make_till(db);
    }
    seed(file.string());
    std::printf("seeded %d makers, %d batches, %d sales (%d lines) in %.1f s\n", makers,
                products * batches_per_product, december_sales + sales_2026,
                (december_sales + sales_2026) * lines_per_sale, seconds_since(seed0));

    // The period report's computation against the plain SQL aggregate, interleaved.
    bl::Database db(file.string());
    std::vector<double> period_s, plain_s;
    std::int64_t units = 0;
    for (int run = 0; run < 3; ++run) {
        plain_s.push_back(plain_sql_aggregate(file.string()));
        const auto t0 = Clock::now();
        bl::StoreImpactSource source(db);
        const auto m = bl::impact::compute_period(source, {"2026-01-01", "2026-12-31"}, {},
                                                  coefficients.value());
        period_s.push_back(seconds_since(t0));
        units = m.business.sales.units;
    }
    if (units != static_cast<std::int64_t>(sales_2026) * lines_per_sale)
        die("the period counted " + std::to_string(units) + " units");
    const double period = median(period_s), ratio = period / median(plain_s);
    std::printf("period report over %d sale lines: %.2f s; plain SQL aggregate %.2f s\n",
                sales_2026 * lines_per_sale, period, median(plain_s));

    // One impact receipt, from the database to the PDF's bytes.
    const bl::Timestamp now = bl::now_utc();
    std::vector<double> receipt_ms;
    for (int i = 0; i < 200; ++i) {
        const auto t0 = Clock::now();
        auto data = bl::report::impact_receipt_data(db, "s" + std::to_string(i * 37), now);
        if (!data)
            die("no sale s" + std::to_string(i * 37));
        auto pdf = bl::receipts::pdf_bytes(bl::doc::impact_receipt(*data));
        if (!pdf)
            die(bl::render(pdf.error()));
        receipt_ms.push_back(seconds_since(t0) * 1000);
    }
    const double receipt = median(receipt_ms);

    // bundlinje-report impact-receipts over December 2025's 10,000 sales.
    const fs::path out = dir / "impact-receipts";
    fs::remove_all(out);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::string cmd = std::string(BL_REPORT_PATH) + " impact-receipts --db '" +
                            file.string() + "' --from 2025-12-01 --to 2025-12-31 --out '" +
                            out.string() + "' --jobs " + std::to_string(cores) + " >/dev/null";
    const auto t0 = Clock::now();
    if (std::system(cmd.c_str()) != 0)
        die("impact-receipts failed");
    const double receipts_s = seconds_since(t0);
    std::size_t written = 0;
    for (const auto& e : fs::directory_iterator(out))
        written += e.path().extension() == ".pdf" ? 1u : 0u;
    if (written != december_sales)
        die(std::to_string(written) + " receipts written, not " + std::to_string(december_sales));
    const double per_second = static_cast<double>(written) / receipts_s;
    fs::remove_all(out);

    std::printf("bench: impact_period_report = %.2f s (goal <= 2) %s\n", period,
                period <= 2.0 ? "PASS" : "FAIL");
    std::printf("bench: impact_period_vs_plain_sql = %.2f x (goal <= 3) %s\n", ratio,
                ratio <= 3.0 ? "PASS" : "FAIL");
    std::printf("bench: impact_receipt_pdf_median = %.2f ms (goal <= 10) %s\n", receipt,
                receipt <= 10.0 ? "PASS" : "FAIL");
    std::printf("bench: impact_receipts_per_second = %.0f /s on %u cores (goal >= 200) %s\n",
                per_second, cores, per_second >= 200 ? "PASS" : "FAIL");
    return 0;
}
