#include "pos/ui/screens/enrol_screen.hpp"

#include <wx/button.h>
#include <wx/filepicker.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::utf8;
using wxui::wx;

EnrolScreen::EnrolScreen(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Central store"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* col = new wxBoxSizer(wxVERTICAL);
    m_where = new wxStaticText(this, wxID_ANY, "");
    wxui::scale_font(m_where, 1.2, true);
    col->Add(m_where, 0, wxALL, 12);
    auto* form = new wxFlexGridSizer(2, 8, 12);
    form->AddGrowableCol(1);
    form->Add(new wxStaticText(this, wxID_ANY, _("Server address")), 0, wxALIGN_CENTER_VERTICAL);
    m_server = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(360, -1));
    m_server->SetHint("central.example.dk:8443");
    form->Add(m_server, 1, wxEXPAND);
    form->Add(new wxStaticText(this, wxID_ANY, _("Certificate file")), 0, wxALIGN_CENTER_VERTICAL);
    m_ca = new wxFilePickerCtrl(this, wxID_ANY, "", _("The central store's certificate (ca.pem)"),
                                "*.pem", wxDefaultPosition, wxSize(360, -1),
                                wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    form->Add(m_ca, 1, wxEXPAND);
    form->Add(new wxStaticText(this, wxID_ANY, _("Enrolment code")), 0, wxALIGN_CENTER_VERTICAL);
    m_code =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(200, -1), wxTE_PROCESS_ENTER);
    m_code->SetHint("K7QF-M2XW-9D");
    wxui::scale_font(m_code, 1.3, true);
    form->Add(m_code, 1, wxEXPAND);
    col->Add(form, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    m_message = new wxStaticText(this, wxID_ANY, "");
    col->Add(m_message, 0, wxEXPAND | wxALL, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_enrol = new wxButton(this, wxID_ANY, _("Enrol"));
    wxui::scale_font(m_enrol, 1.3, true);
    buttons->Add(m_enrol, 0, wxRIGHT, 12);
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")));
    col->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 12);
    SetSizerAndFit(col);

    auto press = [this](wxCommandEvent&) {
        if (m_flow)
            m_flow->enrol(utf8(m_server->GetValue()), utf8(m_ca->GetPath()),
                          utf8(m_code->GetValue()));
    };
    m_enrol->Bind(wxEVT_BUTTON, press);
    m_code->Bind(wxEVT_TEXT_ENTER, press);
}

void EnrolScreen::show_enrolment(const EnrolmentState& state) {
    m_where->SetLabel(
        state.enrolled ? wxString::Format(_("This till sends its records to %s."), wx(state.server))
                       : _("This till is not enrolled with a central store."));
    for (wxWindow* w : std::initializer_list<wxWindow*>{m_server, m_ca, m_code, m_enrol})
        w->Enable(!state.busy && !state.enrolled);
    if (state.busy)
        m_message->SetLabel(_("Enrolling…"));
    else if (state.problem)
        m_message->SetLabel(wxui::translated(*state.problem));
    else if (state.news)
        m_message->SetLabel(wxui::translated(*state.news));
    else
        m_message->SetLabel("");
    m_message->SetForegroundColour(state.problem ? *wxRED : GetForegroundColour());
    if (state.problem == std::nullopt && !state.busy && !state.enrolled)
        m_code->SetValue("");
    Layout();
    Fit();
}

} // namespace bl::pos
