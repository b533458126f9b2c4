#include "receipts/pdf/pdf_receipt.hpp"

#include <algorithm>
#include <memory>

#include <hpdf.h>
#include <zint.h>

#include "shared/core/text.hpp"

namespace bl::receipts {

namespace {

// libharu reports errors through a C callback, which must not throw: it records the error
// and the C++ code checks it after each call that matters.
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

constexpr float page_width = 226.77f; // 80 mm
constexpr float margin = 8.0f;
constexpr float font_size = 7.2f; // 48 columns of DejaVu Sans Mono fit 80 mm
constexpr float line_height = 9.0f;

} // namespace

std::optional<Message> write_pdf_receipt(const ReceiptText& receipt, const std::string& path) {
    const Message failed(BL_N_("The receipt PDF could not be made. The sale is saved; print it "
                               "again with Receipt copy."));
    HaruError error;
    Doc doc(HPDF_New(on_haru_error, &error));
    if (!doc)
        return failed;
    HPDF_UseUTFEncodings(doc.get());
    HPDF_SetCurrentEncoder(doc.get(), "UTF-8");
    HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
    const char* regular_name = HPDF_LoadTTFontFromFile(doc.get(), BL_FONT_MONO, HPDF_TRUE);
    const char* bold_name = HPDF_LoadTTFontFromFile(doc.get(), BL_FONT_MONO_BOLD, HPDF_TRUE);
    if (error.code != HPDF_OK || !regular_name || !bold_name)
        return failed;
    HPDF_Font regular = HPDF_GetFont(doc.get(), regular_name, "UTF-8");
    HPDF_Font bold = HPDF_GetFont(doc.get(), bold_name, "UTF-8");

    // The barcode as rectangles from zint, scaled to the paper.
    std::unique_ptr<zint_symbol, SymbolDeleter> symbol;
    if (receipt.barcode && !receipt.barcode->empty()) {
        symbol.reset(ZBarcode_Create());
        symbol->symbology = BARCODE_CODE128;
        symbol->show_hrt = 0;
        symbol->height = 30;
        const auto* data = reinterpret_cast<const unsigned char*>(receipt.barcode->data());
        if (ZBarcode_Encode(symbol.get(), data, static_cast<int>(receipt.barcode->size())) >=
                ZINT_ERROR ||
            ZBarcode_Buffer_Vector(symbol.get(), 0) >= ZINT_ERROR)
            symbol.reset();
    }
    auto line_count = [](const std::vector<TextLine>& lines) {
        float h = 0;
        for (const auto& l : lines)
            h += l.large ? 2 * line_height : line_height;
        return h;
    };
    constexpr float bar_height = 34.0f;
    const float barcode_height = symbol ? bar_height + 8.0f : 0.0f;
    const float height = 2 * margin + line_count(receipt.lines) + barcode_height +
                         line_count(receipt.after_barcode) + (symbol ? line_height : 0) + 10;

    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetWidth(page, page_width);
    HPDF_Page_SetHeight(page, height);
    float y = height - margin;
    auto draw = [&](const TextLine& l) {
        const float size = l.large ? 2 * font_size : font_size;
        y -= l.large ? 2 * line_height : line_height;
        if (l.text.empty())
            return;
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, l.bold ? bold : regular, size);
        const float w = HPDF_Page_TextWidth(page, l.text.c_str());
        float x = margin;
        if (l.align == TextLine::Align::centre)
            x = (page_width - w) / 2;
        else if (l.align == TextLine::Align::right)
            x = page_width - margin - w;
        HPDF_Page_TextOut(page, x, y, l.text.c_str());
        HPDF_Page_EndText(page);
    };
    for (const auto& l : receipt.lines)
        draw(l);
    if (symbol) {
        // zint's vector units are scaled to the page: at most 60 mm wide, bar_height tall.
        const float sx = std::min((page_width - 2 * margin) * 0.75f / symbol->vector->width, 1.2f);
        const float sy = bar_height / symbol->vector->height;
        const float w = symbol->vector->width * sx;
        const float x0 = (page_width - w) / 2;
        const float top = y - 4;
        HPDF_Page_SetGrayFill(page, 0);
        for (auto* r = symbol->vector->rectangles; r; r = r->next)
            HPDF_Page_Rectangle(page, x0 + r->x * sx, top - (r->y + r->height) * sy, r->width * sx,
                                r->height * sy);
        HPDF_Page_Fill(page);
        y -= barcode_height;
        draw(TextLine{*receipt.barcode, TextLine::Align::centre, false, false});
    }
    for (const auto& l : receipt.after_barcode)
        draw(l);
    if (error.code != HPDF_OK)
        return failed;
    if (HPDF_SaveToFile(doc.get(), path.c_str()) != HPDF_OK || error.code != HPDF_OK)
        return Message(BL_N_("The receipt could not be saved as %s. Check the disk."), {path});
    return std::nullopt;
}

} // namespace bl::receipts
