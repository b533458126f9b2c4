#pragma once
/// Messages for people: an English msgid (translated through gettext at the edge) and its
/// arguments. Core code never glues sentences together; it names a whole sentence.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

/// Marks a string literal for xgettext (keyword BL_N_) without translating it here.
#define BL_N_(s) s
/// Marks a sentence about a count, in its English singular and plural (xgettext keyword
/// BL_NP_:1,2), for Message::plural.
#define BL_NP_(one, many) one, many

namespace bl {

/// A whole sentence for a person, with `%s` (or `%1$s`) conversions filled from args.
struct Message {
    const char* msgid = "";
    /// A sentence about a count also has a plural msgid; `count` chooses the form (through
    /// the translation's plural rule: "1 vare", "2 varer").
    const char* msgid_plural = nullptr;
    std::int64_t count = 0;
    std::vector<std::string> args;
    /// Bit i set: args[i] is itself a msgid (a field name such as "Name") and is translated
    /// before it is filled in.
    std::uint32_t translated_args = 0;

    Message() = default;
    Message(const char* id) : msgid(id) {}
    Message(const char* id, std::initializer_list<std::string> a) : msgid(id), args(a) {}
    /// `Message::plural(BL_NP_("%s item", "%s items"), n, {std::to_string(n)})`: the count
    /// chooses the form; it is usually also one of the arguments.
    static Message plural(const char* one, const char* many, std::int64_t count,
                          std::initializer_list<std::string> a = {});
};

/// A message about a field: the field's name (a msgid, translated when rendered) fills the
/// first %s, the other arguments follow. Sentences are written "Field: problem" so that no
/// language has to make the rest agree with the field's name.
Message field_message(const char* msgid, const char* field,
                      std::initializer_list<std::string> rest = {});

/// Fills `%s` conversions in order and `%N$s` by position; `%%` is a literal percent sign.
/// A conversion without an argument is left as it is, so a bad translation can't crash.
std::string format_message(std::string_view format, const std::vector<std::string>& args);

/// Looks a msgid up in a translation table; the table is whatever the edge loaded
/// (a .mo catalogue in the apps). With no translation the English msgid is used.
class Translator {
public:
    virtual ~Translator() = default;
    virtual std::string_view translate(const char* msgid) const = 0;
    /// The form of a sentence about `n` things; with no translation, English's (`one` for
    /// 1, else `many`).
    virtual std::string_view translate_plural(const char* one, const char* many,
                                              std::int64_t n) const;
};

/// English's choice between a singular and a plural msgid.
inline const char* english_plural(const char* one, const char* many, std::int64_t n) {
    return n == 1 ? one : many;
}

/// The message in English, or translated when a translator is given.
std::string render(const Message& m, const Translator* t = nullptr);

/// What a person typed or scanned, made fit to be quoted back in a message argument: at most
/// `max_chars` characters (code points), cut at a character boundary and ended with "…" when
/// cut; bytes that are not UTF-8, control characters and characters that hide text or change
/// its direction each become U+FFFD. The result is always valid UTF-8, however long or broken
/// the input. (Defined with the text checks, in text.cpp.)
std::string echo_input(std::string_view input, std::size_t max_chars = 40);

} // namespace bl
