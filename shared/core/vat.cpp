#include "shared/core/vat.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace bl {

std::string format_rate(VatRate r) {
    std::string s = std::to_string(r.basis_points / 100);
    int frac = r.basis_points % 100;
    if (frac != 0) {
        s += ',';
        s += static_cast<char>('0' + frac / 10);
        if (frac % 10 != 0)
            s += static_cast<char>('0' + frac % 10);
    }
    return s + " %";
}

Money vat_from_gross(Money gross, VatRate rate) {
    if (!rate.valid())
        throw std::invalid_argument("VAT rate out of range");
    if (rate.basis_points == 0)
        return Money{};
    // vat = gross * bp / (10000 + bp), rounded half away from zero, in integers only.
    const std::int64_t num = checked_mul(gross.ore(), rate.basis_points);
    const std::int64_t den = 10000 + rate.basis_points;
    std::int64_t q = num / den;
    const std::int64_t r = num % den;
    const std::int64_t twice = (r < 0 ? -r : r) * 2;
    if (twice >= den)
        q += (num < 0 ? -1 : 1);
    return Money::from_ore(q);
}

Money VatSummary::gross_total() const {
    Money t;
    for (const auto& g : groups)
        t += g.gross;
    return t;
}

Money VatSummary::vat_total() const {
    Money t;
    for (const auto& g : groups)
        t += g.vat;
    return t;
}

VatSummary summarize_vat(std::span<const VatLine> lines) {
    std::map<std::int32_t, Money, std::greater<>> by_rate;
    for (const auto& l : lines) {
        if (!l.rate.valid())
            throw std::invalid_argument("VAT rate out of range");
        by_rate[l.rate.basis_points] += l.gross;
    }
    VatSummary s;
    for (const auto& [bp, gross] : by_rate)
        s.groups.push_back({VatRate{bp}, gross, vat_from_gross(gross, VatRate{bp})});
    return s;
}

} // namespace bl
