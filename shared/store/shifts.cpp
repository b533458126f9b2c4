#include "shared/store/shifts.hpp"

#include <map>

#include "shared/rules/payloads.hpp"
#include "shared/store/detail/actions.hpp"
#include "shared/store/detail/connection.hpp"
#include "shared/store/setup.hpp"

namespace bl {

namespace {

Shift read_shift(SQLite::Statement& q) {
    Shift s;
    s.id = q.getColumn(0).getString();
    s.device_id = q.getColumn(1).getString();
    s.opened_by = q.getColumn(2).getString();
    s.opened_at = parse_utc(q.getColumn(3).getString()).value_or(Timestamp{});
    s.opening_float = Money::from_ore(q.getColumn(4).getInt64());
    if (!q.getColumn(5).isNull())
        s.closed_at = parse_utc(q.getColumn(5).getString());
    if (!q.getColumn(6).isNull())
        s.closed_by = q.getColumn(6).getString();
    if (!q.getColumn(7).isNull())
        s.z_number = q.getColumn(7).getInt64();
    if (!q.getColumn(8).isNull())
        s.counted_cash = Money::from_ore(q.getColumn(8).getInt64());
    if (!q.getColumn(9).isNull())
        s.expected_cash = Money::from_ore(q.getColumn(9).getInt64());
    return s;
}

constexpr const char* shift_select =
    "SELECT id, device_id, opened_by, opened_at, opening_float_ore, closed_at, closed_by, "
    "z_number, counted_cash_ore, expected_cash_ore FROM shift ";

std::optional<Shift> find_shift(Database& db, const std::string& id) {
    SQLite::Statement q(store::sql(db), std::string(shift_select) + "WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep())
        return std::nullopt;
    return read_shift(q);
}

} // namespace

Result<Shift, Message> open_shift(Database& db, const Actor& actor, Money opening_float) {
    return store::writing([&]() -> Result<Shift, Message> {
        if (opening_float.is_negative())
            return err(
                Message(BL_N_("The float cannot be negative. Count the cash in the drawer.")));
        if (opening_float.ore() > 10'000'00)
            return err(Message(BL_N_("A float of %s is more than 10.000 kr. Count the drawer "
                                     "again."),
                               {format_dkk(opening_float)}));
        auto tx = store::begin_write(db);
        auto device = find_device(db, actor.device_id);
        if (!device || !device->shop_id)
            return err(Message(BL_N_("This device is not set up as a till.")));
        if (current_shift(db, actor.device_id))
            return err(Message(BL_N_("A shift is already open on this till. Close it with a Z "
                                     "report first.")));
        if (actor.staff_id.empty())
            return err(Message(BL_N_("Log in to open the till.")));
        Shift s;
        s.id = db.ids.next();
        s.device_id = actor.device_id;
        s.opened_by = actor.staff_id;
        s.opened_at = db.clock();
        s.opening_float = opening_float;
        SQLite::Statement ins(store::sql(db),
                              "INSERT INTO shift(id, device_id, shop_id, opened_by, "
                              "opened_at, opening_float_ore) VALUES (?, ?, ?, ?, ?, ?)");
        ins.bind(1, s.id);
        ins.bind(2, s.device_id);
        ins.bind(3, *device->shop_id);
        ins.bind(4, s.opened_by);
        ins.bind(5, format_utc(s.opened_at));
        ins.bind(6, s.opening_float.ore());
        ins.exec();
        store::record_action(
            db, actor, JournalKind::shift_opened,
            JsonObject{{"shift_id", s.id}, {"opening_float_ore", opening_float.ore()}},
            std::nullopt, nullptr, s.opened_at);
        tx.commit();
        return s;
    });
}

std::optional<Shift> current_shift(Database& db, const std::string& device_id) {
    return store::reading([&]() -> std::optional<Shift> {
        store::Statement q(db,
                           "SELECT id, device_id, opened_by, opened_at, opening_float_ore, "
                           "closed_at, closed_by, z_number, counted_cash_ore, expected_cash_ore "
                           "FROM shift WHERE device_id = ? AND closed_at IS NULL");
        q->bind(1, device_id);
        std::optional<Shift> s;
        if (q->executeStep())
            s = read_shift(*q);
        return s;
    });
}

std::optional<Shift> last_closed_shift(Database& db, const std::string& device_id) {
    return store::reading([&]() -> std::optional<Shift> {
        store::Statement q(db,
                           "SELECT id, device_id, opened_by, opened_at, opening_float_ore, "
                           "closed_at, closed_by, z_number, counted_cash_ore, expected_cash_ore "
                           "FROM shift WHERE device_id = ? AND z_number IS NOT NULL "
                           "ORDER BY z_number DESC LIMIT 1");
        q->bind(1, device_id);
        std::optional<Shift> s;
        if (q->executeStep())
            s = read_shift(*q);
        return s;
    });
}

ShiftTotals shift_totals(Database& db, const std::string& shift_id) {
    return store::reading([&]() -> ShiftTotals {
        ShiftTotals t;
        auto shift = find_shift(db, shift_id);
        if (!shift)
            return t;
        {
            SQLite::Statement q(store::sql(db),
                                "SELECT count(*) FILTER (WHERE refund_of IS NULL), "
                                "count(*) FILTER (WHERE refund_of IS NOT NULL), "
                                "coalesce(sum(total_ore), 0), coalesce(sum(rounding_ore), 0) "
                                "FROM sale WHERE shift_id = ? AND training = 0");
            q.bind(1, shift_id);
            q.executeStep();
            t.sales = q.getColumn(0).getInt64();
            t.refunds = q.getColumn(1).getInt64();
            t.gross = Money::from_ore(q.getColumn(2).getInt64());
            t.rounding = Money::from_ore(q.getColumn(3).getInt64());
        }
        {
            SQLite::Statement q(store::sql(db),
                                "SELECT p.tender, sum(p.amount_ore) FROM payment p "
                                "JOIN sale s ON s.id = p.sale_id WHERE s.shift_id = ? "
                                "AND s.training = 0 GROUP BY p.tender");
            q.bind(1, shift_id);
            while (q.executeStep()) {
                const Money m = Money::from_ore(q.getColumn(1).getInt64());
                switch (tender_from(q.getColumn(0).getString()).value_or(Tender::cash)) {
                case Tender::cash:
                    t.cash = m;
                    break;
                case Tender::card:
                    t.card = m;
                    break;
                case Tender::mobilepay:
                    t.mobilepay = m;
                    break;
                }
            }
        }
        {
            SQLite::Statement q(store::sql(db),
                                "SELECT l.vat_rate_bp, sum(l.line_total_ore), "
                                "sum(CASE WHEN l.quantity > 0 THEN l.discount_ore ELSE 0 END) "
                                "FROM sale_line l JOIN sale s ON s.id = l.sale_id "
                                "WHERE s.shift_id = ? AND s.training = 0 "
                                "GROUP BY l.vat_rate_bp ORDER BY l.vat_rate_bp DESC");
            q.bind(1, shift_id);
            while (q.executeStep()) {
                const VatRate r{q.getColumn(0).getInt()};
                const Money gross = Money::from_ore(q.getColumn(1).getInt64());
                t.discounts += Money::from_ore(q.getColumn(2).getInt64());
                t.vat.push_back({r, gross, Money{}});
            }
        }
        // The VAT of the shift is the sum of the receipts' VAT per rate, as printed on them: one
        // query for each receipt's gross per rate, the rounding per receipt done here.
        {
            SQLite::Statement q(store::sql(db),
                                "SELECT l.vat_rate_bp, sum(l.line_total_ore) FROM sale_line l "
                                "JOIN sale s ON s.id = l.sale_id WHERE s.shift_id = ? "
                                "AND s.training = 0 GROUP BY l.sale_id, l.vat_rate_bp");
            q.bind(1, shift_id);
            std::map<std::int32_t, Money> vat_by_rate;
            while (q.executeStep()) {
                const VatRate rate{q.getColumn(0).getInt()};
                vat_by_rate[rate.basis_points] +=
                    vat_from_gross(Money::from_ore(q.getColumn(1).getInt64()), rate);
            }
            for (auto& g : t.vat)
                g.vat = vat_by_rate[g.rate.basis_points];
        }
        t.expected_cash = shift->opening_float + t.cash;
        {
            SQLite::Statement q(store::sql(db),
                                "SELECT coalesce(sum(total_ore), 0) FROM sale "
                                "WHERE shift_id = ? AND training = 0 AND refund_of IS NOT NULL");
            q.bind(1, shift_id);
            q.executeStep();
            t.refunded = Money::from_ore(q.getColumn(0).getInt64());
        }
        {
            SQLite::Statement q(store::sql(db),
                                "SELECT coalesce(u.name, s.staff_id), sum(s.total_ore) "
                                "FROM sale s LEFT JOIN staff_user u ON u.id = s.staff_id "
                                "WHERE s.shift_id = ? AND s.training = 0 "
                                "GROUP BY s.staff_id ORDER BY 1");
            q.bind(1, shift_id);
            while (q.executeStep())
                t.by_seller.emplace_back(q.getColumn(0).getString(),
                                         Money::from_ore(q.getColumn(1).getInt64()));
        }
        {
            SQLite::Statement q(store::sql(db), "SELECT coalesce(sum(total_ore), 0) FROM sale "
                                                "WHERE device_id = ? AND training = 0");
            q.bind(1, shift->device_id);
            q.executeStep();
            t.grand_total = Money::from_ore(q.getColumn(0).getInt64());
        }
        return t;
    });
}

Result<Shift, Message> close_shift(Database& db, const Actor& actor, const std::string& shift_id,
                                   Money counted_cash) {
    return store::writing([&]() -> Result<Shift, Message> {
        if (counted_cash.is_negative())
            return err(Message(BL_N_("Counted cash cannot be negative.")));
        if (actor.staff_id.empty())
            return err(Message(BL_N_("Log in to close the till.")));
        auto tx = store::begin_write(db);
        auto shift = find_shift(db, shift_id);
        if (!shift || shift->device_id != actor.device_id)
            return err(Message(BL_N_("That shift does not belong to this till.")));
        if (shift->closed_at)
            return err(Message(BL_N_("This shift is already closed.")));
        const ShiftTotals t = shift_totals(db, shift_id);
        SQLite::Statement z(store::sql(db), "SELECT coalesce(max(z_number), 0) + 1 FROM shift "
                                            "WHERE device_id = ?");
        z.bind(1, actor.device_id);
        z.executeStep();
        const std::int64_t z_number = z.getColumn(0).getInt64();
        const store::JournalTail tail = store::journal_tail(db, actor.device_id);
        const std::int64_t journal_seq = tail.next_seq;
        const Timestamp now = db.clock();
        SQLite::Statement u(store::sql(db),
                            "UPDATE shift SET closed_at = ?, closed_by = ?, z_number = ?, "
                            "counted_cash_ore = ?, expected_cash_ore = ?, journal_seq = ? "
                            "WHERE id = ?");
        u.bind(1, format_utc(now));
        u.bind(2, actor.staff_id);
        u.bind(3, z_number);
        u.bind(4, counted_cash.ore());
        u.bind(5, t.expected_cash.ore());
        u.bind(6, journal_seq);
        u.bind(7, shift_id);
        u.exec();
        store::record_action(
            db, actor, JournalKind::z_report,
            z_report_payload(ZReport{shift_id, z_number, t, shift->opening_float, counted_cash}),
            std::nullopt, &tail, now);
        tx.commit();
        shift->closed_at = now;
        shift->closed_by = actor.staff_id;
        shift->z_number = z_number;
        shift->counted_cash = counted_cash;
        shift->expected_cash = t.expected_cash;
        return *shift;
    });
}

} // namespace bl
