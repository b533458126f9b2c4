#pragma once
/// ESC/POS for 80 mm thermal printers (Epson TM-T20/T88 and the many that copy them).

#include <string>
#include <string_view>

#include "receipts/layout/sales_receipt.hpp"

namespace bl::pos {

/// ESC t n for code page PC865 (Nordic): has æ, ø, å, Æ, Ø, Å.
inline constexpr unsigned char codepage_pc865 = 5;

/// UTF-8 to code page 865. Characters it lacks become their nearest plain letter where
/// there is one ("é" stays, "ő" becomes "o", "–" becomes "-"), else "?"; so do control
/// characters, and each byte that is not well-formed UTF-8 (one "?" each, never taking the
/// bytes after it).
std::string to_cp865(std::string_view utf8);
/// Code page 865 back to UTF-8 (for tests and diagnostics).
std::string from_cp865(std::string_view bytes);

/// The printer bytes for a receipt: initialise, select PC865, the lines (alignment, bold,
/// double size), a Code 128 barcode, feed, partial cut, and the drawer kick when cash was
/// taken.
std::string encode_receipt(const receipts::ReceiptText& r);

} // namespace bl::pos
