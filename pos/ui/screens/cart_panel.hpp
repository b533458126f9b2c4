#pragma once
/// The right half of the sale screen: the cart, its line buttons (+, −, Remove), discounts
/// and new prices, the total, Pay, and the till's other actions.

#include <functional>

#include <wx/panel.h>

#include "pos/model/till.hpp"

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace bl::pos {

class CartPanel : public wxPanel {
public:
    /// `till` is asked for lazily (it exists after the window); `done` runs after every
    /// button (the sale screen puts the keyboard back in the scan field).
    CartPanel(wxWindow* parent, std::function<Till&()> till, std::function<void()> done);
    void show(const Cart& cart, const CartTotals& totals);
    void show_parked(std::size_t count);
    void show_training(bool on);

    wxButton* pay_button() const { return m_pay; }
    wxButton* park_button() const { return m_park; }
    wxButton* resume_button() const { return m_resume; }
    wxButton* refund_button() const { return m_refund; }
    wxButton* copy_button() const { return m_copy; }
    wxButton* close_day_button() const { return m_close_day; }
    wxButton* settings_button() const { return m_settings; }
    wxButton* remove_button() const { return m_remove; }

private:
    /// The chosen line of the cart, or no_line.
    std::size_t selected_line() const;
    /// A button that acts on the chosen line of the cart.
    wxButton* line_button(wxSizer* row, const wxString& label,
                          std::function<void(std::size_t)> act);
    wxButton* small_button(wxSizer* row, const wxString& label, std::function<void()> act);
    std::function<Till&()> m_till;
    std::function<void()> m_done;
    wxListCtrl* m_cart = nullptr;
    wxTextCtrl* m_adjust = nullptr;
    wxStaticText* m_total = nullptr;
    wxStaticText* m_vat = nullptr;
    wxButton *m_pay = nullptr, *m_park = nullptr, *m_resume = nullptr, *m_refund = nullptr,
             *m_copy = nullptr, *m_close_day = nullptr, *m_training = nullptr,
             *m_settings = nullptr, *m_remove = nullptr;
};

} // namespace bl::pos
