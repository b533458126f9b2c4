#include "shared/store/production.hpp"

#include <cstdio>
#include <set>

#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"
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
                                     "material_cost_ore, notes, label_code FROM batch ";

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
        if (b.contributions.empty())
            return err(Message(BL_N_("Add at least one maker and the time they spent.")));
        std::set<std::pair<std::string, std::string>> seen;
        for (auto& c : b.contributions) {
            if (c.minutes <= 0)
                return err(Message(BL_N_("Time spent must be more than 0 minutes.")));
            if (c.minutes > 16 * 60)
                return err(Message(BL_N_("%s minutes is more than one person can work in a day. "
                                         "Split the time over the days it was done."),
                                   {std::to_string(c.minutes)}));
            if (c.worked_on.empty())
                c.worked_on = b.produced_on;
            if (!is_date(c.worked_on))
                return err(Message(BL_N_("The work date is not a valid date.")));
            auto tag = clean_text(c.task_tag, TextRules{0, 40, false, BL_N_("Task")});
            if (!tag)
                return err(tag.error());
            c.task_tag = tag.value();
            if (!seen.insert({c.maker_id, c.worked_on + "|" + c.task_tag}).second)
                return err(Message(BL_N_("The same maker, task and day is listed twice. Add the "
                                         "minutes together instead.")));
        }

        auto tx = store::begin_write(db);
        auto device = find_device(db, actor.device_id);
        if (!device)
            return err(Message(BL_N_("This device is not set up yet.")));
        auto product = find_product(db, b.product_id);
        if (!product)
            return err(Message(BL_N_("That product does not exist.")));
        if (!find_workshop(db, b.workshop_id))
            return err(Message(BL_N_("That workshop does not exist.")));
        for (const auto& c : b.contributions) {
            auto m = find_maker(db, c.maker_id);
            if (!m)
                return err(Message(BL_N_("One of the makers does not exist.")));
            if (m->workshop_id != b.workshop_id)
                return err(Message(BL_N_("A maker from another workshop is listed. Log the work "
                                         "in the maker's own workshop.")));
        }
        // The next serial of this device's labels: labels are minted here and never reused.
        SQLite::Statement s(store::sql(db),
                            "SELECT coalesce(max(CAST(substr(label_code, 6, 7) AS "
                            "INTEGER)), 0) FROM batch WHERE substr(label_code, 3, 3) = ?");
        char num[4];
        std::snprintf(num, sizeof num, "%03d", device->number);
        s.bind(1, std::string(num));
        s.executeStep();
        b.label_code = make_batch_label(device->number, s.getColumn(0).getInt64() + 1);
        if (b.id.empty())
            b.id = db.ids.next();
        const std::string now = format_utc(db.clock());

        SQLite::Statement ins(store::sql(db),
                              "INSERT INTO batch(id, product_id, workshop_id, produced_on, "
                              "units, material_cost_ore, notes, label_code, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ins.bind(1, b.id);
        ins.bind(2, b.product_id);
        ins.bind(3, b.workshop_id);
        ins.bind(4, b.produced_on);
        ins.bind(5, b.units);
        ins.bind(6, b.material_cost.ore());
        ins.bind(7, b.notes);
        ins.bind(8, b.label_code);
        ins.bind(9, now);
        ins.exec();
        JsonArray contribs;
        for (auto& c : b.contributions) {
            c.id = db.ids.next();
            c.batch_id = b.id;
            SQLite::Statement ci(store::sql(db),
                                 "INSERT INTO contribution(id, batch_id, maker_id, "
                                 "minutes, task_tag, worked_on) VALUES (?, ?, ?, ?, ?, ?)");
            ci.bind(1, c.id);
            ci.bind(2, c.batch_id);
            ci.bind(3, c.maker_id);
            ci.bind(4, c.minutes);
            ci.bind(5, c.task_tag);
            ci.bind(6, c.worked_on);
            ci.exec();
            contribs.push_back(JsonObject{{"contribution_id", c.id},
                                          {"maker_id", c.maker_id},
                                          {"minutes", c.minutes},
                                          {"task_tag", c.task_tag},
                                          {"worked_on", c.worked_on}});
        }
        insert_stock_move(db, b.product_id, b.id, "workshop:" + b.workshop_id, b.units,
                          StockReason::produced, b.label_code);
        store::record_action(db, actor, JournalKind::batch_logged,
                             JsonObject{{"batch_id", b.id},
                                        {"product_id", b.product_id},
                                        {"workshop_id", b.workshop_id},
                                        {"produced_on", b.produced_on},
                                        {"units", b.units},
                                        {"material_cost_ore", b.material_cost.ore()},
                                        {"notes", b.notes},
                                        {"label_code", b.label_code},
                                        {"contributions", contribs}});
        tx.commit();
        return b;
    });
}

Result<std::int64_t, Message> deliver_batch(Database& db, const Actor& actor,
                                            const std::string& batch_id, const std::string& shop_id,
                                            std::int64_t units) {
    return store::writing([&]() -> Result<std::int64_t, Message> {
        if (units <= 0)
            return err(Message(BL_N_("Deliver at least one unit.")));
        auto tx = store::begin_write(db);
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
        insert_stock_move(db, b->product_id, batch_id, from, -units, StockReason::delivered,
                          shop_id);
        insert_stock_move(db, b->product_id, batch_id, "shop:" + shop_id, units,
                          StockReason::delivered, b->workshop_id);
        store::record_action(
            db, actor, JournalKind::batch_delivered,
            JsonObject{{"batch_id", batch_id}, {"shop_id", shop_id}, {"units", units}});
        tx.commit();
        return units;
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
