#pragma once
/// One maker's own period, for their statement: hours week by week, what they helped make and
/// how much of it reached customers, and what they practised. Nothing about anyone else, no
/// rankings, no money.

#include <string>
#include <vector>

#include "shared/impact/facts.hpp"

namespace bl::impact {

struct MakerWeek {
    std::string week; ///< Monday
    std::int64_t minutes = 0;
};

struct MakerProduct {
    std::string product_name;
    std::int64_t made = 0; ///< units of the batches the maker worked on
    std::int64_t sold = 0; ///< of those, sold by the end of the period (net)
};

struct MakerSummary {
    Period period;
    std::vector<MakerWeek> weeks; ///< every week of the period, also weeks without work
    std::int64_t minutes = 0;
    std::vector<MakerProduct> products;
    std::vector<std::string> tasks;
};

/// The maker's own figures, from the production basis for hours and the batches they worked
/// on (produced in the period) for what they helped make.
MakerSummary maker_summary(ImpactSource& source, const std::string& maker_id,
                           const std::string& workshop_id, const Period& p);

} // namespace bl::impact
