#include "receipts/layout/numbers.hpp"

#include <algorithm>
#include <cmath>

namespace bl::doc {

std::string format_number(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    const bool negative = v < 0;
    const long long whole_scaled = std::llround(std::fabs(v) * scale);
    const long long whole = whole_scaled / static_cast<long long>(scale);
    const long long frac = whole_scaled % static_cast<long long>(scale);
    std::string digits = std::to_string(whole);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += '.';
        out += digits[i];
    }
    if (decimals > 0) {
        std::string f = std::to_string(frac);
        f.insert(0,
                 static_cast<std::size_t>(decimals) -
                     std::min(f.size(), static_cast<std::size_t>(decimals)),
                 '0');
        out += ',';
        out += f;
    }
    return (negative && whole_scaled != 0 ? "-" : "") + out;
}

std::string format_percent(double share, int decimals) {
    return format_number(share * 100, decimals) + " %";
}

std::string format_hours(double minutes) {
    const double hours = minutes / 60;
    return format_number(hours, hours < 100 ? 1 : 0) + " t";
}

} // namespace bl::doc
