#include "shared/impact/maker_summary.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace bl::impact {

MakerSummary maker_summary(ImpactSource& source, const std::string& maker_id,
                           const std::string& workshop_id, const Period& p) {
    MakerSummary s;
    s.period = p;
    const Scope scope{std::nullopt, workshop_id};
    std::map<std::string, std::int64_t> by_week;
    std::set<std::string> tasks;
    for (const auto& w : source.week_minutes(p, scope)) {
        if (w.maker_id != maker_id)
            continue;
        by_week[w.week] += w.minutes;
        s.minutes += w.minutes;
        tasks.insert(w.tasks.begin(), w.tasks.end());
    }
    // Every week of the period, so that a week off shows as a gap, not as a missing bar.
    const auto from = *parse_date(p.from), to = *parse_date(p.to);
    for (auto d = week_monday(from); d <= to; d += std::chrono::days{7}) {
        const std::string week = format_date(d);
        s.weeks.push_back({week, by_week.count(week) ? by_week[week] : 0});
    }
    s.tasks.assign(tasks.begin(), tasks.end());

    std::map<std::string, BatchFact> batches;
    for (auto& b : source.batches(scope))
        batches.emplace(b.id, std::move(b));
    std::map<std::string, std::int64_t> sold;
    for (const auto& f : source.sales(p, scope).sold_by_end)
        sold[f.batch_id] += f.units;
    std::map<std::string, MakerProduct> products;
    for (const auto& bm : source.batch_makers(scope)) {
        auto b = batches.find(bm.batch_id);
        if (bm.maker_id != maker_id || b == batches.end() || b->second.produced_on < p.from ||
            b->second.produced_on > p.to)
            continue;
        auto& prod = products[b->second.product_name];
        prod.product_name = b->second.product_name;
        prod.made += b->second.units;
        prod.sold += std::clamp<std::int64_t>(sold[bm.batch_id], 0, b->second.units);
    }
    for (auto& [name, prod] : products)
        s.products.push_back(prod);
    return s;
}

} // namespace bl::impact
