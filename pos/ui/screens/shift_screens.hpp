#pragma once
/// The X report (the day so far); closing the day, where the drawer is counted by
/// denomination (or the total typed) against what is expected before the organiser confirms;
/// and the closed day's Z report.

#include <memory>
#include <vector>

#include "pos/ui/screens/till_screen.hpp"
#include "shared/wxui/amount_entry.hpp"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace bl::wxui {
class FitLabel;
class Form;
} // namespace bl::wxui

namespace bl::pos {

/// The shift's figures as the X and Z screens show them, in two columns.
wxString totals_text(const ShiftTotals& t, const std::string& mobilepay_name);

class XReportScreen : public TillScreen, public XReportView {
public:
    XReportScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_x_report(const ShiftTotals& totals, const std::string& mobilepay_name) override;

private:
    wxTextCtrl* m_text = nullptr;
};

class CloseDayScreen : public TillScreen, public CloseDayView {
public:
    CloseDayScreen(wxSimplebook* book, wxui::MessageBar& bar);
    ~CloseDayScreen() override;
    void show_close_shift(const ShiftTotals& totals, const std::string& mobilepay_name) override;
    void show_count(const DrawerCount& count) override;
    wxTextCtrl* counted_field() { return m_counted; }
    wxButton* confirm_button() { return m_confirm; }
    /// The denomination fields, largest note first (for tests).
    const std::vector<wxTextCtrl*>& denomination_fields() const { return m_denominations; }
    /// What the screen says of the difference now.
    wxString difference_text() const;
    const wxui::Form& form() const { return *m_form; }

private:
    std::vector<std::string> typed_denominations() const;
    wxTextCtrl* m_text = nullptr;
    std::vector<wxTextCtrl*> m_denominations;
    std::unique_ptr<wxui::Form> m_form;
    wxui::AmountEntry* m_counted = nullptr;
    wxStaticText *m_expected = nullptr, *m_difference = nullptr;
    wxButton* m_confirm = nullptr;
};

/// The closed day: the Z report as printed, with its number, how printing it and the
/// backup went, and logging out.
class ZReportScreen : public TillScreen, public ZReportView {
public:
    ZReportScreen(wxSimplebook* book, wxui::MessageBar& bar);
    ~ZReportScreen() override;
    void show_z_report(std::int64_t z_number, const receipts::ReceiptText& report,
                       const DrawerCount& count) override;
    void show_z_step(ZStep step, const std::optional<Message>& problem) override;
    wxButton* done_button() const { return m_done; }
    /// For tests: the title, the report and what is said of the backup.
    wxString title() const;
    wxString report() const;
    wxString backup_text() const;
    /// What the screen says of the difference.
    wxString difference_text() const;
    const wxui::Form& form() const { return *m_form; }
    /// Whether printing and the backup have both said how they went.
    bool answered() const { return m_printed_said && m_backed_up_said; }

private:
    wxui::FitLabel *m_title = nullptr, *m_printed = nullptr, *m_backed_up = nullptr;
    std::unique_ptr<wxui::Form> m_form;
    wxStaticText *m_counted = nullptr, *m_expected = nullptr, *m_difference = nullptr;
    wxTextCtrl* m_text = nullptr;
    wxButton* m_done = nullptr;
    bool m_printed_said = false, m_backed_up_said = false;
};

} // namespace bl::pos
