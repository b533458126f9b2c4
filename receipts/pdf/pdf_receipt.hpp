#pragma once
/// A receipt (or X/Z report) as an 80 mm wide PDF: the same lines as on the thermal printer,
/// in DejaVu Sans Mono (embedded, so æ, ø and å print anywhere), and the receipt barcode as
/// Code 128 for refunds.

#include <optional>
#include <string>

#include "receipts/layout/sales_receipt.hpp"

namespace bl::receipts {

/// Writes the PDF to `path` (replacing it), or says why it could not.
std::optional<Message> write_pdf_receipt(const ReceiptText& receipt, const std::string& path);

} // namespace bl::receipts
