#include "pos/ui/screens/login_screens.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "shared/wxui/fit_label.hpp"
#include "shared/wxui/form.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::scale_font;
using wxui::wx;

LoginScreen::LoginScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "login", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Who is at the till?"));
    scale_font(title, 1.8, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
    m_pad = new wxui::PinPad(
        this, _("Choose your name, then type your PIN."), _("Hello %s. Type your PIN."),
        _("Choose your name first, then type your PIN."),
        [this](const std::string& id, const std::string& pin) { till().access().log_in(id, pin); });
    s->Add(m_pad, 1, wxEXPAND | wxLEFT | wxRIGHT, 20);
    SetSizer(s);
}

void LoginScreen::show_login(const std::vector<StaffUser>& staff) {
    m_pad->show_people(staff);
    replace_screen();
    m_pad->focus();
}

ApprovalScreen::ApprovalScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "approval", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("An organiser approves this on the spot"));
    scale_font(title, 1.6, true);
    s->Add(title, 0, wxLEFT | wxRIGHT | wxTOP | wxALIGN_CENTER_HORIZONTAL, 10);
    m_why = new wxui::FitLabel(this, 1.3, false, 2, wxALIGN_CENTRE_HORIZONTAL);
    s->Add(m_why, 0, wxALL | wxEXPAND, 6);
    m_pad = new wxui::PinPad(this, _("Choose the organiser, then type their PIN."),
                             _("%s, type your PIN to approve."),
                             _("Choose the organiser first, then type their PIN."),
                             [this](const std::string& id, const std::string& pin) {
                                 till().access().approve(id, pin);
                             });
    s->Add(m_pad, 1, wxEXPAND | wxLEFT | wxRIGHT, 20);
    auto* back = new wxButton(this, wxID_ANY, _("Cancel (Esc)"), wxDefaultPosition,
                              wxSize(200, wxui::touch_height));
    s->Add(back, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().access().cancel_approval(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE)
            till().access().cancel_approval();
        else
            e.Skip();
    });
    SetSizer(s);
}

void ApprovalScreen::show_approval(const std::vector<StaffUser>& organisers, const Message& why) {
    m_why->SetLabel(wxui::translated(why));
    m_pad->show_people(organisers);
    replace_screen();
    m_pad->focus();
}

wxString ApprovalScreen::reason() const {
    return m_why->GetLabel();
}

OpenShiftScreen::OpenShiftScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "open_shift", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_hint = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_hint, 1.6, true);
    s->Add(m_hint, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 30);
    auto* label =
        new wxStaticText(this, wxID_ANY, _("Count the cash in the drawer and type the amount."));
    scale_font(label, 1.2);
    s->Add(label, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    m_form = std::make_unique<wxui::Form>(this, 1.2);
    m_float = new wxui::AmountEntry(
        this, 240, [this](const std::string& typed) { till().shift().open_shift(typed); }, 1.4);
    m_form->add(_("Float (cash in the drawer):"), m_float);
    // A click into the suggested float selects it, so that what is typed next replaces it
    // rather than being added to its end.
    m_float->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
        e.Skip();
        if (!m_suggested.empty() && m_float->GetValue() == m_suggested)
            CallAfter([this] { m_float->SelectAll(); });
    });
    s->Add(m_form->sizer(), 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    m_left = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_left, 1.1);
    s->Add(m_left, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 4);
    auto* open = new wxButton(this, wxID_ANY, _("Open the till"), wxDefaultPosition,
                              wxSize(200, wxui::big_touch_height));
    scale_font(open, 1.4, true);
    s->Add(open, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    open->Bind(wxEVT_BUTTON,
               [this](wxCommandEvent&) { till().shift().open_shift(m_float->typed()); });
    SetSizer(s);
}

OpenShiftScreen::~OpenShiftScreen() = default;

void OpenShiftScreen::show_open_shift(const std::string& staff_name, std::optional<Money> left) {
    m_hint->SetLabel(wxString::Format(_("Good morning, %s. The till is closed."), wx(staff_name)));
    // What was left in the drawer at the last Z is suggested: Enter takes it, typing
    // replaces it.
    m_suggested = left ? wx(format_amount(*left)) : wxString();
    m_float->ChangeValue(m_suggested);
    m_left->SetLabel(left ? wxString::Format(_("At the last Z report %s was counted. If that is "
                                               "what is in the drawer, press Enter."),
                                             wxui::money_text(*left))
                          : wxString());
    replace_screen();
    m_float->SetFocus();
    m_float->SelectAll();
}

} // namespace bl::pos
