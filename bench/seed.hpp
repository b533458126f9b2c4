#pragma once
// Seeds a big shop for benchmarks: into a till database (set up already, see make_till),
// `products` products (in the trigram index too) and `sale_lines` past sale lines, written
// directly with SQLite on a connection of its own, in one transaction. Seeding is not what
// the benchmarks measure, and it must be fast, so it bypasses the store on purpose.

#include <random>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"
#include "shared/store/database.hpp"
#include "shared/store/setup.hpp"

namespace bench {

/// Makes the database a till of Vielgut Studio.
inline bl::Device make_till(bl::Database& db) {
    auto till = bl::initialise_local_device(
        db, bl::Device{"", "Kasse 1", bl::DeviceRole::till, 1, {}, {}},
        bl::Shop{"", "Vielgut Studio", "Jernbanegade 12", "6000", "Kolding", "12345674"});
    if (!till)
        throw std::runtime_error(bl::render(till.error()));
    return till.value();
}

/// A connection of the benchmark's own, set up like the store's (WAL, synchronous=FULL,
/// foreign keys).
inline SQLite::Database open_raw(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.setBusyTimeout(5000);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    return db;
}

inline std::vector<std::string> seed_big_shop(const std::string& path, int products,
                                              int sale_lines) {
    SQLite::Database db = open_raw(path);
    static const char* words[] = {
        "Krus",        "Skål",      "Æblefad",    "Vase",      "Tallerken", "Hue",  "Tørklæde",
        "Viskestykke", "Skærebræt", "Ske",        "Lysestage", "Bakke",     "Pude", "Kande",
        "Øreringe",    "Åkande",    "Fuglekasse", "Taske",     "Sæbeskål",  "Kop"};
    static const char* colours[] = {"blå", "grøn", "hvid", "sort", "rød", "gul", "grå", "brun"};
    static const char* categories[] = {"Keramik", "Tekstil", "Træ", "Jul"};
    std::mt19937_64 rng(42);
    std::vector<std::string> codes;
    // Seed rows point at a made-up staff member; the foreign keys go back on afterwards.
    db.exec("PRAGMA foreign_keys = OFF");
    {
        SQLite::Transaction tx(db);
        SQLite::Statement p(db, "INSERT INTO product(id, sku, name, name_fold, category, "
                                "price_ore, vat_rate_bp, barcode, created_at, updated_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, 2500, ?, '', '')");
        SQLite::Statement f(db, "INSERT INTO product_search(rowid, name_fold) "
                                "VALUES (last_insert_rowid(), ?)");
        for (int i = 0; i < products; ++i) {
            const std::string name = std::string(words[rng() % 20]) + " " + colours[rng() % 8] +
                                     " nr. " + std::to_string(i);
            // Internal codes far above those a real shop would have minted.
            const std::string code = bl::make_internal_product_code(5000000000 + i);
            codes.push_back(code);
            p.reset();
            p.bind(1, "seed-p" + std::to_string(i));
            p.bind(2, "SEED-" + std::to_string(i));
            p.bind(3, name);
            p.bind(4, bl::search_fold(name));
            p.bind(5, categories[rng() % 4]);
            p.bind(6, static_cast<std::int64_t>(4900 + rng() % 50000));
            p.bind(7, code);
            p.exec();
            f.reset();
            f.bind(1, bl::search_fold(name));
            f.exec();
        }
        db.exec("INSERT INTO shift(id, device_id, shop_id, opened_by, opened_at, "
                "opening_float_ore, closed_at, z_number) SELECT 'seed-shift', device_id, "
                "(SELECT shop_id FROM device WHERE id = device_id), 'u', '', 0, '', 1 "
                "FROM local_device");
        SQLite::Statement s(db, "INSERT INTO sale(id, device_id, shop_id, shift_id, "
                                "staff_id, sold_at, receipt_number, total_ore, vat_ore, "
                                "journal_seq) SELECT ?, device_id, (SELECT shop_id FROM "
                                "device WHERE id = device_id), 'seed-shift', 'u', '', ?, "
                                "0, 0, 0 "
                                "FROM local_device");
        SQLite::Statement l(db, "INSERT INTO sale_line(sale_id, line_no, product_id, "
                                "description, quantity, unit_price_ore, vat_rate_bp, "
                                "line_total_ore) VALUES (?, ?, ?, '', 1, 100, 2500, 100)");
        // Past receipts are numbered on from whatever the till already has.
        const std::int64_t first_number =
            db.execAndGet("SELECT coalesce(max(receipt_number), 0) FROM sale").getInt64();
        for (int i = 0; i < sale_lines / 4; ++i) {
            const std::string id = "seed-s" + std::to_string(i);
            s.reset();
            s.bind(1, id);
            s.bind(2, first_number + i + 1);
            s.exec();
            for (int k = 1; k <= 4; ++k) {
                l.reset();
                l.bind(1, id);
                l.bind(2, k);
                l.bind(3, "seed-p" + std::to_string(rng() % static_cast<unsigned>(products)));
                l.exec();
            }
        }
        tx.commit();
    }
    db.exec("PRAGMA foreign_keys = ON");
    return codes;
}

} // namespace bench
