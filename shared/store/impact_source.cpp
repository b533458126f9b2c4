#include "shared/store/impact_source.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <tuple>
#include <unordered_map>

#include "shared/store/detail/connection.hpp"

namespace bl {

using namespace impact;

namespace {

// A statement with the scope's optional filters appended, bound in order after the fixed
// parameters.
struct Query {
    std::string sql;
    std::vector<std::string> params;
    void filter(const char* clause, const std::optional<std::string>& value) {
        if (!value)
            return;
        sql += clause;
        params.push_back(*value);
    }
};

void bind_all(SQLite::Statement& q, const std::vector<std::string>& params) {
    int i = 0;
    for (const auto& p : params)
        q.bind(++i, p);
}

// Every row of the query, each made into a fact by `row`.
template <class Row>
auto collect(Database& db, const Query& q, Row row) {
    SQLite::Statement st(store::sql(db), q.sql);
    bind_all(st, q.params);
    std::vector<decltype(row(st))> out;
    while (st.executeStep())
        out.push_back(row(st));
    return out;
}

// Receipts, refunds, gross and net of the query's one row.
SalesTotals totals_of(Database& db, const Query& q) {
    SQLite::Statement st(store::sql(db), q.sql);
    bind_all(st, q.params);
    st.executeStep();
    SalesTotals t;
    t.sales = st.getColumn(0).getInt64();
    t.refunds = st.getColumn(1).getInt64();
    t.gross = Money::from_ore(st.getColumn(2).getInt64());
    t.net_ex_vat = Money::from_ore(st.getColumn(3).getInt64());
    return t;
}

NamedPlace named_place(SQLite::Statement& st) {
    return {st.getColumn(0).getString(), st.getColumn(1).getString()};
}

// The Monday of the Copenhagen week of a UTC hour ("2026-11-27T13").
std::string week_of_utc_hour(const std::string& hour) {
    const auto t = parse_utc(hour + ":00:00Z");
    return t ? format_date(week_monday(copenhagen_day(*t))) : std::string();
}

TransitionKind kind_from(const std::string& s) {
    if (s == "flex_job")
        return TransitionKind::flex_job;
    if (s == "education")
        return TransitionKind::education;
    return TransitionKind::job;
}

// Units and revenue per batch and link, summed over a million allocations: an open-addressing
// table of indexes (no node per key, so a lookup costs one or two cache lines, not four).
class SoldSums {
public:
    struct Sum {
        std::int64_t units = 0, revenue = 0;               // in the period
        std::int64_t units_by_end = 0, revenue_by_end = 0; // up to its end
    };

