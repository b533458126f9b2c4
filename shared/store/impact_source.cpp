#include "shared/store/impact_source.hpp"

#include <map>

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

std::vector<SoldFact> read_sold(Database& db, const std::string& from, const std::string& to,
                                const Scope& s) {
    Query q;
    q.sql = "SELECT coalesce(a.batch_id, ''), CASE WHEN a.batch_id IS NULL THEN 2 "
            "WHEN a.allocated = 1 THEN 1 ELSE 0 END, sum(a.units), "
            "sum((l.line_total_ore * a.units * 10000) / (l.quantity * (10000 + "
            "l.vat_rate_bp))) FROM sale_allocation a JOIN sale s ON s.id = a.sale_id "
            "JOIN sale_line l ON l.sale_id = a.sale_id AND l.line_no = a.line_no "
            "JOIN product p ON p.id = l.product_id LEFT JOIN batch b ON b.id = a.batch_id "
            "WHERE s.training = 0 AND s.sold_at >= ? AND s.sold_at < ?";
    q.params = {from, to};
    q.filter(" AND s.shop_id = ?", s.shop_id);
    q.filter(" AND coalesce(b.workshop_id, p.workshop_id) = ?", s.workshop_id);
    q.sql += " GROUP BY 1, 2";
    SQLite::Statement st(store::sql(db), q.sql);
    bind_all(st, q.params);
    std::vector<SoldFact> out;
    while (st.executeStep()) {
        const int link = st.getColumn(1).getInt();
        out.push_back({st.getColumn(0).getString(),
                       link == 0   ? Link::scanned
                       : link == 1 ? Link::fifo
                                   : Link::none,
                       st.getColumn(2).getInt64(), Money::from_ore(st.getColumn(3).getInt64())});
    }
    return out;
}

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
        SQLite::Statement st(store::sql(m_db), q.sql);
        bind_all(st, q.params);
        std::vector<NamedPlace> out;
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString()});
        return out;
    });
}

std::vector<NamedPlace> StoreImpactSource::shops(const Scope& s) {
    return store::reading([&] {
        Query q{"SELECT id, name FROM shop WHERE 1 = 1", {}};
        q.filter(" AND id = ?", s.shop_id);
        q.sql += " ORDER BY name";
        SQLite::Statement st(store::sql(m_db), q.sql);
        bind_all(st, q.params);
        std::vector<NamedPlace> out;
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString()});
        return out;
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
        SQLite::Statement st(store::sql(m_db), q.sql);
        bind_all(st, q.params);
        std::vector<BatchFact> out;
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(),
                           st.getColumn(2).getString(), st.getColumn(3).getString(),
                           st.getColumn(4).getString(), st.getColumn(5).getInt64(),
                           st.getColumn(6).getInt64(),
                           Money::from_ore(st.getColumn(7).getInt64())});
        return out;
    });
}

