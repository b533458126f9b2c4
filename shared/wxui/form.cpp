#include "shared/wxui/form.hpp"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::wxui {

Form::Form(wxWindow* parent, double font_scale)
    : m_parent(parent), m_scale(font_scale), m_grid(new wxFlexGridSizer(2, 8, 12)) {
    m_grid->AddGrowableCol(1, 1);
}

void Form::add(const wxString& label, wxWindow* field) {
    auto* l = new wxStaticText(m_parent, wxID_ANY, label);
    scale_font(l, m_scale);
    scale_font(field, m_scale);
    m_grid->Add(l, 0, wxALIGN_CENTER_VERTICAL);
    m_grid->Add(field, 1, wxEXPAND | wxALIGN_CENTER_VERTICAL);
    m_rows.emplace_back(l, field);
}

wxTextCtrl* Form::add_text(const wxString& label, const wxString& hint) {
    auto* t = new wxTextCtrl(m_parent, wxID_ANY, "", wxDefaultPosition, wxSize(200, -1));
    t->SetHint(hint);
    add(label, t);
    return t;
}

wxChoice* Form::add_choice(const wxString& label, const wxArrayString& choices) {
    auto* c = new wxChoice(m_parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, choices);
    add(label, c);
    return c;
}

wxCheckBox* Form::add_check(const wxString& label, const wxString& box_text) {
    auto* c = new wxCheckBox(m_parent, wxID_ANY, box_text);
    add(label, c);
    return c;
}

} // namespace bl::wxui
