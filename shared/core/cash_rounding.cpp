#include "shared/core/cash_rounding.hpp"

namespace bl {

Money round_cash(Money amount) {
    const std::int64_t ore = amount.ore();
    const bool negative = ore < 0;
    const std::int64_t mag = negative ? checked_sub(0, ore) : ore;
    const std::int64_t rest = mag % 100;
    std::int64_t base = mag - rest;
    if (rest >= 75)
        base = checked_add(base, 100);
    else if (rest >= 25)
        base = checked_add(base, 50);
    return Money::from_ore(negative ? -base : base);
}

Money cash_rounding_difference(Money amount) {
    return round_cash(amount) - amount;
}

} // namespace bl
