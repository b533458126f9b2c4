#include "shared/store/catalogue_look.hpp"

#include "shared/core/base64.hpp"
#include "shared/core/sha256.hpp"
#include "shared/rules/catalogue_look.hpp"
#include "shared/store/detail/actions.hpp"
#include "shared/store/detail/connection.hpp"

namespace bl {

Result<Done, Message> set_category_colour(Database& db, const Actor& actor,
                                          const std::string& category, const std::string& colour) {
    return store::writing([&]() -> Result<Done, Message> {
        if (!colour.empty() && !category_colour(colour))
            return err(Message(BL_N_("There is no colour called %s in the palette."),
                               {echo_input(colour)}));
        auto tx = store::begin_write(db);
        {
            store::Statement q(db, "SELECT 1 FROM product WHERE category = ? LIMIT 1");
            q->bind(1, category);
            if (category.empty() || !q->executeStep())
                return err(Message(BL_N_("There is no category called %s in the catalogue."),
                                   {echo_input(category)}));
        }
        const JournalEntry row =
            store::record_action(db, actor, JournalKind::category_colour_set,
                                 JsonObject{{"category", category}, {"colour", colour}});
        store::Statement u(
            db, "INSERT INTO category_colour(category, colour, device_id, journal_seq, "
                "updated_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(category) DO UPDATE SET "
                "colour = ?2, device_id = ?3, journal_seq = ?4, updated_at = ?5");
        u->bind(1, category);
        u->bind(2, colour);
        u->bind(3, row.device_id);
        u->bind(4, row.seq);
        u->bind(5, format_utc(db.clock()));
        u->exec();
        tx.commit();
        return Done{};
    });
}

Result<Done, Message> set_product_picture(Database& db, const Actor& actor,
                                          const std::string& product_id, const std::string& png) {
    return store::writing([&]() -> Result<Done, Message> {
        if (!png.empty())
            if (auto problem = check_stored_picture(png))
                return err(*problem);
        auto tx = store::begin_write(db);
        {
            store::Statement q(db, "SELECT 1 FROM product WHERE id = ?");
            q->bind(1, product_id);
            if (!q->executeStep())
                return err(Message(BL_N_("That product does not exist.")));
        }
        const std::string sha = png.empty() ? std::string() : sha256_hex(png);
        const JournalEntry row = store::record_action(db, actor, JournalKind::product_picture_set,
                                                      JsonObject{{"product_id", product_id},
                                                                 {"png_base64", base64_encode(png)},
                                                                 {"sha256", sha}});
        store::Statement u(
            db, "INSERT INTO product_picture(product_id, png, sha256, device_id, journal_seq, "
                "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(product_id) DO UPDATE "
                "SET png = ?2, sha256 = ?3, device_id = ?4, journal_seq = ?5, updated_at = ?6");
        u->bind(1, product_id);
        u->bind(2, static_cast<const void*>(png.data()), static_cast<int>(png.size()));
        u->bind(3, sha);
        u->bind(4, row.device_id);
        u->bind(5, row.seq);
        u->bind(6, format_utc(db.clock()));
        u->exec();
        tx.commit();
        return Done{};
    });
}

std::map<std::string, std::string> category_colours(Database& db) {
    return store::reading([&]() -> std::map<std::string, std::string> {
        store::Statement q(db, "SELECT category, colour FROM category_colour WHERE colour <> ''");
        std::map<std::string, std::string> out;
        while (q->executeStep())
            out.emplace(q->getColumn(0).getString(), q->getColumn(1).getString());
        return out;
    });
}

std::map<std::string, std::string> product_picture_versions(Database& db) {
    return store::reading([&]() -> std::map<std::string, std::string> {
        store::Statement q(db,
                           "SELECT product_id, sha256 FROM product_picture WHERE length(png) > 0");
        std::map<std::string, std::string> out;
        while (q->executeStep())
            out.emplace(q->getColumn(0).getString(), q->getColumn(1).getString());
        return out;
    });
}

std::optional<ProductPicture> find_product_picture(Database& db, const std::string& product_id) {
    return store::reading([&]() -> std::optional<ProductPicture> {
        store::Statement q(db, "SELECT png, sha256 FROM product_picture WHERE product_id = ? "
                               "AND length(png) > 0");
        q->bind(1, product_id);
        std::optional<ProductPicture> out;
        if (q->executeStep()) {
            const auto png = q->getColumn(0);
            out = ProductPicture{product_id,
                                 std::string(static_cast<const char*>(png.getBlob()),
                                             static_cast<std::size_t>(png.getBytes())),
                                 q->getColumn(1).getString()};
        }
        return out;
    });
}

} // namespace bl
