#pragma once
/// Validation of names and free text typed by people or read from files: valid UTF-8 only,
/// trimmed, within length limits, and free of characters that hide or reorder text (control
/// characters, bidi overrides, zero-width characters).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl {

/// Rules for one field.
struct TextRules {
    std::size_t min_chars = 1;         ///< after trimming; 0 allows an empty field
    std::size_t max_chars = 80;        ///< Unicode code points, after trimming
    bool multiline = false;            ///< allow line breaks (notes, stories)
    const char* field = BL_N_("Text"); ///< how messages name the field
};

/// Rules for a person's or product's name: one line, 1–80 characters.
inline constexpr TextRules name_rules{1, 80, false, BL_N_("Name")};
/// Rules for notes: several lines, up to 2,000 characters, may be empty.
inline constexpr TextRules note_rules{0, 2000, true, BL_N_("Note")};

/// The cleaned text (trimmed; runs of spaces in one-line fields folded to one; CR LF to LF)
/// or a message saying what to fix.
Result<std::string, Message> clean_text(std::string_view input, const TextRules& rules);

/// True when the bytes are well-formed UTF-8 (no overlong forms, surrogates or values above
/// U+10FFFF).
bool is_valid_utf8(std::string_view s);

/// Number of code points in valid UTF-8.
std::size_t utf8_length(std::string_view s);

/// The first `max_chars` characters (code points) of `s`, never cutting one in two: a field
/// kept short stays valid UTF-8.
std::string utf8_prefix(std::string_view s, std::size_t max_chars);

/// Breaks text into lines of at most `width` characters (code points) at spaces; a word
/// longer than the width stands on a line of its own.
std::vector<std::string> wrap_words(const std::string& text, std::size_t width);

/// Folds text for searching: lower case, and the Danish letters with their common ASCII
/// spellings made equal (æ/ae, ø/oe, å/aa, and accented vowels to plain ones), so that
/// "aeble", "æble" and "Æble" all fold to the same key.
std::string search_fold(std::string_view s);

/// The pieces of `s` between separators, empty ones included ("a;;b" gives "a", "", "b");
/// they point into `s`.
std::vector<std::string_view> split(std::string_view s, char separator);

/// A whole number written only with digits and an optional leading '-' (no spaces, no '+',
/// nothing after it), within the range of int64; nullopt otherwise.
std::optional<std::int64_t> parse_whole_number(std::string_view s);

} // namespace bl
