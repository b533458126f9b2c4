#include "pos/print/escpos.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace bl::pos {

namespace {

// Code page 865, bytes 0x80..0xFF, as Unicode code points.
constexpr std::array<char32_t, 128> cp865 = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF,
    0x00EE, 0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x20A7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA,
    0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00A4,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557,
    0x255D, 0x255C, 0x255B, 0x2510, 0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559,
    0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
    0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4, 0x03A6, 0x0398, 0x03A9, 0x03B4,
    0x221E, 0x03C6, 0x03B5, 0x2229, 0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248,
    0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0};

// Plain stand-ins for common characters that code page 865 lacks.
char32_t fallback(char32_t c) {
    switch (c) {
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2212: // minus
        return '-';
    case 0x2018:
    case 0x2019:
        return '\'';
    case 0x201C:
    case 0x201D:
        return '"';
    case 0x2026: // ellipsis: one column on the receipt, so one character
        return '.';
    case 0x20AC: // euro
        return 'E';
    case 0x00D7: // multiplication sign, as in "2 × 500,00 kr." on a Z report
        return 'x';
    case 0x00C1:
    case 0x00C0:
    case 0x00C2:
        return 'A';
    case 0x00CD:
        return 'I';
    case 0x00D3:
    case 0x00D2:
        return 'O';
    case 0x00DA:
        return 'U';
    case 0x00F5:
        return 'o';
    default:
        return 0;
    }
}

// The next character of UTF-8 text. A byte that does not begin a well-formed character (a
// stray continuation byte, a lead byte without its continuation bytes, an overlong form, a
// surrogate) is one invalid character on its own, U+FFFD: it never takes the bytes after it
// with it (a line break, a letter).
char32_t next_cp(std::string_view s, std::size_t& i) {
    constexpr char32_t invalid = 0xFFFD;
    const auto b0 = static_cast<unsigned char>(s[i]);
    ++i;
    if (b0 < 0x80)
        return b0;
    const std::size_t more = b0 >= 0xC2 && b0 <= 0xDF   ? 1
                             : b0 >= 0xE0 && b0 <= 0xEF ? 2
                             : b0 >= 0xF0 && b0 <= 0xF4 ? 3
                                                        : 0;
    if (more == 0 || i + more > s.size())
        return invalid;
    char32_t cp = b0 & (more == 1 ? 0x1Fu : more == 2 ? 0x0Fu : 0x07u);
    for (std::size_t k = 0; k < more; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80)
            return invalid;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    const char32_t least = more == 1 ? 0x80 : more == 2 ? 0x800 : 0x10000;
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return invalid;
    i += more;
    return cp;
}

void put_utf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

constexpr char ESC = 0x1B;
constexpr char GS = 0x1D;

} // namespace

std::string to_cp865(std::string_view utf8) {
    std::string out;
    std::size_t i = 0;
    while (i < utf8.size()) {
        const char32_t c = next_cp(utf8, i);
        if ((c < 0x20 && c != '\n') || c == 0x7F) { // control characters print as "?"
            out += '?';
            continue;
        }
        if (c < 0x80) {
            out += static_cast<char>(c);
            continue;
        }
        bool found = false;
        for (std::size_t k = 0; k < cp865.size(); ++k) {
            if (cp865[k] == c) {
                out += static_cast<char>(0x80 + k);
                found = true;
                break;
            }
        }
        if (found)
            continue;
        const char32_t f = fallback(c);
        out += f ? static_cast<char>(f) : '?';
    }
    return out;
}

std::string from_cp865(std::string_view bytes) {
    std::string out;
    for (char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        put_utf8(b < 0x80 ? b : cp865[b - 0x80u], out);
    }
    return out;
}

std::string encode_receipt(const receipts::ReceiptText& r) {
    std::string out;
    auto cmd = [&out](std::initializer_list<int> bytes) {
        for (int b : bytes)
            out += static_cast<char>(b);
    };
    cmd({ESC, '@'});                 // initialise
    cmd({ESC, 't', codepage_pc865}); // character table
    auto line = [&](const receipts::TextLine& l) {
        cmd({ESC, 'a',
             l.align == receipts::TextLine::Align::left     ? 0
             : l.align == receipts::TextLine::Align::centre ? 1
                                                            : 2});
        cmd({ESC, 'E', l.bold ? 1 : 0});
        cmd({GS, '!', l.large ? 0x11 : 0x00});
        // One line of the receipt is one printed line: a line break in its text is a space.
        std::string text = to_cp865(l.text);
        std::replace(text.begin(), text.end(), '\n', ' ');
        out += text;
        out += '\n';
    };
    for (const auto& l : r.lines)
        line(l);
    // Code 128's code set B: printable ASCII only, and "{" (the start of a function) doubled;
    // a code the printer cannot print, or too long for its one length byte, is left out.
    std::string data = "{B";
    bool barcode = r.barcode && !r.barcode->empty();
    for (std::size_t k = 0; barcode && k < r.barcode->size(); ++k) {
        const char c = (*r.barcode)[k];
        barcode = c >= 0x20 && c <= 0x7E;
        data += c == '{' ? "{{" : std::string(1, c);
    }
    if (barcode && data.size() <= 255) {
        cmd({ESC, 'a', 1});
        cmd({GS, 'h', 80}); // height in dots
        cmd({GS, 'w', 2});  // module width
        cmd({GS, 'H', 2});  // human-readable text below
        // GS k m=73 (Code 128) n, data: "{B" selects code set B.
        cmd({GS, 'k', 73, static_cast<int>(data.size())});
        out += data;
        out += '\n';
    }
    if (r.qr && !r.qr->empty() && r.qr->size() < 700) {
        // GS ( k, the QR symbol's functions: model 2, module of 6 dots, error correction M,
        // store the data, print it.
        cmd({ESC, 'a', 1});
        cmd({GS, '(', 'k', 4, 0, 49, 65, 50, 0}); // model 2
        cmd({GS, '(', 'k', 3, 0, 49, 67, 6});     // module size
        cmd({GS, '(', 'k', 3, 0, 49, 69, 49});    // error correction M
        const std::size_t n = r.qr->size() + 3;
        cmd({GS, '(', 'k', static_cast<int>(n & 0xFF), static_cast<int>(n >> 8), 49, 80, 48});
        out += *r.qr;
        cmd({GS, '(', 'k', 3, 0, 49, 81, 48}); // print
        out += '\n';
    }
    for (const auto& l : r.after_barcode)
        line(l);
    cmd({ESC, 'd', 4});    // feed 4 lines
    cmd({GS, 'V', 66, 0}); // partial cut after feeding
    if (r.open_drawer)
        cmd({ESC, 'p', 0, 25, 250}); // kick drawer pin 2: 50 ms on, 500 ms off
    return out;
}

} // namespace bl::pos
