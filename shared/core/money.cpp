#include "shared/core/money.hpp"

#include <cstdlib>
#include <limits>

namespace bl {

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_add_overflow(a, b, &r))
        throw MoneyOverflow();
    return r;
}

std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_sub_overflow(a, b, &r))
        throw MoneyOverflow();
    return r;
}

std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_mul_overflow(a, b, &r))
        throw MoneyOverflow();
    return r;
}

Money Money::from_kroner(std::int64_t kroner) {
    return Money(checked_mul(kroner, 100));
}
Money Money::operator+(Money o) const {
    return Money(checked_add(m_ore, o.m_ore));
}
Money Money::operator-(Money o) const {
    return Money(checked_sub(m_ore, o.m_ore));
}
Money Money::operator-() const {
    return Money(checked_sub(0, m_ore));
}
Money Money::times(std::int64_t quantity) const {
    return Money(checked_mul(m_ore, quantity));
}

std::string format_amount(Money m) {
    // Work on the magnitude as unsigned so INT64_MIN formats too.
    const bool negative = m.ore() < 0;
    const std::uint64_t mag = negative ? (~static_cast<std::uint64_t>(m.ore()) + 1u)
                                       : static_cast<std::uint64_t>(m.ore());
    const std::uint64_t kroner = mag / 100;
    const std::uint64_t ore = mag % 100;
    std::string digits = std::to_string(kroner);
    std::string grouped;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        grouped += digits[i];
        const std::size_t left = n - 1 - i;
        if (left > 0 && left % 3 == 0)
            grouped += '.';
    }
    std::string out = negative ? "-" : "";
    out += grouped;
    out += ',';
    out += static_cast<char>('0' + ore / 10);
    out += static_cast<char>('0' + ore % 10);
    return out;
}

std::string format_dkk(Money m) {
    return format_amount(m) + " kr.";
}

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    // A no-break space (U+00A0, as pasted from a web page) counts as space as well.
    while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0")
        s.remove_prefix(2);
    while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
        s.remove_suffix(2);
    return s;
}

bool strip_prefix_ci(std::string_view& s, std::string_view p) {
    if (s.size() < p.size())
        return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char a = s[i];
        if (a >= 'A' && a <= 'Z')
            a = static_cast<char>(a - 'A' + 'a');
        if (a != p[i])
            return false;
    }
    s.remove_prefix(p.size());
    return true;
}

bool strip_suffix_ci(std::string_view& s, std::string_view p) {
    if (s.size() < p.size())
        return false;
    std::string_view tail = s.substr(s.size() - p.size());
    if (!strip_prefix_ci(tail, p))
        return false;
    s.remove_suffix(p.size());
    return true;
}

bool all_digits(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

} // namespace

Result<Money, Message> parse_money(std::string_view original) {
    const std::string shown = echo_input(original);
    std::string_view s = trim(original);
    if (s.empty())
        return err(Message(BL_N_("Type an amount, for example 45,50.")));

    // Currency before or after the number: "kr. 45", "45 kr.", "45kr", "45 DKK".
    bool currency =
        strip_prefix_ci(s, "kr.") || strip_prefix_ci(s, "kr") || strip_prefix_ci(s, "dkk");
    s = trim(s);
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
        s = trim(s);
    }
    if (!currency) {
        currency =
            strip_suffix_ci(s, "kr.") || strip_suffix_ci(s, "kr") || strip_suffix_ci(s, "dkk");
        s = trim(s);
    }
    // "45,-" is the Danish way of writing a whole-krone price.
    if (s.size() >= 2 && s.substr(s.size() - 2) == ",-")
        s.remove_suffix(2);
    if (s.empty())
        return err(Message(BL_N_("Type an amount, for example 45,50.")));

    std::string_view whole = s;
    std::string_view fraction;
    const auto comma = s.find(',');
    if (comma != std::string_view::npos) {
        whole = s.substr(0, comma);
        fraction = s.substr(comma + 1);
        if (fraction.find(',') != std::string_view::npos)
            return err(Message(BL_N_("\"%s\" has more than one comma. Write an amount such as "
                                     "1.234,50."),
                               {shown}));
        if (fraction.empty() || !all_digits(fraction))
            return err(Message(BL_N_("\"%s\" is not an amount. Use digits, and a comma before "
                                     "the øre, for example 45,50."),
                               {shown}));
        if (fraction.size() > 2)
            return err(Message(BL_N_("\"%s\" has more than two digits after the comma. "
                                     "Amounts are in kroner and øre, for example 45,50."),
                               {shown}));
    }
    if (whole.empty())
        whole = "0";
    for (char c : whole) {
        if (!(c >= '0' && c <= '9') && c != '.')
            return err(Message(BL_N_("\"%s\" is not an amount. Use digits, and a comma before "
                                     "the øre, for example 45,50."),
                               {shown}));
    }

    // Thousands separators: "1.234.567". A point followed by one or two digits at the end is
    // almost certainly an English decimal point.
    std::string digits;
    if (whole.find('.') != std::string_view::npos) {
        const auto last = whole.rfind('.');
        const auto tail = whole.size() - last - 1;
        if (comma == std::string_view::npos && (tail == 1 || tail == 2) && whole.find('.') == last)
            return err(Message(BL_N_("\"%s\": use a comma before the øre, for example 45,50 "
                                     "(a point separates thousands)."),
                               {shown}));
        std::size_t start = 0;
        bool first = true;
        while (true) {
            const auto dot = whole.find('.', start);
            const std::string_view group = whole.substr(
                start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
            const bool bad = group.empty() || (first ? group.size() > 3 : group.size() != 3);
            if (bad)
                return err(Message(BL_N_("\"%s\" has points in the wrong places. A point "
                                         "separates thousands, as in 1.234,50."),
                                   {shown}));
            digits += group;
            first = false;
            if (dot == std::string_view::npos)
                break;
            start = dot + 1;
        }
    } else {
        digits = std::string(whole);
    }

    // Leading zeros are harmless; drop them before the size check.
    const auto nz = digits.find_first_not_of('0');
    digits = nz == std::string::npos ? "0" : digits.substr(nz);
    if (digits.size() > 8)
        return err(Message(BL_N_("\"%s\" is too large for an amount at the till."), {shown}));
    std::int64_t kroner = std::strtoll(digits.c_str(), nullptr, 10);
    std::int64_t ore = 0;
    if (!fraction.empty()) {
        ore = (fraction[0] - '0') * 10;
        if (fraction.size() == 2)
            ore += fraction[1] - '0';
    }
    std::int64_t total = kroner * 100 + ore;
    if (total > max_typed_ore)
        return err(Message(BL_N_("\"%s\" is too large for an amount at the till."), {shown}));
    return Money::from_ore(negative ? -total : total);
}

} // namespace bl
