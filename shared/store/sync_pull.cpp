#include "shared/store/sync_pull.hpp"

#include "shared/core/sha256.hpp"
#include "shared/core/text.hpp"
#include "shared/rules/catalogue_look.hpp"
#include "shared/rules/shop_settings.hpp"
#include "shared/store/detail/connection.hpp"

namespace bl {

std::int64_t pull_cursor(Database& db) {
    return store::reading([&]() -> std::int64_t {
        store::Statement q(db, "SELECT cursor FROM sync_pull WHERE singleton = 1");
        return q->executeStep() ? q->getColumn(0).getInt64() : 0;
    });
}

Result<Done, Message> apply_pulled_page(Database& db, const PulledPage& page) {
    return store::writing([&]() -> Result<Done, Message> {
        auto tx = store::begin_write(db);
        const std::string now = format_utc(db.clock());
        for (const auto& w : page.workshops) {
            SQLite::Statement q(store::sql(db), "INSERT OR IGNORE INTO workshop(id, name, craft, "
                                                "address, created_at) VALUES (?,?,?,?,?)");
            q.bind(1, w.id);
            q.bind(2, w.name);
            q.bind(3, w.craft);
            q.bind(4, w.address);
            q.bind(5, now);
            q.exec();
        }
        for (const auto& s : page.shops) {
            // A shop's details as the central store has them now (a newer change replaces an
            // older one); a CVR no till accepts is left off rather than stopping the pull.
            if (!is_valid_cvr(s.cvr) || s.id.empty())
                continue;
            SQLite::Statement q(store::sql(db),
                                "INSERT INTO shop(id, name, address, postcode, city, cvr, "
                                "created_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE "
                                "SET name = excluded.name, address = excluded.address, "
                                "postcode = excluded.postcode, city = excluded.city, "
                                "cvr = excluded.cvr");
            q.bind(1, s.id);
            q.bind(2, s.name);
            q.bind(3, s.address);
            q.bind(4, s.postcode);
            q.bind(5, s.city);
            q.bind(6, s.cvr);
            q.bind(7, now);
            q.exec();
        }
        for (const auto& m : page.makers) {
            SQLite::Statement q(store::sql(db),
                                "INSERT INTO maker(id, workshop_id, display_name, created_at) "
                                "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM workshop "
                                "WHERE id = ?2) ON CONFLICT(id) DO UPDATE SET "
                                "display_name = CASE WHEN ?5 THEN display_name ELSE "
                                "excluded.display_name END");
            q.bind(1, m.id);
            q.bind(2, m.workshop_id);
            q.bind(3, m.display_name);
            q.bind(4, now);
            q.bind(5, m.keep_known_name ? 1 : 0);
            q.exec();
            if (m.private_fields) {
                // The schema's trigger refuses this on a till, whatever the central store sent.
                SQLite::Statement p(store::sql(db),
                                    "INSERT INTO maker_private(maker_id, real_name, phone, email, "
                                    "story) SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM "
                                    "maker WHERE id = ?1) ON CONFLICT(maker_id) DO UPDATE SET "
                                    "real_name = excluded.real_name, phone = excluded.phone, "
                                    "email = excluded.email, story = excluded.story");
                p.bind(1, m.id);
                p.bind(2, m.private_fields->real_name);
                p.bind(3, m.private_fields->phone);
                p.bind(4, m.private_fields->email);
                p.bind(5, m.private_fields->story);
                p.exec();
            }
        }
        // Internal "28..." codes are numbered per database: one another device made may be
        // taken here already. The product then comes without it (found by name), never
        // under another product's code.
        for (const auto& pr : page.products) {
            SQLite::Statement q(store::sql(db),
                                "INSERT OR IGNORE INTO product(id, sku, name, name_fold, "
                                "category, price_ore, vat_rate_bp, barcode, materials, "
                                "locally_sourced, workshop_id, active, created_at, updated_at) "
                                "VALUES (?1,?2,?3,?4,?5,?6,?7,CASE WHEN EXISTS (SELECT 1 FROM "
                                "product WHERE barcode = ?8) THEN NULL ELSE ?8 END,"
                                "?9,?10,?11,?12,?13,?14)");
            q.bind(1, pr.id);
            q.bind(2, pr.sku);
            q.bind(3, pr.name);
            q.bind(4, search_fold(pr.name));
            q.bind(5, pr.category);
            q.bind(6, pr.price.ore());
            q.bind(7, pr.vat_rate.basis_points);
            if (pr.barcode.empty())
                q.bind(8);
            else
                q.bind(8, pr.barcode);
            q.bind(9, pr.materials);
            q.bind(10, pr.locally_sourced ? 1 : 0);
            if (pr.workshop_id)
                q.bind(11, *pr.workshop_id);
            else
                q.bind(11);
            q.bind(12, pr.active ? 1 : 0);
            q.bind(13, now);
            q.bind(14, now);
            if (q.exec() == 1) {
                SQLite::Statement fts(store::sql(db), "INSERT INTO product_search(rowid, "
                                                      "name_fold) VALUES (last_insert_rowid(), ?)");
                fts.bind(1, search_fold(pr.name));
                fts.exec();
            }
        }
        for (const auto& p : page.prices) {
            SQLite::Statement q(store::sql(db),
                                "UPDATE product SET price_ore = ?, updated_at = ? WHERE id = ?");
            q.bind(1, p.price.ore());
            q.bind(2, now);
            q.bind(3, p.product_id);
            q.exec();
        }
        // What the tiles look like follows the central store: the newest setting wins. This
        // device's own settings come back too; they are here already, with their journal row.
        std::string own;
        {
            SQLite::Statement q(store::sql(db), "SELECT device_id FROM local_device");
            if (q.executeStep())
                own = q.getColumn(0).getString();
        }
        for (const auto& c : page.colours) {
            if ((!own.empty() && c.from_device == own) || c.category.empty() ||
                (!c.colour.empty() && !category_colour(c.colour)))
                continue;
            SQLite::Statement q(store::sql(db),
                                "INSERT INTO category_colour(category, colour, updated_at) "
                                "VALUES (?1, ?2, ?3) ON CONFLICT(category) DO UPDATE SET "
                                "colour = ?2, device_id = NULL, journal_seq = NULL, "
                                "updated_at = ?3");
            q.bind(1, c.category);
            q.bind(2, c.colour);
            q.bind(3, now);
            q.exec();
        }
        for (const auto& p : page.pictures) {
            if ((!own.empty() && p.from_device == own) ||
                (!p.png.empty() && check_stored_picture(p.png)))
                continue;
            SQLite::Statement q(store::sql(db),
                                "INSERT INTO product_picture(product_id, png, sha256, updated_at) "
                                "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM product WHERE "
                                "id = ?1) ON CONFLICT(product_id) DO UPDATE SET png = ?2, "
                                "sha256 = ?3, device_id = NULL, journal_seq = NULL, "
                                "updated_at = ?4");
            q.bind(1, p.product_id);
            q.bind(2, static_cast<const void*>(p.png.data()), static_cast<int>(p.png.size()));
            q.bind(3, p.png.empty() ? std::string() : sha256_hex(p.png));
            q.bind(4, now);
            q.exec();
        }
        for (const auto& b : page.batches) {
            SQLite::Statement q(store::sql(db),
                                "INSERT OR IGNORE INTO batch(id, product_id, workshop_id, "
                                "produced_on, units, material_cost_ore, notes, label_code, "
                                "created_at) SELECT ?1,?2,?3,?4,?5,?6,?7,?8,?9 WHERE EXISTS "
                                "(SELECT 1 FROM product WHERE id = ?2) AND EXISTS (SELECT 1 FROM "
                                "workshop WHERE id = ?3)");
            q.bind(1, b.id);
            q.bind(2, b.product_id);
            q.bind(3, b.workshop_id);
            q.bind(4, b.produced_on);
            q.bind(5, b.units);
            q.bind(6, b.material_cost.ore());
            q.bind(7, b.notes);
            q.bind(8, b.label_code);
            q.bind(9, now);
            if (q.exec() != 1) {
                // Held already: a correction made elsewhere replaces its state when it is newer
                // than what is held (of two equal revisions, made from the same one on two
                // devices offline, the first one here stays). Where the batch's stock is kept
                // (its "produced" move is here) the units stay this device's own: only it
                // changes them, with a stock move, so a correction made elsewhere from an
                // older state can never undo them.
                SQLite::Statement up(store::sql(db),
                                     "UPDATE batch SET produced_on = ?1, units = CASE WHEN "
                                     "EXISTS (SELECT 1 FROM stock_move WHERE batch_id = ?6 AND "
                                     "reason = 'produced') THEN units ELSE ?2 END, "
                                     "material_cost_ore = ?3, notes = ?4, revision = ?5 WHERE "
                                     "id = ?6 AND revision < ?5 AND ?2 > 0");
                up.bind(1, b.produced_on);
                up.bind(2, b.units);
                up.bind(3, b.material_cost.ore());
                up.bind(4, b.notes);
                up.bind(5, b.revision);
                up.bind(6, b.id);
                if (up.exec() != 1)
                    continue;
                SQLite::Statement del(store::sql(db),
                                      "DELETE FROM contribution WHERE batch_id = ?");
                del.bind(1, b.id);
                del.exec();
            } else if (b.revision > 0) {
                SQLite::Statement rev(store::sql(db), "UPDATE batch SET revision = ? WHERE id = ?");
                rev.bind(1, b.revision);
                rev.bind(2, b.id);
                rev.exec();
            }
            for (const auto& c : b.contributions) {
                SQLite::Statement ci(store::sql(db),
                                     "INSERT OR IGNORE INTO contribution(id, batch_id, maker_id, "
                                     "minutes, task_tag, worked_on) SELECT ?1,?2,?3,?4,?5,?6 "
                                     "WHERE EXISTS (SELECT 1 FROM maker WHERE id = ?3)");
                ci.bind(1, c.id);
                ci.bind(2, b.id);
                ci.bind(3, c.maker_id);
                ci.bind(4, c.minutes);
                ci.bind(5, c.task_tag);
                ci.bind(6, c.worked_on);
                ci.exec();
            }
        }
        for (const auto& c : page.corrections) {
            SQLite::Statement q(store::sql(db),
                                "INSERT OR IGNORE INTO batch_correction(id, batch_id, revision, "
                                "corrected_at, corrected_by, reason, units_before, units_after, "
                                "minutes_before, minutes_after, previous) SELECT ?1,?2,?3,?4,?5,"
                                "?6,?7,?8,?9,?10,?11 WHERE EXISTS (SELECT 1 FROM batch WHERE id = "
                                "?2) AND ?3 >= 1 AND ?6 <> '' AND ?7 > 0 AND ?8 > 0 AND ?9 >= 0 "
                                "AND ?10 >= 0");
            q.bind(1, c.id);
            q.bind(2, c.batch_id);
            q.bind(3, c.revision);
            q.bind(4, c.corrected_at);
            q.bind(5, c.corrected_by);
            q.bind(6, c.reason);
            q.bind(7, c.units_before);
            q.bind(8, c.units_after);
            q.bind(9, c.minutes_before);
            q.bind(10, c.minutes_after);
            q.bind(11, c.previous);
            q.exec();
        }
        for (const auto& u : page.staff) {
            // A PIN hash that is not Argon2id is never stored, whoever sent it.
            if (u.pin_hash.rfind("$argon2id$", 0) != 0)
                continue;
            SQLite::Statement q(store::sql(db),
                                "INSERT OR IGNORE INTO staff_user(id, name, role, pin_hash, "
                                "active, created_at) VALUES (?,?,?,?,?,?)");
            q.bind(1, u.id);
            q.bind(2, u.name);
            q.bind(3, std::string(to_string(u.role)));
            q.bind(4, u.pin_hash);
            q.bind(5, u.active ? 1 : 0);
            q.bind(6, now);
            q.exec();
        }
        for (const auto& st : page.settings) {
            // Only a shop's own settings (never a till's printer or language), of a size a
            // settings screen writes.
            if (!is_shop_setting(st.key) || st.value.size() > 200)
                continue;
            SQLite::Statement q(store::sql(db),
                                "INSERT INTO setting(key, value) VALUES (?, ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            q.bind(1, st.key);
            q.bind(2, st.value);
            q.exec();
        }
        SQLite::Statement cur(
            store::sql(db), "INSERT INTO sync_pull(singleton, cursor, pulled_at) VALUES (1, ?, ?) "
                            "ON CONFLICT(singleton) DO UPDATE SET cursor = excluded.cursor, "
                            "pulled_at = excluded.pulled_at");
        cur.bind(1, page.next_cursor);
        cur.bind(2, now);
        cur.exec();
        tx.commit();
        return Done{};
    });
}

} // namespace bl