    Sum& operator[](const std::string& key) {
        if ((m_keys.size() + 1) * 2 > m_slots.size())
            grow();
        const std::size_t h = std::hash<std::string>{}(key);
        for (std::size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            Slot& s = m_slots[i];
            if (s.index == empty) {
                s = {h, static_cast<std::uint32_t>(m_keys.size())};
                m_keys.push_back(key);
                m_sums.emplace_back();
                return m_sums.back();
            }
            if (s.hash == h && m_keys[s.index] == key)
                return m_sums[s.index];
        }
    }
    std::size_t size() const { return m_keys.size(); }
    const std::string& key(std::size_t i) const { return m_keys[i]; }
    const Sum& sum(std::size_t i) const { return m_sums[i]; }

private:
    static constexpr std::uint32_t empty = 0xFFFFFFFF;
    struct Slot {
        std::size_t hash = 0;
        std::uint32_t index = empty;
    };
    void grow() {
        std::vector<Slot> slots(std::max<std::size_t>(1024, m_slots.size() * 2));
        for (const Slot& s : m_slots)
            if (s.index != empty)
                for (std::size_t i = s.hash & (slots.size() - 1);; i = (i + 1) & (slots.size() - 1))
                    if (slots[i].index == empty) {
                        slots[i] = s;
                        break;
                    }
        m_slots = std::move(slots);
    }
    std::vector<Slot> m_slots;
    std::vector<std::string> m_keys;
    std::vector<Sum> m_sums;
};

} // namespace

std::pair<std::string, std::string> period_bounds(const Period& p) {
    const auto from = parse_date(p.from), to = parse_date(p.to);
    if (!from || !to)
        throw StoreError(Message(BL_N_("A period runs from one date to another, written "
                                       "2026-11-30.")));
    return {format_utc(copenhagen_day_start(*from)),
            format_utc(copenhagen_day_start(*to + std::chrono::days{1}))};
}

std::vector<NamedPlace> StoreImpactSource::workshops(const Scope& s) {
    return store::reading([&] {
        Query q{"SELECT id, name FROM workshop WHERE 1 = 1", {}};
        q.filter(" AND id = ?", s.workshop_id);
        q.sql += " ORDER BY name";
        return collect(m_db, q, named_place);
    });
}

std::vector<NamedPlace> StoreImpactSource::shops(const Scope& s) {
    return store::reading([&] {
        Query q{"SELECT id, name FROM shop WHERE 1 = 1", {}};
        q.filter(" AND id = ?", s.shop_id);
        q.sql += " ORDER BY name";
        return collect(m_db, q, named_place);
    });
}

std::vector<BatchFact> StoreImpactSource::batches(const Scope& s) {
    return store::reading([&] {
        Query q{"SELECT b.id, b.product_id, p.name, b.workshop_id, b.produced_on, b.units, "
                "coalesce((SELECT sum(c.minutes) FROM contribution c WHERE c.batch_id = b.id), "
                "0), b.material_cost_ore FROM batch b JOIN product p ON p.id = b.product_id "
                "WHERE 1 = 1",
                {}};
        q.filter(" AND b.workshop_id = ?", s.workshop_id);
        q.sql += " ORDER BY b.produced_on, b.id";
        return collect(m_db, q, [](SQLite::Statement& st) {
            return BatchFact{
                st.getColumn(0).getString(), st.getColumn(1).getString(),
                st.getColumn(2).getString(), st.getColumn(3).getString(),
                st.getColumn(4).getString(), st.getColumn(5).getInt64(),
                st.getColumn(6).getInt64(),  Money::from_ore(st.getColumn(7).getInt64())};
        });
    });
}

std::vector<BatchMakerFact> StoreImpactSource::batch_makers(const Scope& s) {
    return store::reading([&] {
        Query q{"SELECT c.batch_id, c.maker_id, sum(c.minutes) FROM contribution c "
                "JOIN batch b ON b.id = c.batch_id WHERE 1 = 1",
                {}};
        q.filter(" AND b.workshop_id = ?", s.workshop_id);
        q.sql += " GROUP BY 1, 2";
        return collect(m_db, q, [](SQLite::Statement& st) {
            return BatchMakerFact{st.getColumn(0).getString(), st.getColumn(1).getString(),
                                  st.getColumn(2).getInt64()};
        });
    });
}

std::vector<WeekMinutesFact> StoreImpactSource::week_minutes(const Period& p, const Scope& s) {
    return store::reading([&] {
        // date(d, 'weekday 0', '-6 days'): the Monday of d's week (Monday to Sunday).
        Query q{"SELECT c.maker_id, m.workshop_id, date(c.worked_on, 'weekday 0', '-6 days'), "
                "sum(c.minutes), group_concat(DISTINCT c.task_tag) FROM contribution c "
                "JOIN batch b ON b.id = c.batch_id JOIN maker m ON m.id = c.maker_id "
                "WHERE c.worked_on >= ? AND c.worked_on <= ?",
                {p.from, p.to}};
        q.filter(" AND b.workshop_id = ?", s.workshop_id);
        q.sql += " GROUP BY 1, 2, 3 ORDER BY 3, 1";
        SQLite::Statement st(store::sql(m_db), q.sql);
        bind_all(st, q.params);
        std::vector<WeekMinutesFact> out;
        while (st.executeStep()) {
            WeekMinutesFact w{st.getColumn(0).getString(),
                              st.getColumn(1).getString(),
                              st.getColumn(2).getString(),
                              st.getColumn(3).getInt64(),
                              {}};
            const std::string tags = st.getColumn(4).isNull() ? "" : st.getColumn(4).getString();
            std::size_t start = 0;
            while (start <= tags.size()) {
                const std::size_t comma = tags.find(',', start);
                const std::string tag = tags.substr(start, comma - start);
                if (!tag.empty())
                    w.tasks.push_back(tag);
                if (comma == std::string::npos)
                    break;
                start = comma + 1;
            }
            out.push_back(std::move(w));
        }
        return out;
    });
}

SalesFacts StoreImpactSource::sales(const Period& p, const Scope& s) {
    return store::reading([&] {
        const auto [from, to] = period_bounds(p);
        SalesFacts f;
        SalesTotals& t = f.totals;
        if (!s.workshop_id) {
            // As on the receipts: totals and VAT as each receipt printed them.
            Query q{"SELECT count(*) FILTER (WHERE refund_of IS NULL), count(*) FILTER (WHERE "
                    "refund_of IS NOT NULL), coalesce(sum(total_ore), 0), "
                    "coalesce(sum(total_ore - vat_ore), 0) FROM sale WHERE training = 0 AND "
                    "sold_at >= ? AND sold_at < ?",
                    {from, to}};
            q.filter(" AND shop_id = ?", s.shop_id);
            t = totals_of(m_db, q);
        } else {
            // One workshop's goods: the lines of its products, VAT taken out line by line.
            Query q{"SELECT count(DISTINCT s.id) FILTER (WHERE s.refund_of IS NULL), "
                    "count(DISTINCT s.id) FILTER (WHERE s.refund_of IS NOT NULL), "
                    "coalesce(sum(l.line_total_ore), 0), coalesce(sum(l.line_total_ore * 10000 "
                    "/ (10000 + l.vat_rate_bp)), 0) FROM sale_line l JOIN sale s ON s.id = "
                    "l.sale_id JOIN product p ON p.id = l.product_id WHERE s.training = 0 AND "
                    "s.sold_at >= ? AND s.sold_at < ? AND p.workshop_id = ?",
                    {from, to, *s.workshop_id}};
            q.filter(" AND s.shop_id = ?", s.shop_id);
            t = totals_of(m_db, q);
        }

        // The lines and their batch allocations, read as three scans in key order (sales,
        // lines, allocations: each table's own order, so no sort and no lookup per row) and
        // merged here, summed as they go: a million lines cost three scans, not a million
        // searches and a sort. Sales up to the period's end count (for what is left in
        // stock), those in the period for the period. A workshop's scope counts a line by its
        // product's workshop, an allocation by its batch's workshop (else the product's).
        std::unordered_map<std::string, std::string> product_workshop, batch_workshop;
        const bool scoped = s.workshop_id.has_value();
        const std::string ws = s.workshop_id.value_or("");
        if (scoped) {
            SQLite::Statement pw(store::sql(m_db),
                                 "SELECT id, coalesce(workshop_id, '') FROM product");
            while (pw.executeStep())
                product_workshop.emplace(pw.getColumn(0).getString(), pw.getColumn(1).getString());
            SQLite::Statement bw(store::sql(m_db), "SELECT id, workshop_id FROM batch");
            while (bw.executeStep())
                batch_workshop.emplace(bw.getColumn(0).getString(), bw.getColumn(1).getString());
        }
        auto workshop_of = [](const std::unordered_map<std::string, std::string>& m,
                              const char* id) -> const std::string* {
            const auto it = m.find(id);
            return it == m.end() ? nullptr : &it->second;
        };

        Query sq{"SELECT id, sold_at FROM sale WHERE training = 0 AND sold_at < ?", {to}};
        sq.filter(" AND shop_id = ?", s.shop_id);
        sq.sql += " ORDER BY id";
        SQLite::Statement sales(store::sql(m_db), sq.sql);
        bind_all(sales, sq.params);
        SQLite::Statement lines(store::sql(m_db),
                                "SELECT sale_id, line_no, product_id, quantity, line_total_ore, "
                                "vat_rate_bp FROM sale_line ORDER BY sale_id, line_no");
        SQLite::Statement allocations(store::sql(m_db),
                                      "SELECT sale_id, line_no, batch_id, allocated, units FROM "
                                      "sale_allocation ORDER BY sale_id, line_no, part");
        bool sale_row = sales.executeStep(), allocation_row = allocations.executeStep();
        bool sale_read = false; // sold_at and in_period are the current sale row's
        std::string sold_at;
        bool in_period = false;
        SoldSums sums;
        std::map<std::string, WeekSalesFact> weeks;
        std::string hour;              // the last UTC hour seen
        WeekSalesFact* week = nullptr; // and its Copenhagen week
        std::string key;
        while (lines.executeStep()) {
            const char* line_sale = lines.getColumn(0).getText();
            const int line_no = lines.getColumn(1).getInt();
            // The line's sale, if it counts (not training, not after the end, in the shop).
            while (sale_row && std::strcmp(sales.getColumn(0).getText(), line_sale) < 0) {
                sale_row = sales.executeStep();
                sale_read = false;
            }
            const bool counts =
                sale_row && std::strcmp(sales.getColumn(0).getText(), line_sale) == 0;
            if (counts && !sale_read) {
                sold_at = sales.getColumn(1).getText();
                in_period = sold_at >= from;
                sale_read = true;
            }
            // This line's allocations (those of lines not counted are passed over).
            auto before_line = [&] {
                const int c = std::strcmp(allocations.getColumn(0).getText(), line_sale);
                return c < 0 || (c == 0 && allocations.getColumn(1).getInt() < line_no);
            };
            auto at_line = [&] {
                return std::strcmp(allocations.getColumn(0).getText(), line_sale) == 0 &&
                       allocations.getColumn(1).getInt() == line_no;
            };
            while (allocation_row && before_line())
                allocation_row = allocations.executeStep();
            if (!counts) {
                while (allocation_row && at_line())
                    allocation_row = allocations.executeStep();
                continue;
            }
            const std::int64_t quantity = lines.getColumn(3).getInt64();
            const std::int64_t total = lines.getColumn(4).getInt64();
            const std::int64_t vat_bp = lines.getColumn(5).getInt64();
            const std::string* line_ws =
                scoped ? workshop_of(product_workshop, lines.getColumn(2).getText()) : nullptr;
            if (in_period && (!scoped || (line_ws && *line_ws == ws))) {
                t.units += quantity;
                if (!week || sold_at.compare(0, 13, hour) != 0) {
                    hour = sold_at.substr(0, 13);
                    const std::string monday = week_of_utc_hour(hour);
                    week = &weeks[monday];
                    week->week = monday;
                }
                week->net_ex_vat += Money::from_ore(total * 10000 / (10000 + vat_bp));
                week->units += quantity;
            }
            for (; allocation_row && at_line(); allocation_row = allocations.executeStep()) {
                const bool linked = !allocations.getColumn(2).isNull();
                if (scoped) {
                    const std::string* a_ws =
                        linked ? workshop_of(batch_workshop, allocations.getColumn(2).getText())
                               : nullptr;
                    if (!a_ws)
                        a_ws = line_ws;
                    if (!a_ws || *a_ws != ws)
                        continue;
                }
                const std::int64_t units = allocations.getColumn(4).getInt64();
                key.assign(linked ? allocations.getColumn(2).getText() : "");
                key += !linked ? '2' : allocations.getColumn(3).getInt() == 1 ? '1' : '0';
                const std::int64_t revenue =
                    quantity == 0 ? 0 : total * units * 10000 / (quantity * (10000 + vat_bp));
                SoldSums::Sum& e = sums[key];
                e.units_by_end += units;
                e.revenue_by_end += revenue;
                if (in_period) {
                    e.units += units;
                    e.revenue += revenue;
                }
            }
        }
        for (std::size_t i = 0; i < sums.size(); ++i) {
            const std::string& k = sums.key(i);
            const SoldSums::Sum& v = sums.sum(i);
            const char digit = k.back();
            const Link link = digit == '0' ? Link::scanned : digit == '1' ? Link::fifo : Link::none;
            std::string batch = k.substr(0, k.size() - 1);
            if (v.units != 0 || v.revenue != 0)
                f.sold.push_back({batch, link, v.units, Money::from_ore(v.revenue)});
            f.sold_by_end.push_back(
                {std::move(batch), link, v.units_by_end, Money::from_ore(v.revenue_by_end)});
        }
        // In a stable order, so that the same data gives the same sums in the same order.
        for (auto* list : {&f.sold, &f.sold_by_end})
            std::sort(list->begin(), list->end(), [](const SoldFact& a, const SoldFact& b) {
                return std::tie(a.batch_id, a.link) < std::tie(b.batch_id, b.link);
            });
        for (auto& [k, w] : weeks)
            f.weeks.push_back(std::move(w));
        return f;
    });
}

std::vector<MakerFact> StoreImpactSource::makers(const Scope& s) {
    return store::reading([&] {
        Query q{"SELECT m.id, m.workshop_id, CASE WHEN coalesce((SELECT level FROM maker_consent "
                "k WHERE k.maker_id = m.id AND k.channel = 'report' ORDER BY version DESC "
                "LIMIT 1), 0) >= 1 THEN m.display_name ELSE '' END FROM maker m WHERE 1 = 1",
                {}};
        q.filter(" AND m.workshop_id = ?", s.workshop_id);
        q.sql += " ORDER BY m.id";
        return collect(m_db, q, [](SQLite::Statement& st) {
            return MakerFact{st.getColumn(0).getString(), st.getColumn(1).getString(),
                             st.getColumn(2).getString()};
        });
    });
}

std::vector<TransitionFact> StoreImpactSource::transitions(const Period& p, const Scope& s) {
    return store::reading([&] {
        Query q{"SELECT t.maker_id, t.kind, t.happened_on FROM transition t JOIN maker m ON "
                "m.id = t.maker_id WHERE t.happened_on >= ? AND t.happened_on <= ?",
                {p.from, p.to}};
        q.filter(" AND m.workshop_id = ?", s.workshop_id);
        q.sql += " ORDER BY t.happened_on, t.id";
        return collect(m_db, q, [](SQLite::Statement& st) {
            return TransitionFact{st.getColumn(0).getString(),
                                  kind_from(st.getColumn(1).getString()),
                                  st.getColumn(2).getString()};
        });
    });
}

std::optional<MakerProfile> StoreImpactSource::maker_profile(const std::string& maker_id) {
    return store::reading([&]() -> std::optional<MakerProfile> {
        SQLite::Statement st(
            store::sql(m_db),
            "SELECT m.id, m.display_name, w.name, m.erased_at IS NOT NULL, "
            "coalesce((SELECT level FROM maker_consent k WHERE k.maker_id = m.id AND k.channel "
            "= 'receipt' ORDER BY version DESC LIMIT 1), 0), coalesce((SELECT level FROM "
            "maker_consent k WHERE k.maker_id = m.id AND k.channel = 'report' ORDER BY version "
            "DESC LIMIT 1), 0), coalesce((SELECT level FROM maker_consent k WHERE k.maker_id = "
            "m.id AND k.channel = 'web' ORDER BY version DESC LIMIT 1), 0), m.workshop_id FROM "
            "maker m JOIN "
            "workshop w ON w.id = m.workshop_id WHERE m.id = ?");
        st.bind(1, maker_id);
        if (!st.executeStep())
            return std::nullopt;
        MakerProfile p;
        p.id = st.getColumn(0).getString();
        p.display_name = st.getColumn(1).getString();
        p.workshop = st.getColumn(2).getString();
        p.erased = st.getColumn(3).getInt() != 0;
        p.receipt_level = st.getColumn(4).getInt();
        p.report_level = st.getColumn(5).getInt();
        p.web_level = st.getColumn(6).getInt();
        p.workshop_id = st.getColumn(7).getString();
        return p;
    });
}

} // namespace bl
