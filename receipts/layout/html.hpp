#pragma once
/// A document of the layout model as one self-contained HTML page (no scripts, no images, no
/// outside resources; its style inline): the central store's public verification page shows
/// the impact receipt in the same words as the PDF. Paragraphs, tables, rules and a QR code's
/// caption are written; charts and barcodes are left out (the documents shown this way have
/// none). Every text is escaped.

#include <string>
#include <string_view>

#include "receipts/layout/document.hpp"

namespace bl::doc {

/// Text made safe for HTML (& < > " ').
std::string html_escape(std::string_view text);

/// The page: `<!DOCTYPE html>`, `lang="da"`, the document's title, its blocks and its footer.
std::string html_page(const Document& d);

/// A plain page with a heading and one paragraph (for "not found").
std::string html_message_page(const std::string& title, const std::string& text);

} // namespace bl::doc