std::vector<BatchMakerFact> StoreImpactSource::batch_makers(const Scope& s) {
    return store::reading([&] {
        Query q{"SELECT c.batch_id, c.maker_id, sum(c.minutes) FROM contribution c "
                "JOIN batch b ON b.id = c.batch_id WHERE 1 = 1",
                {}};
        q.filter(" AND b.workshop_id = ?", s.workshop_id);
        q.sql += " GROUP BY 1, 2";
        SQLite::Statement st(store::sql(m_db), q.sql);
        bind_all(st, q.params);
        std::vector<BatchMakerFact> out;
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(),
                           st.getColumn(2).getInt64()});
        return out;
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

std::vector<SoldFact> StoreImpactSource::sold(const Period& p, const Scope& s) {
    return store::reading([&] {
        const auto [from, to] = period_bounds(p);
        return read_sold(m_db, from, to, s);
    });
}

std::vector<SoldFact> StoreImpactSource::sold_until(const std::string& last_day, const Scope& s) {
    return store::reading([&] {
        const auto end = period_bounds(Period{last_day, last_day}).second;
        return read_sold(m_db, "", end, s);
    });
}

SalesFact StoreImpactSource::sales(const Period& p, const Scope& s) {
    return store::reading([&] {
        const auto [from, to] = period_bounds(p);
        SalesFact f;
        if (!s.workshop_id) {
            // As on the receipts: totals and VAT as each receipt printed them.
            Query q{"SELECT count(*) FILTER (WHERE refund_of IS NULL), count(*) FILTER (WHERE "
                    "refund_of IS NOT NULL), coalesce(sum(total_ore), 0), "
                    "coalesce(sum(total_ore - vat_ore), 0) FROM sale WHERE training = 0 AND "
                    "sold_at >= ? AND sold_at < ?",
                    {from, to}};
            q.filter(" AND shop_id = ?", s.shop_id);
            SQLite::Statement st(store::sql(m_db), q.sql);
            bind_all(st, q.params);
            st.executeStep();
            f.sales = st.getColumn(0).getInt64();
            f.refunds = st.getColumn(1).getInt64();
            f.gross = Money::from_ore(st.getColumn(2).getInt64());
            f.net_ex_vat = Money::from_ore(st.getColumn(3).getInt64());
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
            SQLite::Statement st(store::sql(m_db), q.sql);
            bind_all(st, q.params);
            st.executeStep();
            f.sales = st.getColumn(0).getInt64();
            f.refunds = st.getColumn(1).getInt64();
            f.gross = Money::from_ore(st.getColumn(2).getInt64());
            f.net_ex_vat = Money::from_ore(st.getColumn(3).getInt64());
        }
        Query u{"SELECT coalesce(sum(l.quantity), 0) FROM sale_line l JOIN sale s ON s.id = "
                "l.sale_id JOIN product p ON p.id = l.product_id WHERE s.training = 0 AND "
                "s.sold_at >= ? AND s.sold_at < ?",
                {from, to}};
        u.filter(" AND s.shop_id = ?", s.shop_id);
        u.filter(" AND p.workshop_id = ?", s.workshop_id);
        SQLite::Statement st(store::sql(m_db), u.sql);
        bind_all(st, u.params);
        st.executeStep();
        f.units = st.getColumn(0).getInt64();
        return f;
    });
}

std::vector<WeekSalesFact> StoreImpactSource::week_sales(const Period& p, const Scope& s) {
    return store::reading([&] {
        const auto [from, to] = period_bounds(p);
        // Summed per UTC hour in SQL; each hour falls in one Copenhagen day (the offset is
        // whole hours), which decides its week.
        Query q{"SELECT substr(s.sold_at, 1, 13), sum(l.line_total_ore * 10000 / (10000 + "
                "l.vat_rate_bp)), sum(l.quantity) FROM sale_line l JOIN sale s ON s.id = "
                "l.sale_id JOIN product p ON p.id = l.product_id WHERE s.training = 0 AND "
                "s.sold_at >= ? AND s.sold_at < ?",
                {from, to}};
        q.filter(" AND s.shop_id = ?", s.shop_id);
        q.filter(" AND p.workshop_id = ?", s.workshop_id);
        q.sql += " GROUP BY 1 ORDER BY 1";
        SQLite::Statement st(store::sql(m_db), q.sql);
        bind_all(st, q.params);
        std::map<std::string, WeekSalesFact> weeks;
        while (st.executeStep()) {
            const std::string week = week_of_utc_hour(st.getColumn(0).getString());
            auto& w = weeks[week];
            w.week = week;
            w.net_ex_vat += Money::from_ore(st.getColumn(1).getInt64());
            w.units += st.getColumn(2).getInt64();
        }
        std::vector<WeekSalesFact> out;
        for (auto& [k, w] : weeks)
            out.push_back(w);
        return out;
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
        SQLite::Statement st(store::sql(m_db), q.sql);
        bind_all(st, q.params);
        std::vector<MakerFact> out;
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(),
                           st.getColumn(2).getString()});
        return out;
    });
}

std::vector<TransitionFact> StoreImpactSource::transitions(const Period& p, const Scope& s) {
    return store::reading([&] {
        Query q{"SELECT t.maker_id, t.kind, t.happened_on FROM transition t JOIN maker m ON "
                "m.id = t.maker_id WHERE t.happened_on >= ? AND t.happened_on <= ?",
                {p.from, p.to}};
        q.filter(" AND m.workshop_id = ?", s.workshop_id);
        q.sql += " ORDER BY t.happened_on, t.id";
        SQLite::Statement st(store::sql(m_db), q.sql);
        bind_all(st, q.params);
        std::vector<TransitionFact> out;
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), kind_from(st.getColumn(1).getString()),
                           st.getColumn(2).getString()});
        return out;
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
