#include "shared/core/csv.hpp"

#include "shared/core/text.hpp"

namespace bl {

Result<std::vector<CsvRow>, Message> parse_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    if (!is_valid_utf8(text))
        return err(Message(BL_N_("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try "
                                 "again.")));
    // The delimiter is whichever of ';' and ',' the first line has more of, outside quoted
    // fields (a quote opens one only at the start of a field, as below).
    char delim = ',';
    {
        std::size_t commas = 0, semis = 0;
        bool quoted = false, at_start = true;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (quoted) {
                if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                    ++i;
                else if (c == '"')
                    quoted = false;
                continue;
            }
            if (c == '\n')
                break;
            if (c == '"' && at_start) {
                quoted = true;
                at_start = false;
            } else if (c == ',' || c == ';') {
                ++(c == ',' ? commas : semis);
                at_start = true;
            } else {
                at_start = false;
            }
        }
        if (semis > commas)
            delim = ';';
    }
    std::vector<CsvRow> rows;
    CsvRow row{1, 1, {}};
    std::string field;
    std::size_t line = 1;
    bool quoted = false;
    bool at_start = true; // nothing of this field read yet: a quote here opens a quoted field
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
        if (c == '"' && at_start) {
            quoted = true;
            at_start = false;
            quote_line = line;
            any = true;
        } else if (c == delim) {
            row.fields.push_back(std::move(field));
            field.clear();
            at_start = true;
            any = true;
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            if (any || !field.empty()) {
                row.fields.push_back(std::move(field));
                row.last_line = line;
                rows.push_back(std::move(row));
            }
            field.clear();
            ++line;
            row = CsvRow{line, line, {}};
            at_start = true;
            any = false;
        } else {
            field += c; // a quote here is an inch mark or the like: part of the field
            at_start = false;
            any = true;
        }
    }
    if (quoted)
        return err(Message(BL_N_("A quote opened on line %s is never closed."),
                           {std::to_string(quote_line)}));
    if (any || !field.empty()) {
        row.fields.push_back(std::move(field));
        row.last_line = line;
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace bl
