#pragma once
/// What every screen of the till has: its page in the frame's book, the till whose flows it
/// calls (attached once the till exists), and the message bar it clears when it replaces
/// what was on show.

#include "pos/model/till.hpp"
#include "shared/wxui/message_bar.hpp"
#include "shared/wxui/screen.hpp"

namespace bl::pos {

class TillScreen : public wxui::Screen {
public:
    TillScreen(wxSimplebook* book, const char* name, wxui::MessageBar& bar)
        : Screen(book, name), m_bar(bar) {}
    void attach(Till& till) { m_till = &till; }

protected:
    Till& till() { return *m_till; }
    wxui::MessageBar& bar() { return m_bar; }
    /// Brings the screen forward with no message left over from the one before.
    void replace_screen() {
        m_bar.clear();
        bring_forward();
    }

private:
    Till* m_till = nullptr;
    wxui::MessageBar& m_bar;
};

} // namespace bl::pos
