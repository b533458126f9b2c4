#pragma once
/// The organiser's settings (a form of label and field pairs) and the catalogue import's
/// check, for approval.

#include "pos/ui/screens/till_screen.hpp"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace bl::pos {

class SettingsScreen : public TillScreen, public SettingsView {
public:
    SettingsScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_settings(const TillSettings& settings) override;
    /// Every setting as it is in the form now, the shop's details and language included.
    TillSettings read() const;
    wxTextCtrl* footer_field() const { return m_footer; }
    wxButton* save_button() const { return m_save; }

private:
    TillSettings m_shown; ///< what show_settings was given (the shop's id comes from here)
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
    wxStaticText* m_summary = nullptr;
    wxListCtrl* m_rejected = nullptr;
    wxButton* m_confirm = nullptr;
};

} // namespace bl::pos
