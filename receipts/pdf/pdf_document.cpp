#include "receipts/pdf/pdf_document.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <vector>

#include <hb-subset.h>
#include <hpdf.h>
#include <qrencode.h>
#include <stdlib.h>
#include <unistd.h>
#include <zint.h>

namespace bl::receipts {

namespace {

// libharu reports errors through a C callback, which must not throw or jump: it records the
// first error, and the C++ code checks after each step that matters.
struct HaruError {
    HPDF_STATUS code = HPDF_OK;
};

void on_haru_error(HPDF_STATUS error_no, HPDF_STATUS, void* user) {
    auto* e = static_cast<HaruError*>(user);
    if (e->code == HPDF_OK)
        e->code = error_no;
}

struct DocDeleter {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using Doc = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

struct SymbolDeleter {
    void operator()(zint_symbol* s) const { ZBarcode_Delete(s); }
};
struct QrDeleter {
    void operator()(QRcode* q) const { QRcode_free(q); }
};

// The fonts, by face and weight: 0 sans, 1 sans bold, 2 mono, 3 mono bold.
const std::array<const char*, 4> font_files = {BL_FONT_SANS, BL_FONT_SANS_BOLD, BL_FONT_MONO,
                                               BL_FONT_MONO_BOLD};

// The fonts as embedded: only the glyphs Windows-1252 can name, cut out by HarfBuzz's
// subsetter once per process and written to a private temporary folder that libharu loads
// them from (it reads fonts only from files). A document then embeds and compresses a few
// kilobytes, not all of DejaVu's tables: with the whole files every impact receipt was 115 KB
// and took 16 ms. If a font cannot be subset, the whole file is embedded as before.
class EmbeddedFonts {
public:
    explicit EmbeddedFonts(const std::vector<std::uint32_t>& code_points) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "bundlinje-fonts-XXXXXX").string();
        const bool have_dir = ::mkdtemp(pattern.data()) != nullptr;
        if (have_dir)
            m_dir = pattern;
        for (std::size_t i = 0; i < font_files.size(); ++i) {
            m_paths[i] = font_files[i];
            if (have_dir) {
                const auto path =
                    std::filesystem::path(m_dir) / std::filesystem::path(font_files[i]).filename();
                if (subset(font_files[i], path.string(), code_points))
                    m_paths[i] = path.string();
            }
        }
    }
    ~EmbeddedFonts() {
        std::error_code ec;
        if (!m_dir.empty())
            std::filesystem::remove_all(m_dir, ec);
    }
    EmbeddedFonts(const EmbeddedFonts&) = delete;
    EmbeddedFonts& operator=(const EmbeddedFonts&) = delete;
    const char* path(std::size_t i) const { return m_paths[i].c_str(); }

private:
    static bool subset(const char* from, const std::string& to,
                       const std::vector<std::uint32_t>& code_points) {
        hb_blob_t* blob = hb_blob_create_from_file_or_fail(from);
        if (!blob)
            return false;
        hb_face_t* face = hb_face_create(blob, 0);
        hb_subset_input_t* input = hb_subset_input_create_or_fail();
        bool ok = false;
        if (input) {
            hb_set_t* unicodes = hb_subset_input_unicode_set(input);
            for (const auto cp : code_points)
                hb_set_add(unicodes, cp);
            // Tables a PDF's TrueType font does not use.
            hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
            for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern", "MATH", "JSTF"})
                hb_set_add(drop, hb_tag_from_string(tag, 4));
            if (hb_face_t* small = hb_subset_or_fail(face, input)) {
                hb_blob_t* out = hb_face_reference_blob(small);
                unsigned int length = 0;
                const char* data = hb_blob_get_data(out, &length);
                if (data && length > 0) {
                    std::ofstream file(to, std::ios::binary | std::ios::trunc);
                    file.write(data, static_cast<std::streamsize>(length));
                    ok = static_cast<bool>(file.flush());
                }
                hb_blob_destroy(out);
                hb_face_destroy(small);
            }
            hb_subset_input_destroy(input);
        }
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        return ok;
    }

