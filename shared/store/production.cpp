#include "shared/store/production.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"
#include "shared/rules/work_rules.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/detail/actions.hpp"
#include "shared/store/detail/connection.hpp"
#include "shared/store/people.hpp"
#include "shared/store/setup.hpp"

namespace bl {

namespace {

bool is_date(const std::string& s) {
    return s.size() == 10 && parse_utc(s + "T00:00:00Z").has_value();
}

Batch read_batch(SQLite::Statement& q) {
    Batch b;
    b.id = q.getColumn(0).getString();
    b.product_id = q.getColumn(1).getString();
    b.workshop_id = q.getColumn(2).getString();
    b.produced_on = q.getColumn(3).getString();
    b.units = q.getColumn(4).getInt64();
    b.material_cost = Money::from_ore(q.getColumn(5).getInt64());
    b.notes = q.getColumn(6).getString();
    b.label_code = q.getColumn(7).getString();
    b.revision = q.getColumn(8).getInt64();
    return b;
}

void load_contributions(Database& db, Batch& b) {
    SQLite::Statement q(store::sql(db), "SELECT id, maker_id, minutes, task_tag, worked_on FROM "
                                        "contribution WHERE batch_id = ? ORDER BY worked_on, id");
    q.bind(1, b.id);
    while (q.executeStep())
        b.contributions.push_back({q.getColumn(0).getString(), b.id, q.getColumn(1).getString(),
                                   q.getColumn(2).getInt64(), q.getColumn(3).getString(),
                                   q.getColumn(4).getString()});
}

constexpr const char* batch_select = "SELECT id, product_id, workshop_id, produced_on, units, "
                                     "material_cost_ore, notes, label_code, revision FROM batch ";

void insert_stock_move(Database& db, const std::string& product_id, const std::string& batch_id,
                       const std::string& location, std::int64_t units, StockReason reason,
                       const std::string& reference) {
    store::Statement q(db, "INSERT INTO stock_move(product_id, batch_id, location, units, "
                           "reason, reference, moved_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, product_id);
    if (!batch_id.empty())
        q->bind(2, batch_id);
    q->bind(3, location);
    q->bind(4, units);
    q->bind(5, std::string(to_string(reason)));
    q->bind(6, reference);
    q->bind(7, format_utc(db.clock()));
    q->exec();
}

// The work as typed, cleaned and checked on its own: work dates (the production day when
// none), task tags, no maker twice on the same task and day.
std::optional<Message> clean_work(std::vector<Contribution>& work, const std::string& produced_on) {
    if (work.empty())
        return Message(BL_N_("Add at least one maker and the time they spent."));
    std::set<std::pair<std::string, std::string>> seen;
    for (auto& c : work) {
        if (c.worked_on.empty())
            c.worked_on = produced_on;
        if (!is_date(c.worked_on))
            return Message(BL_N_("The work date is not a valid date."));
        auto tag = clean_text(c.task_tag, TextRules{0, 40, false, BL_N_("Task")});
        if (!tag)
            return tag.error();
        c.task_tag = tag.value();
        if (!seen.insert({c.maker_id, c.worked_on + "|" + c.task_tag}).second)
            return Message(BL_N_("The same maker, task and day is listed twice. Add the "
                                 "minutes together instead."));
    }
    return std::nullopt;
}

// The makers behind some work, inside the caller's transaction: each exists and belongs to the
// workshop, and is active unless already on the batch (`on_batch`: a correction may keep the
// work of a maker who has left since); and each maker's own hours, with what they have on
// other batches that day (`except_batch`'s own work is being replaced).
std::optional<Message> check_makers(Database& db, const std::string& workshop_id,
                                    const std::vector<Contribution>& work,
                                    const std::set<std::string>& on_batch,
                                    const std::string& except_batch) {
    std::map<std::string, std::string> names;
    for (const auto& c : work) {
        auto m = find_maker(db, c.maker_id);
        if (!m)
            return Message(BL_N_("One of the makers does not exist."));
        if (m->workshop_id != workshop_id)
            return Message(BL_N_("A maker from another workshop is listed. Log the work "
                                 "in the maker's own workshop."));
        if ((!m->active || m->erased) && !on_batch.count(m->id))
            return Message(BL_N_("One of the makers is no longer active. Make the maker "
                                 "active again first, or leave them out."));
        names[m->id] = m->display_name;
    }
    return check_work(
        work,
        [&](const std::string& maker, const std::string& day) {
            store::Statement q(db, "SELECT coalesce(sum(minutes), 0) FROM contribution "
                                   "WHERE maker_id = ? AND worked_on = ? AND batch_id <> ?");
            q->bind(1, maker);
            q->bind(2, day);
            q->bind(3, except_batch);
            q->executeStep();
            return q->getColumn(0).getInt64();
        },
        [&](const std::string& id) { return names[id].empty() ? id : names[id]; });
}

void insert_work(Database& db, Batch& b, JsonArray& journaled) {
    for (auto& c : b.contributions) {
        c.id = db.ids.next();
        c.batch_id = b.id;
        store::Statement ci(db, "INSERT INTO contribution(id, batch_id, maker_id, minutes, "
                                "task_tag, worked_on) VALUES (?, ?, ?, ?, ?, ?)");
        ci->bind(1, c.id);
        ci->bind(2, c.batch_id);
        ci->bind(3, c.maker_id);
        ci->bind(4, c.minutes);
        ci->bind(5, c.task_tag);
        ci->bind(6, c.worked_on);
        ci->exec();
        journaled.push_back(JsonObject{{"contribution_id", c.id},
                                       {"maker_id", c.maker_id},
                                       {"minutes", c.minutes},
                                       {"task_tag", c.task_tag},
                                       {"worked_on", c.worked_on}});
    }
}

JsonArray work_of(const Batch& b) {
    JsonArray out;
    for (const auto& c : b.contributions)
        out.push_back(JsonObject{{"contribution_id", c.id},
                                 {"maker_id", c.maker_id},
                                 {"minutes", c.minutes},
                                 {"task_tag", c.task_tag},
                                 {"worked_on", c.worked_on}});
    return out;
}

// A batch in the journal's words (batch_logged's payload, and a correction's new state).
JsonObject batch_payload(const Batch& b, JsonArray work) {
    return JsonObject{{"batch_id", b.id},
                      {"product_id", b.product_id},
                      {"workshop_id", b.workshop_id},
                      {"produced_on", b.produced_on},
                      {"units", b.units},
                      {"material_cost_ore", b.material_cost.ore()},
                      {"notes", b.notes},
                      {"label_code", b.label_code},
                      {"contributions", std::move(work)}};
}

std::int64_t minutes_of(const Batch& b) {
    std::int64_t m = 0;
    for (const auto& c : b.contributions)
        m += c.minutes;
    return m;
}

} // namespace

Result<Batch, Message> add_batch(Database& db, const Actor& actor, Batch b) {
    return store::writing([&]() -> Result<Batch, Message> {
        if (b.units <= 0)
            return err(Message(BL_N_("A batch has at least one unit.")));
        if (b.units > 100000)
            return err(Message(BL_N_("%s units is more than one batch can hold. Check the number."),
                               {std::to_string(b.units)}));
        if (!is_date(b.produced_on))
            return err(Message(BL_N_("The production date is not a valid date.")));
        if (b.material_cost.is_negative())
            return err(Message(BL_N_("The material cost cannot be negative.")));
        auto notes = clean_text(b.notes, note_rules);
        if (!notes)
            return err(notes.error());
        b.notes = notes.value();
        if (auto problem = clean_work(b.contributions, b.produced_on))
            return err(*problem);

        auto tx = store::begin_write(db);
        auto device = find_device(db, actor.device_id);
        if (!device)
            return err(Message(BL_N_("This device is not set up yet.")));
        auto product = find_product(db, b.product_id);
        if (!product)
            return err(Message(BL_N_("That product does not exist.")));
        if (!product->active)
            return err(Message(BL_N_("%s is no longer sold, so no batch of it can be logged."),
                               {product->name}));
        if (!find_workshop(db, b.workshop_id))
            return err(Message(BL_N_("That workshop does not exist.")));
        if (auto problem = check_makers(db, b.workshop_id, b.contributions, {}, b.id))
            return err(*problem);
        // The next serial of this device's labels: labels are minted here and never reused.
        // Codes are fixed-width digits, so the device's labels are one range of the unique
        // index on label_code and the highest is found without reading every batch.
        char prefix[8];
        std::snprintf(prefix, sizeof prefix, "29%03d", device->number);
        store::Statement s(db, "SELECT max(label_code) FROM batch WHERE label_code >= ?1 "
                               "AND label_code < ?1 || ':'");
        s->bind(1, std::string(prefix));
        s->executeStep();
        const std::string highest = s->getColumn(0).isNull() ? "" : s->getColumn(0).getString();
        const std::int64_t serial =
            highest.size() == 13 ? std::stoll(highest.substr(5, 7)) : std::int64_t{0};
        b.label_code = make_batch_label(device->number, serial + 1);
        if (b.id.empty())
            b.id = db.ids.next();
        const std::string now = format_utc(db.clock());

        store::Statement ins(db, "INSERT INTO batch(id, product_id, workshop_id, produced_on, "
                                 "units, material_cost_ore, notes, label_code, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ins->bind(1, b.id);
        ins->bind(2, b.product_id);
        ins->bind(3, b.workshop_id);
        ins->bind(4, b.produced_on);
        ins->bind(5, b.units);
        ins->bind(6, b.material_cost.ore());
        ins->bind(7, b.notes);
        ins->bind(8, b.label_code);
        ins->bind(9, now);
        ins->exec();
        JsonArray contribs;
        insert_work(db, b, contribs);
        insert_stock_move(db, b.product_id, b.id, "workshop:" + b.workshop_id, b.units,
                          StockReason::produced, b.label_code);
        store::record_action(db, actor, JournalKind::batch_logged,
                             batch_payload(b, std::move(contribs)));
        tx.commit();
        return b;
    });
}

Result<Batch, Message> correct_batch(Database& db, const Actor& actor, const BatchFix& fix) {
    return store::writing([&]() -> Result<Batch, Message> {
        auto reason = clean_text(fix.reason, TextRules{1, 300, false, BL_N_("Reason")});
        if (!reason)
            return err(Message(BL_N_("Say why the batch is corrected: the reason is kept with "
                                     "the correction.")));
        if (fix.units <= 0)
            return err(Message(BL_N_("A batch has at least one unit.")));
        if (fix.units > 100000)
            return err(Message(BL_N_("%s units is more than one batch can hold. Check the number."),
                               {std::to_string(fix.units)}));
        if (!is_date(fix.produced_on))
            return err(Message(BL_N_("The production date is not a valid date.")));
        if (fix.material_cost.is_negative())
            return err(Message(BL_N_("The material cost cannot be negative.")));
        auto notes = clean_text(fix.notes, note_rules);
        if (!notes)
            return err(notes.error());
        Batch now;
        now.contributions = fix.contributions;
        if (auto problem = clean_work(now.contributions, fix.produced_on))
            return err(*problem);

        auto tx = store::begin_write(db);
        auto was = find_batch(db, fix.batch_id);
        if (!was)
            return err(Message(BL_N_("That batch does not exist.")));
        const std::int64_t revision = was->revision;
        if (revision != fix.revision)
            return err(Message(BL_N_("Batch %s was corrected by someone else meanwhile. Open it "
                                     "again to see the batch as it is now."),
                               {was->label_code}));
        now.id = was->id;
        now.product_id = was->product_id;
        now.workshop_id = was->workshop_id;
        now.label_code = was->label_code;
        now.produced_on = fix.produced_on;
        now.units = fix.units;
        now.material_cost = fix.material_cost;
        now.notes = notes.value();
        now.revision = revision + 1;
        auto same_work = [](std::vector<Contribution> a, std::vector<Contribution> b) {
            auto key = [](const Contribution& c) {
                return std::tie(c.maker_id, c.worked_on, c.task_tag, c.minutes);
            };
            auto by_key = [&](const Contribution& x, const Contribution& y) {
                return key(x) < key(y);
            };
            std::sort(a.begin(), a.end(), by_key);
            std::sort(b.begin(), b.end(), by_key);
            return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                              [&](const auto& x, const auto& y) { return key(x) == key(y); });
        };
        if (now.units == was->units && now.produced_on == was->produced_on &&
            now.material_cost == was->material_cost && now.notes == was->notes &&
            same_work(now.contributions, was->contributions))
            return err(Message(BL_N_("Nothing was changed, so there is nothing to correct.")));

        // Units: never fewer than have left the workshop, and only where the batch's stock is
        // kept (the device that logged it holds its "produced" move).
        const std::string workshop = "workshop:" + was->workshop_id;
        store::Statement m(db, "SELECT coalesce(sum(units), 0), coalesce(sum(reason = 'produced'), "
                               "0) FROM stock_move WHERE batch_id = ? AND location = ?");
        m->bind(1, was->id);
        m->bind(2, workshop);
        m->executeStep();
        const std::int64_t at_workshop = m->getColumn(0).getInt64();
        const bool stock_here = m->getColumn(1).getInt64() > 0;
        const std::int64_t delta = now.units - was->units;
        if (delta != 0 && !stock_here)
            return err(Message(BL_N_("Batch %s was logged on another device, which keeps its "
                                     "stock: correct its units there. Its hours, day and notes "
                                     "can be corrected here."),
                               {was->label_code}));
        if (delta < 0 && -delta > at_workshop)
            return err(Message(BL_N_("%s units of batch %s have left the workshop (delivered or "
                                     "sold), so it cannot have fewer than %s."),
                               {std::to_string(was->units - at_workshop), was->label_code,
                                std::to_string(was->units - at_workshop)}));
        std::set<std::string> on_batch;
        for (const auto& c : was->contributions)
            on_batch.insert(c.maker_id);
        if (auto problem = check_makers(db, now.workshop_id, now.contributions, on_batch, now.id))
            return err(*problem);

        // What it was, kept: the correction record and the journal row both hold it.
        JsonObject previous{{"produced_on", was->produced_on},
                            {"units", was->units},
                            {"material_cost_ore", was->material_cost.ore()},
                            {"notes", was->notes},
                            {"contributions", work_of(*was)}};
        const std::string correction_id = db.ids.next();
        const std::string at = format_utc(db.clock());
        store::Statement del(db, "DELETE FROM contribution WHERE batch_id = ?");
        del->bind(1, now.id);
        del->exec();
        JsonArray work;
        insert_work(db, now, work);
        store::Statement up(db, "UPDATE batch SET produced_on = ?, units = ?, material_cost_ore = "
                                "?, notes = ?, revision = ? WHERE id = ?");
        up->bind(1, now.produced_on);
        up->bind(2, now.units);
        up->bind(3, now.material_cost.ore());
        up->bind(4, now.notes);
        up->bind(5, now.revision);
        up->bind(6, now.id);
        up->exec();
        store::Statement c(db, "INSERT INTO batch_correction(id, batch_id, revision, corrected_at, "
                               "corrected_by, reason, units_before, units_after, minutes_before, "
                               "minutes_after, previous) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        c->bind(1, correction_id);
        c->bind(2, now.id);
        c->bind(3, revision + 1);
        c->bind(4, at);
        c->bind(5, actor.staff_id);
        c->bind(6, reason.value());
        c->bind(7, was->units);
        c->bind(8, now.units);
        c->bind(9, minutes_of(*was));
        c->bind(10, minutes_of(now));
        c->bind(11, JsonValue(previous).dump());
        c->exec();
        if (delta != 0)
            insert_stock_move(db, now.product_id, now.id, workshop, delta, StockReason::adjusted,
                              "corrected:" + correction_id);
        JsonObject payload = batch_payload(now, std::move(work));
        payload.emplace("correction_id", correction_id);
        payload.emplace("revision", revision + 1);
        payload.emplace("reason", reason.value());
        payload.emplace("previous", std::move(previous));
        store::record_action(db, actor, JournalKind::batch_corrected, std::move(payload));
        tx.commit();
        return now;
    });
}

std::vector<BatchCorrection> batch_corrections(Database& db, const std::string& batch_id) {
    return store::reading([&]() -> std::vector<BatchCorrection> {
        SQLite::Statement q(
            store::sql(db),
            "SELECT id, batch_id, revision, corrected_at, corrected_by, reason, "
            "units_before, units_after, minutes_before, minutes_after, previous "
            "FROM batch_correction WHERE batch_id = ? ORDER BY revision, corrected_at, id");
        q.bind(1, batch_id);
        std::vector<BatchCorrection> out;
        while (q.executeStep())
            out.push_back(
                {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                 q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                 q.getColumn(6).getInt64(), q.getColumn(7).getInt64(), q.getColumn(8).getInt64(),
                 q.getColumn(9).getInt64(), q.getColumn(10).getString()});
        return out;
    });
}

std::int64_t batch_revision(Database& db, const std::string& batch_id) {
    return store::reading([&]() -> std::int64_t {
        SQLite::Statement q(store::sql(db), "SELECT revision FROM batch WHERE id = ?");
        q.bind(1, batch_id);
        return q.executeStep() ? q.getColumn(0).getInt64() : 0;
    });
}

namespace {

// One line of a delivery, inside the caller's transaction.
Result<std::int64_t, Message> deliver_in_tx(Database& db, const Actor& actor,
                                            const std::string& batch_id, const std::string& shop_id,
                                            std::int64_t units) {
    if (units <= 0)
        return err(Message(BL_N_("Deliver at least one unit.")));
    auto b = find_batch(db, batch_id);
    if (!b)
        return err(Message(BL_N_("That batch does not exist.")));
    if (!find_shop(db, shop_id))
        return err(Message(BL_N_("That shop does not exist.")));
    const std::string from = "workshop:" + b->workshop_id;
    SQLite::Statement q(store::sql(db), "SELECT coalesce(sum(units), 0) FROM stock_move "
                                        "WHERE batch_id = ? AND location = ?");
    q.bind(1, batch_id);
    q.bind(2, from);
    q.executeStep();
    const std::int64_t at_workshop = q.getColumn(0).getInt64();
    if (units > at_workshop)
        return err(Message(BL_N_("Only %s units of this batch are at the workshop."),
                           {std::to_string(at_workshop)}));
    insert_stock_move(db, b->product_id, batch_id, from, -units, StockReason::delivered, shop_id);
    insert_stock_move(db, b->product_id, batch_id, "shop:" + shop_id, units, StockReason::delivered,
                      b->workshop_id);
    store::record_action(
        db, actor, JournalKind::batch_delivered,
        JsonObject{{"batch_id", batch_id}, {"shop_id", shop_id}, {"units", units}});
    return units;
}

} // namespace

Result<std::int64_t, Message> deliver_batch(Database& db, const Actor& actor,
                                            const std::string& batch_id, const std::string& shop_id,
                                            std::int64_t units) {
    return store::writing([&]() -> Result<std::int64_t, Message> {
        auto tx = store::begin_write(db);
        auto r = deliver_in_tx(db, actor, batch_id, shop_id, units);
        if (r)
            tx.commit();
        return r;
    });
}

Result<std::int64_t, Message> deliver_batches(Database& db, const Actor& actor,
                                              const std::string& shop_id,
                                              const std::vector<DeliveryLine>& lines) {
    return store::writing([&]() -> Result<std::int64_t, Message> {
        if (lines.empty())
            return err(Message(BL_N_("Add at least one batch to the delivery.")));
        std::set<std::string> seen;
        for (const auto& l : lines)
            if (!seen.insert(l.batch_id).second)
                return err(Message(BL_N_("The same batch is on the delivery twice. Add the units "
                                         "together instead.")));
        auto tx = store::begin_write(db);
        std::int64_t all = 0;
        for (const auto& l : lines) {
            auto r = deliver_in_tx(db, actor, l.batch_id, shop_id, l.units);
            if (!r)
                return r; // rolled back: a delivery goes whole or not at all
            all += r.value();
        }
        tx.commit();
        return all;
    });
}

std::vector<MakerContribution> maker_contributions(Database& db, const std::string& maker_id) {
    return store::reading([&]() -> std::vector<MakerContribution> {
        SQLite::Statement q(store::sql(db),
                            "SELECT c.id, c.batch_id, c.maker_id, c.minutes, c.task_tag, "
                            "c.worked_on, p.name, b.label_code FROM contribution c JOIN batch b "
                            "ON b.id = c.batch_id JOIN product p ON p.id = b.product_id WHERE "
                            "c.maker_id = ? ORDER BY c.worked_on, c.id");
        q.bind(1, maker_id);
        std::vector<MakerContribution> out;
        while (q.executeStep())
            out.push_back({{q.getColumn(0).getString(), q.getColumn(1).getString(),
                            q.getColumn(2).getString(), q.getColumn(3).getInt64(),
                            q.getColumn(4).getString(), q.getColumn(5).getString()},
                           q.getColumn(6).getString(),
                           q.getColumn(7).getString()});
        return out;
    });
}

namespace {

// Units of a batch at a shop: what was delivered there and not reported back, less what its
// tills sold (sales and refunds, training excluded). A workshop station holds no sales, so
// there it is what the shop has had, at most.
std::int64_t units_at_shop(Database& db, const std::string& batch_id, const std::string& shop_id) {
    store::Statement q(db, "SELECT (SELECT coalesce(sum(units), 0) FROM stock_move WHERE "
                           "batch_id = ?1 AND location = 'shop:' || ?2) - (SELECT "
                           "coalesce(sum(a.units), 0) FROM sale_allocation a JOIN sale s ON "
                           "s.id = a.sale_id WHERE a.batch_id = ?1 AND s.shop_id = ?2 AND "
                           "s.training = 0)");
    q->bind(1, batch_id);
    q->bind(2, shop_id);
    q->executeStep();
    return q->getColumn(0).getInt64();
}

} // namespace

Result<std::int64_t, Message> report_back(Database& db, const Actor& actor,
                                          const std::string& batch_id, const std::string& shop_id,
                                          std::int64_t units, ReportedBack kind) {
    return store::writing([&]() -> Result<std::int64_t, Message> {
        if (units <= 0)
            return err(Message(BL_N_("Report at least one unit.")));
        auto tx = store::begin_write(db);
        auto b = find_batch(db, batch_id);
        if (!b)
            return err(Message(BL_N_("That batch does not exist.")));
        if (!find_shop(db, shop_id))
            return err(Message(BL_N_("That shop does not exist.")));
        const std::int64_t at_shop = units_at_shop(db, batch_id, shop_id);
        if (units > at_shop)
            return err(Message(BL_N_("Only %s units of this batch are at the shop."),
                               {std::to_string(std::max<std::int64_t>(at_shop, 0))}));
        const std::string shop = "shop:" + shop_id;
        if (kind == ReportedBack::returned) {
            // Back on the workshop's shelf: the batch keeps the units (and their hours).
            insert_stock_move(db, b->product_id, batch_id, shop, -units, StockReason::adjusted,
                              "returned");
            insert_stock_move(db, b->product_id, batch_id, "workshop:" + b->workshop_id, units,
                              StockReason::adjusted, "returned:" + shop_id);
        } else {
            insert_stock_move(db, b->product_id, batch_id, shop, -units, StockReason::lost,
                              "broken:" + shop_id);
        }
        store::record_action(
            db, actor, JournalKind::stock_returned,
            JsonObject{{"batch_id", batch_id},
                       {"shop_id", shop_id},
                       {"units", units},
                       {"kind", kind == ReportedBack::returned ? "returned" : "broken"}});
        tx.commit();
        return units;
    });
}

std::vector<BatchStock> stock_by_batch(Database& db,
                                       const std::optional<std::string>& workshop_id) {
    return store::reading([&]() -> std::vector<BatchStock> {
        // One pass over each table, summed per batch, joined to the batches.
        SQLite::Statement q(
            store::sql(db),
            "WITH moved AS (SELECT batch_id, "
            "  sum(CASE WHEN reason = 'delivered' AND location LIKE 'shop:%' THEN units ELSE 0 "
            "END) AS delivered, "
            "  sum(CASE WHEN reason = 'adjusted' AND reference LIKE 'returned:%' THEN units ELSE "
            "0 END) AS returned, "
            "  sum(CASE WHEN reason = 'lost' THEN -units ELSE 0 END) AS lost, "
            "  sum(CASE WHEN location LIKE 'workshop:%' THEN units ELSE 0 END) AS at_workshop "
            "  FROM stock_move WHERE batch_id IS NOT NULL GROUP BY batch_id), "
            "sold AS (SELECT a.batch_id, sum(a.units) AS units FROM sale_allocation a JOIN sale s "
            "  ON s.id = a.sale_id WHERE a.batch_id IS NOT NULL AND s.training = 0 "
            "  GROUP BY a.batch_id), "
            "work AS (SELECT batch_id, sum(minutes) AS minutes FROM contribution "
            "  GROUP BY batch_id) "
            "SELECT b.id, b.product_id, p.name, b.workshop_id, b.label_code, b.produced_on, "
            "b.units, coalesce(m.delivered, 0), coalesce(s.units, 0), coalesce(m.returned, 0), "
            "coalesce(m.lost, 0), b.on_hand, coalesce(m.at_workshop, 0), coalesce(w.minutes, 0) "
            "FROM batch b JOIN product p ON p.id = b.product_id "
            "LEFT JOIN moved m ON m.batch_id = b.id LEFT JOIN sold s ON s.batch_id = b.id "
            "LEFT JOIN work w ON w.batch_id = b.id "
            "WHERE ?1 IS NULL OR b.workshop_id = ?1 ORDER BY b.produced_on, b.id");
        if (workshop_id)
            q.bind(1, *workshop_id);
        std::vector<BatchStock> out;
        while (q.executeStep()) {
            BatchStock r;
            r.batch_id = q.getColumn(0).getString();
            r.product_id = q.getColumn(1).getString();
            r.product_name = q.getColumn(2).getString();
            r.workshop_id = q.getColumn(3).getString();
            r.label_code = q.getColumn(4).getString();
            r.produced_on = q.getColumn(5).getString();
            r.produced = q.getColumn(6).getInt64();
            r.delivered = q.getColumn(7).getInt64();
            r.sold = q.getColumn(8).getInt64();
            r.returned = q.getColumn(9).getInt64();
            r.lost = q.getColumn(10).getInt64();
            r.on_hand = q.getColumn(11).getInt64();
            r.at_workshop = q.getColumn(12).getInt64();
            r.minutes = q.getColumn(13).getInt64();
            out.push_back(std::move(r));
        }
        return out;
    });
}

std::optional<Batch> find_batch(Database& db, const std::string& id) {
    return store::reading([&]() -> std::optional<Batch> {
        SQLite::Statement q(store::sql(db), std::string(batch_select) + "WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep())
            return std::nullopt;
        Batch b = read_batch(q);
        load_contributions(db, b);
        return b;
    });
}

std::optional<Batch> find_batch_by_label(Database& db, const std::string& label_code) {
    return store::reading([&]() -> std::optional<Batch> {
        SQLite::Statement q(store::sql(db), "SELECT id FROM batch WHERE label_code = ?");
        q.bind(1, label_code);
        if (!q.executeStep())
            return std::nullopt;
        return find_batch(db, q.getColumn(0).getString());
    });
}

std::vector<Batch> list_batches(Database& db, const std::optional<std::string>& product_id) {
    return store::reading([&]() -> std::vector<Batch> {
        SQLite::Statement q(store::sql(db), std::string(batch_select) +
                                                "WHERE ?1 IS NULL OR product_id = ?1 "
                                                "ORDER BY produced_on, id");
        if (product_id)
            q.bind(1, *product_id);
        std::vector<Batch> out;
        while (q.executeStep())
            out.push_back(read_batch(q));
        for (auto& b : out)
            load_contributions(db, b);
        return out;
    });
}

std::vector<OpenBatch> open_batches(Database& db, const std::string& product_id) {
    return store::reading([&]() -> std::vector<OpenBatch> {
        store::Statement q(db, "SELECT id, produced_on, on_hand FROM batch WHERE product_id = ? "
                               "AND on_hand > 0 ORDER BY produced_on, id");
        q->bind(1, product_id);
        std::vector<OpenBatch> out;
        while (q->executeStep())
            out.push_back({q->getColumn(0).getString(), q->getColumn(1).getString(),
                           q->getColumn(2).getInt64()});
        return out;
    });
}

std::int64_t batch_on_hand(Database& db, const std::string& batch_id) {
    return store::reading([&]() -> std::int64_t {
        SQLite::Statement q(store::sql(db), "SELECT on_hand FROM batch WHERE id = ?");
        q.bind(1, batch_id);
        return q.executeStep() ? q.getColumn(0).getInt64() : 0;
    });
}

std::int64_t batch_minutes(Database& db, const std::string& batch_id) {
    return store::reading([&]() -> std::int64_t {
        SQLite::Statement q(
            store::sql(db),
            "SELECT coalesce(sum(minutes), 0) FROM contribution WHERE batch_id = ?");
        q.bind(1, batch_id);
        q.executeStep();
        return q.getColumn(0).getInt64();
    });
}

} // namespace bl
