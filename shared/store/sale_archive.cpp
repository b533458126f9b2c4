#include <map>

#include "shared/store/detail/connection.hpp"
#include "shared/store/sales.hpp"

namespace bl {

SaleImpact impact_of_sale(Database& db, const std::string& sale_id) {
    return store::reading([&]() -> SaleImpact {
        std::vector<UnitsFromBatch> units;
        std::map<std::string, BatchWork> batches;
        std::map<std::string, std::optional<std::string>> names;
        SQLite::Statement a(store::sql(db),
                            "SELECT coalesce(a.batch_id, ''), a.units, a.allocated, "
                            "b.units, coalesce(w.name, '') FROM sale_allocation a "
                            "LEFT JOIN batch b ON b.id = a.batch_id "
                            "LEFT JOIN workshop w ON w.id = b.workshop_id "
                            "WHERE a.sale_id = ? ORDER BY a.line_no, a.part");
        a.bind(1, sale_id);
        while (a.executeStep()) {
            const std::string batch = a.getColumn(0).getString();
            units.push_back({batch, a.getColumn(1).getInt64(), a.getColumn(2).getInt() != 0});
            if (!batch.empty() && !batches.count(batch))
                batches[batch] =
                    BatchWork{a.getColumn(4).getString(), a.getColumn(3).getInt64(), {}};
        }
        for (auto& [id, work] : batches) {
            SQLite::Statement c(store::sql(db),
                                "SELECT c.maker_id, sum(c.minutes), m.display_name, "
                                "(SELECT level FROM maker_consent k WHERE k.maker_id = "
                                "c.maker_id AND k.channel = 'receipt' ORDER BY version "
                                "DESC LIMIT 1) FROM contribution c JOIN maker m ON "
                                "m.id = c.maker_id WHERE c.batch_id = ? GROUP BY c.maker_id");
            c.bind(1, id);
            while (c.executeStep()) {
                const std::string maker = c.getColumn(0).getString();
                work.minutes_by_maker[maker] = c.getColumn(1).getInt64();
                // Only a recorded consent (level 1 or more) lets the name out, and only while
                // the name is there: a withdrawal pulled from the central store empties it.
                const bool consented = !c.getColumn(3).isNull() && c.getColumn(3).getInt() >= 1 &&
                                       !c.getColumn(2).getString().empty();
                names[maker] = consented ? std::optional<std::string>(c.getColumn(2).getString())
                                         : std::nullopt;
            }
        }
        return sale_impact(units, batches, names);
    });
}

std::int64_t refunded_quantity(Database& db, const std::string& sale_id, int line_no) {
    return store::reading([&]() -> std::int64_t {
        store::Statement q(db, "SELECT coalesce(-sum(quantity), 0) FROM sale_line "
                               "WHERE refund_of_sale_id = ? AND refund_of_line_no = ?");
        q->bind(1, sale_id);
        q->bind(2, line_no);
        q->executeStep();
        const std::int64_t n = q->getColumn(0).getInt64();
        return n;
    });
}

std::optional<Sale> find_sale(Database& db, const std::string& id) {
    return store::reading([&]() -> std::optional<Sale> {
        SQLite::Statement q(store::sql(db),
                            "SELECT id, device_id, shop_id, shift_id, staff_id, sold_at, "
                            "receipt_number, training, refund_of FROM sale WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep())
            return std::nullopt;
        Sale s;
        s.id = q.getColumn(0).getString();
        s.device_id = q.getColumn(1).getString();
        s.shop_id = q.getColumn(2).getString();
        s.shift_id = q.getColumn(3).getString();
        s.staff_id = q.getColumn(4).getString();
        s.sold_at = parse_utc(q.getColumn(5).getString()).value_or(Timestamp{});
        s.receipt_number = q.getColumn(6).getInt64();
        s.training = q.getColumn(7).getInt() != 0;
        if (!q.getColumn(8).isNull())
            s.refund_of = q.getColumn(8).getString();
        SQLite::Statement l(store::sql(db),
                            "SELECT line_no, product_id, description, scanned_batch_id, "
                            "quantity, unit_price_ore, discount_ore, vat_rate_bp, "
                            "refund_of_sale_id, refund_of_line_no FROM sale_line "
                            "WHERE sale_id = ? ORDER BY line_no");
        l.bind(1, id);
        while (l.executeStep()) {
            SaleLine line;
            line.line_no = l.getColumn(0).getInt();
            line.product_id = l.getColumn(1).getString();
            line.description = l.getColumn(2).getString();
            if (!l.getColumn(3).isNull())
                line.scanned_batch_id = l.getColumn(3).getString();
            line.quantity = l.getColumn(4).getInt64();
            line.unit_price = Money::from_ore(l.getColumn(5).getInt64());
            line.discount = Money::from_ore(l.getColumn(6).getInt64());
            line.vat_rate = VatRate{l.getColumn(7).getInt()};
            if (!l.getColumn(8).isNull()) {
                line.refund_of_sale_id = l.getColumn(8).getString();
                line.refund_of_line_no = l.getColumn(9).getInt();
            }
            SQLite::Statement a(store::sql(db),
                                "SELECT coalesce(batch_id, ''), units, allocated FROM "
                                "sale_allocation WHERE sale_id = ? AND line_no = ? "
                                "ORDER BY part");
            a.bind(1, id);
            a.bind(2, line.line_no);
            while (a.executeStep())
                line.allocations.push_back({a.getColumn(0).getString(), a.getColumn(1).getInt64(),
                                            a.getColumn(2).getInt() != 0});
            s.lines.push_back(std::move(line));
        }
        SQLite::Statement p(store::sql(db),
                            "SELECT tender, amount_ore, tendered_ore, change_ore, "
                            "rounding_ore, reference FROM payment WHERE sale_id = ? "
                            "ORDER BY part");
        p.bind(1, id);
        while (p.executeStep())
            s.payments.push_back({tender_from(p.getColumn(0).getString()).value_or(Tender::cash),
                                  Money::from_ore(p.getColumn(1).getInt64()),
                                  Money::from_ore(p.getColumn(2).getInt64()),
                                  Money::from_ore(p.getColumn(3).getInt64()),
                                  Money::from_ore(p.getColumn(4).getInt64()),
                                  p.getColumn(5).getString()});
        return s;
    });
}

std::optional<Sale> find_sale_by_receipt(Database& db, const std::string& device_id,
                                         std::int64_t receipt_number, bool training) {
    return store::reading([&]() -> std::optional<Sale> {
        SQLite::Statement q(store::sql(db),
                            "SELECT id FROM sale WHERE device_id = ? AND training = ? "
                            "AND receipt_number = ?");
        q.bind(1, device_id);
        q.bind(2, training ? 1 : 0);
        q.bind(3, receipt_number);
        if (!q.executeStep())
            return std::nullopt;
        return find_sale(db, q.getColumn(0).getString());
    });
}

std::vector<Sale> list_sales_since(Database& db, const std::string& device_id, Timestamp since,
                                   int limit) {
    return store::reading([&]() -> std::vector<Sale> {
        std::vector<std::string> ids;
        SQLite::Statement q(store::sql(db),
                            "SELECT id FROM sale WHERE device_id = ? AND training = 0 AND "
                            "sold_at >= ? ORDER BY receipt_number DESC LIMIT ?");
        q.bind(1, device_id);
        q.bind(2, format_utc(since));
        q.bind(3, limit);
        while (q.executeStep())
            ids.push_back(q.getColumn(0).getString());
        std::vector<Sale> out;
        for (const auto& id : ids)
            if (auto s = find_sale(db, id))
                out.push_back(std::move(*s));
        return out;
    });
}

std::int64_t last_receipt_number(Database& db, const std::string& device_id, bool training) {
    return store::reading([&]() -> std::int64_t {
        store::Statement q(db, "SELECT coalesce(max(receipt_number), 0) FROM sale "
                               "WHERE device_id = ? AND training = ?");
        q->bind(1, device_id);
        q->bind(2, training ? 1 : 0);
        q->executeStep();
        const std::int64_t n = q->getColumn(0).getInt64();
        return n;
    });
}

std::vector<std::string> sales_between(Database& db, const std::string& from_utc,
                                       const std::string& to_utc,
                                       const std::optional<std::string>& shop_id) {
    return store::reading([&] {
        SQLite::Statement q(store::sql(db),
                            "SELECT id FROM sale WHERE training = 0 AND refund_of IS NULL AND "
                            "sold_at >= ? AND sold_at < ? AND (?3 IS NULL OR shop_id = ?3) "
                            "ORDER BY sold_at, receipt_number");
        q.bind(1, from_utc);
        q.bind(2, to_utc);
        if (shop_id)
            q.bind(3, *shop_id);
        std::vector<std::string> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
        return out;
    });
}

} // namespace bl
