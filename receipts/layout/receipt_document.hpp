#pragma once
/// A receipt or X/Z report (the printer's text lines) as a document of the layout model: 80 mm
/// paper as long as the receipt, DejaVu Sans Mono, the barcode after the lines, so that the
/// PDF copy shows what the thermal printer printed.

#include "receipts/layout/document.hpp"
#include "receipts/layout/sales_receipt.hpp"

namespace bl::doc {

Document receipt_document(const receipts::ReceiptText& r);

} // namespace bl::doc
