#pragma once
/// A CSV reader for files people make in a spreadsheet: RFC 4180 quoting, comma or
/// semicolon (Danish spreadsheets write semicolons; the first line decides), CR LF or LF,
/// an optional UTF-8 byte-order mark. Rows keep their line numbers for error messages.
///
/// A quote opens a quoted field only at the start of a field, as spreadsheets read it: an
/// inch mark inside a field that is not quoted (Vase 12" høj) is a character of the field
/// and never swallows the lines after it. A quoted field may still span lines; the row then
/// says which lines it took (line to last_line).

#include <string>
#include <string_view>
#include <vector>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl {

struct CsvRow {
    std::size_t line = 0; ///< 1-based line where the row starts
    std::size_t last_line =
        0; ///< the line where it ends (after it, when a quoted field spans lines)
    std::vector<std::string> fields;
};

/// Parses the whole text, or says where it is broken (an unclosed quote, invalid UTF-8).
Result<std::vector<CsvRow>, Message> parse_csv(std::string_view text);

} // namespace bl
