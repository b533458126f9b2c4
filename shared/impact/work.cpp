#include "shared/impact/work.hpp"

#include <numeric>
#include <stdexcept>

#include "shared/core/money.hpp"

namespace bl {

WorkMinutes::WorkMinutes(std::int64_t num, std::int64_t den) {
    if (den == 0)
        throw std::invalid_argument("WorkMinutes: zero denominator");
    if (den < 0) {
        num = checked_sub(0, num);
        den = checked_sub(0, den);
    }
    const std::int64_t g = std::gcd(num, den);
    m_num = g ? num / g : 0;
    m_den = g ? den / g : 1;
}

WorkMinutes WorkMinutes::operator+(const WorkMinutes& o) const {
    const std::int64_t l = std::lcm(m_den, o.m_den);
    return {checked_add(checked_mul(m_num, l / m_den), checked_mul(o.m_num, l / o.m_den)), l};
}

WorkMinutes WorkMinutes::operator-(const WorkMinutes& o) const {
    return *this + WorkMinutes(checked_sub(0, o.m_num), o.m_den);
}

bool WorkMinutes::operator==(const WorkMinutes& o) const {
    return m_num == o.m_num && m_den == o.m_den;
}

std::int64_t WorkMinutes::rounded(std::int64_t step) const {
    if (step <= 0)
        throw std::invalid_argument("WorkMinutes::rounded: step must be positive");
    // round(num / (den*step)) * step, halves away from zero
    const std::int64_t d = checked_mul(m_den, step);
    std::int64_t q = m_num / d;
    const std::int64_t r = m_num % d;
    if ((r < 0 ? -r : r) * 2 >= d)
        q += m_num < 0 ? -1 : 1;
    return checked_mul(q, step);
}

std::int64_t display_minutes(const WorkMinutes& work) {
    if (work.numerator() <= 0)
        return 0;
    // Below an hour in steps of 5; from an hour up (where 55 minutes would round to 60) in
    // steps of 10.
    const std::int64_t five = work.rounded(5);
    const std::int64_t shown = five < 60 ? five : work.rounded(10);
    return shown == 0 ? 5 : shown;
}

WorkMinutes work_in_units(std::int64_t batch_minutes, std::int64_t batch_units,
                          std::int64_t quantity) {
    if (batch_units <= 0)
        throw std::invalid_argument("work_in_units: a batch has at least one unit");
    return {checked_mul(batch_minutes, quantity), batch_units};
}

std::string format_work_da(std::int64_t minutes) {
    const bool neg = minutes < 0;
    const std::int64_t m = neg ? -minutes : minutes;
    const std::int64_t h = m / 60;
    const std::int64_t rest = m % 60;
    std::string s = neg ? "-" : "";
    if (h > 0)
        s += std::to_string(h) + " t";
    if (rest > 0 || h == 0) {
        if (h > 0)
            s += ' ';
        s += std::to_string(rest) + " min";
    }
    return s;
}

} // namespace bl
