#pragma once
// The demo loader's own tools: a dice that gives the same throws on every machine, the demo's
// CSV tables, and days and times in Copenhagen.

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "shared/core/csv.hpp"
#include "shared/core/message.hpp"
#include "shared/core/money.hpp"
#include "shared/core/result.hpp"
#include "shared/core/time.hpp"

namespace bl::demo {

// A deterministic source: mt19937_64 is specified bit for bit; the standard distributions
// are not, so the helpers below do their own arithmetic.
class Dice {
public:
    explicit Dice(std::uint64_t seed) : m_rng(seed) {}
    std::int64_t below(std::int64_t n) {
        return n <= 0 ? 0 : static_cast<std::int64_t>(m_rng() % static_cast<std::uint64_t>(n));
    }
    std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(below(static_cast<std::int64_t>(v.size())))];
    }

private:
    std::mt19937_64 m_rng;
};

/// A demo table (header row dropped); every row must have `columns` fields.
Result<std::vector<CsvRow>, Message> read_table(const std::string& path, std::size_t columns);
/// "YYYY-MM-DD".
std::string date_of(std::chrono::sys_days d);
/// That day at that Copenhagen time.
Timestamp at_local(std::chrono::sys_days d, int hour, int minute);
/// What a customer hands over for `due`: the amount itself or the next note up.
Money cash_tendered(Money due, Dice& dice);

} // namespace bl::demo
