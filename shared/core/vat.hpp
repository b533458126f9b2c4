#pragma once
/// VAT (moms) from VAT-inclusive amounts, per rate over a receipt.
///
/// Rounding rule: VAT is computed once per rate from the receipt's total gross for that rate,
/// never per line and then summed, so a receipt with many small lines does not drift. The
/// exact value gross * rate / (100 % + rate) is rounded to the nearest øre, halves away from
/// zero, so a refund shows exactly the negative of the sale's VAT.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "shared/core/money.hpp"

namespace bl {

/// A VAT rate in basis points: 2500 is 25 %. Only 0..10000 is valid.
struct VatRate {
    std::int32_t basis_points = 2500;
    constexpr auto operator<=>(const VatRate&) const = default;
    static constexpr VatRate standard() { return {2500}; }
    static constexpr VatRate zero() { return {0}; }
    bool valid() const { return basis_points >= 0 && basis_points <= 10000; }
};

/// "25 %" or "12,5 %".
std::string format_rate(VatRate r);

/// The VAT contained in a VAT-inclusive amount, rounded as described above.
Money vat_from_gross(Money gross, VatRate rate);

/// One amount on a receipt with its rate (a line total after discounts).
struct VatLine {
    VatRate rate;
    Money gross;
};

/// Totals for one rate.
struct VatGroup {
    VatRate rate;
    Money gross;
    Money vat;
    Money net() const { return gross - vat; }
};

/// Per-rate totals over a receipt, ordered by rate, highest first (25 % before 0 %).
struct VatSummary {
    std::vector<VatGroup> groups;
    Money gross_total() const;
    Money vat_total() const;
};

VatSummary summarize_vat(std::span<const VatLine> lines);

} // namespace bl
