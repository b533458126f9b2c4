#pragma once
/// Money in integer øre with checked arithmetic, Danish formatting and parsing of what a
/// person types into a till.

#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl {

/// Thrown when a money calculation would leave the int64 range: a fault, never a wrap.
class MoneyOverflow : public std::overflow_error {
public:
    MoneyOverflow() : std::overflow_error("money arithmetic overflow") {}
};

/// An amount of Danish kroner held as a whole number of øre.
class Money {
public:
    constexpr Money() = default;
    static constexpr Money from_ore(std::int64_t ore) { return Money(ore); }
    /// Whole kroner; throws MoneyOverflow when out of range.
    static Money from_kroner(std::int64_t kroner);

    constexpr std::int64_t ore() const { return m_ore; }
    constexpr bool is_zero() const { return m_ore == 0; }
    constexpr bool is_negative() const { return m_ore < 0; }

    constexpr auto operator<=>(const Money&) const = default;

    Money operator+(Money o) const;
    Money operator-(Money o) const;
    Money operator-() const;
    Money& operator+=(Money o) { return *this = *this + o; }
    Money& operator-=(Money o) { return *this = *this - o; }
    /// Multiplies by a (possibly negative) quantity.
    Money times(std::int64_t quantity) const;

private:
    constexpr explicit Money(std::int64_t ore) : m_ore(ore) {}
    std::int64_t m_ore = 0;
};

/// Checked int64 helpers shared by money, VAT and impact arithmetic.
std::int64_t checked_add(std::int64_t a, std::int64_t b);
std::int64_t checked_sub(std::int64_t a, std::int64_t b);
std::int64_t checked_mul(std::int64_t a, std::int64_t b);

/// "1.234,50 kr." and "-45,00 kr.".
std::string format_dkk(Money m);
/// "1.234,50" without the currency, for columns and entry fields.
std::string format_amount(Money m);

/// The largest amount a person may type: 10 million kroner.
inline constexpr std::int64_t max_typed_ore = 1'000'000'000;

/// Parses an amount as people type it at a Danish till: "45", "45,5", "45,50", "1.234,50",
/// "45,-", with or without "kr."/"kr"/"DKK" before or after, and an optional leading minus.
/// Anything else is rejected with a reason a person can act on.
Result<Money, Message> parse_money(std::string_view text);

} // namespace bl
