#include "shared/wxui/tile.hpp"

#include <algorithm>

#include <wx/dcbuffer.h>
#include <wx/settings.h>

namespace bl::wxui {

namespace {

constexpr int pad = 8;

// Greedy line breaking at spaces (and at '\n'); false when a word is wider than the width.
bool wrap(const wxWindow& w, const wxFont& font, const wxString& text, int width,
          std::vector<wxString>& lines) {
    auto extent = [&](const wxString& s) {
        int x = 0;
        w.GetTextExtent(s, &x, nullptr, nullptr, nullptr, &font);
        return x;
    };
    bool fits = true;
    for (const auto& paragraph : wxSplit(text, '\n', '\0')) {
        wxString line;
        for (const auto& word : wxSplit(paragraph, ' ', '\0')) {
            if (word.empty())
                continue;
            fits = fits && extent(word) <= width;
            const wxString longer = line.empty() ? word : line + " " + word;
            if (line.empty() || extent(longer) <= width) {
                line = longer;
            } else {
                lines.push_back(line);
                line = word;
            }
        }
        if (!line.empty())
            lines.push_back(line);
    }
    return fits;
}

wxColour mix(const wxColour& a, const wxColour& b, double t) {
    auto m = [t](unsigned char x, unsigned char y) {
        return static_cast<unsigned char>(x + (y - x) * t);
    };
    return wxColour(m(a.Red(), b.Red()), m(a.Green(), b.Green()), m(a.Blue(), b.Blue()));
}

} // namespace

Tile::Tile(wxWindow* parent, wxSize size, double title_scale, std::function<void()> on_press)
    : wxControl(parent, wxID_ANY, wxDefaultPosition, size, wxBORDER_NONE | wxWANTS_CHARS),
      m_size(size), m_on_press(std::move(on_press)) {
    m_font = parent->GetFont();
    m_font.SetFractionalPointSize(m_font.GetFractionalPointSize() * title_scale);
    m_font.SetWeight(wxFONTWEIGHT_BOLD);
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(size);
    Bind(wxEVT_PAINT, &Tile::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent&) {
        m_down = true;
        SetFocus();
        Refresh();
    });
    Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
        const bool was_down = m_down;
        m_down = false;
        Refresh();
        if (was_down && GetClientRect().Contains(e.GetPosition()))
            press();
    });
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) {
        if (m_down) {
            m_down = false;
            Refresh();
        }
    });
    Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        const int k = e.GetKeyCode();
        if (k == WXK_RETURN || k == WXK_NUMPAD_ENTER || k == WXK_SPACE)
            press();
        else
            e.Skip();
    });
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
}

void Tile::show(const Look& look) {
    m_look = look;
    SetLabel(look.detail.empty() ? look.title : look.title + "\n" + look.detail);
    InvalidateBestSize();
    Refresh();
}

void Tile::press() {
    // A copy: what it does may show other tiles, and give this one a new action meanwhile.
    if (auto act = m_on_press; IsEnabled() && act)
        act();
}

bool Tile::Enable(bool enable) {
    const bool changed = wxControl::Enable(enable);
    Refresh();
    return changed;
}

wxSize Tile::DoGetBestSize() const {
    return m_size;
}

int Tile::text_left() const {
    if (!m_look.picture.IsOk())
        return pad;
    const int side = GetClientSize().y - 2 * pad;
    return pad + std::min(side, m_look.picture.GetWidth()) + pad;
}

