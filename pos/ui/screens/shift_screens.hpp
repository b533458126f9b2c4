#pragma once
/// The X report (the day so far) and the Z report, where the drawer is counted by
/// denomination (or the total typed) before the day is closed.

#include <vector>

#include "pos/ui/screens/till_screen.hpp"
#include "shared/wxui/amount_entry.hpp"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace bl::pos {

/// The shift's figures as the X and Z screens show them, in two columns.
wxString totals_text(const ShiftTotals& t);

class XReportScreen : public TillScreen, public XReportView {
public:
    XReportScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_x_report(const ShiftTotals& totals) override;

private:
    wxTextCtrl* m_text = nullptr;
};

class CloseDayScreen : public TillScreen, public CloseDayView {
public:
    CloseDayScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_close_shift(const ShiftTotals& totals) override;
    wxTextCtrl* counted_field() { return m_counted; }
    wxButton* confirm_button() { return m_confirm; }
    /// The denomination fields, largest note first (for tests).
    const std::vector<wxTextCtrl*>& denomination_fields() const { return m_denominations; }

private:
    wxTextCtrl* m_text = nullptr;
    std::vector<wxTextCtrl*> m_denominations;
    wxui::AmountEntry* m_counted = nullptr;
    wxButton* m_confirm = nullptr;
};

} // namespace bl::pos
