#pragma once
/// The till's functions that are not needed for every sale, as big buttons: refunds, receipt
/// copies, the X report, closing the day, the drawer, training and settings. Those only an
/// organiser may use say so on the button (an organiser's PIN is asked for on the spot), or
/// are shown unusable when no organiser could approve.

#include <map>

#include "pos/ui/screens/till_screen.hpp"
#include "shared/wxui/tile.hpp"

namespace bl::pos {

class MenuScreen : public TillScreen, public MenuView {
public:
    MenuScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_menu(OrganiserActions access, bool training) override;

    enum class Action { refund, copy, x_report, close_day, drawer, training, settings };
    wxui::Tile* button(Action a) const { return m_buttons.at(a); }

private:
    void add(wxSizer* grid, Action a, const wxString& label, std::function<void()> act);
    std::map<Action, wxui::Tile*> m_buttons;
    std::map<Action, wxString> m_labels;
};

} // namespace bl::pos
