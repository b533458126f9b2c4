#pragma once
/// The checks a product must pass to enter the catalogue, as pure code: the store runs them
/// before it adds a product (one at a time, or a whole catalogue import in one transaction),
/// and the import's preview runs the very same code on every row, so a row the preview calls
/// valid is never refused by the commit for anything the file says (defect 7 of issue 11).
/// What depends on the stored catalogue (a barcode or item number already used, a workshop
/// that exists) the callers ask of the catalogue they import into.

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl {

/// The product as it is stored (its texts trimmed, its barcode normalised), or why it is
/// refused: name (1 to 80 characters, one line), category (up to 40), item number (1 to 40),
/// materials (up to 200), no control characters in any of them; a price neither negative nor
/// above what the till takes; VAT 25 % or 0 %; a barcode, when there is one, a valid EAN or
/// internal product code, never a batch label. An empty barcode stays empty (the store gives
/// the product an internal code).
Result<Product, Message> check_product(Product p);

} // namespace bl
