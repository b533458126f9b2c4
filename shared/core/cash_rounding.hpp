#pragma once
/// Danish cash rounding to 50 øre (bekendtgørelse 928/2008 § 2), for the cash part of a
/// payment only: .01–.24 to .00, .25–.74 to .50, .75–.99 to the next krone. Refunds
/// (negative amounts) round symmetrically: -45,24 to -45,00 and -45,75 to -46,00.

#include "shared/core/money.hpp"

namespace bl {

/// The amount a customer pays (or gets back) in cash.
Money round_cash(Money amount);

/// round_cash(amount) - amount: what the rounding added (positive) or took off (negative).
Money cash_rounding_difference(Money amount);

} // namespace bl
