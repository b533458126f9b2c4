#include "shared/store/sales.hpp"

#include <map>
#include <stdexcept>

#include "shared/impact/allocation.hpp"
#include "shared/rules/payloads.hpp"
#include "shared/rules/sale_rules.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/detail/actions.hpp"
#include "shared/store/detail/connection.hpp"
#include "shared/store/production.hpp"
#include "shared/store/setup.hpp"
#include "shared/store/shifts.hpp"

namespace bl {

namespace {

// What the store holds about an original line a refund line names; none when there is no
// such line.
std::optional<RefundedLine> refunded_line(Database& db, const std::string& sale_id, int line_no) {
    store::Statement o(db, "SELECT l.quantity, l.product_id, s.training, "
                           "l.refund_of_sale_id IS NOT NULL, s.receipt_number, l.unit_price_ore, "
                           "l.line_total_ore FROM sale_line l JOIN sale s ON s.id = l.sale_id "
                           "WHERE l.sale_id = ? AND l.line_no = ?");
    o->bind(1, sale_id);
    o->bind(2, line_no);
    if (!o->executeStep())
        return std::nullopt;
    RefundedLine r;
    r.sold = o->getColumn(0).getInt64();
    r.product_id = o->getColumn(1).getString();
    r.training = o->getColumn(2).getInt() != 0;
    r.is_refund_line = o->getColumn(3).getInt() != 0;
    r.receipt_number = o->getColumn(4).getInt64();
    r.unit_price = Money::from_ore(o->getColumn(5).getInt64());
    r.line_total = Money::from_ore(o->getColumn(6).getInt64());
    r.already_refunded = refunded_quantity(db, sale_id, line_no);
    return r;
}

// The checks that need the stored records: each line's product and scanned batch, and each
// refund line against its original (the rules themselves are in shared/rules). Names the
// lines whose description the cart left empty, and the refund's original receipt.
std::optional<Message> check_against_records(Database& db, Sale& sale) {
    const bool refund = sale.lines.front().quantity < 0;
    std::map<std::pair<std::string, int>, std::int64_t> refunded_here;
    for (auto& l : sale.lines) {
        // The cart names each line; the product is read only when it did not (the foreign
        // key on sale_line still refuses a product that does not exist).
        if (l.description.empty()) {
            auto p = find_product(db, l.product_id);
            if (!p)
                return Message(BL_N_("That item no longer exists in the catalogue."));
            l.description = p->name;
        }
        if (l.scanned_batch_id) {
            store::Statement b(db, "SELECT product_id FROM batch WHERE id = ?");
            b->bind(1, *l.scanned_batch_id);
            if (!b->executeStep() || b->getColumn(0).getString() != l.product_id)
                return Message(BL_N_("The batch label does not belong to \"%s\"."),
                               {l.description});
        }
        if (!refund)
            continue;
        const auto original = refunded_line(db, *l.refund_of_sale_id, *l.refund_of_line_no);
        if (!original)
            return Message(BL_N_("The receipt line to refund was not found."));
        auto& earlier = refunded_here[{*l.refund_of_sale_id, *l.refund_of_line_no}];
        if (auto problem = check_refund_line(l, *original, sale.training, earlier))
            return problem;
        earlier -= l.quantity;
        if (!sale.refund_of)
            sale.refund_of = *l.refund_of_sale_id;
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
        store::Statement q(db, "SELECT batch_id, units, allocated FROM sale_allocation "
                               "WHERE sale_id = ? AND line_no = ? ORDER BY part");
        q->bind(1, sale_id);
        q->bind(2, line_no);
        while (q->executeStep())
            parts.push_back({q->getColumn(0).isNull()
                                 ? std::nullopt
                                 : std::optional<std::string>(q->getColumn(0).getString()),
                             q->getColumn(1).getInt64(), q->getColumn(2).getInt() != 0});
    }
    std::map<std::string, std::int64_t> returned; // batch ("" = none) -> units already back
    {
        store::Statement q(db, "SELECT coalesce(a.batch_id, ''), -sum(a.units) FROM "
                               "sale_allocation a JOIN sale_line l ON l.sale_id = a.sale_id AND "
                               "l.line_no = a.line_no WHERE l.refund_of_sale_id = ? AND "
                               "l.refund_of_line_no = ? GROUP BY 1");
        q->bind(1, sale_id);
        q->bind(2, line_no);
        while (q->executeStep())
            returned[q->getColumn(0).getString()] = q->getColumn(1).getInt64();
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

// Which batches a line's units come from: a refund's go back where the original's came
// from, a scanned label names its batch, the rest go first-in-first-out.
std::vector<LineAllocation> allocate(Database& db, const SaleLine& l) {
    std::vector<LineAllocation> out;
    if (l.quantity < 0)
        return refund_allocations(db, *l.refund_of_sale_id, *l.refund_of_line_no, -l.quantity);
    if (l.scanned_batch_id) {
        out.push_back({*l.scanned_batch_id, l.quantity, false});
        return out;
    }
    const FifoResult fifo = allocate_fifo(open_batches(db, l.product_id), l.quantity);
    for (const auto& s : fifo.shares)
        out.push_back({s.batch_id, s.units, true});
    if (fifo.unallocated > 0)
        out.push_back({"", fifo.unallocated, true});
    return out;
}

// The sale's rows: the sale, its lines with their batch allocations (a trigger takes the
// units off each batch's stock), and its payments. `journal_seq` is the row that will
// journal it.
void write_sale(Database& db, Sale& sale, std::int64_t journal_seq) {
    store::Statement si(db, "INSERT INTO sale(id, device_id, shop_id, shift_id, staff_id, "
                            "sold_at, receipt_number, training, refund_of, total_ore, vat_ore, "
                            "rounding_ore, journal_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    si->bind(1, sale.id);
    si->bind(2, sale.device_id);
    si->bind(3, sale.shop_id);
    si->bind(4, sale.shift_id);
    si->bind(5, sale.staff_id);
    si->bind(6, format_utc(sale.sold_at));
    si->bind(7, sale.receipt_number);
    si->bind(8, sale.training ? 1 : 0);
    if (sale.refund_of)
        si->bind(9, *sale.refund_of);
    si->bind(10, sale.total().ore());
    si->bind(11, sale_vat(sale).vat_total().ore());
    si->bind(12, sale_rounding(sale).ore());
    si->bind(13, journal_seq);
    si->exec();

    int line_no = 0;
    for (auto& l : sale.lines) {
        l.line_no = ++line_no;
        store::Statement li(db, "INSERT INTO sale_line(sale_id, line_no, product_id, "
                                "description, scanned_batch_id, quantity, unit_price_ore, "
                                "discount_ore, vat_rate_bp, line_total_ore, refund_of_sale_id, "
                                "refund_of_line_no) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        li->bind(1, sale.id);
        li->bind(2, l.line_no);
        li->bind(3, l.product_id);
        li->bind(4, l.description);
        if (l.scanned_batch_id)
            li->bind(5, *l.scanned_batch_id);
        li->bind(6, l.quantity);
        li->bind(7, l.unit_price.ore());
        li->bind(8, l.discount.ore());
        li->bind(9, l.vat_rate.basis_points);
        li->bind(10, l.line_total().ore());
        if (l.refund_of_sale_id) {
            li->bind(11, *l.refund_of_sale_id);
            li->bind(12, *l.refund_of_line_no);
        }
        li->exec();

        l.allocations = allocate(db, l);
        int part = 0;
        for (const auto& a : l.allocations) {
            store::Statement ai(db, "INSERT INTO sale_allocation(sale_id, line_no, part, "
                                    "batch_id, units, allocated) VALUES (?,?,?,?,?,?)");
            ai->bind(1, sale.id);
            ai->bind(2, l.line_no);
            ai->bind(3, ++part);
            if (!a.batch_id.empty())
                ai->bind(4, a.batch_id);
            ai->bind(5, a.units);
            ai->bind(6, a.allocated ? 1 : 0);
            ai->exec();
        }
    }

    int part = 0;
    for (const auto& p : sale.payments) {
        store::Statement pi(db, "INSERT INTO payment(sale_id, part, tender, amount_ore, "
                                "tendered_ore, change_ore, rounding_ore, reference) "
                                "VALUES (?,?,?,?,?,?,?,?)");
        pi->bind(1, sale.id);
        pi->bind(2, ++part);
        pi->bind(3, std::string(to_string(p.tender)));
        pi->bind(4, p.amount.ore());
        pi->bind(5, p.tendered.ore());
        pi->bind(6, p.change.ore());
        pi->bind(7, p.rounding.ore());
        pi->bind(8, p.reference);
        pi->exec();
    }
}

} // namespace

// Check, number, write, journal: in that order, all in one transaction.
Result<Sale, Message> record_sale(Database& db, const Actor& actor, Sale sale) {
    return store::writing([&]() -> Result<Sale, Message> {
        // Check: first the rules any sale keeps whatever is stored (the central store checks
        // the same), then, under the write lock, what depends on the stored records.
        if (auto problem = check_sale_lines(sale))
            return err(*problem);
        if (auto problem = check_payments(sale))
            return err(*problem);
        auto tx = store::begin_write(db);
        auto device = find_device(db, actor.device_id);
        if (!device || !device->shop_id)
            return err(Message(BL_N_("This device is not set up as a till.")));
        if (actor.staff_id.empty())
            return err(Message(BL_N_("Log in before selling.")));
        auto shift = current_shift(db, actor.device_id);
        if (!shift)
            return err(Message(BL_N_("The till is not open. Open a shift and count the float "
                                     "first.")));
        if (auto problem = check_against_records(db, sale))
            return err(*problem);

        // Number: the ids, and the receipt number, gapless per till (and separately for
        // training receipts) because it is taken under the write lock. The journal row's
        // sequence is reserved the same way so that the sale row can point at it.
        sale.id = db.ids.next();
        sale.device_id = actor.device_id;
        sale.shop_id = *device->shop_id;
        sale.shift_id = shift->id;
        sale.staff_id = actor.staff_id;
        sale.sold_at = db.clock();
        sale.receipt_number = last_receipt_number(db, sale.device_id, sale.training) + 1;
        const store::JournalTail tail = store::journal_tail(db, sale.device_id);
        const std::int64_t journal_seq = tail.next_seq;

        // Write, then journal.
        write_sale(db, sale, journal_seq);
        const bool refund = sale.lines.front().quantity < 0;
        // The payload written straight to its canonical text (with the staff id the journal
        // adds to every action), the one definition the central store checks it against.
        std::string text;
        CanonicalWriter w(text);
        write_sale_payload(w, sale, actor.staff_id.empty() ? nullptr : &actor.staff_id);
        const JournalEntry e =
            store::record_action_text(db, actor, refund ? JournalKind::refund : JournalKind::sale,
                                      std::move(text), &tail, sale.sold_at);
        if (e.seq != journal_seq)
            throw std::logic_error("journal sequence moved inside a write transaction");
        // The open cart kept against a crash is this sale now: it goes in the same commit, so
        // a basket is never both sold and brought back after a restart. A refund is no cart's
        // sale: a kept cart (and a part payment kept with it) stays.
        if (!refund)
            store::Statement(db, "DELETE FROM kept_cart WHERE slot = 0")->exec();
        tx.commit();
        return sale;
    });
}

} // namespace bl
