#pragma once
/// One screen of a program's window: a page of the frame's screen book that brings itself to
/// the front when it is shown, and says where the keyboard goes then.

#include <wx/panel.h>

class wxSimplebook;

namespace bl::wxui {

/// Sizes that fingers can hit on a touch screen.
inline constexpr int touch_height = 56;     ///< the smallest button height
inline constexpr int big_touch_height = 72; ///< main actions

/// Lays a window out again from its children's sizes as they are now. GTK applies a font
/// change to a control only when it is next drawn, so sizes asked for before a screen is
/// shown can be too small; bring_forward() does this for the whole screen.
void relayout(wxWindow* w);

class Screen : public wxPanel {
public:
    /// `name` identifies the screen (tests, screenshots).
    Screen(wxSimplebook* book, const char* name);
    const char* name() const { return m_name; }

protected:
    /// Makes this the page on show and lays it out (relayout).
    void bring_forward();

private:
    wxSimplebook* m_book;
    const char* m_name;
};

} // namespace bl::wxui
