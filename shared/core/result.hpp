#pragma once
/// Result<T, E>: an expected failure as a value (C++20 has no std::expected yet).

#include <stdexcept>
#include <utility>
#include <variant>

namespace bl {

/// Wraps an error value so Result can tell it from a success value of the same type.
template <class E>
struct Err {
    E error;
};

template <class E>
Err<std::decay_t<E>> err(E&& e) {
    return {std::forward<E>(e)};
}

/// The value of a Result whose success carries nothing but the fact: `Result<Done, Message>`.
struct Done {};

/// Either a value or an expected error. Accessing the wrong side is a programming fault.
template <class T, class E>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    template <class E2>
    Result(Err<E2> e) : m_v(std::in_place_index<1>, std::move(e.error)) {}

    bool ok() const noexcept { return m_v.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    T& value() & {
        check(true);
        return std::get<0>(m_v);
    }
    const T& value() const& {
        check(true);
        return std::get<0>(m_v);
    }
    T&& value() && {
        check(true);
        return std::get<0>(std::move(m_v));
    }
    const E& error() const& {
        check(false);
        return std::get<1>(m_v);
    }
    T value_or(T fallback) const { return ok() ? std::get<0>(m_v) : std::move(fallback); }

private:
    void check(bool want_value) const {
        if (ok() != want_value)
            throw std::logic_error(want_value ? "Result: value() on an error"
                                              : "Result: error() on a value");
    }
    std::variant<T, E> m_v;
};

} // namespace bl
