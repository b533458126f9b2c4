#include "shared/impact/sale_impact.hpp"

#include <algorithm>
#include <set>

namespace bl {

SaleImpact sale_impact(std::span<const UnitsFromBatch> units,
                       const std::map<std::string, BatchWork>& batches,
                       const std::map<std::string, std::optional<std::string>>& display_names) {
    SaleImpact r;
    std::set<std::string> makers;
    std::set<std::string> names;
    for (const auto& u : units) {
        if (u.units <= 0)
            continue; // refunds carry no work to a customer
        auto it = batches.find(u.batch_id);
        if (u.batch_id.empty() || it == batches.end() || it->second.units <= 0) {
            r.unlinked_units += u.units;
            continue;
        }
        const BatchWork& b = it->second;
        if (u.allocated)
            r.approximate = true;
        if (std::find(r.workshops.begin(), r.workshops.end(), b.workshop) == r.workshops.end())
            r.workshops.push_back(b.workshop);
        for (const auto& [maker, minutes] : b.minutes_by_maker) {
            if (minutes <= 0)
                continue;
            makers.insert(maker);
            r.work = r.work + work_in_units(minutes, b.units, u.units);
            auto n = display_names.find(maker);
            if (n != display_names.end() && n->second && !n->second->empty())
                names.insert(*n->second);
        }
    }
    r.makers = static_cast<std::int64_t>(makers.size());
    r.named.assign(names.begin(), names.end());
    return r;
}

} // namespace bl
