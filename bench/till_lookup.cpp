// bench_till_lookup: the till's lookups in a big shop. Seeds 100,000 products and 1,000,000
// past sale lines (written directly in one transaction: seeding is not what is measured),
// then measures, through the same store calls the till uses:
//   - barcode lookup (find_product_by_barcode), p99, goal <= 0.1 ms
//   - name search ignoring case and æ/ae (search_products), p99, goal <= 5 ms
// Absolute goals, measured on this machine in this run; p99 over 2,000 and 300 queries.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <vector>

#include "bench/seed.hpp"
#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/setup.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double p99(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(0.99 * static_cast<double>(v.size() - 1))];
}

} // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::current_path() / "bench-data";
    fs::create_directories(dir);
    const fs::path file = dir / "lookup.db";
    for (const char* ext : {"", "-wal", "-shm"})
        fs::remove(file.string() + ext);
    bl::Database db(file.string());
    const int products = 100000;
    const int sale_lines = 1000000;
    std::mt19937_64 rng(42);
    const auto seed0 = Clock::now();
    bench::make_till(db);
    const std::vector<std::string> codes = bench::seed_big_shop(db.path(), products, sale_lines);
    const double seed_s = std::chrono::duration<double>(Clock::now() - seed0).count();

    std::vector<double> lookup_ms;
    for (int i = 0; i < 2000; ++i) {
        const std::string& code = codes[rng() % codes.size()];
        const auto t0 = Clock::now();
        auto p = bl::find_product_by_barcode(db, code);
        const auto t1 = Clock::now();
        if (!p)
            return 2;
        lookup_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::vector<double> search_ms;
    const char* queries[] = {"aeblefad", "Æblefad blå", "skål", "toerklaede",     "lysestage grå",
                             "nr. 4711", "kande",       "KRUS", "fuglekasse rød", "xyz"};
    for (int i = 0; i < 300; ++i) {
        const auto t0 = Clock::now();
        auto found = bl::search_products(db, queries[i % 10], 30);
        const auto t1 = Clock::now();
        search_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    const double l99 = p99(lookup_ms), s99 = p99(search_ms);
    std::printf("seeded %d products and %d sale lines in %.1f s\n", products, sale_lines, seed_s);
    std::printf("bench: barcode_lookup_p99 = %.4f ms (goal <= 0.1) %s\n", l99,
                l99 <= 0.1 ? "PASS" : "FAIL");
    std::printf("bench: name_search_p99 = %.2f ms (goal <= 5) %s\n", s99,
                s99 <= 5.0 ? "PASS" : "FAIL");
    return 0;
}