Tile::Fitted Tile::fit() const {
    const wxSize size = GetClientSize();
    const int width = size.x - text_left() - pad;
    // An item's price takes the whole width under its picture, so it is never broken.
    const int detail_width = m_look.picture.IsOk() && !m_look.centred ? size.x - 2 * pad : width;
    const int height = size.y - 2 * pad;
    const double largest = m_font.GetFractionalPointSize();
    Fitted f;
    for (double pt = largest; pt >= largest * 0.7 - 0.01; pt -= 0.5) {
        f = Fitted{};
        f.title_font = m_font;
        f.title_font.SetFractionalPointSize(pt);
        f.detail_font = f.title_font;
        f.detail_font.SetFractionalPointSize(pt * m_look.detail_scale);
        f.detail_font.SetWeight(m_look.detail_bold ? wxFONTWEIGHT_BOLD : wxFONTWEIGHT_NORMAL);
        bool fits = wrap(*this, f.title_font, m_look.title, width, f.title);
        fits = wrap(*this, f.detail_font, m_look.detail, detail_width, f.detail) && fits;
        int th = 0, dh = 0;
        GetTextExtent("Ag", nullptr, &th, nullptr, nullptr, &f.title_font);
        GetTextExtent("Ag", nullptr, &dh, nullptr, nullptr, &f.detail_font);
        const int needed = static_cast<int>(f.title.size()) * th +
                           static_cast<int>(f.detail.size()) * dh + (f.detail.empty() ? 0 : 4);
        f.fits = fits && needed <= height;
        if (f.fits)
            return f;
    }
    return f;
}

bool Tile::shows_whole_text() const {
    return fit().fits;
}

void Tile::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const wxColour back = GetParent()->GetBackgroundColour();
    dc.SetBackground(wxBrush(back));
    dc.Clear();
    const wxSize size = GetClientSize();
    const wxColour face =
        m_look.colour.IsOk() ? m_look.colour : wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE);
    // A colour is one of the pale ones (shared/rules/catalogue_look): its text is dark in any
    // theme, so it reads as well as a plain tile's.
    const wxColour text = !IsEnabled() ? wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)
                          : m_look.colour.IsOk()
                              ? wxColour(0x1a, 0x1a, 0x1a)
                              : wxSystemSettings::GetColour(wxSYS_COLOUR_BTNTEXT);
    const bool focused = HasFocus();
    dc.SetBrush(wxBrush(m_down ? mix(face, *wxBLACK, 0.12) : face));
    dc.SetPen(focused ? wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT), 3)
                      : wxPen(mix(face, *wxBLACK, 0.25), 1));
    dc.DrawRoundedRectangle(1, 1, size.x - 2, size.y - 2, 6);
    const Fitted f = fit();
    if (m_look.picture.IsOk()) {
        const wxBitmap& pic = m_look.picture;
        // An item's picture in the corner above its price; a menu's beside its text.
        const int top = m_look.centred ? (size.y - pic.GetHeight()) / 2 : pad;
        dc.DrawBitmap(pic, pad, top, true);
    }
    int th = 0, dh = 0;
    dc.SetFont(f.title_font);
    dc.GetTextExtent("Ag", nullptr, &th);
    dc.SetFont(f.detail_font);
    dc.GetTextExtent("Ag", nullptr, &dh);
    const int left = text_left();
    const int block = static_cast<int>(f.title.size()) * th +
                      static_cast<int>(f.detail.size()) * dh + (f.detail.empty() ? 0 : 4);
    int y = m_look.centred ? (size.y - block) / 2 : pad;
    dc.SetTextForeground(text);
    auto draw = [&](const wxString& line, int h) {
        const int w = dc.GetTextExtent(line).x;
        dc.DrawText(line, m_look.centred ? left + (size.x - left - pad - w) / 2 : left, y);
        y += h;
    };
    dc.SetFont(f.title_font);
    for (const auto& line : f.title)
        draw(line, th);
    if (f.detail.empty())
        return;
    dc.SetFont(f.detail_font);
    // An item's price sits at the bottom, where the eye finds it on every tile (from the
    // tile's left edge, under a picture).
    y = m_look.centred ? y + 4 : size.y - pad - static_cast<int>(f.detail.size()) * dh;
    for (const auto& line : f.detail) {
        if (m_look.picture.IsOk() && !m_look.centred) {
            dc.DrawText(line, pad, y);
            y += dh;
        } else {
            draw(line, dh);
        }
    }
}

} // namespace bl::wxui
