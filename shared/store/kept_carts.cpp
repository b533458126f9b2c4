#include "shared/store/kept_carts.hpp"

namespace bl {

void keep_carts(Database& db, const KeptCarts& carts) {
    auto tx = db.begin();
    db.sql().exec("DELETE FROM kept_cart");
    const std::string at = format_utc(db.clock());
    auto& ins = db.prepared("INSERT INTO kept_cart(slot, content, saved_at) VALUES (?, ?, ?)");
    auto put = [&](int slot, const std::string& content) {
        ins.reset();
        ins.bind(1, slot);
        ins.bind(2, content);
        ins.bind(3, at);
        ins.exec();
    };
    if (!carts.open.empty())
        put(0, carts.open);
    int slot = 0;
    for (const auto& p : carts.parked)
        put(++slot, p);
    tx.commit();
}

KeptCarts kept_carts(Database& db) {
    KeptCarts out;
    SQLite::Statement q(db.sql(), "SELECT slot, content FROM kept_cart ORDER BY slot");
    while (q.executeStep()) {
        if (q.getColumn(0).getInt() == 0)
            out.open = q.getColumn(1).getString();
        else
            out.parked.push_back(q.getColumn(1).getString());
    }
    return out;
}

} // namespace bl
