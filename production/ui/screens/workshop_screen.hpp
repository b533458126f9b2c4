#pragma once
/// What every screen of the workshop program has: its page in the frame's book, the program
/// whose flows it calls (attached once it exists), the message bar it clears when it replaces
/// what was on show, and a title line with the way back to the start screen.

#include <cstdint>
#include <functional>

#include <wx/bitmap.h>
#include <wx/string.h>

#include "production/model/back_office.hpp"
#include "shared/wxui/message_bar.hpp"
#include "shared/wxui/screen.hpp"

class wxButton;
class wxSizer;
class wxStaticText;

namespace bl::production {

class WorkshopScreen : public wxui::Screen {
public:
    WorkshopScreen(wxSimplebook* book, const char* name, wxui::MessageBar& bar)
        : Screen(book, name), m_bar(bar) {}
    void attach(BackOffice& w) { m_workshop = &w; }
    /// The button that leads back (to the start screen, or the screen before).
    wxButton* back_button() const { return m_back; }

protected:
    BackOffice& workshop() { return *m_workshop; }
    wxui::MessageBar& bar() { return m_bar; }
    /// Brings the screen forward with no message left over from the one before.
    void replace_screen() {
        m_bar.clear();
        bring_forward();
    }
    /// A row with the screen's title and a Back button, which calls `back` (the start
    /// screen when none is given).
    wxSizer* title_row(const wxString& title, std::function<void()> back = {});
    wxStaticText* title() const { return m_title; }

private:
    BackOffice* m_workshop = nullptr;
    wxui::MessageBar& m_bar;
    wxButton* m_back = nullptr;
    wxStaticText* m_title = nullptr;
};

/// A count as gettext's plural forms take it.
inline unsigned plural_n(std::int64_t n) {
    return n < 0 ? 0u : n > 1000000 ? 1000000u : static_cast<unsigned>(n);
}

/// A symbol (UTF-8, one character of DejaVu Sans) drawn `px` pixels high on a transparent
/// bitmap, for picture buttons.
wxBitmap symbol_bitmap(const std::string& symbol, int px);

/// Text broken into lines of at most `width` characters, for a button's label.
wxString wrapped(const std::string& text, std::size_t width);

/// Minutes as hours and minutes in the chosen language: "2 t 30 min", "45 min".
wxString duration_text(std::int64_t minutes);
/// "3 makers, 6 h in all, 30 min per unit", or what is still missing.
wxString sums_text(const BatchSums& sums);

} // namespace bl::production
