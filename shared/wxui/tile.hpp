#pragma once
/// A big button that draws its own text, for fingers and for reading at arm's length: a
/// title (bold, broken into lines), a second text under it (a price, larger; or a note,
/// smaller), an optional colour and an optional picture on the left. The text shrinks (to
/// 70 %) before it would be cut. It takes the keyboard like a button: Enter or Space press
/// it, and a frame shows where the keyboard is.

#include <functional>

#include <wx/bitmap.h>
#include <wx/control.h>

#include "shared/wxui/whole_text.hpp"

namespace bl::wxui {

class Tile : public wxControl, public WholeText {
public:
    struct Look {
        wxString title;
        wxString detail;           ///< under the title; may be empty
        double detail_scale = 1.0; ///< of the title's font
        bool detail_bold = false;
        bool centred = false; ///< text centred (menus) or from the left (items)
        wxColour colour;      ///< the tile's colour; invalid: a plain button's
        wxBitmap picture;     ///< drawn top left, above an item's price (which then takes the
                              ///< whole width); may be empty
    };
    /// `size`: the tile's size (its height stays; its width may grow in a grid);
    /// `title_scale`: its title's font against the parent's.
    Tile(wxWindow* parent, wxSize size, double title_scale, std::function<void()> on_press);
    void show(const Look& look);
    const Look& look() const { return m_look; }
    void press();
    void on_press(std::function<void()> act) { m_on_press = std::move(act); }

    bool shows_whole_text() const override;
    bool AcceptsFocus() const override { return IsEnabled(); }
    bool Enable(bool enable = true) override;

protected:
    wxSize DoGetBestSize() const override;

private:
    struct Fitted {
        wxFont title_font, detail_font;
        std::vector<wxString> title, detail;
        bool fits = false;
    };
    Fitted fit() const;
    int text_left() const;
    void on_paint(wxPaintEvent&);

    wxFont m_font;
    wxSize m_size;
    Look m_look;
    std::function<void()> m_on_press;
    bool m_down = false;
};

} // namespace bl::wxui
