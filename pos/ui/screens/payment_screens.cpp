#include "pos/ui/screens/payment_screens.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include "shared/wxui/fit_label.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::money_text;
using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

namespace {

wxString paid_with(const Payment& p, const std::string& mobilepay_name) {
    switch (p.tender) {
    case Tender::cash:
        return wxString::Format(_("Paid in cash: %s"), money_text(p.amount));
    case Tender::card:
        return wxString::Format(_("Paid by card: %s"), money_text(p.amount));
    case Tender::mobilepay:
        return wxString::Format(_("Paid with %s: %s"), wx(mobilepay_name), money_text(p.amount));
    }
    return {};
}

} // namespace

PaymentScreen::PaymentScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "payment", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_due = new wxui::FitLabel(this, 2.4, true, 1, wxALIGN_CENTRE_HORIZONTAL);
    s->Add(m_due, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    m_due_cash = new wxui::FitLabel(this, 1.3, false, 1, wxALIGN_CENTRE_HORIZONTAL);
    s->Add(m_due_cash, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    // One line per part payment, each naming its tender (room for three).
    m_paid = new wxui::FitLabel(this, 1.2, true, 3, wxALIGN_CENTRE_HORIZONTAL);
    s->Add(m_paid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);

    // The amount field sets either the cash handed over or a part to pay another way; its
    // heading says both.
    auto* amount_row = new wxBoxSizer(wxHORIZONTAL);
    auto* amount_label = new wxStaticText(this, wxID_ANY, _("Amount:"));
    scale_font(amount_label, 1.4, true);
    amount_row->Add(amount_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    m_cash = new wxui::AmountEntry(
        this, 220, [this](const std::string& typed) { till().checkout().pay_cash(typed); });
    amount_row->Add(m_cash, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    auto* cash_ok = new wxButton(this, wxID_ANY, _("Cash received (Enter)"), wxDefaultPosition,
                                 wxSize(-1, wxui::big_touch_height - 12));
    scale_font(cash_ok, 1.2, true);
    amount_row->Add(cash_ok, 0, wxALIGN_CENTER_VERTICAL);
    s->Add(amount_row, 0, wxALIGN_CENTER_HORIZONTAL | wxTOP, 14);
    m_hint = new wxui::FitLabel(this, 1.0, false, 2, wxALIGN_CENTRE_HORIZONTAL);
    s->Add(m_hint, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);

    auto* quick_label = new wxStaticText(this, wxID_ANY, _("Cash handed over:"));
    scale_font(quick_label, 1.1, true);
    auto* quick_row = new wxBoxSizer(wxHORIZONTAL);
    quick_row->Add(quick_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    m_quick_sizer = new wxBoxSizer(wxHORIZONTAL);
    quick_row->Add(m_quick_sizer, 0, wxALIGN_CENTER_VERTICAL);
    s->Add(quick_row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);

    auto* other = new wxBoxSizer(wxHORIZONTAL);
    m_card = new wxButton(this, wxID_ANY, _("Card (F2)"), wxDefaultPosition, wxSize(210, 70));
    m_mobile = new wxButton(this, wxID_ANY, "", wxDefaultPosition, wxSize(210, 70));
    scale_font(m_card, 1.4, true);
    scale_font(m_mobile, 1.4, true);
    other->Add(m_card, 0, wxRIGHT, 12);
    other->Add(m_mobile, 0, wxRIGHT, 12);
    m_reference = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1));
    m_reference->SetHint(_("Terminal reference (optional)"));
    other->Add(m_reference, 0, wxALIGN_CENTER_VERTICAL);
    s->Add(other, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    m_undo = new wxButton(this, wxID_ANY, _("Undo the last part payment"), wxDefaultPosition,
                          wxSize(-1, wxui::touch_height));
    auto* back = new wxButton(this, wxID_ANY, _("Back to the sale (Esc)"), wxDefaultPosition,
                              wxSize(-1, wxui::touch_height));
    bottom->Add(m_undo, 0, wxRIGHT, 12);
    bottom->Add(back, 0);
    s->Add(bottom, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    SetSizer(s);

    m_undo->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().checkout().undo_payment(); });
    cash_ok->Bind(wxEVT_BUTTON,
                  [this](wxCommandEvent&) { till().checkout().pay_cash(m_cash->typed()); });
    // Card and MobilePay take the amount in the field when one is typed (a split), else the
    // rest; the card terminal's reference is optional.
    auto card = [this] {
        till().checkout().pay_card_part(m_cash->typed(), utf8(m_reference->GetValue()));
    };
    auto mobile = [this] { till().checkout().pay_mobilepay_part(m_cash->typed()); };
    m_card->Bind(wxEVT_BUTTON, [card](wxCommandEvent&) { card(); });
    m_mobile->Bind(wxEVT_BUTTON, [mobile](wxCommandEvent&) { mobile(); });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().checkout().cancel_payment(); });
    Bind(wxEVT_CHAR_HOOK, [this, card, mobile](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE)
            till().checkout().cancel_payment();
        else if (e.GetKeyCode() == WXK_F2)
            card();
        else if (e.GetKeyCode() == WXK_F3)
            mobile();
        else
            e.Skip();
    });
}

wxButton* PaymentScreen::quick_cash_button(std::size_t i) const {
    return i < m_quick.size() ? m_quick[i] : nullptr;
}

