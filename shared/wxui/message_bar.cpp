#include "shared/wxui/message_bar.hpp"

#include <wx/button.h>
#include <wx/event.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>

#include "shared/wxui/fit_label.hpp"

namespace bl::wxui {

namespace {

const wxColour problem_colour(255, 226, 190); // warm, readable, not alarming
const wxColour news_colour(214, 236, 214);
const wxColour question_colour(255, 243, 176);

} // namespace

MessageBar::MessageBar(wxWindow* parent) : wxPanel(parent) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_text = new FitLabel(this, 1.1, false, 2);
    row->Add(m_text, 1, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 8);
    m_answer = new wxButton(this, wxID_ANY, "");
    m_answer->Hide();
    row->Add(m_answer, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    // Our own close button, not a stock id: GTK's stock one is translated by the C library's
    // locale, not by the language chosen for the program.
    m_close = new wxButton(this, wxID_ANY, _("Close"));
    m_close->Hide();
    row->Add(m_close, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    SetSizer(row);
    // Always the height of two lines of text (or of a button, if that is taller), shown or
    // not: what is below it never moves.
    const int height = std::max(m_text->GetMinSize().y, m_close->GetBestSize().y) + 8;
    SetMinSize(wxSize(-1, height));
    m_answer->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { answer(); });
    m_close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { clear(); });
}

void MessageBar::answer() {
    auto yes = std::move(m_yes);
    clear();
    if (yes)
        yes();
}

bool MessageBar::take_key(const wxKeyEvent& e) {
    if (!asking())
        return false;
    const int key = e.GetKeyCode();
    if (key == WXK_RETURN || key == WXK_NUMPAD_ENTER) {
        answer();
        return true;
    }
    if (key == WXK_ESCAPE) {
        clear();
        return true;
    }
    if (e.GetUnicodeKey() != WXK_NONE && !e.HasModifiers())
        clear(); // typing something else is not a yes
    return false;
}

bool MessageBar::asking() const {
    return m_answer->IsShown();
}

void MessageBar::show(Kind kind, const wxString& text) {
    m_last = text;
    if (kind != Kind::question)
        m_yes = nullptr;
    SetBackgroundColour(kind == Kind::problem    ? problem_colour
                        : kind == Kind::news     ? news_colour
                        : kind == Kind::question ? question_colour
                                                 : GetParent()->GetBackgroundColour());
    m_text->SetLabel(text);
    m_answer->Show(kind == Kind::question);
    m_close->SetLabel(kind == Kind::question ? _("No (Esc)") : _("Close"));
    m_close->Show(kind != Kind::none);
    Layout();
    Refresh();
    m_text->Refresh();
}

void MessageBar::show_problem(const wxString& text) {
    show(Kind::problem, text);
}

void MessageBar::show_news(const wxString& text) {
    show(Kind::news, text);
}

void MessageBar::ask(const wxString& question, const wxString& answer, std::function<void()> yes) {
    m_answer->SetLabel(wxString::Format(_("%s (Enter)"), answer));
    m_yes = std::move(yes);
    show(Kind::question, question);
}

void MessageBar::clear() {
    m_yes = nullptr;
    show(Kind::none, wxString());
}

} // namespace bl::wxui
