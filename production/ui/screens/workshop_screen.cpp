#include "production/ui/screens/workshop_screen.hpp"

#include <algorithm>
#include <memory>

#include <wx/button.h>
#include <wx/graphics.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "shared/core/text.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::production {

wxSizer* WorkshopScreen::title_row(const wxString& title, std::function<void()> back) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_title = new wxStaticText(this, wxID_ANY, title);
    wxui::scale_font(m_title, 1.6, true);
    row->Add(m_title, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, 12);
    m_back = new wxButton(this, wxID_ANY, _("Back (Esc)"), wxDefaultPosition,
                          wxSize(150, wxui::touch_height - 12));
    row->Add(m_back, 0, wxALL, 6);
    m_back->Bind(wxEVT_BUTTON, [this, back](wxCommandEvent&) {
        if (back)
            back();
        else
            workshop().access().home();
    });
    return row;
}

wxBitmap symbol_bitmap(const std::string& symbol, int px) {
    wxImage image(px, px);
    image.InitAlpha();
    unsigned char* alpha = image.GetAlpha();
    std::fill(alpha, alpha + px * px, static_cast<unsigned char>(0));
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(image));
    if (gc) {
        wxFont font(wxFontInfo(static_cast<double>(px) * 0.62).FaceName("DejaVu Sans"));
        gc->SetFont(font, wxColour(40, 40, 40));
        const wxString text = wxui::wx(symbol);
        wxDouble w = 0, h = 0;
        gc->GetTextExtent(text, &w, &h);
        gc->DrawText(text, (px - w) / 2, (px - h) / 2);
    }
    gc.reset(); // the drawing reaches the image when the context goes
    return wxBitmap(image);
}

wxString wrapped(const std::string& text, std::size_t width) {
    wxString out;
    for (const auto& line : wrap_words(text, width))
        out += (out.empty() ? "" : "\n") + wxui::wx(line);
    return out;
}

wxString duration_text(std::int64_t minutes) {
    const long h = static_cast<long>(minutes / 60), m = static_cast<long>(minutes % 60);
    if (h == 0)
        return wxString::Format(_("%ld min"), m);
    if (m == 0)
        return wxString::Format(_("%ld h"), h);
    return wxString::Format(_("%ld h %ld min"), h, m);
}

wxString sums_text(const BatchSums& s) {
    if (s.makers == 0)
        return s.hint ? wxui::translated(*s.hint) : wxString();
    wxString text;
    if (s.per_unit)
        text = wxString::Format(wxPLURAL("%d maker, %s in all, %s per unit",
                                         "%d makers, %s in all, %s per unit", plural_n(s.makers)),
                                s.makers, duration_text(s.minutes), duration_text(*s.per_unit));
    else
        text = wxString::Format(
            wxPLURAL("%d maker, %s in all", "%d makers, %s in all", plural_n(s.makers)), s.makers,
            duration_text(s.minutes));
    if (s.hint)
        text += "\n" + wxui::translated(*s.hint);
    return text;
}

} // namespace bl::production
