#pragma once
/// Documents as plain data, and the same documents laid out as pages of placed text, lines,
/// boxes, QR codes and barcodes. A layout (impact receipt, period report, maker statement,
/// the 80 mm receipt, labels) builds a Document of blocks; lay_out() breaks its lines and
/// pages with a TextMeasure (the renderer's font metrics) and returns the pages, which a
/// renderer (receipts/pdf) draws without deciding anything. Pure and deterministic: the same
/// document and measure give the same pages.
///
/// Units are PDF points (1/72 inch); page coordinates start at the top left corner and y
/// grows downwards; a text's y is its baseline.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "shared/core/time.hpp"

namespace bl::doc {

/// Millimetres in points.
constexpr double mm(double v) {
    return v * 72.0 / 25.4;
}

enum class Face { sans, mono };
enum class Align { left, centre, right };

struct Style {
    double size = 10;
    bool bold = false;
    Face face = Face::sans;
    double gray = 0; ///< 0 black, 1 white
};

struct Run {
    std::string text; ///< UTF-8; '\n' breaks the line
    Style style;
};

struct Paragraph {
    std::vector<Run> runs;
    Align align = Align::left;
    double space_before = 0;
    double space_after = 4;
    double leading = 1.25; ///< line height as a multiple of the largest size in the line
    double indent = 0;     ///< from the left margin
    /// Room that must follow on the same page (a heading keeps its first lines with it).
    double keep_with_next = 0;
    /// Every space kept, also at the start of a line: text set in columns with spaces in a
    /// fixed-width face (the receipt's 48 columns). Lines still break when too wide.
    bool keep_spaces = false;
};

struct Column {
    std::string title;
    double share = 1; ///< of the text width, relative to the other columns
    Align align = Align::left;
};

/// Rows of cells; numbers right-aligned by their column. A table breaks between rows and
/// repeats its header on the next page.
struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;
    Style style{9};
    std::vector<std::size_t> bold_rows; ///< rows (0-based) in bold, e.g. totals
    double space_after = 8;
};

struct Rule {
    double thickness = 0.5;
    double gray = 0.6;
    double space_before = 2;
    double space_after = 6;
};

struct Bar {
    std::string label;      ///< under the bar (vertical) or before it (horizontal)
    double value = 0;       ///< not negative
    std::string value_text; ///< printed at the bar's end
};

/// Bars with a labelled axis starting at 0, ticks at round numbers, and the value at each
/// bar. Horizontal bars suit long labels (workshops, products).
struct BarChart {
    std::string title;
    std::string axis_label; ///< what the values are ("timer", "kr.")
    std::vector<Bar> bars;
    bool horizontal = false;
    double height = 150;  ///< the plot area (vertical bars)
    double text_size = 7; ///< labels, values and ticks
};

struct Point {
    double x = 0, y = 0;
    std::string label;
};

/// Points on two labelled axes from 0, with a label by each point.
struct ScatterChart {
    std::string title;
    std::string x_label, y_label;
    std::vector<Point> points;
    double height = 160;
    double text_size = 7; ///< labels and ticks
};

struct Qr {
    std::string data;
    double size = 72;
    std::string caption; ///< under the code
    Align align = Align::left;
};

/// A Code 128 barcode (batch labels, receipt numbers).
struct Barcode {
    std::string data;
    double width = 150;
    double height = 40;
    bool human_readable = true; ///< the data printed under the bars
    Align align = Align::centre;
};

struct Spacer {
    double height = 6;
};

struct PageBreak {};

using Block =
    std::variant<Paragraph, Table, Rule, BarChart, ScatterChart, Qr, Barcode, Spacer, PageBreak>;

struct PageSpec {
    double width = mm(210);
    double height = mm(297); ///< 0: one page as long as its content (receipt paper)
    double margin_top = mm(18), margin_bottom = mm(18);
    double margin_left = mm(18), margin_right = mm(18);
};

inline PageSpec a4() {
    return {};
}
inline PageSpec a5() {
    return {mm(148), mm(210), mm(12), mm(12), mm(12), mm(12)};
}
/// 80 mm thermal paper, as long as the content.
inline PageSpec roll_80mm() {
    return {mm(80), 0, mm(3), mm(3), mm(3), mm(3)};
}

// ---- laid out ------------------------------------------------------------------------------

struct PlacedText {
    double x = 0, y = 0; ///< the baseline's left end
    Style style;
    std::string text; ///< one line, no breaks
};
struct PlacedLine {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5, gray = 0;
};
struct PlacedRect { ///< filled
    double x = 0, y = 0, w = 0, h = 0;
    double gray = 0;
};
struct PlacedQr {
    double x = 0, y = 0, size = 0;
    std::string data;
};
struct PlacedBarcode {
    double x = 0, y = 0, w = 0, h = 0;
    std::string data;
};
using Item = std::variant<PlacedText, PlacedLine, PlacedRect, PlacedQr, PlacedBarcode>;

struct Page {
    double width = 0, height = 0;
    std::vector<Item> items;
};

struct Document {
    PageSpec page;
    std::string title, subject, author, keywords; ///< the PDF's metadata
    Timestamp created;                            ///< "generated at"; no clock is read
    std::vector<Block> blocks;
    /// Printed at the foot of every page, left; the page number ("Side 2 af 5") right.
    std::string footer;
    bool page_numbers = true;
    /// Pages already laid out by the document's maker, for documents where everything has a
    /// fixed place (a sheet of labels): when not empty, lay_out() returns them as they are and
    /// `blocks`, `footer` and `page_numbers` are not used.
    std::vector<Page> placed;
};

/// Widths of text in a style, as the renderer will draw it.
class TextMeasure {
public:
    virtual ~TextMeasure() = default;
    virtual double width(std::string_view utf8, const Style& style) const = 0;
};

/// Breaks lines and pages. Never fails: a word wider than the line is broken by characters,
/// a block taller than a page gets a page of its own.
std::vector<Page> lay_out(const Document& d, const TextMeasure& measure);

/// The words of `text` filled into lines no wider than `width`.
std::vector<std::string> wrap(std::string_view text, const Style& style, double width,
                              const TextMeasure& measure);

} // namespace bl::doc
