#pragma once
/// Batch labels (hang tags): the product, its workshop, the price and a Code 128 barcode of
/// the batch's label code, which the till resolves to the batch when it is scanned. On A4
/// sheets of 3 x 8 or 4 x 10 labels, starting at any position so a half-used sheet can go
/// through the printer again, or one 50 x 30 mm label a page for a label printer. Every
/// label has its fixed place, so the pages are laid out here (Document::placed).

#include <string>
#include <vector>

#include "receipts/layout/document.hpp"

namespace bl::doc {

enum class LabelFormat {
    a4_3x8,      ///< A4, 3 columns x 8 rows of 70 x 37 mm
    a4_4x10,     ///< A4, 4 columns x 10 rows of 52.5 x 29.7 mm
    single_50x30 ///< one 50 x 30 mm label a page (a label printer)
};

/// Where the labels are on a page.
struct LabelGrid {
    int columns = 1, rows = 1;
    double label_width = 0, label_height = 0; ///< points
    double left = 0, top = 0;                 ///< the first label's corner on the page
    double page_width = 0, page_height = 0;
};
LabelGrid label_grid(LabelFormat f);
/// Labels on one page (24, 40 or 1).
int labels_per_page(LabelFormat f);

/// What one label shows.
struct Label {
    std::string product;  ///< the product's name
    std::string workshop; ///< where it was made
    std::string price;    ///< as printed, "189,00 kr."
    std::string code;     ///< the batch's label code, "29…", as the barcode and under it
};

/// The labels in order, the first at position `start` (1 = top left, counted along the
/// rows) of the first sheet; positions before it are left empty. `start` is taken as 1 for
/// single labels and clamped to the sheet. Text is fitted to each label with `measure`.
Document label_sheet(const std::vector<Label>& labels, LabelFormat format, int start,
                     const TextMeasure& measure, Timestamp created);

} // namespace bl::doc
