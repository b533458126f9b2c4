// The ESC/POS encoder (pos/print) on any receipt text: never a crash; the bytes are only the
// commands the encoder means to send (initialise, code page 865, alignment, bold, size, the
// barcode and QR functions, feed, cut, the drawer kick) with printable text between them, so
// nothing a person typed (a product name, the shop's footer) can reach the printer as a
// command; each line of the receipt prints as one line with its own style and its text in
// code page 865; the barcode only when the printer can print it, and reading back as given;
// the drawer kicked once exactly when asked, after the cut; the output no longer than a fixed
// amount per line and per byte of text.
//
// The input, split at NUL bytes: flags (drawer, barcode, QR; how many lines come before the
// barcode), then the lines (a style byte and the text), then the barcode's and the QR code's
// data when flagged.
#include <string>
#include <string_view>
#include <vector>

#include "fuzz.hpp"
#include "pos/print/escpos.hpp"
#include "shared/core/text.hpp"

namespace {

using bl::receipts::ReceiptText;
using bl::receipts::TextLine;

struct Printed {
    struct Line {
        std::string text; // code page 865, as sent
        int align = 0;
        bool bold = false;
        bool large = false;
    };
    std::vector<Line> lines;
    std::vector<std::string> barcodes; // data, the code set and the escapes taken away
    std::vector<std::string> qr_codes;
    int cuts = 0, kicks = 0, initialised = 0, codepage = -1;
    bool kick_after_cut = true;
};

[[noreturn]] void unknown(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

// What a printer does with the bytes; aborts on anything the encoder must never send.
Printed read(const std::string& b) {
    Printed p;
    int align = 0;
    bool bold = false, large = false;
    std::string text, qr;
    std::size_t i = 0;
    auto arg = [&](std::size_t k) {
        FUZZ_CHECK(i + k < b.size());
        return static_cast<unsigned char>(b[i + k]);
    };
    while (i < b.size()) {
        const auto c = static_cast<unsigned char>(b[i]);
        if (c == 0x1B) { // ESC
            FUZZ_CHECK(text.empty());
            switch (arg(1)) {
            case '@':
                ++p.initialised;
                i += 2;
                break;
            case 't':
                p.codepage = arg(2);
                i += 3;
                break;
            case 'a':
                FUZZ_CHECK(arg(2) <= 2);
                align = arg(2);
                i += 3;
                break;
            case 'E':
                FUZZ_CHECK(arg(2) <= 1);
                bold = arg(2) == 1;
                i += 3;
                break;
            case 'd':
                (void)arg(2);
                i += 3;
                break;
            case 'p':
                (void)arg(4);
                ++p.kicks;
                p.kick_after_cut = p.kick_after_cut && p.cuts == 1;
                i += 5;
                break;
            default:
                unknown("an ESC command the encoder never sends");
            }
        } else if (c == 0x1D) { // GS
            FUZZ_CHECK(text.empty());
            switch (arg(1)) {
            case '!':
                FUZZ_CHECK(arg(2) == 0 || arg(2) == 0x11);
                large = arg(2) == 0x11;
                i += 3;
                break;
            case 'h':
            case 'w':
            case 'H':
                (void)arg(2);
                i += 3;
                break;
            case 'k': { // Code 128: m = 73, n, then n bytes beginning with the code set "{B"
                FUZZ_CHECK(arg(2) == 73);
                const std::size_t n = arg(3);
                FUZZ_CHECK(i + 4 + n <= b.size());
                const std::string_view data(b.data() + i + 4, n);
                FUZZ_CHECK(data.substr(0, 2) == "{B");
                std::string plain;
                for (std::size_t k = 2; k < data.size(); ++k) {
                    const auto d = static_cast<unsigned char>(data[k]);
                    FUZZ_CHECK(d >= 0x20 && d <= 0x7E); // code set B prints these only
                    if (d == '{') { // "{{" is a brace; "{" and anything else, a function
                        FUZZ_CHECK(k + 1 < data.size() && data[k + 1] == '{');
                        ++k;
                    }
                    plain += static_cast<char>(d);
                }
                p.barcodes.push_back(plain);
                i += 4 + n;
                break;
            }
            case '(': { // GS ( k pL pH: the QR functions, their data counted
                FUZZ_CHECK(arg(2) == 'k');
                const std::size_t n = arg(3) + 256u * arg(4);
                FUZZ_CHECK(n >= 2 && i + 5 + n <= b.size());
                const std::string_view body(b.data() + i + 5, n);
                FUZZ_CHECK(body[0] == 49);
                if (body[1] == 80) {
                    FUZZ_CHECK(n >= 3);
                    qr = std::string(body.substr(3));
                } else if (body[1] == 81) {
                    p.qr_codes.push_back(qr);
                }
                i += 5 + n;
                break;
            }
            case 'V':
                FUZZ_CHECK(arg(2) == 66);
                (void)arg(3);
                ++p.cuts;
                i += 4;
                break;
            default:
                unknown("a GS command the encoder never sends");
            }
        } else if (c == '\n') {
            p.lines.push_back({text, align, bold, large});
            text.clear();
            ++i;
        } else {
            // Text: printable only. A control byte here would be a command from the text.
            FUZZ_CHECK(c >= 0x20 && c != 0x7F);
            text += static_cast<char>(c);
            ++i;
        }
    }
    FUZZ_CHECK(text.empty());
    return p;
}

TextLine line_from(std::string_view piece) {
    TextLine l;
    if (piece.empty())
        return l;
    const auto style = static_cast<unsigned char>(piece[0]);
    l.align = static_cast<TextLine::Align>(style % 3);
    l.bold = (style & 4) != 0;
    l.large = (style & 8) != 0;
    l.text = std::string(piece.substr(1));
    return l;
}

// The barcode the printer can print: code set B's characters, and short enough to count.
bool printable_barcode(const std::string& s) {
    std::size_t escaped = 2;
    for (char c : s) {
        if (c < 0x20 || c > 0x7E)
            return false;
        escaped += c == '{' ? 2 : 1;
    }
    return !s.empty() && escaped <= 255;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto pieces = bl::split(input, '\0');
    const std::string_view flags = pieces[0];
    const bool drawer = !flags.empty() && (flags[0] & 1);
    const bool has_barcode = !flags.empty() && (flags[0] & 2);
    const bool has_qr = !flags.empty() && (flags[0] & 4);
    std::size_t before = flags.size() > 1 ? static_cast<unsigned char>(flags[1]) : 255;

    ReceiptText r;
    r.open_drawer = drawer;
    std::size_t next = 1;
    std::size_t end = pieces.size();
    if (has_qr && end > next) {
        r.qr = std::string(pieces[end - 1]);
        --end;
    }
    if (has_barcode && end > next) {
        r.barcode = std::string(pieces[end - 1]);
        --end;
    }
    std::size_t text_bytes = 0;
    for (; next < end; ++next) {
        TextLine l = line_from(pieces[next]);
        text_bytes += l.text.size();
        if (before > 0) {
            r.lines.push_back(std::move(l));
            --before;
        } else {
            r.after_barcode.push_back(std::move(l));
        }
    }

    const std::string out = bl::pos::encode_receipt(r);

    // Bounded: a fixed frame, a few bytes of commands a line, a byte of text per byte given,
    // the barcode at most doubled (escapes), the QR code's data once.
    const std::size_t lines = r.lines.size() + r.after_barcode.size();
    FUZZ_CHECK(out.size() <= 64 + 10 * lines + text_bytes +
                                 (r.barcode ? 2 * r.barcode->size() : 0) +
                                 (r.qr ? r.qr->size() : 0) + 64);

    const Printed p = read(out);
    FUZZ_CHECK(p.initialised == 1 && p.codepage == bl::pos::codepage_pc865);
    FUZZ_CHECK(out.substr(0, 5) == "\x1b@\x1bt\x05");
    FUZZ_CHECK(p.cuts == 1);
    FUZZ_CHECK(p.kicks == (drawer ? 1 : 0));
    FUZZ_CHECK(p.kick_after_cut);

    const bool barcode = r.barcode && printable_barcode(*r.barcode);
    const bool qr = r.qr && !r.qr->empty() && r.qr->size() < 700;
    FUZZ_CHECK(p.barcodes.size() == (barcode ? 1u : 0u));
    if (barcode)
        FUZZ_CHECK(p.barcodes[0] == *r.barcode);
    FUZZ_CHECK(p.qr_codes.size() == (qr ? 1u : 0u));
    if (qr)
        FUZZ_CHECK(p.qr_codes[0] == *r.qr);

    // One printed line per line of the receipt, then one for each code, in order and styled.
    FUZZ_CHECK(p.lines.size() == lines + (barcode ? 1u : 0u) + (qr ? 1u : 0u));
    std::size_t k = 0;
    auto same = [&](const TextLine& l) {
        const Printed::Line& got = p.lines.at(k++);
        std::string one_line = l.text;
        for (char& c : one_line)
            if (c == '\n')
                c = ' ';
        FUZZ_CHECK(got.text == bl::pos::to_cp865(one_line));
        FUZZ_CHECK(got.align == static_cast<int>(l.align));
        FUZZ_CHECK(got.bold == l.bold && got.large == l.large);
    };
    for (const auto& l : r.lines)
        same(l);
    k += (barcode ? 1u : 0u) + (qr ? 1u : 0u);
    for (const auto& l : r.after_barcode)
        same(l);

    // Code page 865 and back: valid UTF-8, and the printer's bytes come back unchanged.
    const std::string cp = bl::pos::to_cp865(input);
    FUZZ_CHECK(cp.size() <= input.size());
    const std::string utf8 = bl::pos::from_cp865(cp);
    FUZZ_CHECK(bl::is_valid_utf8(utf8));
    FUZZ_CHECK(bl::pos::to_cp865(utf8) == cp);
    return 0;
}
