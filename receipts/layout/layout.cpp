#include <algorithm>
#include <cmath>

#include "receipts/layout/charts.hpp"
#include "receipts/layout/document.hpp"

namespace bl::doc {

namespace {

constexpr double ascent = 0.93; // DejaVu Sans: the tallest letters' height over the size

// The length in bytes of the UTF-8 character starting at s[i].
std::size_t char_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    return std::min(n, s.size() - i);
}

struct Piece {
    std::string text;
    Style style;
    bool space = false;
    bool newline = false;
    double width = 0;
};

// A run's text cut into words, spaces and line breaks. Spaces between words become one,
// unless they are kept (text laid out in columns with spaces, as on a receipt).
void cut(const Run& run, const TextMeasure& m, bool keep_spaces, std::vector<Piece>& out) {
    std::size_t i = 0;
    const std::string& t = run.text;
    while (i < t.size()) {
        if (t[i] == '\n') {
            out.push_back({"", run.style, false, true, 0});
            ++i;
            continue;
        }
        const bool space = t[i] == ' ';
        std::size_t j = i;
        while (j < t.size() && t[j] != '\n' && (t[j] == ' ') == space)
            ++j;
        Piece p{space && !keep_spaces ? std::string(" ") : t.substr(i, j - i), run.style, space,
                false, 0};
        p.width = m.width(p.text, p.style);
        out.push_back(std::move(p));
        i = j;
    }
}

// A word too wide for the line, cut into pieces that fit.
std::vector<Piece> split_word(const Piece& word, double width, const TextMeasure& m) {
    std::vector<Piece> out;
    std::string part;
    for (std::size_t i = 0; i < word.text.size();) {
        const std::size_t n = char_length(word.text, i);
        const std::string next = part + word.text.substr(i, n);
        if (!part.empty() && m.width(next, word.style) > width) {
            out.push_back({part, word.style, false, false, m.width(part, word.style)});
            part = word.text.substr(i, n);
        } else {
            part = next;
        }
        i += n;
    }
    if (!part.empty())
        out.push_back({part, word.style, false, false, m.width(part, word.style)});
    return out;
}

struct Line {
    std::vector<Piece> pieces;
    double width = 0;
    double size = 0;
};

std::vector<Line> break_lines(const std::vector<Run>& runs, double width, const TextMeasure& m,
                              bool keep_spaces = false) {
    std::vector<Piece> pieces;
    for (const auto& r : runs)
        cut(r, m, keep_spaces, pieces);
    std::vector<Line> lines(1);
    auto close = [&] {
        Line& l = lines.back();
        while (!l.pieces.empty() && l.pieces.back().space) {
            l.width -= l.pieces.back().width;
            l.pieces.pop_back();
        }
        lines.emplace_back();
    };
    for (const auto& p : pieces) {
        if (p.newline) {
            lines.back().size = std::max(lines.back().size, p.style.size);
            close();
            continue;
        }
        Line& l = lines.back();
        if (p.space && l.pieces.empty() && !keep_spaces)
            continue; // no space at the start of a line
        if (!p.space && l.width + p.width > width && !l.pieces.empty()) {
            close();
        }
        if (!p.space && p.width > width) {
            for (auto& part : split_word(p, width, m)) {
                if (!lines.back().pieces.empty())
                    close();
                Line& cur = lines.back();
                cur.width += part.width;
                cur.size = std::max(cur.size, part.style.size);
                cur.pieces.push_back(std::move(part));
            }
            continue;
        }
        Line& cur = lines.back();
        cur.width += p.width;
        cur.size = std::max(cur.size, p.style.size);
        cur.pieces.push_back(p);
    }
    while (!lines.empty() && lines.back().pieces.empty() && lines.back().size == 0)
        lines.pop_back();
    for (auto& l : lines)
        if (l.size == 0)
            l.size = runs.empty() ? 10 : runs.front().style.size;
    return lines;
}

class Layouter {
public:
    Layouter(const Document& d, const TextMeasure& m) : m_doc(d), m_measure(m) {
        const PageSpec& p = d.page;
        m_left = p.margin_left;
        m_right = p.width - p.margin_right;
        m_grow = p.height <= 0;
        m_bottom =
            m_grow ? 1e12
                   : p.height - p.margin_bottom - (d.page_numbers || !d.footer.empty() ? 14 : 0);
        new_page();
    }

    std::vector<Page> run() {
        for (const auto& b : m_doc.blocks)
            std::visit([this](const auto& x) { block(x); }, b);
        finish();
        return std::move(m_pages);
    }

private:
    double text_width() const { return m_right - m_left; }
    Page& page() { return m_pages.back(); }

