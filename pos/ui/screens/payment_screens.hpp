#pragma once
/// Taking payment, and the screen after money changed hands (change to give, or the refund
/// paid out), which also takes the next customer's first scan.

#include <vector>

#include "pos/ui/screens/till_screen.hpp"
#include "shared/wxui/amount_entry.hpp"

class wxButton;
class wxSizer;
class wxTextCtrl;

namespace bl::wxui {
class FitLabel;
}

namespace bl::pos {

class PaymentScreen : public TillScreen, public PaymentView {
public:
    PaymentScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_payment(const TenderSession& tender, const std::string& mobilepay_name) override;
    wxButton* quick_cash_button(std::size_t i) const;
    wxTextCtrl* amount_field() const { return m_cash; }
    wxButton* card_button() const { return m_card; }
    wxButton* mobile_button() const { return m_mobile; }
    /// What the screen says has been paid so far, one line per payment.
    wxString paid_text() const;
    wxString amount_hint() const;

private:
    wxui::FitLabel *m_due = nullptr, *m_due_cash = nullptr, *m_paid = nullptr, *m_hint = nullptr;
    wxSizer* m_quick_sizer = nullptr;
    std::vector<wxButton*> m_quick;
    wxui::AmountEntry* m_cash = nullptr;
    wxTextCtrl* m_reference = nullptr;
    wxButton *m_card = nullptr, *m_mobile = nullptr, *m_undo = nullptr;
};

class DoneScreen : public TillScreen, public DoneView {
public:
    /// `first_key` gets the next customer's first scanned or typed character.
    DoneScreen(wxSimplebook* book, wxui::MessageBar& bar, std::function<void(wxChar)> first_key);
    void show_done(const Sale& sale, Money change, bool impact) override;
    void show_refund_done(const Sale& refund, Money paid_out, Tender tender,
                          const std::string& mobilepay_name) override;
    wxButton* next_button() const { return m_next; }
    /// "Bag om tingene" for the sale just made; hidden after a refund or a training sale.
    wxButton* impact_button() const { return m_impact; }

private:
    void show_result(const wxString& big, const wxString& small, bool impact);
    wxui::FitLabel *m_change = nullptr, *m_info = nullptr;
    wxButton *m_next = nullptr, *m_impact = nullptr;
};

} // namespace bl::pos
