#include "shared/store/catalogue.hpp"

#include <algorithm>

#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"
#include "shared/rules/product_rules.hpp"
#include "shared/store/detail/actions.hpp"
#include "shared/store/detail/connection.hpp"
#include "shared/store/setup.hpp"

namespace bl {

namespace {

constexpr const char* product_columns =
    "SELECT id, sku, name, category, price_ore, vat_rate_bp, coalesce(barcode, ''), materials, "
    "locally_sourced, workshop_id, active FROM product ";

Product read_product(SQLite::Statement& q) {
    Product p;
    p.id = q.getColumn(0).getString();
    p.sku = q.getColumn(1).getString();
    p.name = q.getColumn(2).getString();
    p.category = q.getColumn(3).getString();
    p.price = Money::from_ore(q.getColumn(4).getInt64());
    p.vat_rate = VatRate{q.getColumn(5).getInt()};
    p.barcode = q.getColumn(6).getString();
    p.materials = q.getColumn(7).getString();
    p.locally_sourced = q.getColumn(8).getInt() != 0;
    if (!q.getColumn(9).isNull())
        p.workshop_id = q.getColumn(9).getString();
    p.active = q.getColumn(10).getInt() != 0;
    return p;
}

JsonObject product_json(const Product& p) {
    JsonObject o{{"product_id", p.id},
                 {"sku", p.sku},
                 {"name", p.name},
                 {"category", p.category},
                 {"price_ore", p.price.ore()},
                 {"vat_rate_bp", p.vat_rate.basis_points},
                 {"barcode", p.barcode},
                 {"materials", p.materials},
                 {"locally_sourced", p.locally_sourced}};
    o.emplace("workshop_id", p.workshop_id ? JsonValue(*p.workshop_id) : JsonValue());
    return o;
}

} // namespace

namespace {

// What one transaction adding many products (a catalogue import) carries from each product to
// the next instead of reading it again: the journal's tail (the row just written) and the next
// internal number. Both are read from the store for the first product; the journal's own
// triggers still check that every row follows its chain.
struct Carried {
    std::optional<store::JournalTail> tail;
    std::int64_t next_internal = 0; ///< 0: read the highest internal code from the index
};

// The body of add_product, inside the caller's transaction.
Result<Product, Message> add_product_in_tx(Database& db, const Actor& actor, Product p,
                                           Carried* carried = nullptr) {
    // The product's own checks: the same code the catalogue import's preview runs.
    auto checked = check_product(std::move(p));
    if (!checked)
        return err(checked.error());
    p = std::move(checked.value());
    if (p.workshop_id && !find_workshop(db, *p.workshop_id))
        return err(Message(BL_N_("The product's workshop does not exist.")));
    if (p.barcode.empty()) {
        // The next internal number after the highest internal code, found at the end of the
        // barcode index (no scan of the products: defect 6 of issue 11), or carried from the
        // product before in the same transaction.
        std::int64_t next = carried ? carried->next_internal : 0;
        if (next == 0) {
            store::Statement n(db, "SELECT max(barcode) FROM product WHERE barcode >= '28' AND "
                                   "barcode < '29'");
            n->executeStep();
            const std::string highest = n->getColumn(0).isNull() ? "" : n->getColumn(0).getString();
            next = 1;
            if (highest.size() == 13 && std::all_of(highest.begin(), highest.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; }))
                next = std::stoll(highest.substr(2, 10)) + 1;
        }
        do {
            p.barcode = make_internal_product_code(next++);
        } while (find_product_by_barcode(db, p.barcode));
        if (carried)
            carried->next_internal = next;
    } else if (auto other = find_product_by_barcode(db, p.barcode)) {
        return err(
            Message(BL_N_("The barcode %s is already used by \"%s\"."), {p.barcode, other->name}));
    } else if (carried && p.barcode.rfind("28", 0) == 0) {
        carried->next_internal = 0; // an internal code of its own: read the highest again
    }
    {
        store::Statement q(db, "SELECT name FROM product WHERE sku = ?");
        q->bind(1, p.sku);
        if (q->executeStep())
            return err(Message(BL_N_("The item number %s is already used by \"%s\"."),
                               {echo_input(p.sku), q->getColumn(0).getString()}));
    }
    if (p.id.empty())
        p.id = db.ids.next();
    const std::string now = format_utc(db.clock());
    // Prepared once per connection (store::Statement): an import adds thousands.
    store::Statement insert(
        db, "INSERT INTO product(id, sku, name, name_fold, category, price_ore, "
            "vat_rate_bp, barcode, materials, locally_sourced, workshop_id, active, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    insert->bind(1, p.id);
    insert->bind(2, p.sku);
    insert->bind(3, p.name);
    insert->bind(4, search_fold(p.name));
    insert->bind(5, p.category);
    insert->bind(6, p.price.ore());
    insert->bind(7, p.vat_rate.basis_points);
    insert->bind(8, p.barcode);
    insert->bind(9, p.materials);
    insert->bind(10, p.locally_sourced ? 1 : 0);
    if (p.workshop_id)
        insert->bind(11, *p.workshop_id);
    insert->bind(12, p.active ? 1 : 0);
    insert->bind(13, now);
    insert->bind(14, now);
    insert->exec();
    store::Statement fts(db, "INSERT INTO product_search(rowid, name_fold) VALUES "
                             "(last_insert_rowid(), ?)");
    fts->bind(1, search_fold(p.name));
    fts->exec();
    if (carried && !carried->tail)
        carried->tail = store::journal_tail(db, actor.device_id);
    const JournalEntry e =
        store::record_action(db, actor, JournalKind::product_added, product_json(p), std::nullopt,
                             carried ? &*carried->tail : nullptr);
    if (carried)
        carried->tail = store::JournalTail{e.seq + 1, e.hash};
    return p;
}

} // namespace

Result<Product, Message> add_product(Database& db, const Actor& actor, Product p) {
    return store::writing([&]() -> Result<Product, Message> {
        auto tx = store::begin_write(db);
        auto r = add_product_in_tx(db, actor, std::move(p));
        if (r)
            tx.commit();
        return r;
    });
}

namespace {

// A catalogue import writes more pages (products, their indexes, the search index, journal and
// outbox rows) than SQLite's default page cache of 2 MB holds, so SQLite spilled dirty pages
// into the log in the middle of the transaction and read them back (a tenth of the import's
// time for 100,000 rows). A page cache of up to 64 MB for the import's transaction only.
class LargerCache {
public:
    explicit LargerCache(SQLite::Database& c)
        : m_c(c), m_before(c.execAndGet("PRAGMA cache_size").getInt64()) {
        if (m_before > -65536)
            m_c.exec("PRAGMA cache_size = -65536");
    }
    ~LargerCache() {
        try {
            m_c.exec("PRAGMA cache_size = " + std::to_string(m_before));
        } catch (const SQLite::Exception&) {
            // The connection keeps the larger cache: more memory, nothing else.
        }
    }
    LargerCache(const LargerCache&) = delete;
    LargerCache& operator=(const LargerCache&) = delete;

private:
    SQLite::Database& m_c;
    std::int64_t m_before;
};

} // namespace

Result<std::size_t, std::pair<std::size_t, Message>>
add_products(Database& db, const Actor& actor, const std::vector<Product>& products) {
    // Which product was refused; none of them (products.size()) for a failure of the disk.
    std::size_t failed_at = products.size();
    auto added = store::writing([&]() -> Result<std::size_t, Message> {
        const LargerCache cache(store::sql(db));
        auto tx = store::begin_write(db);
        Carried carried;
        for (std::size_t i = 0; i < products.size(); ++i) {
            auto r = add_product_in_tx(db, actor, products[i], &carried);
            if (!r) {
                failed_at = i;
                return err(r.error());
            }
        }
        tx.commit();
        return products.size();
    });
    if (!added)
        return err(std::pair<std::size_t, Message>{failed_at, added.error()});
    return added.value();
}

Result<Product, Message> change_price(Database& db, const Actor& actor,
                                      const std::string& product_id, Money new_price) {
    return store::writing([&]() -> Result<Product, Message> {
        if (new_price.is_negative())
            return err(Message(BL_N_("A price cannot be negative.")));
        if (new_price.ore() > max_typed_ore)
            return err(
                Message(BL_N_("The price %s is too high for the till."), {format_dkk(new_price)}));
        auto tx = store::begin_write(db);
        auto p = find_product(db, product_id);
        if (!p)
            return err(Message(BL_N_("That product does not exist.")));
        SQLite::Statement u(store::sql(db),
                            "UPDATE product SET price_ore = ?, updated_at = ? WHERE id = ?");
        u.bind(1, new_price.ore());
        u.bind(2, format_utc(db.clock()));
        u.bind(3, product_id);
        u.exec();
        store::record_action(db, actor, JournalKind::price_changed,
                             JsonObject{{"product_id", product_id},
                                        {"old_price_ore", p->price.ore()},
                                        {"new_price_ore", new_price.ore()}});
        tx.commit();
        p->price = new_price;
        return *p;
    });
}

std::optional<Product> find_product(Database& db, const std::string& id) {
    return store::reading([&]() -> std::optional<Product> {
        store::Statement q(db, "SELECT id, sku, name, category, price_ore, vat_rate_bp, "
                               "coalesce(barcode, ''), materials, locally_sourced, workshop_id, "
                               "active FROM product WHERE id = ?");
        q->bind(1, id);
        std::optional<Product> p;
        if (q->executeStep())
            p = read_product(*q);
        return p;
    });
}

std::optional<Product> find_product_by_barcode(Database& db, const std::string& code) {
    return store::reading([&]() -> std::optional<Product> {
        store::Statement q(db, "SELECT id, sku, name, category, price_ore, vat_rate_bp, "
                               "coalesce(barcode, ''), materials, locally_sourced, workshop_id, "
                               "active FROM product WHERE barcode = ?");
        q->bind(1, code);
        std::optional<Product> p;
        if (q->executeStep())
            p = read_product(*q);
        return p;
    });
}

std::optional<Product> find_product_by_sku(Database& db, const std::string& sku) {
    return store::reading([&]() -> std::optional<Product> {
        store::Statement q(db, std::string(product_columns) + "WHERE sku = ?");
        q->bind(1, sku);
        std::optional<Product> p;
        if (q->executeStep())
            p = read_product(*q);
        return p;
    });
}

std::vector<Product> search_products(Database& db, const std::string& query, int limit) {
    return store::reading([&]() -> std::vector<Product> {
        // Every word must appear somewhere in the name, in any order ("blå krus" finds
        // "Krus med hank, blå glasur"). Words of three characters or more use the trigram index;
        // shorter ones are checked with LIKE on the folded name.
        std::vector<std::string> words;
        std::string word;
        for (char c : search_fold(query) + " ") {
            if (c == ' ' || c == ',' || c == '.') {
                if (!word.empty())
                    words.push_back(word);
                word.clear();
            } else {
                word += c;
            }
        }
        if (words.empty())
            return {};
        std::string match;
        std::vector<std::string> likes;
        for (const auto& w : words) {
            if (utf8_length(w) >= 3) {
                std::string quoted = "\"";
                for (char c : w)
                    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
                match += (match.empty() ? "" : " AND ") + quoted + "\"";
            } else {
                std::string pattern = "%";
                for (char c : w) {
                    if (c == '%' || c == '_' || c == '\\')
                        pattern += '\\';
                    pattern += c;
                }
                likes.push_back(pattern + "%");
            }
        }
        // Fetch a bounded set of candidates without ordering (ordering thousands of matches is
        // what makes a search slow), then rank here: names that start with the first word first,
        // then alphabetically.
        constexpr int candidates = 200;
        std::string sql = std::string(product_columns) + "WHERE active = 1";
        if (!match.empty())
            sql += " AND rowid IN (SELECT rowid FROM product_search WHERE product_search MATCH ? "
                   "LIMIT " +
                   std::to_string(candidates * 2) + ")";
        for (std::size_t i = 0; i < likes.size(); ++i)
            sql += " AND name_fold LIKE ? ESCAPE '\\'";
        sql += " LIMIT " + std::to_string(candidates);
        SQLite::Statement q(store::sql(db), sql);
        int k = 1;
        if (!match.empty())
            q.bind(k++, match);
        for (const auto& l : likes)
            q.bind(k++, l);
        std::vector<std::pair<std::string, Product>> found;
        while (q.executeStep()) {
            Product p = read_product(q);
            found.emplace_back(search_fold(p.name), std::move(p));
        }
        const std::string& first = words.front();
        std::stable_sort(found.begin(), found.end(), [&first](const auto& a, const auto& b) {
            const bool sa = a.first.rfind(first, 0) == 0, sb = b.first.rfind(first, 0) == 0;
            return sa != sb ? sa : a.first < b.first;
        });
        std::vector<Product> out;
        for (auto& f : found) {
            if (static_cast<int>(out.size()) >= limit)
                break;
            out.push_back(std::move(f.second));
        }
        return out;
    });
}

std::vector<std::pair<std::string, std::int64_t>> list_categories(Database& db) {
    return store::reading([&]() -> std::vector<std::pair<std::string, std::int64_t>> {
        SQLite::Statement q(store::sql(db),
                            "SELECT category, count(*) FROM product WHERE active = 1 "
                            "GROUP BY category ORDER BY count(*) DESC, category");
        std::vector<std::pair<std::string, std::int64_t>> out;
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
        return out;
    });
}

std::vector<Product> list_products_in(Database& db, const std::string& category, int limit) {
    return store::reading([&]() -> std::vector<Product> {
        SQLite::Statement q(store::sql(db),
                            std::string(product_columns) +
                                "WHERE active = 1 AND category = ? ORDER BY name_fold "
                                "LIMIT ?");
        q.bind(1, category);
        q.bind(2, limit);
        std::vector<Product> out;
        while (q.executeStep())
            out.push_back(read_product(q));
        return out;
    });
}

std::vector<Product> list_products(Database& db) {
    return store::reading([&]() -> std::vector<Product> {
        SQLite::Statement q(store::sql(db),
                            std::string(product_columns) + "ORDER BY category, name_fold");
        std::vector<Product> out;
        while (q.executeStep())
            out.push_back(read_product(q));
        return out;
    });
}

} // namespace bl
