#pragma once
/// Choosing who you are and typing your PIN, with big buttons for a touch screen: the names
/// as buttons, the PIN field (hidden digits) and a keypad. Used to log in and for an
/// organiser's approval.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "shared/core/domain.hpp"

class wxButton;
class wxTextCtrl;

namespace bl::wxui {

class FitLabel;

class PinPad : public wxPanel {
public:
    /// Called with the chosen person's id ("" when none is chosen) and the PIN as typed.
    using Submit = std::function<void(const std::string& person_id, const std::string& pin)>;
    /// `choose`: the hint before a name is chosen; `chosen`: after, with %s for the name;
    /// `choose_first`: said when a PIN is typed before a name is chosen (the digits are not
    /// kept).
    PinPad(wxWindow* parent, const wxString& choose, const wxString& chosen,
           const wxString& choose_first, Submit on_submit);

    /// The people to choose from (a single one is chosen already); the PIN is cleared.
    void show_people(const std::vector<StaffUser>& people);
    /// Puts the keyboard where it is needed: the first name, or the PIN once one is chosen.
    void focus();
    void clear_pin();

    /// For GUI tests and screenshots: the widgets a person would use.
    wxButton* person_button(const std::string& name) const;
    wxTextCtrl* pin_field() const { return m_pin; }
    /// What the hint above the PIN says now.
    wxString hint() const;

private:
    void choose(const std::string& id, const std::string& name);
    void submit();
    void need_person();
    wxString m_choose, m_chosen_hint, m_choose_first;
    Submit m_submit;
    wxPanel* m_people = nullptr;
    std::map<std::string, wxButton*> m_buttons; ///< name -> button
    std::string m_chosen;
    FitLabel* m_hint = nullptr;
    wxTextCtrl* m_pin = nullptr;
};

} // namespace bl::wxui
