#pragma once
/// Logging in (the till's PIN pad) and the start screen: what the person may do, as big
/// buttons with their function keys, and (for an organiser) the workshop worked on.

#include <map>
#include <vector>

#include "production/ui/screens/workshop_screen.hpp"
#include "shared/wxui/pin_pad.hpp"

class wxChoice;

namespace bl::production {

class LoginScreen : public WorkshopScreen, public LoginView {
public:
    LoginScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_login(const std::vector<StaffUser>& staff) override;
    wxui::PinPad& pad() { return *m_pad; }

private:
    wxui::PinPad* m_pad = nullptr;
};

/// The places the start screen leads to, each with its function key.
enum class Place { makers, quick, easy, labels, deliveries, stock, tags, catalogue, reports };

class HomeScreen : public WorkshopScreen, public HomeView {
public:
    HomeScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_home(const HomeState& home) override;
    /// Opens a place, as its button or its function key does.
    void go(Place p);
    wxButton* button(Place p) const { return m_buttons.at(p); }
    wxButton* log_out_button() const { return m_log_out; }

private:
    wxStaticText* m_hello = nullptr;
    wxChoice* m_workshop = nullptr;
    std::vector<std::string> m_workshop_ids;
    std::map<Place, wxButton*> m_buttons;
    wxButton* m_log_out = nullptr;
};

} // namespace bl::production
