// bench_catalogue_import: a catalogue import as the organiser makes it (defect 6 of issue 11):
// the file read and checked (plan_catalogue_import, with the catalogue's barcode and item
// number lookups through the store), then every valid row added in one transaction
// (add_products: every check, an internal "28…" code for each product without an EAN, the
// product, its search index row, journal and outbox rows). Products without an EAN are the
// case that was slow: each one looked for the next internal number by scanning the whole
// product table (100,000 rows: 222 s; 10,000: 2.7 s).
//
// Baseline, in the same run: the same import of 10,000 rows into a new till. An import that
// costs the same per row whatever the catalogue holds takes 10 x as long for 100,000 rows;
// the goal is at most 1.5 x that (the B-trees deepen a little). And 100,000 rows in under
// 10 s, as the issue asks, on this machine.

#include "shared/model/catalogue_import.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "bench/seed.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/people.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/store/setup.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_catalogue_import: %s\n", what.c_str());
    std::exit(1);
}

void remove_database(const fs::path& file) {
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(file.string() + suffix);
}

// A file of `rows` products, none with an EAN or item number, as a shop's first catalogue
// typed into a spreadsheet: the importer gives each an item number, the store an internal code.
std::string catalogue_file(int rows) {
    static const char* words[] = {"Krus", "Skål", "Vase", "Hue", "Tørklæde", "Bakke", "Pude"};
    std::string text = "navn;kategori;pris;moms\n";
    for (int i = 0; i < rows; ++i)
        text += std::string(words[i % 7]) + " nr. " + std::to_string(i + 1) + ";Keramik;" +
                std::to_string(50 + i % 400) + ",00;25\n";
    return text;
}

// One import into a new till; seconds from reading the text to the commit.
double import_seconds(const fs::path& dir, int rows) {
    const fs::path file = dir / ("catalogue-import-" + std::to_string(rows) + ".db");
    remove_database(file);
    const std::string text = catalogue_file(rows);
    double seconds = 0;
    {
        bl::Database db(file.string());
        const bl::Device till = bench::make_till(db);
        const std::string hash =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
        auto lise = bl::add_staff(db, {till.id, {}},
                                  bl::StaffUser{"", "Lise", bl::StaffRole::organiser, hash, true});
        if (!lise)
            die("staff");
        const bl::Actor actor{till.id, lise.value().id};
        bl::CatalogueLookups lookups;
        lookups.barcode_taken = [&](const std::string& code) {
            return bl::find_product_by_barcode(db, code).has_value();
        };
        lookups.sku_taken = [&](const std::string& sku) {
            return bl::find_product_by_sku(db, sku).has_value();
        };
        const auto t0 = Clock::now();
        auto plan = bl::plan_catalogue_import(text, lookups);
        if (!plan || plan.value().valid.size() != static_cast<std::size_t>(rows))
            die("the file was not read whole");
        auto added = bl::add_products(db, actor, plan.value().valid);
        const auto t1 = Clock::now();
        if (!added)
            die(bl::render(added.error().second));
        if (bl::raw_sql::integer(db, "SELECT count(*) FROM product") != rows)
            die("not every product was added");
        seconds = std::chrono::duration<double>(t1 - t0).count();
    }
    remove_database(file);
    return seconds;
}

} // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? argv[1] : "bench-data";
    fs::create_directories(dir);
    const double small = import_seconds(dir, 10'000);
    const double big = import_seconds(dir, 100'000);
    const double scaling = big / (10 * small);
    std::printf("Catalogue import, products without an EAN: 10,000 rows %.2f s, 100,000 rows "
                "%.2f s\n",
                small, big);
    std::printf("bench: catalogue_import_100000_vs_10x_10000 = %.2f x (goal <= 1.5) %s\n", scaling,
                scaling <= 1.5 ? "PASS" : "FAIL");
    std::printf("bench: catalogue_import_100000_rows = %.2f s (goal <= 10 s) %s\n", big,
                big <= 10 ? "PASS" : "FAIL");
    return 0;
}
