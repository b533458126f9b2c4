#include "shared/store/kept_carts.hpp"

#include "shared/store/detail/connection.hpp"

namespace bl {

Result<Done, Message> keep_carts(Database& db, const KeptCarts& carts) {
    return store::writing([&]() -> Result<Done, Message> {
        auto tx = store::begin_write(db);
        store::sql(db).exec("DELETE FROM kept_cart");
        const std::string at = format_utc(db.clock());
        auto put = [&](int slot, const std::string& content) {
            store::Statement ins(db, "INSERT INTO kept_cart(slot, content, saved_at) "
                                     "VALUES (?, ?, ?)");
            ins->bind(1, slot);
            ins->bind(2, content);
            ins->bind(3, at);
            ins->exec();
        };
        if (!carts.open.empty())
            put(0, carts.open);
        int slot = 0;
        for (const auto& p : carts.parked)
            put(++slot, p);
        tx.commit();
        return Done{};
    });
}

KeptCarts kept_carts(Database& db) {
    return store::reading([&] {
        KeptCarts out;
        SQLite::Statement q(store::sql(db), "SELECT slot, content FROM kept_cart ORDER BY slot");
        while (q.executeStep()) {
            if (q.getColumn(0).getInt() == 0)
                out.open = q.getColumn(1).getString();
            else
                out.parked.push_back(q.getColumn(1).getString());
        }
        return out;
    });
}

} // namespace bl
