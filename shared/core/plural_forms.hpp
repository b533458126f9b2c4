#pragma once
/// Plural forms as gettext chooses them: a catalogue's header says how many forms its
/// language has and which one a count takes ("Plural-Forms: nplurals=2; plural=(n != 1);"
/// for Danish and English, three forms and a longer rule for Polish). The rule is a C
/// expression over n; this reads and evaluates it without trusting it (a bad rule is refused,
/// never run).

#include <cstdint>
#include <string_view>
#include <vector>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl {

class PluralRule {
public:
    /// English and Danish: one form for 1, another for every other count.
    PluralRule();
    /// Reads the value of a Plural-Forms header ("nplurals=3; plural=(n==1 ? 0 : ...);").
    static Result<PluralRule, Message> parse(std::string_view header_value);
    /// Finds the Plural-Forms line in a catalogue's header (the translation of ""); the
    /// English rule when there is none.
    static Result<PluralRule, Message> from_header(std::string_view header);

    int forms() const { return m_forms; }
    /// The form (0 .. forms()-1) a count takes. Negative counts count as their size.
    std::size_t form(std::int64_t n) const;

    /// One step of the rule, in reverse Polish order (public for the parser in the .cpp).
    struct Op {
        enum Kind : unsigned char {
            number,
            n,
            not_,
            mul,
            div,
            mod,
            add,
            sub,
            lt,
            gt,
            le,
            ge,
            eq,
            ne,
            and_,
            or_,
            choose
        };
        Kind kind = number;
        std::uint64_t value = 0;
    };

private:
    int m_forms = 2;
    std::vector<Op> m_program;
};

} // namespace bl