wxString PaymentScreen::paid_text() const {
    return m_paid->GetLabel();
}

wxString PaymentScreen::amount_hint() const {
    return m_hint->GetLabel();
}

void PaymentScreen::show_payment(const TenderSession& tender, const std::string& mobilepay_name) {
    m_mobile->SetLabel(wxString::Format(_("%s (F3)"), wx(mobilepay_name)));
    m_due->SetLabel(wxString::Format(_("To pay: %s"), money_text(tender.remaining())));
    m_due_cash->SetLabel(wxString::Format(_("In cash, rounded to 50 øre: %s"),
                                          money_text(tender.remaining_in_cash())));
    wxString paid;
    for (const auto& p : tender.payments())
        paid += (paid.empty() ? "" : "\n") + paid_with(p, mobilepay_name);
    m_paid->SetLabel(paid);
    m_hint->SetLabel(wxString::Format(_("Type the cash handed over and press Enter (Enter alone: "
                                        "the exact amount), or type a part and press Card or "
                                        "%s."),
                                      wx(mobilepay_name)));
    m_undo->Show(!tender.payments().empty());
    for (auto* b : m_quick)
        b->Destroy();
    m_quick.clear();
    m_quick_sizer->Clear();
    for (Money amount : tender.quick_cash_amounts()) {
        auto* b =
            new wxButton(this, wxID_ANY, money_text(amount), wxDefaultPosition, wxSize(-1, 60));
        scale_font(b, 1.3, true);
        b->Bind(wxEVT_BUTTON,
                [this, amount](wxCommandEvent&) { till().checkout().pay_cash_amount(amount); });
        m_quick_sizer->Add(b, 0, wxRIGHT, 8);
        m_quick.push_back(b);
    }
    m_cash->Clear();
    m_reference->Clear();
    replace_screen();
    // Digits typed at once count: the keyboard is in the amount field.
    m_cash->SetFocus();
}

DoneScreen::DoneScreen(wxSimplebook* book, wxui::MessageBar& bar,
                       std::function<void(wxChar)> first_key)
    : TillScreen(book, "done", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->AddStretchSpacer();
    m_change = new wxui::FitLabel(this, 3.0, true, 1, wxALIGN_CENTRE_HORIZONTAL);
    s->Add(m_change, 0, wxALL | wxEXPAND, 16);
    m_info = new wxui::FitLabel(this, 1.4, false, 2, wxALIGN_CENTRE_HORIZONTAL);
    s->Add(m_info, 0, wxALL | wxEXPAND, 10);
    m_next = new wxButton(this, wxID_ANY, _("Next customer"), wxDefaultPosition, wxSize(-1, 80));
    scale_font(m_next, 1.8, true);
    s->Add(m_next, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    // What is behind the goods, printed for a customer who asks; the sale is done whatever
    // happens to that paper.
    m_impact = new wxButton(this, wxID_ANY, _("Print \"Bag om tingene\" (F4)"), wxDefaultPosition,
                            wxSize(-1, wxui::touch_height));
    scale_font(m_impact, 1.2);
    s->Add(m_impact, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    s->AddStretchSpacer();
    SetSizer(s);
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
    m_impact->Bind(wxEVT_BUTTON,
                   [this](wxCommandEvent&) { till().copies().impact_of_last_sale(); });
    // The next customer's first item may be scanned (or its name typed) while the change is
    // still shown: that starts the next sale, and the key goes into the scan field, so the
    // scanner's digits are not lost on this screen.
    Bind(wxEVT_CHAR_HOOK, [this, first_key](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_F4 && !e.HasModifiers()) {
            if (m_impact->IsShown())
                till().copies().impact_of_last_sale();
            return;
        }
        const wxChar key = e.GetUnicodeKey();
        if (key == WXK_NONE || e.HasModifiers() || !wxIsalnum(key)) {
            e.Skip();
            return;
        }
        till().selling().back_to_sale();
        first_key(e.ShiftDown() ? key : static_cast<wxChar>(wxTolower(key)));
    });
}

void DoneScreen::show_result(const wxString& big, const wxString& small, bool impact) {
    m_change->SetLabel(big);
    m_info->SetLabel(small);
    m_impact->Show(impact);
    Layout();
    replace_screen();
    m_next->SetFocus();
}

void DoneScreen::show_done(const Sale& sale, Money change, bool impact) {
    show_result(
        change.is_zero() ? _("Paid. No change.")
                         : wxString::Format(_("Change: %s"), money_text(change)),
        wxString::Format(_("Receipt %lld is saved."), static_cast<long long>(sale.receipt_number)),
        impact);
}

void DoneScreen::show_refund_done(const Sale& refund, Money paid_out, Tender tender,
                                  const std::string& mobilepay_name) {
    const wxString amount = money_text(-paid_out);
    wxString how;
    switch (tender) {
    case Tender::cash:
        how = wxString::Format(_("Pay back %s in cash"), amount);
        break;
    case Tender::card:
        how = wxString::Format(_("Pay back %s to the card"), amount);
        break;
    case Tender::mobilepay:
        how = wxString::Format(_("Pay back %s with %s"), amount, wx(mobilepay_name));
        break;
    }
    show_result(how,
                wxString::Format(_("Refund receipt %lld is saved."),
                                 static_cast<long long>(refund.receipt_number)),
                false);
}

} // namespace bl::pos
