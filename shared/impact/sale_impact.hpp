#pragma once
/// What is behind a sale ("Bag om tingene"): the workshops, how many makers, the work in the
/// goods, and the names of makers who consented to be named on receipts. Measured from the
/// batch records; flagged as approximate when any unit was allocated first-in-first-out
/// rather than scanned from its batch label. No money about people, ever.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "shared/impact/work.hpp"

namespace bl {

/// One batch as the impact calculation needs it.
struct BatchWork {
    std::string workshop;   ///< the workshop's name
    std::int64_t units = 0; ///< units the batch made
    std::map<std::string, std::int64_t> minutes_by_maker;
};

/// Units of a sale that came from a batch ("" = no batch could be found).
struct UnitsFromBatch {
    std::string batch_id;
    std::int64_t units = 0;
    bool allocated = false;
};

struct SaleImpact {
    std::vector<std::string> workshops; ///< in order of first appearance
    std::int64_t makers = 0;            ///< distinct makers with minutes in the batches
    std::vector<std::string> named;     ///< consented display names, sorted
    WorkMinutes work;                   ///< exact; round for display
    bool approximate = false;           ///< some units were allocated, not scanned
    std::int64_t unlinked_units = 0;    ///< units no batch was logged for

    bool empty() const { return makers == 0; }
};

/// `display_names` holds, per maker, the name they consented to show on receipts (none:
/// counted only).
SaleImpact sale_impact(std::span<const UnitsFromBatch> units,
                       const std::map<std::string, BatchWork>& batches,
                       const std::map<std::string, std::optional<std::string>>& display_names);

} // namespace bl
