#include <algorithm>

#include "receipts/layout/labels.hpp"

namespace bl::doc {

namespace {

constexpr double ascent = 0.93; // DejaVu Sans, as in layout.cpp

// The widest text of `text` at a size from `largest` down to `smallest` (in steps of half a
// point) that fits `width` on at most `lines` lines; the lines and the size chosen.
std::pair<std::vector<std::string>, double> fit(const std::string& text, bool bold, double width,
                                                int lines, double largest, double smallest,
                                                const TextMeasure& m) {
    for (double size = largest; size >= smallest; size -= 0.5) {
        auto wrapped = wrap(text, Style{size, bold}, width, m);
        if (static_cast<int>(wrapped.size()) <= lines)
            return {wrapped, size};
    }
    auto wrapped = wrap(text, Style{smallest, bold}, width, m);
    if (static_cast<int>(wrapped.size()) > lines) {
        wrapped.resize(static_cast<std::size_t>(lines));
        wrapped.back() += "…";
    }
    return {wrapped, smallest};
}

// One label with its top left corner at (x, y).
void place_label(Page& page, const Label& l, double x, double y, const LabelGrid& g,
                 const TextMeasure& m) {
    const bool small = g.label_height < mm(32);
    const double pad = mm(small ? 2.2 : 3);
    const double w = g.label_width - 2 * pad;
    double cy = y + pad;
    // The product's name: bold, up to two lines, made smaller to fit.
    auto [lines, size] = fit(l.product, true, w, 2, small ? 8 : 9.5, 6, m);
    for (const auto& line : lines) {
        page.items.push_back(PlacedText{x + pad, cy + size * ascent, Style{size, true}, line});
        cy += size * 1.15;
    }
    cy += mm(0.6);
    // The workshop on the left, the price on the right, on one line.
    const Style price_style{small ? 9.0 : 10.5, true};
    const double price_w = m.width(l.price, price_style);
    const Style place{6.5, false, Face::sans, 0.3};
    auto [where, where_size] =
        fit(l.workshop, false, std::max(w - price_w - mm(2), mm(8)), 1, 6.5, 5, m);
    const double line_h = price_style.size * 1.1;
    if (!where.empty())
        page.items.push_back(PlacedText{x + pad, cy + line_h * 0.8,
                                        Style{where_size, false, Face::sans, place.gray},
                                        where.front()});
    page.items.push_back(
        PlacedText{x + pad + w - price_w, cy + price_style.size * ascent, price_style, l.price});
    cy += line_h + mm(0.8);
    // The barcode fills what is left, with its quiet zone (10 modules of about 0.3 mm) on
    // both sides and the code in digits under it.
    const Style digits{6.5, false, Face::mono};
    const double text_h = digits.size * 1.1;
    const double bottom = y + g.label_height - pad;
    const double bar_h = std::max(bottom - cy - text_h, mm(5));
    const double bar_w = std::min(w - mm(6), mm(44));
    const double bx = x + (g.label_width - bar_w) / 2;
    page.items.push_back(PlacedBarcode{bx, cy, bar_w, bar_h, l.code});
    const double tw = m.width(l.code, digits);
    page.items.push_back(
        PlacedText{x + (g.label_width - tw) / 2, cy + bar_h + digits.size, digits, l.code});
}

} // namespace

LabelGrid label_grid(LabelFormat f) {
    switch (f) {
    case LabelFormat::a4_3x8:
        return {3, 8, mm(70), mm(37), 0, mm(0.5), mm(210), mm(297)};
    case LabelFormat::a4_4x10:
        return {4, 10, mm(52.5), mm(29.7), 0, 0, mm(210), mm(297)};
    case LabelFormat::single_50x30:
    default:
        return {1, 1, mm(50), mm(30), 0, 0, mm(50), mm(30)};
    }
}

int labels_per_page(LabelFormat f) {
    const LabelGrid g = label_grid(f);
    return g.columns * g.rows;
}

Document label_sheet(const std::vector<Label>& labels, LabelFormat format, int start,
                     const TextMeasure& measure, Timestamp created) {
    const LabelGrid g = label_grid(format);
    const int per_page = g.columns * g.rows;
    Document d;
    d.page = PageSpec{g.page_width, g.page_height, 0, 0, 0, 0};
    d.title = "Etiketter";
    d.subject = labels.empty() ? std::string() : "Partietiketter " + labels.front().code;
    d.author = "Bundlinje";
    d.created = created;
    d.page_numbers = false;
    int position = std::clamp(start, 1, per_page) - 1;
    for (const auto& l : labels) {
        if (d.placed.empty() || position == per_page) {
            if (!d.placed.empty())
                position = 0;
            d.placed.push_back(Page{g.page_width, g.page_height, {}});
        }
        const int col = position % g.columns;
        const int row = position / g.columns;
        place_label(d.placed.back(), l, g.left + col * g.label_width, g.top + row * g.label_height,
                    g, measure);
        ++position;
    }
    if (d.placed.empty()) // nothing to print still makes one empty page, not a broken file
        d.placed.push_back(Page{g.page_width, g.page_height, {}});
    return d;
}

} // namespace bl::doc
