#include "shared/store/sales.hpp"

#include <map>

#include "shared/core/cash_rounding.hpp"
#include "shared/impact/allocation.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/production.hpp"
#include "shared/store/setup.hpp"

namespace bl {

namespace {

constexpr std::int64_t max_line_quantity = 9999;

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
    SQLite::Statement q(db.sql(), std::string(shift_select) + "WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep())
        return std::nullopt;
    return read_shift(q);
}

JsonValue opt(const std::optional<std::string>& s) {
    return s ? JsonValue(*s) : JsonValue();
}

// Checks that the payments settle the total exactly, with 50-øre rounding on cash only.
std::optional<Message> check_payments(const Sale& sale, Money total) {
    if (sale.payments.empty())
        return Message(BL_N_("Choose how the customer pays."));
    const bool refund = total.is_negative();
    Money paid;
    Money rounding;
    for (const auto& p : sale.payments) {
        if (p.tender != Tender::cash && !p.rounding.is_zero())
            return Message(BL_N_("Only cash is rounded to 50 øre; card and MobilePay are paid "
                                 "to the øre."));
        if (p.tender == Tender::cash) {
            const Money exact = p.amount - p.rounding;
            if (round_cash(exact) != p.amount)
                return Message(BL_N_("Cash must be rounded to 50 øre: %s should be %s."),
                               {format_dkk(exact), format_dkk(round_cash(exact))});
            if (!refund) {
                if (p.tendered < p.amount)
                    return Message(BL_N_("The customer handed over %s, but %s is due in "
                                         "cash."),
                                   {format_dkk(p.tendered), format_dkk(p.amount)});
                if (p.change != p.tendered - p.amount)
                    return Message(BL_N_("The change does not match: %s handed over, %s due, "
                                         "so %s back."),
                                   {format_dkk(p.tendered), format_dkk(p.amount),
                                    format_dkk(p.tendered - p.amount)});
            }
        }
        if (!total.is_zero() && (p.amount.is_negative() != refund) && !p.amount.is_zero())
            return Message(BL_N_("A payment goes the wrong way: a sale takes money in and a "
                                 "refund pays money out."));
        paid += p.amount;
        rounding += p.rounding;
    }
    if (paid != total + rounding) {
        const Money missing = total + rounding - paid;
        if (!refund && missing.ore() > 0)
            return Message(BL_N_("%s is still missing. The total is %s."),
                           {format_dkk(missing), format_dkk(total)});
        return Message(BL_N_("The payments (%s) do not add up to the total (%s)."),
                       {format_dkk(paid - rounding), format_dkk(total)});
    }
    return std::nullopt;
}

// Where the refunded units of an original line go back to: the batches the original units
// came from, most recently allocated part first, less what earlier refunds returned.
std::vector<LineAllocation> refund_allocations(Database& db, const std::string& sale_id,
                                               int line_no, std::int64_t units) {
    struct Part {
        std::optional<std::string> batch;
        std::int64_t units;
        bool allocated;
    };
    std::vector<Part> parts;
    {
        SQLite::Statement q(db.sql(), "SELECT batch_id, units, allocated FROM sale_allocation "
                                      "WHERE sale_id = ? AND line_no = ? ORDER BY part");
        q.bind(1, sale_id);
        q.bind(2, line_no);
        while (q.executeStep())
            parts.push_back({q.getColumn(0).isNull()
                                 ? std::nullopt
                                 : std::optional<std::string>(q.getColumn(0).getString()),
                             q.getColumn(1).getInt64(), q.getColumn(2).getInt() != 0});
    }
    std::map<std::string, std::int64_t> returned; // batch ("" = none) -> units already back
    {
        SQLite::Statement q(db.sql(),
                            "SELECT coalesce(a.batch_id, ''), -sum(a.units) FROM sale_allocation a "
                            "JOIN sale_line l ON l.sale_id = a.sale_id AND l.line_no = a.line_no "
                            "WHERE l.refund_of_sale_id = ? AND l.refund_of_line_no = ? "
                            "GROUP BY 1");
        q.bind(1, sale_id);
        q.bind(2, line_no);
        while (q.executeStep())
            returned[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
    }
    std::vector<LineAllocation> out;
    std::int64_t left = units;
    // Earlier refunds took their units in this same order, so their budget is used up first.
    for (auto it = parts.rbegin(); it != parts.rend() && left > 0; ++it) {
        std::int64_t& back = returned[it->batch.value_or("")];
        const std::int64_t used = std::min(back, it->units);
        back -= used;
        const std::int64_t can = it->units - used;
        if (can <= 0)
            continue;
        const std::int64_t take = std::min(can, left);
        left -= take;
        out.push_back({it->batch.value_or(""), -take, it->allocated});
    }
    return out;
}

} // namespace

Result<Shift, Message> open_shift(Database& db, const Actor& actor, Money opening_float) {
    if (opening_float.is_negative())
        return err(Message(BL_N_("The float cannot be negative. Count the cash in the drawer.")));
    if (opening_float.ore() > 10'000'00)
        return err(Message(BL_N_("A float of %s is more than 10.000 kr. Count the drawer "
                                 "again."),
                           {format_dkk(opening_float)}));
    auto tx = db.begin();
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
    SQLite::Statement ins(db.sql(), "INSERT INTO shift(id, device_id, shop_id, opened_by, "
                                    "opened_at, opening_float_ore) VALUES (?, ?, ?, ?, ?, ?)");
    ins.bind(1, s.id);
    ins.bind(2, s.device_id);
    ins.bind(3, *device->shop_id);
    ins.bind(4, s.opened_by);
    ins.bind(5, format_utc(s.opened_at));
    ins.bind(6, s.opening_float.ore());
    ins.exec();
    record_action(db, actor, "shift_opened",
                  JsonObject{{"shift_id", s.id}, {"opening_float_ore", opening_float.ore()}});
    tx.commit();
    return s;
}

std::optional<Shift> current_shift(Database& db, const std::string& device_id) {
    auto& q = db.prepared("SELECT id, device_id, opened_by, opened_at, opening_float_ore, "
                          "closed_at, closed_by, z_number, counted_cash_ore, expected_cash_ore "
                          "FROM shift WHERE device_id = ? AND closed_at IS NULL");
    q.bind(1, device_id);
    std::optional<Shift> s;
    if (q.executeStep())
        s = read_shift(q);
    q.reset();
    return s;
}

Result<Sale, Message> record_sale(Database& db, const Actor& actor, Sale sale) {
    if (sale.lines.empty())
        return err(Message(BL_N_("The sale has no items. Scan or choose an item first.")));
    const bool refund = sale.lines.front().quantity < 0;
    for (const auto& l : sale.lines) {
        if (l.quantity == 0)
            return err(Message(BL_N_("A quantity of 0 is not a sale. Remove the line instead.")));
        if ((l.quantity < 0) != refund)
            return err(Message(BL_N_("A sale and a refund must be separate receipts.")));
        if (l.quantity > max_line_quantity || l.quantity < -max_line_quantity)
            return err(Message(BL_N_("%s items on one line is more than the till accepts. "
                                     "Check the quantity."),
                               {std::to_string(l.quantity)}));
        if (l.unit_price.is_negative())
            return err(Message(BL_N_("A price cannot be negative.")));
        if (!l.vat_rate.valid())
            return err(Message(BL_N_("The VAT rate must be 25 %% or 0 %%.")));
        const Money gross = l.unit_price.times(l.quantity);
        // A discount moves the line towards zero and never past it: on a sale it is
        // between 0 and the gross, on a refund between the (negative) gross and 0.
        const bool bad_discount = refund ? (l.discount.ore() > 0 || l.discount < gross)
                                         : (l.discount.is_negative() || l.discount > gross);
        if (bad_discount)
            return err(Message(BL_N_("The discount on \"%s\" is larger than the line itself."),
                               {l.description}));
        if (refund && (!l.refund_of_sale_id || !l.refund_of_line_no))
            return err(Message(BL_N_("A refund must name the receipt it refunds.")));
    }

    auto tx = db.begin();
    auto device = find_device(db, actor.device_id);
    if (!device || !device->shop_id)
        return err(Message(BL_N_("This device is not set up as a till.")));
    if (actor.staff_id.empty())
        return err(Message(BL_N_("Log in before selling.")));
    auto shift = current_shift(db, actor.device_id);
    if (!shift)
        return err(Message(BL_N_("The till is not open. Open a shift and count the float "
                                 "first.")));
    sale.id = db.ids.next();
    sale.device_id = actor.device_id;
    sale.shop_id = *device->shop_id;
    sale.shift_id = shift->id;
    sale.staff_id = actor.staff_id;
    sale.sold_at = db.clock();
    const std::string at = format_utc(sale.sold_at);

    // Refund lines: the original must exist and still have that many units to refund.
    std::map<std::pair<std::string, int>, std::int64_t> refund_in_this_sale;
    for (auto& l : sale.lines) {
        // The cart names each line; the product is read only when it did not (the foreign
        // key on sale_line still refuses a product that does not exist).
        if (l.description.empty()) {
            auto p = find_product(db, l.product_id);
            if (!p)
                return err(Message(BL_N_("That item no longer exists in the catalogue.")));
            l.description = p->name;
        }
        if (l.scanned_batch_id) {
            auto& b = db.prepared("SELECT product_id FROM batch WHERE id = ?");
            b.bind(1, *l.scanned_batch_id);
            const bool belongs = b.executeStep() && b.getColumn(0).getString() == l.product_id;
            b.reset();
            if (!belongs)
                return err(
                    Message(BL_N_("The batch label does not belong to \"%s\"."), {l.description}));
        }
        if (!refund)
            continue;
        SQLite::Statement o(db.sql(),
                            "SELECT l.quantity, l.product_id, s.training, l.refund_of_sale_id, "
                            "s.receipt_number, l.unit_price_ore, l.line_total_ore "
                            "FROM sale_line l JOIN sale s ON s.id = l.sale_id "
                            "WHERE l.sale_id = ? AND l.line_no = ?");
        o.bind(1, *l.refund_of_sale_id);
        o.bind(2, *l.refund_of_line_no);
        if (!o.executeStep())
            return err(Message(BL_N_("The receipt line to refund was not found.")));
        const std::int64_t sold = o.getColumn(0).getInt64();
        if (o.getColumn(1).getString() != l.product_id || sold < 0 || !o.getColumn(3).isNull())
            return err(Message(BL_N_("That receipt line cannot be refunded this way.")));
        if ((o.getColumn(2).getInt() != 0) != sale.training)
            return err(Message(BL_N_("A training receipt can only be refunded in training "
                                     "mode, and a real one only outside it.")));
        auto& here = refund_in_this_sale[{*l.refund_of_sale_id, *l.refund_of_line_no}];
        here += -l.quantity;
        const std::int64_t already =
            refunded_quantity(db, *l.refund_of_sale_id, *l.refund_of_line_no);
        if (already + here > sold) {
            const std::int64_t left = sold - already;
            if (left <= 0)
                return err(Message(BL_N_("\"%s\" on receipt %s has already been refunded in "
                                         "full."),
                                   {l.description, o.getColumn(4).getString()}));
            return err(Message(BL_N_("Only %s of \"%s\" can still be refunded from receipt "
                                     "%s."),
                               {std::to_string(left), l.description, o.getColumn(4).getString()}));
        }
        // Never pay back more than the customer paid for those units.
        const Money orig_total = Money::from_ore(o.getColumn(6).getInt64());
        const std::int64_t cap_num = checked_mul(orig_total.ore(), -l.quantity);
        const Money cap = Money::from_ore((cap_num + sold - 1) / sold);
        if (o.getColumn(5).getInt64() != l.unit_price.ore() || -l.line_total().ore() > cap.ore())
            return err(Message(BL_N_("The refund for \"%s\" is more than was paid for it."),
                               {l.description}));
        if (!sale.refund_of)
            sale.refund_of = *l.refund_of_sale_id;
    }

    const Money total = sale.total();
    if (auto problem = check_payments(sale, total))
        return err(*problem);
    std::vector<VatLine> vat_lines;
    for (const auto& l : sale.lines)
        vat_lines.push_back({l.vat_rate, l.line_total()});
    const VatSummary vat = summarize_vat(vat_lines);
    Money rounding;
    for (const auto& p : sale.payments)
        rounding += p.rounding;

    // Gapless per till (and separately for training receipts), under the write lock.
    sale.receipt_number = last_receipt_number(db, sale.device_id, sale.training) + 1;

    // The journal row's sequence is known only after append; reserve it by reading the
    // tail now so the sale row can point at it.
    auto& h = db.prepared("SELECT coalesce(max(seq), 0) + 1 FROM journal WHERE device_id = ?");
    h.bind(1, sale.device_id);
    h.executeStep();
    const std::int64_t journal_seq = h.getColumn(0).getInt64();
    h.reset();

    auto& si = db.prepared("INSERT INTO sale(id, device_id, shop_id, shift_id, staff_id, "
                           "sold_at, receipt_number, training, refund_of, total_ore, vat_ore, "
                           "rounding_ore, journal_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    si.bind(1, sale.id);
    si.bind(2, sale.device_id);
    si.bind(3, sale.shop_id);
    si.bind(4, sale.shift_id);
    si.bind(5, sale.staff_id);
    si.bind(6, at);
    si.bind(7, sale.receipt_number);
    si.bind(8, sale.training ? 1 : 0);
    if (sale.refund_of)
        si.bind(9, *sale.refund_of);
    si.bind(10, total.ore());
    si.bind(11, vat.vat_total().ore());
    si.bind(12, rounding.ore());
    si.bind(13, journal_seq);
    si.exec();

    JsonArray jlines;
    int line_no = 0;
    for (auto& l : sale.lines) {
        l.line_no = ++line_no;
        auto& li = db.prepared("INSERT INTO sale_line(sale_id, line_no, product_id, "
                               "description, scanned_batch_id, quantity, unit_price_ore, "
                               "discount_ore, vat_rate_bp, line_total_ore, refund_of_sale_id, "
                               "refund_of_line_no) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        li.bind(1, sale.id);
        li.bind(2, l.line_no);
        li.bind(3, l.product_id);
        li.bind(4, l.description);
        if (l.scanned_batch_id)
            li.bind(5, *l.scanned_batch_id);
        li.bind(6, l.quantity);
        li.bind(7, l.unit_price.ore());
        li.bind(8, l.discount.ore());
        li.bind(9, l.vat_rate.basis_points);
        li.bind(10, l.line_total().ore());
        if (l.refund_of_sale_id) {
            li.bind(11, *l.refund_of_sale_id);
            li.bind(12, *l.refund_of_line_no);
        }
        li.exec();

        l.allocations.clear();
        if (refund) {
            l.allocations =
                refund_allocations(db, *l.refund_of_sale_id, *l.refund_of_line_no, -l.quantity);
        } else if (l.scanned_batch_id) {
            l.allocations.push_back({*l.scanned_batch_id, l.quantity, false});
        } else {
            const auto open = open_batches(db, l.product_id);
            const FifoResult fifo = allocate_fifo(open, l.quantity);
            for (const auto& s : fifo.shares)
                l.allocations.push_back({s.batch_id, s.units, true});
            if (fifo.unallocated > 0)
                l.allocations.push_back({"", fifo.unallocated, true});
        }
        JsonArray jparts;
        int part = 0;
        for (const auto& a : l.allocations) {
            const std::optional<std::string> batch =
                a.batch_id.empty() ? std::nullopt : std::optional<std::string>(a.batch_id);
            auto& ai = db.prepared("INSERT INTO sale_allocation(sale_id, line_no, part, "
                                   "batch_id, units, allocated) VALUES (?,?,?,?,?,?)");
            ai.bind(1, sale.id);
            ai.bind(2, l.line_no);
            ai.bind(3, ++part);
            if (batch)
                ai.bind(4, *batch);
            ai.bind(5, a.units);
            ai.bind(6, a.allocated ? 1 : 0);
            ai.exec(); // the trigger takes the units off the batch's stock
            jparts.push_back(JsonObject{
                {"batch_id", opt(batch)}, {"units", a.units}, {"allocated", a.allocated}});
        }
        JsonObject jl{{"line_no", l.line_no},
                      {"product_id", l.product_id},
                      {"description", l.description},
                      {"quantity", l.quantity},
                      {"unit_price_ore", l.unit_price.ore()},
                      {"discount_ore", l.discount.ore()},
                      {"vat_rate_bp", l.vat_rate.basis_points},
                      {"line_total_ore", l.line_total().ore()},
                      {"scanned_batch_id", opt(l.scanned_batch_id)},
                      {"batches", jparts}};
        if (l.refund_of_sale_id) {
            jl.emplace("refund_of_sale_id", *l.refund_of_sale_id);
            jl.emplace("refund_of_line_no", *l.refund_of_line_no);
        }
        jlines.push_back(std::move(jl));
    }

    JsonArray jpay;
    int part = 0;
    for (const auto& p : sale.payments) {
        auto& pi = db.prepared("INSERT INTO payment(sale_id, part, tender, amount_ore, "
                               "tendered_ore, change_ore, rounding_ore, reference) "
                               "VALUES (?,?,?,?,?,?,?,?)");
        pi.bind(1, sale.id);
        pi.bind(2, ++part);
        pi.bind(3, std::string(to_string(p.tender)));
        pi.bind(4, p.amount.ore());
        pi.bind(5, p.tendered.ore());
        pi.bind(6, p.change.ore());
        pi.bind(7, p.rounding.ore());
        pi.bind(8, p.reference);
        pi.exec();
        jpay.push_back(JsonObject{{"tender", std::string(to_string(p.tender))},
                                  {"amount_ore", p.amount.ore()},
                                  {"tendered_ore", p.tendered.ore()},
                                  {"change_ore", p.change.ore()},
                                  {"rounding_ore", p.rounding.ore()},
                                  {"reference", p.reference}});
    }
    JsonArray jvat;
    for (const auto& g : vat.groups)
        jvat.push_back(JsonObject{{"vat_rate_bp", g.rate.basis_points},
                                  {"gross_ore", g.gross.ore()},
                                  {"vat_ore", g.vat.ore()}});

    const JournalEntry e = record_action(db, actor, refund ? "refund" : "sale",
                                         JsonObject{{"sale_id", sale.id},
                                                    {"shop_id", sale.shop_id},
                                                    {"shift_id", sale.shift_id},
                                                    {"receipt_number", sale.receipt_number},
                                                    {"training", sale.training},
                                                    {"refund_of", opt(sale.refund_of)},
                                                    {"lines", jlines},
                                                    {"payments", jpay},
                                                    {"vat", jvat},
                                                    {"total_ore", total.ore()},
                                                    {"rounding_ore", rounding.ore()}});
    if (e.seq != journal_seq)
        throw std::logic_error("journal sequence moved inside a write transaction");
    // The open cart kept against a crash is this sale now: it goes in the same commit, so
    // a basket is never both sold and brought back after a restart.
    db.prepared("DELETE FROM kept_cart WHERE slot = 0").exec();
    tx.commit();
    return sale;
}

SaleImpact impact_of_sale(Database& db, const std::string& sale_id) {
    std::vector<UnitsFromBatch> units;
    std::map<std::string, BatchWork> batches;
    std::map<std::string, std::optional<std::string>> names;
    SQLite::Statement a(db.sql(), "SELECT coalesce(a.batch_id, ''), a.units, a.allocated, "
                                  "b.units, coalesce(w.name, '') FROM sale_allocation a "
                                  "LEFT JOIN batch b ON b.id = a.batch_id "
                                  "LEFT JOIN workshop w ON w.id = b.workshop_id "
                                  "WHERE a.sale_id = ? ORDER BY a.line_no, a.part");
    a.bind(1, sale_id);
    while (a.executeStep()) {
        const std::string batch = a.getColumn(0).getString();
        units.push_back({batch, a.getColumn(1).getInt64(), a.getColumn(2).getInt() != 0});
        if (!batch.empty() && !batches.count(batch))
            batches[batch] = BatchWork{a.getColumn(4).getString(), a.getColumn(3).getInt64(), {}};
    }
    for (auto& [id, work] : batches) {
        SQLite::Statement c(db.sql(), "SELECT c.maker_id, sum(c.minutes), m.display_name, "
                                      "(SELECT level FROM maker_consent k WHERE k.maker_id = "
                                      "c.maker_id AND k.channel = 'receipt' ORDER BY version "
                                      "DESC LIMIT 1) FROM contribution c JOIN maker m ON "
                                      "m.id = c.maker_id WHERE c.batch_id = ? GROUP BY c.maker_id");
        c.bind(1, id);
        while (c.executeStep()) {
            const std::string maker = c.getColumn(0).getString();
            work.minutes_by_maker[maker] = c.getColumn(1).getInt64();
            // Only a recorded consent (level 1 or more) lets the name out.
            const bool consented = !c.getColumn(3).isNull() && c.getColumn(3).getInt() >= 1;
            names[maker] =
                consented ? std::optional<std::string>(c.getColumn(2).getString()) : std::nullopt;
        }
    }
    return sale_impact(units, batches, names);
}

std::int64_t refunded_quantity(Database& db, const std::string& sale_id, int line_no) {
    auto& q = db.prepared("SELECT coalesce(-sum(quantity), 0) FROM sale_line "
                          "WHERE refund_of_sale_id = ? AND refund_of_line_no = ?");
    q.bind(1, sale_id);
    q.bind(2, line_no);
    q.executeStep();
    const std::int64_t n = q.getColumn(0).getInt64();
    q.reset();
    return n;
}

ShiftTotals shift_totals(Database& db, const std::string& shift_id) {
    ShiftTotals t;
    auto shift = find_shift(db, shift_id);
    if (!shift)
        return t;
    {
        SQLite::Statement q(db.sql(), "SELECT count(*) FILTER (WHERE refund_of IS NULL), "
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
        SQLite::Statement q(db.sql(), "SELECT p.tender, sum(p.amount_ore) FROM payment p "
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
        SQLite::Statement q(db.sql(),
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
        SQLite::Statement q(db.sql(),
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
        SQLite::Statement q(db.sql(),
                            "SELECT coalesce(sum(total_ore), 0) FROM sale "
                            "WHERE shift_id = ? AND training = 0 AND refund_of IS NOT NULL");
        q.bind(1, shift_id);
        q.executeStep();
        t.refunded = Money::from_ore(q.getColumn(0).getInt64());
    }
    {
        SQLite::Statement q(db.sql(), "SELECT coalesce(u.name, s.staff_id), sum(s.total_ore) "
                                      "FROM sale s LEFT JOIN staff_user u ON u.id = s.staff_id "
                                      "WHERE s.shift_id = ? AND s.training = 0 "
                                      "GROUP BY s.staff_id ORDER BY 1");
        q.bind(1, shift_id);
        while (q.executeStep())
            t.by_seller.emplace_back(q.getColumn(0).getString(),
                                     Money::from_ore(q.getColumn(1).getInt64()));
    }
    {
        SQLite::Statement q(db.sql(), "SELECT coalesce(sum(total_ore), 0) FROM sale "
                                      "WHERE device_id = ? AND training = 0");
        q.bind(1, shift->device_id);
        q.executeStep();
        t.grand_total = Money::from_ore(q.getColumn(0).getInt64());
    }
    return t;
}

Result<Shift, Message> close_shift(Database& db, const Actor& actor, const std::string& shift_id,
                                   Money counted_cash) {
    if (counted_cash.is_negative())
        return err(Message(BL_N_("Counted cash cannot be negative.")));
    if (actor.staff_id.empty())
        return err(Message(BL_N_("Log in to close the till.")));
    auto tx = db.begin();
    auto shift = find_shift(db, shift_id);
    if (!shift || shift->device_id != actor.device_id)
        return err(Message(BL_N_("That shift does not belong to this till.")));
    if (shift->closed_at)
        return err(Message(BL_N_("This shift is already closed.")));
    const ShiftTotals t = shift_totals(db, shift_id);
    SQLite::Statement z(db.sql(), "SELECT coalesce(max(z_number), 0) + 1 FROM shift "
                                  "WHERE device_id = ?");
    z.bind(1, actor.device_id);
    z.executeStep();
    const std::int64_t z_number = z.getColumn(0).getInt64();
    auto& h = db.prepared("SELECT coalesce(max(seq), 0) + 1 FROM journal WHERE device_id = ?");
    h.bind(1, actor.device_id);
    h.executeStep();
    const std::int64_t journal_seq = h.getColumn(0).getInt64();
    h.reset();
    const Timestamp now = db.clock();
    SQLite::Statement u(db.sql(), "UPDATE shift SET closed_at = ?, closed_by = ?, z_number = ?, "
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
    JsonArray jvat;
    for (const auto& g : t.vat)
        jvat.push_back(JsonObject{{"vat_rate_bp", g.rate.basis_points},
                                  {"gross_ore", g.gross.ore()},
                                  {"vat_ore", g.vat.ore()}});
    record_action(db, actor, "z_report",
                  JsonObject{{"shift_id", shift_id},
                             {"z_number", z_number},
                             {"sales", t.sales},
                             {"refunds", t.refunds},
                             {"gross_ore", t.gross.ore()},
                             {"cash_ore", t.cash.ore()},
                             {"card_ore", t.card.ore()},
                             {"mobilepay_ore", t.mobilepay.ore()},
                             {"rounding_ore", t.rounding.ore()},
                             {"discounts_ore", t.discounts.ore()},
                             {"vat", jvat},
                             {"opening_float_ore", shift->opening_float.ore()},
                             {"expected_cash_ore", t.expected_cash.ore()},
                             {"counted_cash_ore", counted_cash.ore()},
                             {"difference_ore", (counted_cash - t.expected_cash).ore()},
                             {"refunded_ore", t.refunded.ore()},
                             {"grand_total_ore", t.grand_total.ore()}});
    tx.commit();
    shift->closed_at = now;
    shift->closed_by = actor.staff_id;
    shift->z_number = z_number;
    shift->counted_cash = counted_cash;
    shift->expected_cash = t.expected_cash;
    return *shift;
}

std::optional<Sale> find_sale(Database& db, const std::string& id) {
    SQLite::Statement q(db.sql(), "SELECT id, device_id, shop_id, shift_id, staff_id, sold_at, "
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
    SQLite::Statement l(db.sql(), "SELECT line_no, product_id, description, scanned_batch_id, "
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
        SQLite::Statement a(db.sql(), "SELECT coalesce(batch_id, ''), units, allocated FROM "
                                      "sale_allocation WHERE sale_id = ? AND line_no = ? "
                                      "ORDER BY part");
        a.bind(1, id);
        a.bind(2, line.line_no);
        while (a.executeStep())
            line.allocations.push_back({a.getColumn(0).getString(), a.getColumn(1).getInt64(),
                                        a.getColumn(2).getInt() != 0});
        s.lines.push_back(std::move(line));
    }
    SQLite::Statement p(db.sql(), "SELECT tender, amount_ore, tendered_ore, change_ore, "
                                  "rounding_ore, reference FROM payment WHERE sale_id = ? "
                                  "ORDER BY part");
    p.bind(1, id);
    while (p.executeStep())
        s.payments.push_back(
            {tender_from(p.getColumn(0).getString()).value_or(Tender::cash),
             Money::from_ore(p.getColumn(1).getInt64()), Money::from_ore(p.getColumn(2).getInt64()),
             Money::from_ore(p.getColumn(3).getInt64()), Money::from_ore(p.getColumn(4).getInt64()),
             p.getColumn(5).getString()});
    return s;
}

std::optional<Sale> find_sale_by_receipt(Database& db, const std::string& device_id,
                                         std::int64_t receipt_number, bool training) {
    SQLite::Statement q(db.sql(), "SELECT id FROM sale WHERE device_id = ? AND training = ? "
                                  "AND receipt_number = ?");
    q.bind(1, device_id);
    q.bind(2, training ? 1 : 0);
    q.bind(3, receipt_number);
    if (!q.executeStep())
        return std::nullopt;
    return find_sale(db, q.getColumn(0).getString());
}

std::int64_t last_receipt_number(Database& db, const std::string& device_id, bool training) {
    auto& q = db.prepared("SELECT coalesce(max(receipt_number), 0) FROM sale "
                          "WHERE device_id = ? AND training = ?");
    q.bind(1, device_id);
    q.bind(2, training ? 1 : 0);
    q.executeStep();
    const std::int64_t n = q.getColumn(0).getInt64();
    q.reset();
    return n;
}

} // namespace bl
