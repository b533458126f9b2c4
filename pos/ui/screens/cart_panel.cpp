#include "pos/ui/screens/cart_panel.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "pos/ui/screens/cart_list.hpp"
#include "shared/wxui/fit_label.hpp"
#include "shared/wxui/screen.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::money_text;
using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

CartPanel::CartPanel(wxWindow* parent, std::function<Till&()> till, std::function<void()> done,
                     std::function<bool(wxKeyEvent&)> on_key)
    : wxPanel(parent), m_till(std::move(till)), m_done(std::move(done)),
      m_on_key(std::move(on_key)) {
    auto* right = new wxBoxSizer(wxVERTICAL);
    m_cart = new CartList(this, [this](wxKeyEvent& e) { return list_key(e); });
    right->Add(m_cart, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

    auto* line_row = new wxBoxSizer(wxHORIZONTAL);
    line_button(line_row, wx("−"), [this](std::size_t l) { m_till().selling().decrement(l); });
    line_button(line_row, "+", [this](std::size_t l) { m_till().selling().increment(l); });
    m_remove =
        line_button(line_row, _("Remove"), [this](std::size_t l) { m_till().selling().remove(l); });
    right->Add(line_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

    auto* adjust_row = new wxBoxSizer(wxHORIZONTAL);
    m_adjust = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(90, -1));
    // xgettext:no-c-format
    m_adjust->SetHint(_("10 % or 20"));
    int hint = 0;
    m_adjust->GetTextExtent(m_adjust->GetHint(), &hint, nullptr);
    m_adjust->SetMinSize(wxSize(hint + 28, -1));
    adjust_row->Add(m_adjust, 1, wxRIGHT | wxEXPAND, 4);
    auto adjusted = [this](auto act) {
        return [this, act] {
            act(utf8(m_adjust->GetValue()));
            m_adjust->Clear();
        };
    };
    m_line_discount = button(adjust_row, 0, _("Line discount"), wxui::touch_height - 12,
                             adjusted([this](const std::string& t) {
                                 m_till().selling().discount_line(m_cart->chosen_line(), t);
                             }));
    button(adjust_row, 0, _("Basket discount"), wxui::touch_height - 12,
           adjusted([this](const std::string& t) { m_till().selling().discount_basket(t); }));
    button(adjust_row, 0, _("New price"), wxui::touch_height - 12,
           adjusted([this](const std::string& t) {
               m_till().selling().override_price(m_cart->chosen_line(), t);
           }));
    right->Add(adjust_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

    m_total = new wxui::FitLabel(this, 2.0, true, 1, wxALIGN_RIGHT);
    right->Add(m_total, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    m_vat = new wxui::FitLabel(this, 1.0, false, 1, wxALIGN_RIGHT);
    right->Add(m_vat, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    m_pay = new wxButton(this, wxID_ANY, _("Pay (F12)"), wxDefaultPosition,
                         wxSize(-1, wxui::big_touch_height - 8));
    scale_font(m_pay, 1.8, true);
    right->Add(m_pay, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    m_pay->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_till().checkout().pay(); });

    auto* sale_row = new wxBoxSizer(wxHORIZONTAL);
    m_park = button(sale_row, 1, _("Park sale"), wxui::touch_height - 8,
                    [this] { m_till().selling().park(); });
    m_resume = button(sale_row, 1, _("Resume parked"), wxui::touch_height - 8,
                      [this] { m_till().selling().resume(); });
    m_resume->Disable();
    m_empty = button(sale_row, 1, _("Empty cart"), wxui::touch_height - 8,
                     [this] { m_till().selling().abort_sale(); });
    right->Add(sale_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

    auto* till_row = new wxBoxSizer(wxHORIZONTAL);
    m_menu = button(till_row, 1, _("More functions (F10)"), wxui::touch_height - 8,
                    [this] { m_till().selling().open_menu(); });
    button(till_row, 1, _("Log out"), wxui::touch_height - 8,
           [this] { m_till().access().log_out(); });
    right->Add(till_row, 0, wxEXPAND | wxALL, 8);
    SetSizer(right);
}

wxButton* CartPanel::line_button(wxSizer* row, const wxString& label,
                                 std::function<void(std::size_t)> act) {
    auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition,
                           wxSize(60, wxui::touch_height - 8), wxBU_EXACTFIT);
    scale_font(b, 1.4, true);
    b->Bind(wxEVT_BUTTON, [this, act](wxCommandEvent&) {
        act(m_cart->chosen_line());
        m_done();
    });
    row->Add(b, 1, wxRIGHT, 6);
    return b;
}

wxButton* CartPanel::button(wxSizer* row, int proportion, const wxString& label, int height,
                            std::function<void()> act) {
    auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxSize(-1, height));
    // At least as wide as its label (its best size), so none is cut. Equal shares of a row
    // (or none): a box sizer gives unequal shares by making the whole row wider.
    b->Bind(wxEVT_BUTTON, [this, act](wxCommandEvent&) {
        act();
        m_done();
    });
    row->Add(b, proportion, wxRIGHT | wxEXPAND, 4);
    return b;
}

bool CartPanel::list_key(wxKeyEvent& e) {
    const int key =
        e.GetEventType() == wxEVT_CHAR ? static_cast<int>(e.GetUnicodeKey()) : e.GetKeyCode();
    const std::size_t line = m_cart->chosen_line();
    if (key == '+' || key == WXK_NUMPAD_ADD) {
        m_till().selling().increment(line);
    } else if (key == '-' || key == WXK_NUMPAD_SUBTRACT) {
        m_till().selling().decrement(line);
    } else if (key == WXK_DELETE || key == WXK_NUMPAD_DELETE) {
        m_till().selling().remove(line);
    } else {
        return m_on_key(e);
    }
    m_cart->SetFocus(); // the cart keeps the keyboard while lines are changed by key
    return true;
}

void CartPanel::show(const Cart& cart, const CartTotals& totals) {
    m_cart->show(cart, totals);
    m_total->SetLabel(wxString::Format(_("Total %s"), money_text(totals.total)));
    m_vat->SetLabel(
        wxString::Format(wxPLURAL("%lld item, of which VAT %s", "%lld items, of which VAT %s",
                                  static_cast<unsigned>(totals.items)),
                         static_cast<long long>(totals.items), money_text(totals.vat.vat_total())));
    Layout();
}

void CartPanel::show_parked(std::size_t count) {
    m_resume->SetLabel(count == 0 ? _("Resume parked")
                                  : wxString::Format(_("Resume parked (%zu)"), count));
    m_resume->Enable(count > 0);
    Layout();
}

} // namespace bl::pos
