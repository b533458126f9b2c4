#pragma once
/// Laid-out documents (receipts/layout/document.hpp) as PDF with libharu: DejaVu Sans regular
/// and bold (and DejaVu Sans Mono for receipts) embedded, text in Windows-1252 so that it is
/// extracted exactly (pdftotext), compressed, QR codes by libqrencode and Code 128 barcodes
/// by zint drawn as vectors. The same document (with the same "generated at" time) gives the
/// same bytes.

#include <optional>
#include <string>
#include <string_view>

#include "receipts/layout/document.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::receipts {

/// The widths of the embedded fonts, for lay_out(). Read from the font files once per
/// process; safe to use from several threads.
const doc::TextMeasure& pdf_measure();

/// Lays the document out with pdf_measure() and writes it to `path`. A problem (a font
/// missing, no room on the disk) comes back as a message; no half-written file is left.
std::optional<Message> write_pdf(const doc::Document& d, const std::string& path);

/// The PDF's bytes.
Result<std::string, Message> pdf_bytes(const doc::Document& d);

/// UTF-8 as Windows-1252, the fonts' encoding here: Danish letters, quotes, dashes and the
/// euro sign; any other character becomes '?'.
std::string to_cp1252(std::string_view utf8);

} // namespace bl::receipts
