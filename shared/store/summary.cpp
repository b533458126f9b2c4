#include "shared/store/summary.hpp"

#include "shared/store/detail/connection.hpp"
#include "shared/store/outbox.hpp"

namespace bl {

StoreCounts count_store(Database& db) {
    return store::reading([&] {
        auto one = [&db](const char* sql) {
            SQLite::Statement q(store::sql(db), sql);
            return q.executeStep() && !q.getColumn(0).isNull() ? q.getColumn(0).getInt64()
                                                               : std::int64_t{0};
        };
        auto time = [&db](const char* sql) -> std::optional<Timestamp> {
            SQLite::Statement q(store::sql(db), sql);
            if (!q.executeStep() || q.getColumn(0).isNull())
                return std::nullopt;
            return parse_utc(q.getColumn(0).getString());
        };
        StoreCounts c;
        c.workshops = one("SELECT count(*) FROM workshop");
        c.makers = one("SELECT count(*) FROM maker");
        c.named_on_receipts =
            one("SELECT count(*) FROM maker m WHERE (SELECT level FROM maker_consent c WHERE "
                "c.maker_id = m.id AND c.channel = 'receipt' ORDER BY version DESC LIMIT 1) > 0");
        c.products = one("SELECT count(*) FROM product");
        c.batches = one("SELECT count(*) FROM batch");
        c.logged_minutes = one("SELECT sum(minutes) FROM contribution");
        c.sales = one("SELECT count(*) FROM sale WHERE refund_of IS NULL AND training = 0");
        c.refunds = one("SELECT count(*) FROM sale WHERE refund_of IS NOT NULL AND training = 0");
        c.revenue_ore = one("SELECT sum(total_ore) FROM sale WHERE training = 0");
        c.shifts = one("SELECT count(*) FROM shift WHERE z_number IS NOT NULL");
        c.journal_rows = one("SELECT count(*) FROM journal");
        c.outbox_pending = outbox_pending_count(db);
        c.first_sale = time("SELECT min(sold_at) FROM sale");
        c.last_sale = time("SELECT max(sold_at) FROM sale");
        return c;
    });
}

} // namespace bl
