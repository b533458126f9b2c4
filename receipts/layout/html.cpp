#include "receipts/layout/html.hpp"

#include <cstdio>
#include <type_traits>

namespace bl::doc {

namespace {

const char* const style =
    "body{font-family:'DejaVu Sans',Verdana,sans-serif;max-width:40em;margin:2em auto;"
    "padding:0 1em;color:#111;line-height:1.4}table{border-collapse:collapse;width:100%;"
    "margin:0 0 1em}th,td{padding:.2em .4em;border-bottom:1px solid #ccc}th{text-align:left}"
    ".r{text-align:right}.c{text-align:center}.g{color:#555}footer{margin-top:2em;color:#555;"
    "font-size:.85em}";

const char* align_class(Align a) {
    return a == Align::right ? " class=\"r\"" : a == Align::centre ? " class=\"c\"" : "";
}

// Font sizes relative to the document's usual 10.5 pt, so headings stay headings.
std::string size_css(double size) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "font-size:%.2fem", size / 10.5);
    return buf;
}

std::string paragraph(const Paragraph& p) {
    std::string out = "<p";
    out += align_class(p.align);
    out += ">";
    for (const auto& r : p.runs) {
        std::string css = size_css(r.style.size);
        if (r.style.gray > 0)
            css += ";color:#555";
        std::string text = html_escape(r.text);
        std::string lines;
        for (const char c : text)
            lines += c == '\n' ? std::string("<br>") : std::string(1, c);
        out += "<span style=\"" + css + "\">" + (r.style.bold ? "<b>" + lines + "</b>" : lines) +
               "</span>";
    }
    return out + "</p>\n";
}

std::string table(const Table& t) {
    std::string out = "<table>\n<tr>";
    for (const auto& c : t.columns)
        out += std::string("<th") + align_class(c.align) + ">" + html_escape(c.title) + "</th>";
    out += "</tr>\n";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i)
            out += std::string("<td") +
                   align_class(i < t.columns.size() ? t.columns[i].align : Align::left) + ">" +
                   html_escape(row[i]) + "</td>";
        out += "</tr>\n";
    }
    return out + "</table>\n";
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string html_page(const Document& d) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<title>" +
                      html_escape(d.title) + "</title>\n<style>" + style +
                      "</style>\n</head>\n<body>\n<main>\n";
    for (const auto& block : d.blocks)
        std::visit(
            [&out](const auto& b) {
                using B = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<B, Paragraph>)
                    out += paragraph(b);
                else if constexpr (std::is_same_v<B, Table>)
                    out += table(b);
                else if constexpr (std::is_same_v<B, Rule>)
                    out += "<hr>\n";
                else if constexpr (std::is_same_v<B, Qr>)
                    out += "<p class=\"g\">" + html_escape(b.caption) + "</p>\n";
            },
            block);
    out += "</main>\n";
    if (!d.footer.empty())
        out += "<footer>" + html_escape(d.footer) + "</footer>\n";
    return out + "</body>\n</html>\n";
}

std::string html_message_page(const std::string& title, const std::string& text) {
    return "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
           html_escape(title) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n<h1>" +
           html_escape(title) + "</h1>\n<p>" + html_escape(text) + "</p>\n</body>\n</html>\n";
}

} // namespace bl::doc
