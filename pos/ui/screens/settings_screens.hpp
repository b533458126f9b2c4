#pragma once
/// The organiser's settings (a form of label and field pairs) and the catalogue import's
/// check, for approval.

#include <memory>
#include <vector>

#include "pos/ui/screens/till_screen.hpp"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace bl::wxui {
class FitLabel;
class Form;
} // namespace bl::wxui

namespace bl::pos {

class SettingsScreen : public TillScreen, public SettingsView {
public:
    SettingsScreen(wxSimplebook* book, wxui::MessageBar& bar);
    ~SettingsScreen() override;
    void show_settings(const TillSettings& settings) override;
    /// Shows a page of the settings: 0 the shop, 1 the till and receipts.
    void show_page(std::size_t page);
    std::size_t pages() const { return m_forms.size(); }
    /// The forms of the pages, for layout checks.
    const wxui::Form& form(std::size_t page) const { return *m_forms.at(page); }
    /// Every setting as it is in the form now, the shop's details and language included.
    TillSettings read() const;
    wxTextCtrl* footer_field() const { return m_footer; }
    wxButton* save_button() const { return m_save; }

private:
    TillSettings m_shown; ///< what show_settings was given (the shop's id comes from here)
    wxNotebook* m_pages = nullptr;
    std::vector<std::unique_ptr<wxui::Form>> m_forms;
    wxTextCtrl *m_printer = nullptr, *m_mobilepay = nullptr, *m_limit = nullptr,
               *m_footer = nullptr, *m_shop_name = nullptr, *m_shop_address = nullptr,
               *m_shop_postcode = nullptr, *m_shop_city = nullptr, *m_shop_cvr = nullptr;
    wxCheckBox* m_impact = nullptr;
    wxChoice* m_language = nullptr;
    wxButton* m_save = nullptr;
};

class ImportScreen : public TillScreen, public ImportView {
public:
    ImportScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_import(const ImportPlan& plan) override;

private:
    void fit_columns();
    wxui::FitLabel* m_summary = nullptr;
    wxListCtrl* m_rejected = nullptr;
    wxButton* m_confirm = nullptr;
};

} // namespace bl::pos
