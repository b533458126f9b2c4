#pragma once
/// A form as a two-column grid: each label in the first column, beside its field in the
/// second, which takes the rest of the width. Every form of the programs is built with it,
/// so that labels and fields always line up.

#include <utility>
#include <vector>

#include <wx/arrstr.h>
#include <wx/string.h>

class wxCheckBox;
class wxChoice;
class wxFlexGridSizer;
class wxTextCtrl;
class wxWindow;

namespace bl::wxui {

class Form {
public:
    /// Fields and labels are created on `parent`; `font_scale` enlarges both.
    explicit Form(wxWindow* parent, double font_scale = 1.2);
    wxTextCtrl* add_text(const wxString& label, const wxString& hint = {});
    wxChoice* add_choice(const wxString& label, const wxArrayString& choices);
    /// A yes/no field: the label says what, the box beside it says what ticking it does.
    wxCheckBox* add_check(const wxString& label, const wxString& box_text);
    /// Any field, beside its label.
    void add(const wxString& label, wxWindow* field);
    /// The grid, to put in the parent's sizer (with wxEXPAND, for the fields to grow).
    wxFlexGridSizer* sizer() const { return m_grid; }
    /// Each label and its field, for layout checks.
    const std::vector<std::pair<wxWindow*, wxWindow*>>& rows() const { return m_rows; }

private:
    wxWindow* m_parent;
    double m_scale;
    wxFlexGridSizer* m_grid;
    std::vector<std::pair<wxWindow*, wxWindow*>> m_rows;
};

} // namespace bl::wxui
