#pragma once
/// What a database holds, counted: for the demo's description, `--verify` and reports of
/// data completeness.

#include <cstdint>
#include <optional>

#include "shared/core/time.hpp"
#include "shared/store/database.hpp"

namespace bl {

struct StoreCounts {
    std::int64_t workshops = 0, makers = 0, products = 0, batches = 0, shifts = 0;
    /// Makers whose consent in force lets their chosen name be printed on receipts.
    std::int64_t named_on_receipts = 0;
    std::int64_t logged_minutes = 0;     ///< all contributions
    std::int64_t sales = 0, refunds = 0; ///< receipts, training excluded
    std::int64_t revenue_ore = 0;        ///< sales less refunds, training excluded
    std::int64_t journal_rows = 0, outbox_pending = 0;
    std::optional<Timestamp> first_sale, last_sale;
};

StoreCounts count_store(Database& db);

} // namespace bl
