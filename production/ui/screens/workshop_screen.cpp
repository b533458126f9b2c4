#include "production/ui/screens/workshop_screen.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

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
        text = wxString::Format(wxPLURAL("%d maker, %s in all", "%d makers, %s in all", plural_n(s.makers)),
                                s.makers, duration_text(s.minutes));
    if (s.hint)
        text += "\n" + wxui::translated(*s.hint);
    return text;
}

} // namespace bl::production
