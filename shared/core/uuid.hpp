#pragma once
/// Time-ordered ids (UUIDv7, RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter that
/// keeps ids made within one millisecond in order, then random bits.

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>

namespace bl {

/// Makes UUIDv7 strings ("0190f5c2-7b1e-7c3a-9d2f-1a2b3c4d5e6f"). Not thread-safe: give each
/// thread its own. The clock and the seed can be injected so demo data is reproducible.
class UuidGenerator {
public:
    using Clock = std::function<std::int64_t()>; ///< Unix time in milliseconds

    /// Real time and a seed from the operating system.
    UuidGenerator();
    /// A fixed seed and an injected clock (demo data, tests).
    UuidGenerator(std::uint64_t seed, Clock clock);

    std::string next();

private:
    Clock m_clock;
    std::mt19937_64 m_rng;
    std::int64_t m_last_ms = -1;
    std::uint32_t m_counter = 0;
};

/// True for a lower-case hyphenated UUID of any version.
bool is_uuid(std::string_view s);

/// The Unix milliseconds of a UUIDv7, or -1 when it is not one.
std::int64_t uuid7_millis(std::string_view s);

} // namespace bl
