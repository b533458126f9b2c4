#include "shared/impact/allocation.hpp"

#include <algorithm>
#include <stdexcept>

namespace bl {

FifoResult allocate_fifo(std::span<const OpenBatch> open, std::int64_t units) {
    if (units <= 0)
        throw std::invalid_argument("allocate_fifo: units must be positive");
    std::vector<const OpenBatch*> order;
    for (const auto& b : open)
        if (b.available > 0)
            order.push_back(&b);
    std::stable_sort(order.begin(), order.end(), [](const OpenBatch* a, const OpenBatch* b) {
        if (a->produced_on != b->produced_on)
            return a->produced_on < b->produced_on;
        return a->batch_id < b->batch_id;
    });
    FifoResult r;
    std::int64_t left = units;
    for (const OpenBatch* b : order) {
        if (left == 0)
            break;
        const std::int64_t take = std::min(left, b->available);
        r.shares.push_back({b->batch_id, take});
        left -= take;
    }
    r.unallocated = left;
    return r;
}

} // namespace bl
