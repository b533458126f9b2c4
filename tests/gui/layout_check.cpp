#include "layout_check.hpp"

#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/vlbox.h>

#include "shared/wxui/whole_text.hpp"
#include "shared/wxui/wx_text.hpp"

namespace gui {

namespace {

std::string describe(wxWindow* w) {
    std::string label = bl::wxui::utf8(w->GetLabel());
    for (auto& c : label)
        if (c == '\n')
            c = '|';
    return std::string(wxString(w->GetClassInfo()->GetClassName()).utf8_str()) + " \"" + label +
           "\"";
}

std::string size_text(wxSize s) {
    return std::to_string(s.x) + "x" + std::to_string(s.y);
}

void check_list(wxListCtrl* list, std::vector<std::string>& out) {
    int total = 0;
    for (int c = 0; c < list->GetColumnCount(); ++c) {
        const int width = list->GetColumnWidth(c);
        total += width;
        wxListItem head;
        head.SetMask(wxLIST_MASK_TEXT);
        list->GetColumn(c, head);
        std::vector<wxString> texts{head.GetText()};
        for (long i = 0; i < list->GetItemCount(); ++i)
            texts.push_back(list->GetItemText(i, c));
        for (const auto& t : texts) {
            int w = 0;
            list->GetTextExtent(t, &w, nullptr);
            if (w + 16 > width)
                out.push_back("wxListCtrl column " + std::to_string(c) + ": \"" +
                              bl::wxui::utf8(t) + "\" needs " + std::to_string(w + 16) +
                              " but the column has " + std::to_string(width));
        }
    }
    if (total > list->GetClientSize().x)
        out.push_back("wxListCtrl: its columns (" + std::to_string(total) +
                      ") are wider than the list (" + std::to_string(list->GetClientSize().x) +
                      ")");
}

void check_status(wxStatusBar* bar, std::vector<std::string>& out) {
    for (int i = 0; i < bar->GetFieldsCount(); ++i) {
        if (bar->GetStatusText(i).empty())
            continue; // an empty field may have no room (the sync problem's, while there is none)
        wxRect r;
        bar->GetFieldRect(i, r);
        int w = 0;
        bar->GetTextExtent(bar->GetStatusText(i), &w, nullptr);
        if (w + 8 > r.width)
            out.push_back("status bar field " + std::to_string(i) + " \"" +
                          bl::wxui::utf8(bar->GetStatusText(i)) + "\" needs " +
                          std::to_string(w + 8) + " but has " + std::to_string(r.width));
    }
}

void walk(wxWindow* w, bool in_scrolled, std::vector<std::string>& out) {
    if (!w->IsShown())
        return;
    // Inside its parent, unless the parent scrolls (tiles below the fold are fine) or is a
    // notebook (GTK places its pages in its own frame).
    const bool page = dynamic_cast<wxBookCtrlBase*>(w->GetParent()) != nullptr;
    if (!w->IsTopLevel() && !in_scrolled && !page && !dynamic_cast<wxStatusBar*>(w)) {
        const wxRect r = w->GetRect();
        const wxSize room = w->GetParent()->GetClientSize();
        if (r.x < 0 || r.y < 0 || r.GetRight() >= room.x || r.GetBottom() >= room.y)
            out.push_back(describe(w) + " sticks out of its parent: at " + std::to_string(r.x) +
                          "," + std::to_string(r.y) + " size " + size_text(r.GetSize()) + " in " +
                          size_text(room));
    }
    if (auto* whole = dynamic_cast<bl::wxui::WholeText*>(w)) {
        if (!whole->shows_whole_text())
            out.push_back(describe(w) + " does not show its whole text in " +
                          size_text(w->GetSize()));
    } else if (auto* list = dynamic_cast<wxListCtrl*>(w)) {
        check_list(list, out);
    } else if (auto* bar = dynamic_cast<wxStatusBar*>(w)) {
        check_status(bar, out);
    } else if (auto* text = dynamic_cast<wxTextCtrl*>(w)) {
        int hint = 0;
        text->GetTextExtent(text->GetHint(), &hint, nullptr);
        if (!text->GetHint().empty() && hint + 24 > text->GetClientSize().x)
            out.push_back("wxTextCtrl hint \"" + bl::wxui::utf8(text->GetHint()) + "\" needs " +
                          std::to_string(hint + 24) + " but has " +
                          std::to_string(text->GetClientSize().x));
    } else if (dynamic_cast<wxStaticText*>(w) || dynamic_cast<wxButton*>(w) ||
               dynamic_cast<wxCheckBox*>(w) || dynamic_cast<wxChoice*>(w)) {
        const wxSize best = w->GetBestSize(), has = w->GetSize();
        if (best.x > has.x || best.y > has.y)
            out.push_back(describe(w) + " needs " + size_text(best) + " but has " + size_text(has));
    }
    const bool scrolls =
        in_scrolled || dynamic_cast<wxScrolledWindow*>(w) || dynamic_cast<wxVListBox*>(w);
    for (wxWindow* child : w->GetChildren())
        if (!child->IsTopLevel())
            walk(child, scrolls, out);
}

} // namespace

std::vector<std::string> unreadable(wxWindow* top) {
    std::vector<std::string> out;
    walk(top, false, out);
    return out;
}

} // namespace gui
