#include "shared/wxui/message_bar.hpp"

#include <wx/intl.h>

namespace bl::wxui {

MessageBar::MessageBar(wxWindow* parent) : wxInfoBar(parent) {
    // Our own close button: GTK's stock one is translated by the C library's locale, not by
    // the language chosen for the program.
    AddButton(wxID_CLOSE, _("Close"));
}

void MessageBar::show_problem(const wxString& text) {
    m_last = text;
    ShowMessage(text, wxICON_WARNING);
}

void MessageBar::show_news(const wxString& text) {
    m_last = text;
    ShowMessage(text, wxICON_INFORMATION);
}

void MessageBar::clear() {
    Dismiss();
}

} // namespace bl::wxui
