#pragma once
/// Logging in, an organiser's approval, and counting the float that opens the till.

#include <memory>

#include "pos/ui/screens/till_screen.hpp"
#include "shared/wxui/amount_entry.hpp"
#include "shared/wxui/pin_pad.hpp"

class wxStaticText;

namespace bl::wxui {
class FitLabel;
class Form;
} // namespace bl::wxui

namespace bl::pos {

class LoginScreen : public TillScreen, public LoginView {
public:
    LoginScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_login(const std::vector<StaffUser>& staff) override;
    wxui::PinPad& pad() { return *m_pad; }

private:
    wxui::PinPad* m_pad = nullptr;
};

class ApprovalScreen : public TillScreen, public ApprovalView {
public:
    ApprovalScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_approval(const std::vector<StaffUser>& organisers, const Message& why) override;
    wxui::PinPad& pad() { return *m_pad; }
    /// What the approval is for, as the screen says it.
    wxString reason() const;

private:
    wxui::FitLabel* m_why = nullptr;
    wxui::PinPad* m_pad = nullptr;
};

class OpenShiftScreen : public TillScreen, public OpenShiftView {
public:
    OpenShiftScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_open_shift(const std::string& staff_name, std::optional<Money> left) override;
    ~OpenShiftScreen() override;
    wxTextCtrl* float_field() { return m_float; }
    const wxui::Form& form() const { return *m_form; }

private:
    std::unique_ptr<wxui::Form> m_form;
    wxStaticText* m_hint = nullptr;
    wxStaticText* m_left = nullptr; ///< what was counted at the last Z
    wxString m_suggested;           ///< the float suggested, as first shown in the field
    wxui::AmountEntry* m_float = nullptr;
};

} // namespace bl::pos
