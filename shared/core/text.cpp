#include "shared/core/text.hpp"

#include <charconv>
#include <vector>

namespace bl {

namespace {

// Decodes one code point; returns false on malformed input.
bool decode(std::string_view s, std::size_t& i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        i += 1;
        return true;
    }
    std::size_t n;
    char32_t min;
    if ((b0 & 0xE0) == 0xC0) {
        n = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        n = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        n = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return false;
    }
    if (i + n > s.size())
        return false;
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80)
            return false;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return false;
    i += n;
    return true;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_space_cp(char32_t c) {
    return c == ' ' || c == '\t' || c == 0xA0 || c == 0x2007 || c == 0x202F || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200A);
}

// Characters that hide text or change its direction: a name must look like what it is.
bool is_invisible_or_bidi(char32_t c) {
    return (c >= 0x200B && c <= 0x200F) || // zero-width space/joiners, LRM, RLM
           (c >= 0x202A && c <= 0x202E) || // bidi embeddings and overrides
           (c >= 0x2060 && c <= 0x2064) || // word joiner, invisible operators
           (c >= 0x2066 && c <= 0x2069) || // bidi isolates
           c == 0xFEFF || c == 0x00AD || c == 0x061C || c == 0x180E;
}

} // namespace

std::string echo_input(std::string_view input, std::size_t max_chars) {
    constexpr char32_t replacement = 0xFFFD;
    std::string out;
    std::size_t i = 0, shown = 0;
    // Reads no further than one character past what is shown: a megabyte of input costs
    // no more than 41 characters of it.
    while (i < input.size()) {
        char32_t c = 0;
        if (!decode(input, i, c)) {
            c = replacement;
            ++i;
        } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || is_invisible_or_bidi(c)) {
            c = replacement;
        }
        if (shown == max_chars) {
            // There is more: the last character shown makes way for the ellipsis.
            if (max_chars == 0)
                return out;
            std::size_t cut = out.size();
            do
                --cut;
            while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80);
            out.resize(cut);
            out += "\xE2\x80\xA6"; // …
            return out;
        }
        encode(c, out);
        ++shown;
    }
    return out;
}

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    char32_t cp = 0;
    while (i < s.size())
        if (!decode(s, i, cp))
            return false;
    return true;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string utf8_prefix(std::string_view s, std::size_t max_chars) {
    std::size_t end = 0, chars = 0;
    while (end < s.size()) {
        if ((static_cast<unsigned char>(s[end]) & 0xC0) != 0x80 && chars++ == max_chars)
            break;
        ++end;
    }
    return std::string(s.substr(0, end));
}

Result<std::string, Message> clean_text(std::string_view input, const TextRules& rules) {
    if (!is_valid_utf8(input))
        return err(field_message(
            BL_N_("%s: contains characters that cannot be read. Type it again."), rules.field));
    std::vector<char32_t> cps;
    std::size_t i = 0;
    while (i < input.size()) {
        char32_t c = 0;
        decode(input, i, c);
        if (c == '\r') {
            if (i < input.size() && input[i] == '\n')
                continue; // CR LF becomes LF
            c = '\n';
        }
        if (c == '\n') {
            if (!rules.multiline)
                return err(field_message(BL_N_("%s: must fit on one line."), rules.field));
            cps.push_back(c);
            continue;
        }
        if (c == '\t')
            c = ' ';
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            return err(field_message(BL_N_("%s: contains a control character. Type it again "
                                           "without copying it from elsewhere."),
                                     rules.field));
        if (is_invisible_or_bidi(c))
            return err(field_message(BL_N_("%s: contains an invisible character or one that "
                                           "changes the text direction. Type it again without "
                                           "copying it from elsewhere."),
                                     rules.field));
        if (c >= 0xE000 && c <= 0xF8FF)
            return err(field_message(BL_N_("%s: contains a character that cannot be shown. Type "
                                           "it again."),
                                     rules.field));
        if (is_space_cp(c))
            c = ' ';
        if (!rules.multiline && c == ' ' && !cps.empty() && cps.back() == ' ')
            continue; // fold runs of spaces in one-line fields
        cps.push_back(c);
    }
    // Trim spaces (and, for notes, blank lines) at both ends, and spaces at line ends.
    std::vector<char32_t> kept;
    for (char32_t c : cps) {
        if (c == '\n')
            while (!kept.empty() && kept.back() == ' ')
                kept.pop_back();
        kept.push_back(c);
    }
    auto blank = [](char32_t c) { return c == ' ' || c == '\n'; };
    while (!kept.empty() && blank(kept.back()))
        kept.pop_back();
    std::size_t start = 0;
    while (start < kept.size() && blank(kept[start]))
        ++start;
    std::string out;
    for (std::size_t k = start; k < kept.size(); ++k)
        encode(kept[k], out);
    const std::size_t len = utf8_length(out);
    if (len < rules.min_chars) {
        if (rules.min_chars <= 1)
            return err(field_message(BL_N_("%s: please fill this in."), rules.field));
        return err(field_message(BL_N_("%s: at least %s characters, please."), rules.field,
                                 {std::to_string(rules.min_chars)}));
    }
    if (len > rules.max_chars)
        return err(field_message(BL_N_("%s: at most %s characters (there are %s)."), rules.field,
                                 {std::to_string(rules.max_chars), std::to_string(len)}));
    return out;
}

std::string search_fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t c = 0;
        if (!decode(s, i, c)) {
            ++i;
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            c = c - 'A' + 'a';
        switch (c) {
        case U'æ':
        case U'Æ':
        case U'ä':
        case U'Ä':
            out += "ae";
            continue;
        case U'ø':
        case U'Ø':
        case U'ö':
        case U'Ö':
            out += "oe";
            continue;
        case U'å':
        case U'Å':
            out += "aa";
            continue;
        case U'é':
        case U'É':
        case U'è':
        case U'È':
        case U'ê':
            out += 'e';
            continue;
        case U'ü':
        case U'Ü':
            out += "ue";
            continue;
        case U'á':
        case U'à':
            out += 'a';
            continue;
        case U'ó':
        case U'ò':
            out += 'o';
            continue;
        case U'í':
            out += 'i';
            continue;
        default:
            break;
        }
        if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
            c += 0x20; // remaining Latin-1 capitals
        encode(c, out);
    }
    return out;
}

std::vector<std::string> wrap_words(const std::string& text, std::size_t width) {
    std::vector<std::string> out;
    std::string line, word;
    auto flush = [&] {
        if (word.empty())
            return;
        if (!line.empty() && utf8_length(line) + 1 + utf8_length(word) > width) {
            out.push_back(line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        word.clear();
    };
    for (char c : text) {
        if (c == ' ')
            flush();
        else
            word += c;
    }
    flush();
    if (!line.empty())
        out.push_back(line);
    return out;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> out;
    while (true) {
        const auto at = s.find(separator);
        out.push_back(s.substr(0, at));
        if (at == std::string_view::npos)
            return out;
        s.remove_prefix(at + 1);
    }
}

std::optional<std::int64_t> parse_whole_number(std::string_view s) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return n;
}

} // namespace bl
