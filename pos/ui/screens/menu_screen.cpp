#include "pos/ui/screens/menu_screen.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::scale_font;

namespace {

bool for_organisers(MenuScreen::Action a) {
    using A = MenuScreen::Action;
    return a == A::refund || a == A::close_day || a == A::drawer || a == A::training ||
           a == A::settings;
}

} // namespace

MenuScreen::MenuScreen(wxSimplebook* book, wxui::MessageBar& bar) : TillScreen(book, "menu", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("More functions"));
    scale_font(title, 1.8, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
    auto* grid = new wxGridSizer(3, 10, 10);
    add(grid, Action::refund, _("Refund"), [this] { till().refunds().begin_refund(); });
    add(grid, Action::copy, _("Receipt copy"), [this] { till().copies().begin_copy(); });
    add(grid, Action::x_report, _("X report"), [this] { till().shift().x_report(); });
    add(grid, Action::close_day, _("Close the day (Z)"),
        [this] { till().shift().begin_close_shift(); });
    add(grid, Action::drawer, _("Open drawer"), [this] { till().shift().open_drawer(); });
    add(grid, Action::training, _("Training"),
        [this] { till().shift().set_training(!till().state().training); });
    add(grid, Action::settings, _("Settings"), [this] { till().settings().open_settings(); });
    s->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, 40);
    auto* back = new wxButton(this, wxID_ANY, _("Back to the sale (Esc)"), wxDefaultPosition,
                              wxSize(-1, wxui::touch_height));
    scale_font(back, 1.2);
    s->Add(back, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 14);
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE)
            till().selling().back_to_sale();
        else
            e.Skip();
    });
    SetSizer(s);
}

void MenuScreen::add(wxSizer* grid, Action a, const wxString& label, std::function<void()> act) {
    auto* b = new wxui::Tile(this, wxSize(200, wxui::big_touch_height), 1.3, std::move(act));
    grid->Add(b, 1, wxEXPAND);
    m_buttons[a] = b;
    m_labels[a] = label;
}

void MenuScreen::show_menu(OrganiserActions access, bool training) {
    m_labels[Action::training] = training ? _("Training off") : _("Training");
    for (auto& [a, b] : m_buttons) {
        wxui::Tile::Look look;
        look.title = m_labels[a];
        look.centred = true;
        look.detail_scale = 0.75;
        const bool gated = for_organisers(a) && access != OrganiserActions::allowed;
        if (gated && access == OrganiserActions::with_approval)
            look.detail = _("with an organiser's PIN");
        else if (gated)
            look.detail = _("organisers only");
        b->show(look);
        b->Enable(!gated || access == OrganiserActions::with_approval);
    }
    replace_screen();
    m_buttons.at(Action::copy)->SetFocus();
}

} // namespace bl::pos
