#pragma once
/// The right half of the sale screen: the cart, its line buttons (−, +, Remove), discounts
/// and new prices, the total, Pay, parking, emptying, the menu of the till's other functions
/// and logging out.

#include <functional>

#include <wx/panel.h>

#include "pos/model/till.hpp"

class wxButton;
class wxTextCtrl;

namespace bl::wxui {
class FitLabel;
}

namespace bl::pos {

class CartList;

class CartPanel : public wxPanel {
public:
    /// `till` is asked for lazily (it exists after the window); `done` runs after every
    /// button (the sale screen puts the keyboard back in the scan field); `on_key` gets the
    /// keys typed in the cart list that are not for it (a scanner's digits).
    CartPanel(wxWindow* parent, std::function<Till&()> till, std::function<void()> done,
              std::function<bool(wxKeyEvent&)> on_key);
    void show(const Cart& cart, const CartTotals& totals);
    void show_parked(std::size_t count);

    CartList& list() { return *m_cart; }
    wxButton* pay_button() const { return m_pay; }
    wxButton* park_button() const { return m_park; }
    wxButton* resume_button() const { return m_resume; }
    wxButton* remove_button() const { return m_remove; }
    wxButton* empty_button() const { return m_empty; }
    wxButton* menu_button() const { return m_menu; }
    wxTextCtrl* adjust_field() const { return m_adjust; }
    wxButton* line_discount_button() const { return m_line_discount; }

private:
    /// A button that acts on the chosen line of the cart.
    wxButton* line_button(wxSizer* row, const wxString& label,
                          std::function<void(std::size_t)> act);
    wxButton* button(wxSizer* row, int proportion, const wxString& label, int height,
                     std::function<void()> act);
    /// The keys the cart list leaves: + and − change the chosen line, Delete removes it.
    bool list_key(wxKeyEvent& e);
    std::function<Till&()> m_till;
    std::function<void()> m_done;
    std::function<bool(wxKeyEvent&)> m_on_key;
    CartList* m_cart = nullptr;
    wxTextCtrl* m_adjust = nullptr;
    wxui::FitLabel* m_total = nullptr;
    wxui::FitLabel* m_vat = nullptr;
    wxButton *m_pay = nullptr, *m_park = nullptr, *m_resume = nullptr, *m_remove = nullptr,
             *m_empty = nullptr, *m_menu = nullptr, *m_line_discount = nullptr;
};

} // namespace bl::pos
