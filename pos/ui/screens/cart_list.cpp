#include "pos/ui/screens/cart_list.hpp"

#include <algorithm>

#include <wx/dc.h>
#include <wx/intl.h>
#include <wx/settings.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::money_text;
using wxui::wx;

namespace {

constexpr int pad = 6;
constexpr int gap = 12;

// Greedy line breaking at spaces; a word wider than the width is broken where it must be.
std::vector<wxString> wrap(const wxWindow& w, const wxFont& font, const wxString& text, int width) {
    std::vector<wxString> lines;
    auto extent = [&](const wxString& s) {
        int x = 0;
        w.GetTextExtent(s, &x, nullptr, nullptr, nullptr, &font);
        return x;
    };
    wxString line;
    for (const auto& word : wxSplit(text, ' ', '\0')) {
        const wxString longer = line.empty() ? word : line + " " + word;
        if (extent(longer) <= width || line.empty()) {
            line = longer;
        } else {
            lines.push_back(line);
            line = word;
        }
        while (extent(line) > width && line.length() > 1) {
            std::size_t keep = line.length() - 1;
            while (keep > 1 && extent(line.Left(keep)) > width)
                --keep;
            lines.push_back(line.Left(keep));
            line = line.Mid(keep);
        }
    }
    if (!line.empty() || lines.empty())
        lines.push_back(line);
    return lines;
}

} // namespace

CartList::CartList(wxWindow* parent, std::function<bool(wxKeyEvent&)> on_key)
    : wxVListBox(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_THEME),
      m_on_key(std::move(on_key)) {
    wxui::scale_font(this, 1.25);
    m_detail_font = GetFont();
    m_detail_font.SetFractionalPointSize(GetFont().GetFractionalPointSize() * 0.78);
    SetMinSize(wxSize(200, 80));
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        RefreshAll(); // line heights depend on the width
        e.Skip();
    });
    // Keys for the cart panel: special keys as they are pressed, characters ('+', '-', a
    // scanner's digits) as they are typed, whatever the keyboard's layout.
    Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetUnicodeKey() != WXK_NONE && e.GetKeyCode() != WXK_DELETE &&
            e.GetKeyCode() != WXK_ESCAPE && e.GetKeyCode() != WXK_BACK) {
            e.Skip(); // a character: it comes again as wxEVT_CHAR
            return;
        }
        if (!m_on_key(e))
            e.Skip();
    });
    Bind(wxEVT_CHAR, [this](wxKeyEvent& e) {
        if (!m_on_key(e))
            e.Skip();
    });
}

void CartList::show(const Cart& cart, const CartTotals& totals) {
    const std::size_t keep = chosen_line();
    const std::size_t before = m_lines;
    m_rows.clear();
    for (const auto& l : cart.lines()) {
        Row r;
        r.name = wx(l.product.name);
        r.amount = wx(format_amount(l.net()));
        auto add = [&r](const wxString& part) {
            r.detail += (r.detail.empty() ? "" : ", ") + part;
        };
        if (l.quantity != 1 || l.price_overridden)
            add(wxString::Format(_("%lld × %s"), static_cast<long long>(l.quantity),
                                 money_text(l.unit_price)));
        if (l.price_overridden)
            add(_("new price"));
        if (!l.discount_amount().is_zero())
            add(wxString::Format(_("discount %s"), money_text(l.discount_amount())));
        if (l.batch_label)
            add(wxString::Format(_("batch label %s"), wx(*l.batch_label)));
        m_rows.push_back(r);
    }
    m_lines = m_rows.size();
    if (!totals.basket_discount.is_zero())
        m_rows.push_back(
            Row{_("Basket discount"), wxString(), wx(format_amount(-totals.basket_discount))});
    SetItemCount(m_rows.size());
    // The chosen line stays chosen; a new line (a scan) is chosen, so + and - act on it.
    if (m_lines > before || keep == no_line || keep >= m_lines)
        choose_line(m_lines == 0 ? no_line : m_lines - 1);
    else
        choose_line(keep);
    RefreshAll();
}

std::size_t CartList::chosen_line() const {
    const int n = GetSelection();
    return n == wxNOT_FOUND || static_cast<std::size_t>(n) >= m_lines ? no_line
                                                                      : static_cast<std::size_t>(n);
}

void CartList::choose_line(std::size_t line) {
    if (line == no_line || line >= m_lines) {
        SetSelection(wxNOT_FOUND);
        return;
    }
    SetSelection(static_cast<int>(line));
    ScrollToRow(line);
}

CartList::Drawn CartList::lay_out(const Row& row) const {
    Drawn d;
    const int width = GetClientSize().x - 2 * pad;
    GetTextExtent(row.amount, &d.amount_width, nullptr);
    d.name = wrap(*this, GetFont(), row.name, std::max(20, width - d.amount_width - gap));
    if (!row.detail.empty())
        d.detail = wrap(*this, m_detail_font, row.detail, std::max(20, width));
    int h = 0, dh = 0;
    GetTextExtent("Ag", nullptr, &h);
    GetTextExtent("Ag", nullptr, &dh, nullptr, nullptr, &m_detail_font);
    d.height =
        2 * pad + static_cast<int>(d.name.size()) * h + static_cast<int>(d.detail.size()) * dh;
    return d;
}

wxCoord CartList::OnMeasureItem(size_t n) const {
    return n < m_rows.size() ? lay_out(m_rows[n]).height : 0;
}

void CartList::OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const {
    if (n >= m_rows.size())
        return;
    const Drawn d = lay_out(m_rows[n]);
    const bool chosen = IsSelected(n);
    const wxColour text =
        chosen ? wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT) : GetForegroundColour();
    dc.SetTextForeground(text);
    dc.SetFont(GetFont());
    int h = dc.GetCharHeight();
    int y = rect.y + pad;
    dc.DrawText(m_rows[n].amount, rect.GetRight() - pad - d.amount_width, y);
    for (const auto& line : d.name) {
        dc.DrawText(line, rect.x + pad, y);
        y += h;
    }
    dc.SetFont(m_detail_font);
    dc.SetTextForeground(chosen ? text : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    h = dc.GetCharHeight();
    for (const auto& line : d.detail) {
        dc.DrawText(line, rect.x + pad, y);
        y += h;
    }
}

bool CartList::shows_whole_text() const {
    // Names and details wrap; only an amount wider than the list would be cut.
    const int width = GetClientSize().x - 2 * pad;
    for (const auto& r : m_rows) {
        int w = 0;
        GetTextExtent(r.amount, &w, nullptr);
        if (w + gap + 20 > width)
            return false;
    }
    return true;
}

} // namespace bl::pos
