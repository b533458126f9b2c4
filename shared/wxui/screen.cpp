#include "shared/wxui/screen.hpp"

#include <wx/simplebook.h>

namespace bl::wxui {

Screen::Screen(wxSimplebook* book, const char* name) : wxPanel(book), m_book(book), m_name(name) {}

void Screen::bring_forward() {
    const int page = m_book->FindPage(this);
    if (page != wxNOT_FOUND && m_book->GetSelection() != page)
        m_book->ChangeSelection(static_cast<std::size_t>(page));
    Layout();
    GetParent()->Layout();
}

} // namespace bl::wxui
