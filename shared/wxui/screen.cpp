#include "shared/wxui/screen.hpp"

#include <wx/simplebook.h>

namespace bl::wxui {

Screen::Screen(wxSimplebook* book, const char* name) : wxPanel(book), m_book(book), m_name(name) {}

namespace {

void forget_sizes(wxWindow* w) {
    w->InvalidateBestSize();
    for (wxWindow* child : w->GetChildren())
        if (!child->IsTopLevel())
            forget_sizes(child);
}

void lay_out(wxWindow* w) {
    if (w->GetSizer())
        w->Layout();
    for (wxWindow* child : w->GetChildren())
        if (!child->IsTopLevel() && child->IsShown())
            lay_out(child);
}

} // namespace

void relayout(wxWindow* w) {
    forget_sizes(w);
    lay_out(w);
}

void Screen::bring_forward() {
    const int page = m_book->FindPage(this);
    if (page != wxNOT_FOUND && m_book->GetSelection() != page) {
        m_book->ChangeSelection(static_cast<std::size_t>(page));
        relayout(this);
    } else {
        Layout();
    }
}

} // namespace bl::wxui
