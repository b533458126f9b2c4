#include "shared/core/csv.hpp"

#include "shared/core/text.hpp"

namespace bl {

Result<std::vector<CsvRow>, Message> parse_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    if (!is_valid_utf8(text))
        return err(Message(BL_N_("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try "
                                 "again.")));
    // The delimiter is whichever of ';' and ',' the first line has more of, outside quotes.
    char delim = ',';
    {
        std::size_t commas = 0, semis = 0;
        bool quoted = false;
        for (char c : text) {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == '\n')
                break;
            else if (!quoted && c == ',')
                ++commas;
            else if (!quoted && c == ';')
                ++semis;
        }
        if (semis > commas)
            delim = ';';
    }
    std::vector<CsvRow> rows;
    CsvRow row{1, {}};
    std::string field;
    std::size_t line = 1;
    bool quoted = false;
    bool any = false;
    std::size_t quote_line = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            quote_line = line;
            any = true;
        } else if (c == delim) {
            row.fields.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            if (any || !field.empty()) {
                row.fields.push_back(std::move(field));
                rows.push_back(std::move(row));
            }
            field.clear();
            ++line;
            row = CsvRow{line, {}};
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (quoted)
        return err(Message(BL_N_("A quote opened on line %s is never closed."),
                           {std::to_string(quote_line)}));
    if (any || !field.empty()) {
        row.fields.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace bl
