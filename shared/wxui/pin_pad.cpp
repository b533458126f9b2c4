#include "shared/wxui/pin_pad.hpp"

#include <algorithm>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include "shared/wxui/fit_label.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::wxui {

PinPad::PinPad(wxWindow* parent, const wxString& choose, const wxString& chosen,
               const wxString& choose_first, Submit on_submit)
    : wxPanel(parent), m_choose(choose), m_chosen_hint(chosen), m_choose_first(choose_first),
      m_submit(std::move(on_submit)) {
    // The names, the hint and the PIN on the left, the keypad on the right: fits a screen
    // 600 pixels high as well as a big one.
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    m_people = new wxPanel(this);
    m_people->SetSizer(new wxWrapSizer(wxHORIZONTAL));
    left->Add(m_people, 0, wxALL | wxEXPAND, 6);
    m_hint = new FitLabel(this, 1.3, false, 2, wxALIGN_CENTRE_HORIZONTAL);
    m_hint->SetLabel(m_choose);
    left->Add(m_hint, 0, wxALL | wxEXPAND, 8);
    m_pin = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(240, -1),
                           wxTE_PASSWORD | wxTE_PROCESS_ENTER | wxTE_CENTRE);
    scale_font(m_pin, 2.0);
    left->Add(m_pin, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    row->Add(left, 1, wxALL | wxEXPAND, 6);
    auto* pad = new wxGridSizer(4, 3, 6, 6);
    for (const char* k : {"1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "OK"}) {
        const std::string key = k;
        auto* b = new wxButton(this, wxID_ANY, key == "C" ? _("Clear") : wx(key), wxDefaultPosition,
                               wxSize(92, 60), wxBU_EXACTFIT);
        scale_font(b, 1.5, true);
        b->Bind(wxEVT_BUTTON, [this, key](wxCommandEvent&) {
            if (key == "C")
                m_pin->Clear();
            else if (key == "OK")
                submit();
            else if (!m_chosen.empty())
                m_pin->AppendText(wx(key));
            else
                need_person();
            m_pin->SetFocus();
        });
        pad->Add(b, 0, wxEXPAND);
    }
    row->Add(pad, 0, wxALL | wxALIGN_CENTER_VERTICAL, 10);
    m_pin->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
    // A PIN typed before a name is chosen is not kept: the pad says to choose first.
    m_pin->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
        if (m_chosen.empty() && !m_pin->GetValue().empty()) {
            m_pin->ChangeValue("");
            need_person();
        }
        e.Skip();
    });
    SetSizer(row);
}

void PinPad::need_person() {
    m_hint->SetForegroundColour(wxColour(170, 40, 0));
    m_hint->SetLabel(m_choose_first);
    m_hint->Refresh();
}

void PinPad::show_people(const std::vector<StaffUser>& people) {
    m_people->DestroyChildren();
    m_buttons.clear();
    m_chosen.clear();
    for (const auto& u : people) {
        auto* b = new wxButton(m_people, wxID_ANY, wx(u.name));
        scale_font(b, 1.4, true);
        size_for_label(b, wx("▶ " + u.name), 140, 64); // room for the mark when chosen
        b->Bind(wxEVT_BUTTON, [this, id = u.id, name = u.name](wxCommandEvent&) {
            choose(id, name);
            m_pin->SetFocus();
        });
        m_people->GetSizer()->Add(b, 0, wxALL, 5);
        m_buttons[u.name] = b;
    }
    m_hint->SetForegroundColour(GetForegroundColour());
    m_hint->SetLabel(m_choose);
    if (people.size() == 1)
        choose(people.front().id, people.front().name);
    m_pin->Clear();
    m_people->Layout();
    Layout();
}

void PinPad::choose(const std::string& id, const std::string& name) {
    m_chosen = id;
    for (auto& [n, button] : m_buttons)
        button->SetLabel(n == name ? wx("▶ " + n) : wx(n));
    m_hint->SetForegroundColour(GetForegroundColour());
    m_hint->SetLabel(wxString::Format(m_chosen_hint, wx(name)));
    m_pin->Clear();
    m_people->Layout();
    Layout();
}

void PinPad::submit() {
    const std::string pin = utf8(m_pin->GetValue());
    m_pin->Clear(); // a PIN is never left on screen, right or wrong
    m_submit(m_chosen, pin);
}

void PinPad::focus() {
    if (!m_chosen.empty() || m_buttons.empty())
        m_pin->SetFocus();
    else
        m_buttons.begin()->second->SetFocus();
}

void PinPad::clear_pin() {
    m_pin->Clear();
}

wxString PinPad::hint() const {
    return m_hint->GetLabel();
}

wxButton* PinPad::person_button(const std::string& name) const {
    auto it = m_buttons.find(name);
    return it == m_buttons.end() ? nullptr : it->second;
}

} // namespace bl::wxui
