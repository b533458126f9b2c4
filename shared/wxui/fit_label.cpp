#include "shared/wxui/fit_label.hpp"

#include <algorithm>

#include <wx/dcclient.h>
#include <wx/settings.h>

namespace bl::wxui {

namespace {

constexpr int padding = 2;

std::vector<wxString> words_of(const wxString& paragraph) {
    std::vector<wxString> words;
    wxString word;
    for (const auto c : paragraph) {
        if (c == ' ') {
            if (!word.empty())
                words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty())
        words.push_back(word);
    return words;
}

} // namespace

FitLabel::FitLabel(wxWindow* parent, double scale, bool bold, int lines, int align)
    : wxControl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE),
      m_lines(std::max(1, lines)), m_align(align) {
    m_font = parent->GetFont();
    m_font.SetFractionalPointSize(m_font.GetFractionalPointSize() * scale);
    if (bold)
        m_font.SetWeight(wxFONTWEIGHT_BOLD);
    SetFont(m_font);
    // As narrow as its sizer makes it (the text shrinks to fit), as tall as its lines.
    int h = 0;
    GetTextExtent("Ag", nullptr, &h, nullptr, nullptr, &m_font);
    SetMinSize(wxSize(40, m_lines * h + 2 * padding));
    Bind(wxEVT_PAINT, &FitLabel::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void FitLabel::SetLabel(const wxString& text) {
    if (text == m_text)
        return;
    m_text = text;
    wxControl::SetLabel(text);
    InvalidateBestSize();
    Refresh();
}

wxSize FitLabel::DoGetBestSize() const {
    int w = 0, h = 0;
    GetTextExtent("Ag", nullptr, &h, nullptr, nullptr, &m_font);
    for (const auto& line : wxSplit(m_text, '\n', '\0')) {
        int lw = 0;
        GetTextExtent(line, &lw, nullptr, nullptr, nullptr, &m_font);
        w = std::max(w, lw);
    }
    return wxSize(w + 2 * padding, m_lines * h + 2 * padding);
}

FitLabel::Fitted FitLabel::fit(const wxFont& font, int width) const {
    Fitted f;
    f.font = font;
    int line_height = 0;
    GetTextExtent("Ag", nullptr, &line_height, nullptr, nullptr, &font);
    auto extent = [&](const wxString& s) {
        int w = 0;
        GetTextExtent(s, &w, nullptr, nullptr, nullptr, &font);
        return w;
    };
    bool words_fit = true;
    for (const auto& paragraph : wxSplit(m_text, '\n', '\0')) {
        wxString line;
        for (const auto& word : words_of(paragraph)) {
            words_fit = words_fit && extent(word) <= width;
            const wxString longer = line.empty() ? word : line + " " + word;
            if (line.empty() || extent(longer) <= width) {
                line = longer;
            } else {
                f.lines.push_back(line);
                line = word;
            }
        }
        f.lines.push_back(line);
    }
    const int height = GetClientSize().y - 2 * padding;
    f.fits = words_fit && static_cast<int>(f.lines.size()) <= m_lines &&
             static_cast<int>(f.lines.size()) * line_height <= height;
    return f;
}

FitLabel::Fitted FitLabel::best_fit() const {
    const int width = GetClientSize().x - 2 * padding;
    const double largest = m_font.GetFractionalPointSize();
    const double smallest = std::max(7.0, largest * 0.6);
    wxFont font = m_font;
    for (double size = largest; size >= smallest; size -= 0.5) {
        font.SetFractionalPointSize(size);
        Fitted f = fit(font, width);
        if (f.fits)
            return f;
    }
    return fit(font, width); // the smallest, even though it does not fit (the check says so)
}

bool FitLabel::shows_whole_text() const {
    return m_text.empty() || best_fit().fits;
}

void FitLabel::on_paint(wxPaintEvent&) {
    wxPaintDC dc(this);
    // A colour of its own or its parent's (a message bar changes its colour as it speaks);
    // else the theme's background, drawn as for any other control, shows through.
    if (UseBgCol() || GetParent()->UseBgCol()) {
        dc.SetBackground(
            wxBrush(UseBgCol() ? GetBackgroundColour() : GetParent()->GetBackgroundColour()));
        dc.Clear();
    }
    if (m_text.empty())
        return;
    const Fitted f = best_fit();
    dc.SetFont(f.font);
    dc.SetTextForeground(GetForegroundColour());
    int line_height = 0;
    dc.GetTextExtent("Ag", nullptr, &line_height);
    const wxSize size = GetClientSize();
    int y = (size.y - static_cast<int>(f.lines.size()) * line_height) / 2;
    for (const auto& line : f.lines) {
        const int w = dc.GetTextExtent(line).x;
        int x = padding;
        if (m_align & wxALIGN_RIGHT)
            x = size.x - padding - w;
        else if (m_align & wxALIGN_CENTRE_HORIZONTAL)
            x = (size.x - w) / 2;
        dc.DrawText(line, x, y);
        y += line_height;
    }
}

} // namespace bl::wxui
