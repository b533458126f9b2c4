#pragma once
/// First-in-first-out allocation of units that were not scanned from a batch label
/// (docs/architecture.md, "Impact"): oldest open batch first, possibly split over several batches.
/// Units no batch can cover are reported as unallocated, never invented.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace bl {

/// A batch with units still in stock, as the store sees it.
struct OpenBatch {
    std::string batch_id;
    std::string produced_on; ///< date; older first
    std::int64_t available = 0;
};

struct BatchShare {
    std::string batch_id;
    std::int64_t units = 0;
};

struct FifoResult {
    std::vector<BatchShare> shares;
    std::int64_t unallocated = 0;
};

/// Allocates `units` (> 0) over `open` in order of produced_on, then batch id.
FifoResult allocate_fifo(std::span<const OpenBatch> open, std::int64_t units);

} // namespace bl
