#include "production/ui/screens/start_screens.hpp"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::production {

using wxui::scale_font;
using wxui::wx;

LoginScreen::LoginScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "login", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Who is logging in at the workshop?"));
    scale_font(title, 1.8, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
    m_pad = new wxui::PinPad(this, _("Choose your name, then type your PIN."),
                             _("Hello %s. Type your PIN."),
                             _("Choose your name first, then type your PIN."),
                             [this](const std::string& id, const std::string& pin) {
                                 workshop().access().log_in(id, pin);
                             });
    s->Add(m_pad, 1, wxEXPAND);
    SetSizer(s);
}

void LoginScreen::show_login(const std::vector<StaffUser>& staff) {
    m_pad->show_people(staff);
    replace_screen();
    m_pad->focus();
}

HomeScreen::HomeScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "home", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    m_hello = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_hello, 1.6, true);
    top->Add(m_hello, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, 12);
    top->Add(new wxStaticText(this, wxID_ANY, _("Workshop:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             6);
    m_workshop = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(260, -1));
    top->Add(m_workshop, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    m_log_out = new wxButton(this, wxID_ANY, _("Log out"), wxDefaultPosition,
                             wxSize(140, wxui::touch_height - 12));
    top->Add(m_log_out, 0, wxALL, 6);
    s->Add(top, 0, wxEXPAND | wxTOP, 6);

    auto* grid = new wxGridSizer(3, 10, 10);
    auto add = [&](Place p, const wxString& label) {
        auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition,
                               wxSize(300, wxui::big_touch_height + 16));
        scale_font(b, 1.25, true);
        b->Bind(wxEVT_BUTTON, [this, p](wxCommandEvent&) { go(p); });
        grid->Add(b, 0, wxEXPAND);
        m_buttons[p] = b;
    };
    add(Place::makers, _("Makers (F2)"));
    add(Place::quick, _("Log a batch (F3)"));
    add(Place::easy, _("Log together, easy-read (F4)"));
    add(Place::labels, _("Labels (F5)"));
    add(Place::deliveries, _("Deliveries (F6)"));
    add(Place::stock, _("Stock and hours (F7)"));
    add(Place::tags, _("Task tags"));
    add(Place::catalogue, _("Catalogue (F8)"));
    add(Place::reports, _("Reports (F9)"));
    s->Add(grid, 1, wxEXPAND | wxALL, 16);
    SetSizer(s);

    m_workshop->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int i = m_workshop->GetSelection();
        if (i >= 0 && static_cast<std::size_t>(i) < m_workshop_ids.size())
            workshop().access().choose_workshop(m_workshop_ids[static_cast<std::size_t>(i)]);
    });
    m_log_out->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { workshop().access().log_out(); });
}

void HomeScreen::go(Place p) {
    BackOffice& w = workshop();
    switch (p) {
    case Place::makers:
        w.makers().open();
        break;
    case Place::quick:
        w.quick().open();
        break;
    case Place::easy:
        w.easy().open();
        break;
    case Place::labels:
        w.labels().open();
        break;
    case Place::deliveries:
        w.deliveries().open();
        break;
    case Place::stock:
        w.stock().open();
        break;
    case Place::tags:
        w.tags().open();
        break;
    case Place::catalogue:
        w.catalogue().open();
        break;
    case Place::reports:
        w.reports().open();
        break;
    }
}

void HomeScreen::show_home(const HomeState& h) {
    m_hello->SetLabel(wxString::Format(_("Hello %s"), wx(h.staff_name)));
    m_workshop->Clear();
    m_workshop_ids.clear();
    for (const auto& w : h.workshops) {
        m_workshop->Append(wx(w.name));
        m_workshop_ids.push_back(w.id);
        if (w.id == h.workshop_id)
            m_workshop->SetSelection(static_cast<int>(m_workshop_ids.size() - 1));
    }
    m_workshop->Enable(h.organiser && h.workshops.size() > 1);
    for (Place p : {Place::catalogue, Place::reports}) {
        m_buttons[p]->Enable(h.organiser);
        m_buttons[p]->SetToolTip(h.organiser ? wxString() : _("For organisers"));
    }
    replace_screen();
    m_buttons[Place::quick]->SetFocus();
}

} // namespace bl::production