    void new_page() {
        m_pages.push_back(Page{m_doc.page.width, m_doc.page.height, {}});
        m_y = m_doc.page.margin_top;
    }

    // Makes room for `h` points, on a new page when this one is too full (never for a block
    // that would not fit on an empty page either).
    void ensure(double h) {
        if (!m_grow && m_y + h > m_bottom && m_y > m_doc.page.margin_top + 0.01)
            new_page();
    }

    void text(double x, double baseline, const std::string& t, const Style& s) {
        if (!t.empty())
            page().items.push_back(PlacedText{x, baseline, s, t});
    }

    double aligned_x(Align a, double left, double width, double used) const {
        if (a == Align::centre)
            return left + (width - used) / 2;
        if (a == Align::right)
            return left + width - used;
        return left;
    }

    // Draws one broken line with its top at m_y.
    void draw_line(const Line& l, Align align, double left, double width, double leading) {
        const double height = l.size * leading;
        double x = aligned_x(align, left, width, l.width);
        const double baseline = m_y + l.size * ascent;
        std::string merged;
        Style style;
        double start = x;
        for (const auto& p : l.pieces) {
            if (!merged.empty() && (p.style.size != style.size || p.style.bold != style.bold ||
                                    p.style.face != style.face || p.style.gray != style.gray)) {
                text(start, baseline, merged, style);
                merged.clear();
            }
            if (merged.empty()) {
                style = p.style;
                start = x;
            }
            merged += p.text;
            x += p.width;
        }
        text(start, baseline, merged, style);
        m_y += height;
    }

    void block(const Paragraph& p) {
        m_y += p.space_before;
        const double width = text_width() - p.indent;
        const auto lines = break_lines(p.runs, width, m_measure, p.keep_spaces);
        if (p.keep_with_next > 0 && !lines.empty()) {
            double all = p.keep_with_next;
            for (const auto& l : lines)
                all += l.size * p.leading;
            ensure(all);
        }
        for (const auto& l : lines) {
            ensure(l.size * p.leading);
            draw_line(l, p.align, m_left + p.indent, width, p.leading);
        }
        m_y += p.space_after;
    }

    void block(const Rule& r) {
        m_y += r.space_before;
        ensure(r.thickness);
        page().items.push_back(PlacedLine{m_left, m_y, m_right, m_y, r.thickness, r.gray});
        m_y += r.thickness + r.space_after;
    }

    void block(const Spacer& s) {
        m_y += s.height;
        if (!m_grow && m_y > m_bottom)
            new_page();
    }

    void block(const PageBreak&) {
        if (!m_grow && m_y > m_doc.page.margin_top + 0.01)
            new_page();
    }

    void block(const Table& t) { lay_out_table(t, m_left, text_width()); }

    void lay_out_table(const Table& t, double left, double width) {
        double total_share = 0;
        for (const auto& c : t.columns)
            total_share += c.share;
        std::vector<double> xs, ws;
        double x = left;
        for (const auto& c : t.columns) {
            const double w = width * c.share / total_share;
            xs.push_back(x);
            ws.push_back(w);
            x += w;
        }
        const double pad = 5; // each side: a number right-aligned never touches the next column
        const double line_h = t.style.size * 1.3;
        auto row_lines = [&](const std::vector<std::string>& cells, const Style& s) {
            std::vector<std::vector<std::string>> out;
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                out.push_back(wrap(c < cells.size() ? cells[c] : std::string(), s, ws[c] - 2 * pad,
                                   m_measure));
            return out;
        };
        auto draw_row = [&](const std::vector<std::string>& cells, const Style& s, bool header) {
            const auto lines = row_lines(cells, s);
            std::size_t n = 1;
            for (const auto& l : lines)
                n = std::max(n, l.size());
            const double h = static_cast<double>(n) * line_h + 3;
            ensure(h);
            for (std::size_t c = 0; c < lines.size(); ++c)
                for (std::size_t i = 0; i < lines[c].size(); ++i) {
                    const double used = m_measure.width(lines[c][i], s);
                    text(aligned_x(t.columns[c].align, xs[c] + pad, ws[c] - 2 * pad, used),
                         m_y + 1.5 + static_cast<double>(i) * line_h + s.size * ascent, lines[c][i],
                         s);
                }
            m_y += h;
            page().items.push_back(
                PlacedLine{left, m_y, left + width, m_y, header ? 0.8 : 0.3, header ? 0.2 : 0.8});
        };
        std::vector<std::string> header;
        for (const auto& c : t.columns)
            header.push_back(c.title);
        Style bold = t.style;
        bold.bold = true;
        const bool has_header =
            std::any_of(header.begin(), header.end(), [](const auto& h) { return !h.empty(); });
        if (has_header)
            draw_row(header, bold, true);
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const bool strong =
                std::find(t.bold_rows.begin(), t.bold_rows.end(), r) != t.bold_rows.end();
            const auto before = m_pages.size();
            // A row that starts a new page brings the header with it.
            const auto lines = row_lines(t.rows[r], strong ? bold : t.style);
            std::size_t n = 1;
            for (const auto& l : lines)
                n = std::max(n, l.size());
            ensure(static_cast<double>(n) * line_h + 3);
            if (m_pages.size() != before && has_header)
                draw_row(header, bold, true);
            draw_row(t.rows[r], strong ? bold : t.style, false);
        }
        m_y += t.space_after;
    }

