#include "central/server/impact.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <boost/json.hpp>

#include "shared/rules/journal_kind.hpp"
#include "shared/rules/payloads.hpp"
#include "shared/store/impact_source.hpp"
#include "shared/sync/json_fields.hpp"
#include "shared/sync/protocol.hpp"
#include "shared/sync/sale_reader.hpp"

namespace bl::central {

namespace json = boost::json;
using sync::fields::flag;
using sync::fields::num;
using sync::fields::object_of;
using sync::fields::str;
using namespace impact;

namespace {

TransitionKind kind_from(const std::string& s) {
    if (s == "flex_job")
        return TransitionKind::flex_job;
    if (s == "education")
        return TransitionKind::education;
    return TransitionKind::job;
}

bool in_scope(const std::optional<std::string>& wanted, const std::string& id) {
    return !wanted || *wanted == id;
}

// The Monday of the Copenhagen week of a UTC time.
std::string week_of_utc(const std::string& at) {
    const auto t = parse_utc(at);
    return t ? format_date(week_monday(copenhagen_day(*t))) : std::string();
}

// The Monday of a day's week ("YYYY-MM-DD").
std::string week_of_day(const std::string& day) {
    const auto d = parse_date(day);
    return d ? format_date(week_monday(*d)) : std::string();
}

} // namespace

void JournalProjection::catch_up(CentralStore& store) {
    constexpr int page = 2000;
    for (const auto& device : store.journal_devices()) {
        std::int64_t& seen = m_seen[device];
        for (bool more = true; more;) {
            const auto rows = store.rows(device, seen + 1, page);
            more = static_cast<int>(rows.size()) == page;
            for (const auto& r : rows) {
                if (r.seq != seen + 1) { // a chain is held without gaps; never read past one
                    more = false;
                    break;
                }
                add(r);
                seen = r.seq;
            }
        }
    }
    // Chosen names as the store holds them now: empty once the maker was erased.
    for (const auto& held : store.makers()) {
        MakerState& m = makers[held.id];
        m.display_name = held.display_name;
        if (m.workshop_id.empty())
            m.workshop_id = held.workshop_id;
    }
}

void JournalProjection::add(const StoredRow& row) {
    const auto kind = journal_kind_from(row.kind);
    if (!kind)
        return;
    switch (*kind) {
    case JournalKind::device_initialised:
    case JournalKind::device_added:
    case JournalKind::shop_changed:
    case JournalKind::product_added:
    case JournalKind::batch_logged:
    case JournalKind::batch_corrected:
    case JournalKind::maker_added:
    case JournalKind::maker_changed:
    case JournalKind::maker_erased:
    case JournalKind::consent_recorded:
    case JournalKind::transition_recorded:
        break;
    case JournalKind::sale:
    case JournalKind::refund: {
        if (!m_keep_sales)
            return;
        auto sale = sync::sale_from_payload(row.payload);
        if (!sale)
            return; // refused at ingest; never held
        SaleRecord s{std::move(sale.value()), row.recorded_at, *kind == JournalKind::refund, 0};
        s.vat_ore = sale_vat(s.sale).vat_total().ore();
        sales.push_back(std::move(s));
        return;
    }
    default:
        return;
    }
    const auto payload = object_of(row.payload);
    if (!payload)
        return;
    const json::object& p = *payload;
    switch (*kind) {
    case JournalKind::device_initialised:
    case JournalKind::device_added: {
        if (auto it = p.find("new_shop"); it != p.end() && it->value().is_object()) {
            const json::object& o = it->value().get_object();
            const std::string id = str(o, "shop_id");
            if (!shops.count(id)) {
                shops[id] = Shop{id,
                                 str(o, "name"),
                                 str(o, "address"),
                                 str(o, "postcode"),
                                 str(o, "city"),
                                 str(o, "cvr")};
                shop_changed_at[id] = row.recorded_at;
            }
        }
        if (auto it = p.find("new_workshop"); it != p.end() && it->value().is_object()) {
            const json::object& o = it->value().get_object();
            workshops.emplace(str(o, "workshop_id"), str(o, "name"));
        }
        break;
    }
    case JournalKind::shop_changed: {
        const std::string id = str(p, "shop_id");
        std::string& at = shop_changed_at[id];
        if (row.recorded_at >= at) { // the newest change wins, whichever device made it
            shops[id] = Shop{
                id,           str(p, "name"), str(p, "address"), str(p, "postcode"), str(p, "city"),
                str(p, "cvr")};
            at = row.recorded_at;
        }
        break;
    }
    case JournalKind::product_added:
        products.emplace(str(p, "product_id"),
                         ProductRecord{str(p, "name"), str(p, "workshop_id")});
        break;
    case JournalKind::batch_logged:
    case JournalKind::batch_corrected: {
        // A correction holds the whole batch as it is now; the newest revision wins, in
        // whichever order the devices' rows arrive.
        const std::int64_t revision = *kind == JournalKind::batch_corrected
                                          ? std::max<std::int64_t>(num(p, "revision"), 1)
                                          : 0;
        if (auto known = batches.find(str(p, "batch_id"));
            known != batches.end() && known->second.revision >= revision)
            break;
        BatchRecord b{str(p, "product_id"),
                      str(p, "workshop_id"),
                      str(p, "produced_on"),
                      num(p, "units"),
                      num(p, "material_cost_ore"),
                      {},
                      revision};
        if (auto it = p.find("contributions"); it != p.end() && it->value().is_array())
            for (const auto& c : it->value().get_array())
                if (c.is_object())
                    b.contributions.push_back(
                        {str(c.get_object(), "maker_id"), num(c.get_object(), "minutes"),
                         str(c.get_object(), "task_tag"), str(c.get_object(), "worked_on")});
        batches[str(p, "batch_id")] = std::move(b);
        break;
    }
    case JournalKind::maker_added:
    case JournalKind::maker_changed: {
        // The chosen name is not in the journal (erasure must reach it): catch_up reads it
        // from the store's maker table.
        makers[str(p, "maker_id")].workshop_id = str(p, "workshop_id");
        break;
    }
    case JournalKind::maker_erased: {
        MakerState& m = makers[str(p, "maker_id")];
        m.erased = true;
        break;
    }
    case JournalKind::consent_recorded: {
        ConsentState& c = consents[{str(p, "maker_id"), str(p, "channel")}];
        const int version = static_cast<int>(num(p, "version"));
        if (version >= c.version)
            c = ConsentState{version, static_cast<int>(num(p, "level"))};
        break;
    }
    case JournalKind::transition_recorded:
        transitions[str(p, "transition_id")] =
            TransitionFact{str(p, "maker_id"), kind_from(str(p, "kind")), str(p, "happened_on")};
        break;
    default:
        break;
    }
}

int JournalProjection::consent(const std::string& maker_id, const std::string& channel) const {
    const auto it = consents.find({maker_id, channel});
    return it == consents.end() ? 0 : it->second.level;
}

std::optional<std::string> JournalProjection::consented_name(const std::string& maker_id,
                                                             const std::string& channel) const {
    const auto m = makers.find(maker_id);
    if (m == makers.end() || m->second.erased || m->second.display_name.empty() ||
        consent(maker_id, channel) < 1)
        return std::nullopt;
    return m->second.display_name;
}

// ---- the facts, with the definitions of shared/store/impact_source.cpp ------------------------

std::vector<NamedPlace> CentralImpactSource::workshops(const impact::Scope& s) {
    std::vector<NamedPlace> out;
    for (const auto& [id, name] : m_p.workshops)
        if (in_scope(s.workshop_id, id))
            out.push_back({id, name});
    std::stable_sort(out.begin(), out.end(),
                     [](const NamedPlace& a, const NamedPlace& b) { return a.name < b.name; });
    return out;
}

std::vector<NamedPlace> CentralImpactSource::shops(const impact::Scope& s) {
    std::vector<NamedPlace> out;
    for (const auto& [id, shop] : m_p.shops)
        if (in_scope(s.shop_id, id))
            out.push_back({id, shop.name});
    std::stable_sort(out.begin(), out.end(),
                     [](const NamedPlace& a, const NamedPlace& b) { return a.name < b.name; });
    return out;
}

std::vector<BatchFact> CentralImpactSource::batches(const impact::Scope& s) {
    std::vector<BatchFact> out;
    for (const auto& [id, b] : m_p.batches) {
        const auto product = m_p.products.find(b.product_id);
        if (product == m_p.products.end() || !in_scope(s.workshop_id, b.workshop_id))
            continue;
        std::int64_t minutes = 0;
        for (const auto& c : b.contributions)
            minutes += c.minutes;
        out.push_back(BatchFact{id, b.product_id, product->second.name, b.workshop_id,
                                b.produced_on, b.units, minutes,
                                Money::from_ore(b.material_cost_ore)});
    }
    std::sort(out.begin(), out.end(), [](const BatchFact& a, const BatchFact& b) {
        return std::tie(a.produced_on, a.id) < std::tie(b.produced_on, b.id);
    });
    return out;
}

std::vector<BatchMakerFact> CentralImpactSource::batch_makers(const impact::Scope& s) {
    std::map<std::pair<std::string, std::string>, std::int64_t> sums;
    for (const auto& [id, b] : m_p.batches)
        if (in_scope(s.workshop_id, b.workshop_id))
            for (const auto& c : b.contributions)
                sums[{id, c.maker_id}] += c.minutes;
    std::vector<BatchMakerFact> out;
    for (const auto& [key, minutes] : sums)
        out.push_back({key.first, key.second, minutes});
    return out;
}

std::vector<WeekMinutesFact> CentralImpactSource::week_minutes(const Period& p,
                                                               const impact::Scope& s) {
    struct Sum {
        std::int64_t minutes = 0;
        std::vector<std::string> tasks;
    };
    // (week, maker, maker's workshop), as the device orders them.
    std::map<std::tuple<std::string, std::string, std::string>, Sum> sums;
    for (const auto& [id, b] : m_p.batches) {
        if (!in_scope(s.workshop_id, b.workshop_id))
            continue;
        for (const auto& c : b.contributions) {
            const auto maker = m_p.makers.find(c.maker_id);
            if (maker == m_p.makers.end() || c.worked_on < p.from || c.worked_on > p.to)
                continue;
            Sum& sum = sums[{week_of_day(c.worked_on), c.maker_id, maker->second.workshop_id}];
            sum.minutes += c.minutes;
            if (!c.task_tag.empty() &&
                std::find(sum.tasks.begin(), sum.tasks.end(), c.task_tag) == sum.tasks.end())
                sum.tasks.push_back(c.task_tag);
        }
    }
    std::vector<WeekMinutesFact> out;
    for (auto& [key, sum] : sums)
        out.push_back({std::get<1>(key), std::get<2>(key), std::get<0>(key), sum.minutes,
                       std::move(sum.tasks)});
    return out;
}

SalesFacts CentralImpactSource::sales(const Period& p, const impact::Scope& s) {
    const auto [from, to] = period_bounds(p);
    const bool scoped = s.workshop_id.has_value();
    const std::string ws = s.workshop_id.value_or("");
    auto product_workshop = [&](const std::string& id) -> const std::string* {
        const auto it = m_p.products.find(id);
        return it == m_p.products.end() ? nullptr : &it->second.workshop_id;
    };
    auto batch_workshop = [&](const std::string& id) -> const std::string* {
        const auto it = m_p.batches.find(id);
        return it == m_p.batches.end() ? nullptr : &it->second.workshop_id;
    };

    SalesFacts f;
    SalesTotals& t = f.totals;
    struct Sum {
        std::int64_t units = 0, revenue = 0, units_by_end = 0, revenue_by_end = 0;
    };
    std::map<std::pair<std::string, Link>, Sum> sums;
    std::map<std::string, WeekSalesFact> weeks;
    for (const auto& r : m_p.sales) {
        const Sale& sale = r.sale;
        if (sale.training || r.sold_at >= to || !in_scope(s.shop_id, sale.shop_id))
            continue;
        const bool in_period = r.sold_at >= from;
        if (in_period && !scoped) {
            // As on the receipts: totals and VAT as each receipt printed them.
            (r.refund ? t.refunds : t.sales) += 1;
            t.gross += sale.total();
            t.net_ex_vat += sale.total() - Money::from_ore(r.vat_ore);
        }
        bool counted = false; // a workshop's scope counts a receipt with any of its lines
        for (const auto& l : sale.lines) {
            const std::int64_t quantity = l.quantity;
            const std::int64_t total = l.line_total().ore();
            const std::int64_t vat_bp = l.vat_rate.basis_points;
            const std::string* line_ws = scoped ? product_workshop(l.product_id) : nullptr;
            if (in_period && (!scoped || (line_ws && *line_ws == ws))) {
                if (scoped) {
                    if (!counted)
                        (r.refund ? t.refunds : t.sales) += 1;
                    counted = true;
                    t.gross += Money::from_ore(total);
                    t.net_ex_vat += Money::from_ore(total * 10000 / (10000 + vat_bp));
                }
                t.units += quantity;
                const std::string monday = week_of_utc(r.sold_at);
                WeekSalesFact& w = weeks[monday];
                w.week = monday;
                w.net_ex_vat += Money::from_ore(total * 10000 / (10000 + vat_bp));
                w.units += quantity;
            }
            for (const auto& a : l.allocations) {
                const bool linked = !a.batch_id.empty();
                if (scoped) {
                    const std::string* a_ws = linked ? batch_workshop(a.batch_id) : nullptr;
                    if (!a_ws)
                        a_ws = line_ws;
                    if (!a_ws || *a_ws != ws)
                        continue;
                }
                const Link link = !linked ? Link::none : a.allocated ? Link::fifo : Link::scanned;
                const std::int64_t revenue =
                    quantity == 0 ? 0 : total * a.units * 10000 / (quantity * (10000 + vat_bp));
                Sum& e = sums[{linked ? a.batch_id : std::string(), link}];
                e.units_by_end += a.units;
                e.revenue_by_end += revenue;
                if (in_period) {
                    e.units += a.units;
                    e.revenue += revenue;
                }
            }
        }
    }
    for (const auto& [key, v] : sums) {
        if (v.units != 0 || v.revenue != 0)
            f.sold.push_back({key.first, key.second, v.units, Money::from_ore(v.revenue)});
        f.sold_by_end.push_back(
            {key.first, key.second, v.units_by_end, Money::from_ore(v.revenue_by_end)});
    }
    for (auto& [k, w] : weeks)
        f.weeks.push_back(std::move(w));
    return f;
}

std::vector<MakerFact> CentralImpactSource::makers(const impact::Scope& s) {
    std::vector<MakerFact> out;
    for (const auto& [id, m] : m_p.makers)
        if (in_scope(s.workshop_id, m.workshop_id))
            out.push_back({id, m.workshop_id, m_p.consented_name(id, "report").value_or("")});
    return out;
}

std::vector<TransitionFact> CentralImpactSource::transitions(const Period& p,
                                                             const impact::Scope& s) {
    std::vector<std::pair<std::string, const TransitionFact*>> found; // (day, id) order
    for (const auto& [id, t] : m_p.transitions) {
        const auto maker = m_p.makers.find(t.maker_id);
        if (maker == m_p.makers.end() || t.date < p.from || t.date > p.to ||
            !in_scope(s.workshop_id, maker->second.workshop_id))
            continue;
        found.emplace_back(t.date + " " + id, &t);
    }
    std::sort(found.begin(), found.end());
    std::vector<TransitionFact> out;
    for (const auto& [key, t] : found)
        out.push_back(*t);
    return out;
}

std::optional<doc::ImpactReceiptData> central_impact_receipt(CentralStore& store,
                                                             const JournalProjection& projection,
                                                             const std::string& sale_id,
                                                             const std::string& channel,
                                                             Timestamp generated_at) {
    const auto fact = store.find_sale(sale_id);
    if (!fact || fact->refund || fact->training)
        return std::nullopt;
    const auto row = store.find_row(fact->device_id, fact->seq);
    if (!row || row->kind != "sale")
        return std::nullopt;
    auto read = sync::sale_from_payload(row->payload);
    if (!read)
        return std::nullopt;
    const Sale& sale = read.value();
    const auto sold_at = parse_utc(row->recorded_at);
    if (!sold_at || sale.id != sale_id)
        return std::nullopt;

    doc::ImpactReceiptData d;
    const auto shop = projection.shops.find(sale.shop_id);
    d.shop = shop == projection.shops.end() ? Shop{} : shop->second;
    d.sale_id = sale.id;
    d.receipt_number = sale.receipt_number;
    d.sold_at = *sold_at;
    std::vector<UnitsFromBatch> units;
    std::map<std::string, BatchWork> batches;
    std::map<std::string, std::optional<std::string>> names;
    for (const auto& l : sale.lines) {
        d.items.emplace_back(l.description, l.quantity);
        for (const auto& a : l.allocations) {
            units.push_back({a.batch_id, a.units, a.allocated});
            if (a.batch_id.empty() || batches.count(a.batch_id))
                continue;
            BatchWork& work = batches[a.batch_id];
            const auto b = projection.batches.find(a.batch_id);
            if (b == projection.batches.end())
                continue;
            work.units = b->second.units;
            const auto w = projection.workshops.find(b->second.workshop_id);
            work.workshop = w == projection.workshops.end() ? std::string() : w->second;
            for (const auto& c : b->second.contributions) {
                if (!projection.makers.count(c.maker_id))
                    continue;
                work.minutes_by_maker[c.maker_id] += c.minutes;
                names[c.maker_id] = projection.consented_name(c.maker_id, channel);
            }
        }
    }
    d.impact = sale_impact(units, batches, names);
    d.generated_at = generated_at;
    return d;
}

} // namespace bl::central
