#pragma once
/// The bar at the top of a window where problems and news are said. It never takes the
/// keyboard, so a scanner keeps typing into its field while a message shows.

#include <wx/infobar.h>

namespace bl::wxui {

class MessageBar : public wxInfoBar {
public:
    explicit MessageBar(wxWindow* parent);
    void show_problem(const wxString& text);
    void show_news(const wxString& text);
    /// Takes the message away (a new screen makes it stale).
    void clear();
    /// The text on show, or the last one said (for tests).
    const wxString& last_text() const { return m_last; }

private:
    wxString m_last;
};

} // namespace bl::wxui
