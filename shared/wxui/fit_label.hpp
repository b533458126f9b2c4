#pragma once
/// A label that always shows its whole text: it takes the width its sizer gives it, breaks
/// the text into at most `lines` lines at spaces, and draws it in the largest font from its
/// own size down to 60 % of it that fits. For totals that must never lose their right edge
/// ("I alt 1.234,50 kr.") and messages of any length.

#include <vector>

#include <wx/control.h>

#include "shared/wxui/whole_text.hpp"

namespace bl::wxui {

class FitLabel : public wxControl, public WholeText {
public:
    /// `scale` and `bold` set the largest font (from the parent's); `lines` how many lines it
    /// may use (its height); `align` is wxALIGN_LEFT, wxALIGN_CENTRE_HORIZONTAL or
    /// wxALIGN_RIGHT.
    FitLabel(wxWindow* parent, double scale = 1.0, bool bold = false, int lines = 1,
             int align = wxALIGN_LEFT);

    void SetLabel(const wxString& text) override;
    bool shows_whole_text() const override;
    bool AcceptsFocus() const override { return false; }

protected:
    wxSize DoGetBestSize() const override;

private:
    struct Fitted {
        wxFont font;
        std::vector<wxString> lines;
        bool fits = false;
    };
    /// The text broken into lines that fit `width` in `font`; fits is false when a word is
    /// wider than the width or more lines are needed than allowed.
    Fitted fit(const wxFont& font, int width) const;
    Fitted best_fit() const;
    void on_paint(wxPaintEvent&);

    wxFont m_font;
    int m_lines;
    int m_align;
    wxString m_text;
};

} // namespace bl::wxui