    void block(const BarChart& c) {
        const auto shapes = chart_shapes(c, text_width(), m_measure);
        place(shapes);
    }

    void block(const ScatterChart& c) {
        const auto shapes = chart_shapes(c, text_width(), m_measure);
        place(shapes);
    }

    // Items drawn relative to (0, 0), kept together on one page.
    void place(const Shapes& s) {
        ensure(s.height);
        for (Item item : s.items) {
            std::visit(
                [&](auto& i) {
                    using T = std::decay_t<decltype(i)>;
                    if constexpr (std::is_same_v<T, PlacedLine>) {
                        i.x1 += m_left;
                        i.x2 += m_left;
                        i.y1 += m_y;
                        i.y2 += m_y;
                    } else {
                        i.x += m_left;
                        i.y += m_y;
                    }
                },
                item);
            page().items.push_back(std::move(item));
        }
        m_y += s.height;
    }

    void block(const Qr& q) {
        const auto caption = wrap(q.caption, Style{7.5}, text_width(), m_measure);
        const double h = q.size + static_cast<double>(caption.size()) * 9.5 + 6;
        ensure(h);
        const double x = aligned_x(q.align, m_left, text_width(), q.size);
        page().items.push_back(PlacedQr{x, m_y, q.size, q.data});
        double y = m_y + q.size + 2;
        for (const auto& l : caption) {
            const double w = m_measure.width(l, Style{7.5});
            text(aligned_x(q.align, m_left, text_width(), w), y + 7.5 * ascent, l, Style{7.5});
            y += 9.5;
        }
        m_y += h;
    }

    void block(const Barcode& b) {
        const double w = std::min(b.width, text_width());
        const Style s{8, false, Face::mono};
        const double h = b.height + (b.human_readable ? 11 : 0) + 4;
        ensure(h);
        const double x = aligned_x(b.align, m_left, text_width(), w);
        page().items.push_back(PlacedBarcode{x, m_y, w, b.height, b.data});
        if (b.human_readable) {
            const double tw = m_measure.width(b.data, s);
            text(aligned_x(b.align, m_left, text_width(), tw), m_y + b.height + 2 + 8 * ascent,
                 b.data, s);
        }
        m_y += h;
    }

    void finish() {
        if (m_grow) {
            page().height = m_y + m_doc.page.margin_bottom;
            return;
        }
        const std::size_t n = m_pages.size();
        const Style s{7.5, false, Face::sans, 0.35};
        for (std::size_t i = 0; i < n; ++i) {
            Page& p = m_pages[i];
            const double baseline = p.height - m_doc.page.margin_bottom + 4;
            if (!m_doc.footer.empty())
                p.items.push_back(PlacedText{m_left, baseline, s, m_doc.footer});
            if (m_doc.page_numbers) {
                const std::string number =
                    "Side " + std::to_string(i + 1) + " af " + std::to_string(n);
                p.items.push_back(
                    PlacedText{m_right - m_measure.width(number, s), baseline, s, number});
            }
        }
    }

    const Document& m_doc;
    const TextMeasure& m_measure;
    std::vector<Page> m_pages;
    double m_y = 0, m_left = 0, m_right = 0, m_bottom = 0;
    bool m_grow = false;
};

} // namespace

std::vector<std::string> wrap(std::string_view text, const Style& style, double width,
                              const TextMeasure& measure) {
    std::vector<std::string> out;
    for (const auto& l : break_lines({Run{std::string(text), style}}, width, measure)) {
        std::string s;
        for (const auto& p : l.pieces)
            s += p.text;
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Page> lay_out(const Document& d, const TextMeasure& measure) {
    if (!d.placed.empty())
        return d.placed;
    return Layouter(d, measure).run();
}

} // namespace bl::doc
