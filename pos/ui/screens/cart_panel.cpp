#include "pos/ui/screens/cart_panel.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/wxui/screen.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::money_text;
using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

CartPanel::CartPanel(wxWindow* parent, std::function<Till&()> till, std::function<void()> done)
    : wxPanel(parent), m_till(std::move(till)), m_done(std::move(done)) {
    auto* right = new wxBoxSizer(wxVERTICAL);
    m_cart = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(460, -1),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    scale_font(m_cart, 1.3);
    m_cart->InsertColumn(0, _("Item"), wxLIST_FORMAT_LEFT, 250);
    m_cart->InsertColumn(1, _("Qty"), wxLIST_FORMAT_RIGHT, 60);
    m_cart->InsertColumn(2, _("Amount"), wxLIST_FORMAT_RIGHT, 130);
    right->Add(m_cart, 1, wxEXPAND | wxALL, 10);

    auto* line_row = new wxBoxSizer(wxHORIZONTAL);
    line_button(line_row, "+", [this](std::size_t l) { m_till().selling().increment(l); });
    line_button(line_row, wx("−"), [this](std::size_t l) { m_till().selling().decrement(l); });
    m_remove =
        line_button(line_row, _("Remove"), [this](std::size_t l) { m_till().selling().remove(l); });
    right->Add(line_row, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);

    auto* adjust_row = new wxBoxSizer(wxHORIZONTAL);
    m_adjust = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(130, -1));
    // xgettext:no-c-format
    m_adjust->SetHint(_("10 % or 20 kr."));
    scale_font(m_adjust, 1.2);
    adjust_row->Add(m_adjust, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, 6);
    auto adjusted = [this](auto act) {
        return [this, act] {
            act(utf8(m_adjust->GetValue()));
            m_adjust->Clear();
        };
    };
    small_button(adjust_row, _("Line discount"), adjusted([this](const std::string& t) {
                     m_till().selling().discount_line(selected_line(), t);
                 }));
    small_button(adjust_row, _("Basket discount"),
                 adjusted([this](const std::string& t) { m_till().selling().discount_basket(t); }));
    small_button(adjust_row, _("New price"), adjusted([this](const std::string& t) {
                     m_till().selling().override_price(selected_line(), t);
                 }));
    right->Add(adjust_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);

    m_total = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_total, 2.2, true);
    right->Add(m_total, 0, wxALL | wxALIGN_RIGHT, 10);
    m_vat = new wxStaticText(this, wxID_ANY, "");
    right->Add(m_vat, 0, wxLEFT | wxRIGHT | wxALIGN_RIGHT, 10);
    m_pay = new wxButton(this, wxID_ANY, _("Pay (F12)"), wxDefaultPosition, wxSize(-1, 90));
    scale_font(m_pay, 2.0, true);
    right->Add(m_pay, 0, wxEXPAND | wxALL, 10);
    m_pay->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_till().checkout().pay(); });

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    auto big = [&](const wxString& label, std::function<void()> act) {
        auto* b =
            new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxSize(-1, wxui::touch_height));
        b->Bind(wxEVT_BUTTON, [act](wxCommandEvent&) { act(); });
        bottom->Add(b, 1, wxRIGHT, 6);
        return b;
    };
    big(_("Log out"), [this] { m_till().access().log_out(); });
    m_refund = big(_("Refund"), [this] { m_till().refunds().begin_refund(); });
    m_close_day = big(_("Close the day (Z)"), [this] { m_till().shift().begin_close_shift(); });
    right->Add(bottom, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);

    auto* more = new wxBoxSizer(wxHORIZONTAL);
    small_button(more, _("Empty cart"), [this] { m_till().selling().abort_sale(); });
    small_button(more, _("X report"), [this] { m_till().shift().x_report(); });
    m_copy = small_button(more, _("Receipt copy"), [this] { m_till().copies().begin_copy(); });
    small_button(more, _("Open drawer"), [this] { m_till().shift().open_drawer(); });
    m_training = small_button(
        more, _("Training"), [this] { m_till().shift().set_training(!m_till().state().training); });
    right->Add(more, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    more = new wxBoxSizer(wxHORIZONTAL);
    m_park = small_button(more, _("Park sale"), [this] { m_till().selling().park(); });
    m_resume = small_button(more, _("Resume parked"), [this] { m_till().selling().resume(); });
    m_resume->Disable();
    m_settings = small_button(more, _("Settings"), [this] { m_till().settings().open_settings(); });
    small_button(more, _("Approval"), [this] { m_till().access().ask_approval(); });
    right->Add(more, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    SetSizer(right);
}

wxButton* CartPanel::line_button(wxSizer* row, const wxString& label,
                                 std::function<void(std::size_t)> act) {
    auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxSize(100, 60));
    scale_font(b, 1.5, true);
    b->Bind(wxEVT_BUTTON, [this, act](wxCommandEvent&) {
        act(selected_line());
        m_done();
    });
    row->Add(b, 1, wxRIGHT, 6);
    return b;
}

wxButton* CartPanel::small_button(wxSizer* row, const wxString& label, std::function<void()> act) {
    auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxSize(-1, 48));
    b->SetMinSize(wxSize(60, 48)); // share the row instead of widening the column
    b->Bind(wxEVT_BUTTON, [this, act](wxCommandEvent&) {
        act();
        m_done();
    });
    row->Add(b, 1, wxRIGHT, 4);
    return b;
}

std::size_t CartPanel::selected_line() const {
    const long chosen = m_cart->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return chosen < 0 ? no_line : static_cast<std::size_t>(chosen);
}

void CartPanel::show(const Cart& cart, const CartTotals& totals) {
    const long keep = m_cart->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    m_cart->DeleteAllItems();
    long row = 0;
    for (const auto& l : cart.lines()) {
        wxString name = wx(l.product.name);
        if (l.batch_label)
            name += wx(" ◆");
        if (!l.discount_amount().is_zero())
            name += wxString::Format(_(" (discount %s)"), wx(format_amount(l.discount_amount())));
        if (l.price_overridden)
            name += _(" (new price)");
        m_cart->InsertItem(row, name);
        m_cart->SetItem(row, 1, wxString::Format("%lld", static_cast<long long>(l.quantity)));
        m_cart->SetItem(row, 2, wx(format_amount(l.net())));
        ++row;
    }
    if (keep >= 0 && keep < row)
        m_cart->SetItemState(keep, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    else if (row > 0)
        m_cart->SetItemState(row - 1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    if (!totals.basket_discount.is_zero()) {
        m_cart->InsertItem(row, _("Basket discount"));
        m_cart->SetItem(row, 2, wx(format_amount(-totals.basket_discount)));
    }
    m_total->SetLabel(wxString::Format(_("Total %s"), money_text(totals.total)));
    m_vat->SetLabel(wxString::Format(_("of which VAT %s"), money_text(totals.vat.vat_total())));
    Layout();
}

void CartPanel::show_parked(std::size_t count) {
    m_resume->SetLabel(count == 0 ? _("Resume parked")
                                  : wxString::Format(_("Resume parked (%zu)"), count));
    m_resume->Enable(count > 0);
}

void CartPanel::show_training(bool on) {
    m_training->SetLabel(on ? _("Training off") : _("Training"));
}

} // namespace bl::pos
