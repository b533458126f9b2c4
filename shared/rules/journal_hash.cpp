#include "shared/rules/journal_hash.hpp"

#include "shared/core/sha256.hpp"

namespace bl {

std::string journal_hash(const std::string& prev_hash, const std::string& device_id,
                         std::int64_t seq, const std::string& recorded_at, const std::string& kind,
                         const std::string& payload) {
    const std::string number = std::to_string(seq);
    return sha256_hex(
        {prev_hash, "\n", device_id, "\n", number, "\n", recorded_at, "\n", kind, "\n", payload});
}

} // namespace bl