    std::string m_dir;
    std::array<std::string, 4> m_paths;
};

std::size_t font_index(const doc::Style& s) {
    return (s.face == doc::Face::mono ? 2u : 0u) + (s.bold ? 1u : 0u);
}

// Unicode code point -> Windows-1252 byte for 0x80-0x9F.
constexpr std::array<std::pair<std::uint32_t, unsigned char>, 27> cp1252_high = {{
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
    {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
    {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
    {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
    {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
}};

const EmbeddedFonts& embedded_fonts() {
    static const EmbeddedFonts fonts([] {
        std::vector<std::uint32_t> cps;
        for (std::uint32_t c = 0x20; c < 0x7F; ++c)
            cps.push_back(c);
        for (std::uint32_t c = 0xA0; c <= 0xFF; ++c)
            cps.push_back(c);
        for (const auto& [cp, byte] : cp1252_high)
            cps.push_back(cp);
        return cps;
    }());
    return fonts;
}

class Measure : public doc::TextMeasure {
public:
    Measure() {
        HaruError error;
        Doc d(HPDF_New(on_haru_error, &error));
        for (std::size_t f = 0; f < font_files.size(); ++f) {
            const char* name =
                d ? HPDF_LoadTTFontFromFile(d.get(), font_files[f], HPDF_FALSE) : nullptr;
            HPDF_Font font = name ? HPDF_GetFont(d.get(), name, "CP1252") : nullptr;
            for (unsigned c = 0; c < 256; ++c) {
                if (!font || c < 32) {
                    m_widths[f][c] = 600; // a monospaced guess; no such font loaded
                    continue;
                }
                const auto byte = static_cast<HPDF_BYTE>(c);
                m_widths[f][c] = HPDF_Font_TextWidth(font, &byte, 1).width;
            }
            m_ok = m_ok && font;
        }
    }
    double width(std::string_view utf8, const doc::Style& s) const override {
        const auto& w = m_widths[font_index(s)];
        double units = 0;
        for (char c : to_cp1252(utf8))
            units += w[static_cast<unsigned char>(c)];
        return units * s.size / 1000.0;
    }
    bool ok() const { return m_ok; }

private:
    std::array<std::array<HPDF_UINT, 256>, 4> m_widths{};
    bool m_ok = true;
};

HPDF_Date date_of(Timestamp t) {
    using namespace std::chrono;
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    HPDF_Date d{};
    d.year = static_cast<int>(ymd.year());
    d.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    d.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    d.hour = static_cast<int>(hms.hours().count());
    d.minutes = static_cast<int>(hms.minutes().count());
    d.seconds = static_cast<int>(hms.seconds().count());
    d.ind = 'Z';
    return d;
}

class Renderer {
public:
    Renderer() : m_doc(HPDF_New(on_haru_error, &m_error)) {
        if (!m_doc)
            return;
        HPDF_SetCompressionMode(m_doc.get(), HPDF_COMP_ALL);
    }

    Result<std::string, Message> render(const doc::Document& d,
                                        const std::vector<doc::Page>& pages) {
        const Message failed(BL_N_("The PDF could not be made (a font of the fonts-dejavu-core "
                                   "package may be missing). Nothing was written."));
        if (!m_doc)
            return err(failed);
        info(HPDF_INFO_TITLE, d.title);
        info(HPDF_INFO_SUBJECT, d.subject);
        info(HPDF_INFO_AUTHOR, d.author);
        info(HPDF_INFO_KEYWORDS, d.keywords);
        info(HPDF_INFO_CREATOR, "Bundlinje");
        HPDF_SetInfoDateAttr(m_doc.get(), HPDF_INFO_CREATION_DATE, date_of(d.created));
        HPDF_SetInfoDateAttr(m_doc.get(), HPDF_INFO_MOD_DATE, date_of(d.created));
        for (const auto& p : pages)
            page(p);
        if (m_error.code != HPDF_OK)
            return err(failed);
        if (HPDF_SaveToStream(m_doc.get()) != HPDF_OK)
            return err(failed);
        HPDF_UINT32 size = HPDF_GetStreamSize(m_doc.get());
        std::string bytes(size, '\0');
        HPDF_ResetStream(m_doc.get());
        if (HPDF_ReadFromStream(m_doc.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size) !=
                HPDF_OK &&
            size == 0)
            return err(failed);
        bytes.resize(size);
        if (m_error.code != HPDF_OK)
            return err(failed);
        return bytes;
    }

private:
    // The document information is in PDFDocEncoding, which has Latin-1's letters but not
    // Windows-1252's quotes and dashes: those become their plain ASCII forms.
    void info(HPDF_InfoType type, const std::string& value) {
        if (value.empty())
            return;
        std::string text = to_cp1252(value);
        for (char& c : text) {
            const auto b = static_cast<unsigned char>(c);
            if (b == 0x96 || b == 0x97)
                c = '-';
            else if (b == 0x91 || b == 0x92)
                c = '\'';
            else if (b == 0x93 || b == 0x94)
                c = '"';
            else if (b >= 0x80 && b < 0xA0)
                c = '?';
        }
        HPDF_SetInfoAttr(m_doc.get(), type, text.c_str());
    }

    HPDF_Font font(const doc::Style& s) {
        const std::size_t i = font_index(s);
        if (!m_fonts[i]) {
            const char* name =
                HPDF_LoadTTFontFromFile(m_doc.get(), embedded_fonts().path(i), HPDF_TRUE);
            if (name)
                m_fonts[i] = HPDF_GetFont(m_doc.get(), name, "CP1252");
        }
        return m_fonts[i];
    }

    void page(const doc::Page& p) {
        HPDF_Page page = HPDF_AddPage(m_doc.get());
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height));
        m_height = p.height;
        for (const auto& item : p.items)
            std::visit([&](const auto& i) { draw(page, i); }, item);
    }

    HPDF_REAL fy(double y) const { return static_cast<HPDF_REAL>(m_height - y); }
    static HPDF_REAL f(double v) { return static_cast<HPDF_REAL>(v); }

    void draw(HPDF_Page page, const doc::PlacedText& t) {
        HPDF_Font fnt = font(t.style);
        if (!fnt)
            return;
        const std::string text = to_cp1252(t.text);
        HPDF_Page_SetGrayFill(page, f(t.style.gray));
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, fnt, f(t.style.size));
        HPDF_Page_TextOut(page, f(t.x), fy(t.y), text.c_str());
        HPDF_Page_EndText(page);
    }

    void draw(HPDF_Page page, const doc::PlacedLine& l) {
        HPDF_Page_SetGrayStroke(page, f(l.gray));
        HPDF_Page_SetLineWidth(page, f(l.width));
        HPDF_Page_MoveTo(page, f(l.x1), fy(l.y1));
        HPDF_Page_LineTo(page, f(l.x2), fy(l.y2));
        HPDF_Page_Stroke(page);
    }

    void draw(HPDF_Page page, const doc::PlacedRect& r) {
        if (r.w <= 0 || r.h <= 0)
            return;
        HPDF_Page_SetGrayFill(page, f(r.gray));
        HPDF_Page_Rectangle(page, f(r.x), fy(r.y + r.h), f(r.w), f(r.h));
        HPDF_Page_Fill(page);
    }

    void draw(HPDF_Page page, const doc::PlacedQr& q) {
        std::unique_ptr<QRcode, QrDeleter> qr(
            QRcode_encodeString(q.data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
        if (!qr)
            return;
        const int n = qr->width;
        const double module = q.size / (n + 8); // a quiet zone of 4 modules on each side
        HPDF_Page_SetGrayFill(page, 0);
        for (int row = 0; row < n; ++row) {
            int col = 0;
            while (col < n) {
                if (!(qr->data[row * n + col] & 1)) {
                    ++col;
                    continue;
                }
                const int start = col;
                while (col < n && (qr->data[row * n + col] & 1))
                    ++col;
                const double x = q.x + module * (4 + start);
                const double y = q.y + module * (4 + row);
                HPDF_Page_Rectangle(page, f(x), fy(y + module), f(module * (col - start)),
                                    f(module));
            }
        }
        HPDF_Page_Fill(page);
    }

    void draw(HPDF_Page page, const doc::PlacedBarcode& b) {
        std::unique_ptr<zint_symbol, SymbolDeleter> symbol(ZBarcode_Create());
        if (!symbol)
            return;
        symbol->symbology = BARCODE_CODE128;
        symbol->show_hrt = 0;
        symbol->height = 50;
        const auto* data = reinterpret_cast<const unsigned char*>(b.data.data());
        if (ZBarcode_Encode(symbol.get(), data, static_cast<int>(b.data.size())) >= ZINT_ERROR ||
            ZBarcode_Buffer_Vector(symbol.get(), 0) >= ZINT_ERROR || !symbol->vector)
            return;
        const double sx = b.w / symbol->vector->width;
        const double sy = b.h / symbol->vector->height;
        HPDF_Page_SetGrayFill(page, 0);
        for (auto* r = symbol->vector->rectangles; r; r = r->next)
            HPDF_Page_Rectangle(page, f(b.x + r->x * sx), fy(b.y + (r->y + r->height) * sy),
                                f(r->width * sx), f(r->height * sy));
        HPDF_Page_Fill(page);
    }

    HaruError m_error;
    Doc m_doc;
    std::array<HPDF_Font, 4> m_fonts{};
    double m_height = 0;
};

} // namespace

std::string to_cp1252(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = 0;
        std::size_t n = 1;
        if (c < 0x80) {
            cp = c;
        } else if ((c >> 5) == 6 && i + 1 < s.size()) {
            cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            n = 2;
        } else if ((c >> 4) == 14 && i + 2 < s.size()) {
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
            n = 3;
        } else if ((c >> 3) == 30 && i + 3 < s.size()) {
            n = 4;
            cp = 0x10000; // outside the Basic Multilingual Plane: not in Windows-1252
        }
        i += n;
        if (cp == 0x2212) // minus sign
            cp = '-';
        if (cp >= 0x20 && (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))) {
            out += static_cast<char>(cp);
            continue;
        }
        if (cp == '\t') {
            out += ' ';
            continue;
        }
        char mapped = '?';
        for (const auto& [code, byte] : cp1252_high)
            if (code == cp)
                mapped = static_cast<char>(byte);
        out += mapped;
    }
    return out;
}

const doc::TextMeasure& pdf_measure() {
    static const Measure measure; // thread-safe initialisation; read-only afterwards
    return measure;
}

Result<std::string, Message> pdf_bytes(const doc::Document& d) {
    const auto pages = doc::lay_out(d, pdf_measure());
    Renderer r;
    return r.render(d, pages);
}

std::optional<Message> write_pdf(const doc::Document& d, const std::string& path) {
    auto bytes = pdf_bytes(d);
    if (!bytes)
        return bytes.error();
    // Whole or not at all: written beside the target, then renamed over it.
    const std::string part = path + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out.write(bytes.value().data(), static_cast<std::streamsize>(bytes.value().size()));
        out.flush();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(part, ec);
            return Message(BL_N_("The PDF could not be saved as %s. Check that the folder exists "
                                 "and that there is room on the disk."),
                           {path});
        }
    }
    std::error_code ec;
    std::filesystem::rename(part, path, ec);
    if (ec)
        return Message(BL_N_("The PDF could not be saved as %s. Check that the folder exists "
                             "and that there is room on the disk."),
                       {path});
    return std::nullopt;
}

} // namespace bl::receipts
