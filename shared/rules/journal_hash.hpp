#pragma once
/// The journal's hash chain, as pure code: the till's store writes it, its verifier and the
/// central store recompute it.
///
/// hash = SHA-256(prev_hash "\n" device_id "\n" seq "\n" recorded_at "\n" kind "\n" payload)
/// where prev_hash of the first row is 64 zeros and the payload is canonical JSON. The device
/// and time are part of the hash so that neither can be edited unnoticed.

#include <cstdint>
#include <string>

namespace bl {

/// The prev_hash of a device's first row.
inline const std::string genesis_hash(64, '0');

/// The hash of a row from its parts (see above); lower-case hex.
std::string journal_hash(const std::string& prev_hash, const std::string& device_id,
                         std::int64_t seq, const std::string& recorded_at, const std::string& kind,
                         const std::string& payload);

} // namespace bl
