#pragma once
/// Finding a receipt (for a refund or a copy), and choosing what a customer brings back.

#include <memory>
#include <string>

#include "pos/ui/screens/till_screen.hpp"

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace bl::wxui {
class FitLabel;
class Form;
} // namespace bl::wxui

namespace bl::pos {

class ReceiptLookupScreen : public TillScreen, public ReceiptLookupView {
public:
    ReceiptLookupScreen(wxSimplebook* book, wxui::MessageBar& bar);
    ~ReceiptLookupScreen() override;
    void show_receipt_lookup(ReceiptLookup purpose, const std::string& suggested,
                             const std::vector<Sale>& today) override;
    wxTextCtrl* receipt_field() const { return m_receipt; }
    wxListCtrl* receipt_list() const { return m_list; }
    /// For a copy: "Bag om tingene" for the chosen receipt.
    wxButton* impact_button() const { return m_impact; }
    const wxui::Form& form() const { return *m_form; }

private:
    /// The receipt picked in the list, else as typed or scanned.
    std::string chosen() const;
    void show_list(const std::vector<Sale>& receipts);
    void fit_columns();
    std::unique_ptr<wxui::Form> m_form;
    std::vector<Sale> m_today, m_shown;
    std::vector<wxString> m_items; ///< each shown receipt's items, whole (the list may cut them)
    wxListCtrl* m_list = nullptr;
    ReceiptLookup m_purpose = ReceiptLookup::refund;
    wxStaticText* m_title = nullptr;
    wxTextCtrl* m_receipt = nullptr;
    wxButton *m_find = nullptr, *m_impact = nullptr;
    bool m_picked_in_list = false; ///< a receipt was picked in the list since the last typing
};

class RefundScreen : public TillScreen, public RefundView {
public:
    RefundScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_refund(const RefundDraft& draft, const std::string& mobilepay_name) override;
    wxButton* more_button() const { return m_more; }
    wxButton* cash_button() const { return m_cash; }

private:
    std::size_t selected() const;
    void fit_columns();
    wxui::FitLabel *m_title = nullptr, *m_total = nullptr;
    wxListCtrl* m_lines = nullptr;
    wxButton *m_more = nullptr, *m_cash = nullptr, *m_mobile = nullptr;
};

} // namespace bl::pos
