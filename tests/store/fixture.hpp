#pragma once
// A small shop for store tests: a till database with one workshop station registered, two
// makers, three products and two batches of mugs delivered to the shop.

#include <filesystem>
#include <memory>
#include <string>

#include "shared/core/cash_rounding.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/database.hpp"
#include "shared/store/journal.hpp"
#include "shared/store/outbox.hpp"
#include "shared/store/people.hpp"
#include "shared/store/production.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/setup.hpp"
#include "shared/store/verify.hpp"

namespace test {

/// A fresh folder under the system temp dir, removed afterwards.
struct TempDir {
    std::filesystem::path path;
    TempDir();
    ~TempDir();
    std::string file(const std::string& name) const { return (path / name).string(); }
};

/// A valid Argon2id hash, computed once (hashing is slow by design).
const std::string& demo_pin_hash();

/// Runs SQL that must succeed.
void exec(bl::Database& db, const std::string& sql);
std::int64_t count(bl::Database& db, const std::string& sql);

/// The check's findings as one text, a line each (for INFO).
std::string findings(const bl::DatabaseCheck& check);

struct Shop {
    TempDir dir;
    std::unique_ptr<bl::Database> db;
    bl::Device till, station;
    bl::Shop shop;
    bl::Workshop workshop;
    bl::StaffUser clerk, leader;
    bl::Maker anna, anon;
    bl::Product mug, cloth, donation;
    bl::Batch mugs_old, mugs_new;

    explicit Shop(bool open_shift = true);
    bl::Actor at_till() const { return {till.id, clerk.id}; }
    bl::Actor at_station() const { return {station.id, leader.id}; }

    /// A line for `qty` of a product, optionally scanned from a batch label.
    static bl::SaleLine line(const bl::Product& p, std::int64_t qty,
                             std::optional<std::string> batch = std::nullopt);
    /// Pays the sale's total: cash (rounded, with `tendered`) or another tender.
    static void pay(bl::Sale& s, bl::Tender t, bl::Money tendered = {});
    /// Rings up and records a sale; REQUIREs success.
    bl::Sale sell(std::vector<bl::SaleLine> lines, bl::Tender t = bl::Tender::card);
    /// A refund of `qty` units of `line_no` of `sale`, paid back on `t`.
    bl::Sale refund_of(const bl::Sale& sale, int line_no, std::int64_t qty,
                       bl::Tender t = bl::Tender::card) const;
};

} // namespace test
