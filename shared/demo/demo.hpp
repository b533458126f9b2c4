#pragma once
/// The Vielgut Studio demo: one pop-up shop in Kolding, three workshops, 25 makers, about 40
/// products, about 60 batches and three weeks of sales, loaded through the repositories.
/// The same seed and end date always give the same database content, ids included.

#include <cstdint>
#include <string>
#include <vector>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/store/database.hpp"

namespace bl {

enum class DemoRole {
    till,    ///< the shop's till: no real names of makers
    workshop ///< Keramikværkstedet's station: real names of its own makers
};

struct DemoOptions {
    std::string assets_dir = BL_SOURCE_ASSETS; ///< folder holding demo/*.csv
    DemoRole role = DemoRole::till;
    std::string until; ///< last day of sales, "YYYY-MM-DD" (Copenhagen); empty = yesterday
    std::uint64_t seed = 20181201; ///< Vielgut Studio opened in December 2018
    int sales_days = 21;
};

/// What a database holds, for the summary the scripts print.
struct DemoSummary {
    std::string shop;
    std::string device;
    std::int64_t workshops = 0, makers = 0, named_on_receipts = 0, products = 0, batches = 0,
                 logged_minutes = 0, sales = 0, refunds = 0, shifts = 0, journal_rows = 0,
                 outbox_pending = 0;
    std::int64_t revenue_ore = 0;
    std::string first_sale, last_sale;
    struct Login {
        std::string name, role, pin;
    };
    std::vector<Login> logins; ///< demo staff and their PINs (from staff.csv)
};

/// Loads the demo into an empty database. Fails (changing nothing more than the steps that
/// already committed) if the database already belongs to a device or a file is broken.
Result<DemoSummary, Message> load_demo(Database& db, const DemoOptions& options);

/// Counts what a database holds.
DemoSummary summarize(Database& db, const std::string& assets_dir = BL_SOURCE_ASSETS);

} // namespace bl
