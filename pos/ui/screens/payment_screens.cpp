#include "pos/ui/screens/payment_screens.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::money_text;
using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

PaymentScreen::PaymentScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "payment", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_due = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_due, 2.6, true);
    s->Add(m_due, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    m_due_cash = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_due_cash, 1.4);
    s->Add(m_due_cash, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 4);
    m_paid_so_far = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_paid_so_far, 1.2);
    s->Add(m_paid_so_far, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 4);
    auto* cash_label =
        new wxStaticText(this, wxID_ANY, _("Cash: tap what the customer handed over, or type it"));
    scale_font(cash_label, 1.3, true);
    s->Add(cash_label, 0, wxTOP | wxALIGN_CENTER_HORIZONTAL, 16);
    m_quick_sizer = new wxBoxSizer(wxHORIZONTAL);
    s->Add(m_quick_sizer, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* cash_row = new wxBoxSizer(wxHORIZONTAL);
    m_cash = new wxui::AmountEntry(
        this, 220, [this](const std::string& typed) { till().checkout().pay_cash(typed); });
    auto* cash_ok = new wxButton(this, wxID_ANY, _("Cash received"), wxDefaultPosition,
                                 wxSize(220, wxui::big_touch_height - 8));
    scale_font(cash_ok, 1.2, true);
    cash_row->Add(m_cash, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, 8);
    cash_row->Add(cash_ok, 0);
    s->Add(cash_row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* other = new wxBoxSizer(wxHORIZONTAL);
    auto* card = m_card =
        new wxButton(this, wxID_ANY, _("Card (terminal)"), wxDefaultPosition, wxSize(220, 80));
    m_mobile = new wxButton(this, wxID_ANY, "MobilePay", wxDefaultPosition, wxSize(220, 80));
    scale_font(card, 1.4, true);
    scale_font(m_mobile, 1.4, true);
    other->Add(card, 0, wxRIGHT, 12);
    other->Add(m_mobile, 0);
    s->Add(other, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    m_reference = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(300, -1));
    m_reference->SetHint(_("Card terminal reference (optional)"));
    s->Add(m_reference, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 4);
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    m_undo = new wxButton(this, wxID_ANY, _("Undo the last part payment"), wxDefaultPosition,
                          wxSize(300, wxui::touch_height));
    auto* back = new wxButton(this, wxID_ANY, _("Back to the sale (Esc)"), wxDefaultPosition,
                              wxSize(260, wxui::touch_height));
    bottom->Add(m_undo, 0, wxRIGHT, 12);
    bottom->Add(back, 0);
    s->Add(bottom, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    SetSizer(s);

    m_undo->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().checkout().undo_payment(); });
    cash_ok->Bind(wxEVT_BUTTON,
                  [this](wxCommandEvent&) { till().checkout().pay_cash(m_cash->typed()); });
    // Card and MobilePay take the amount in the field when one is typed (a split), else the
    // rest; the card terminal's reference is optional.
    card->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        till().checkout().pay_card_part(m_cash->typed(), utf8(m_reference->GetValue()));
    });
    m_mobile->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        till().checkout().pay_mobilepay_part(m_cash->typed());
    });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().checkout().cancel_payment(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE)
            till().checkout().cancel_payment();
        else
            e.Skip();
    });
}

wxButton* PaymentScreen::quick_cash_button(std::size_t i) const {
    return i < m_quick.size() ? m_quick[i] : nullptr;
}

void PaymentScreen::show_payment(const TenderSession& tender, const std::string& mobilepay_name) {
    m_mobile->SetLabel(wx(mobilepay_name));
    m_due->SetLabel(wxString::Format(_("To pay: %s"), money_text(tender.remaining())));
    m_due_cash->SetLabel(wxString::Format(_("In cash, rounded to 50 øre: %s"),
                                          money_text(tender.remaining_in_cash())));
    m_undo->Show(!tender.payments().empty());
    m_paid_so_far->SetLabel(
        tender.payments().empty()
            ? wxString()
            : wxString::Format(_("Paid so far: %s"), money_text(tender.paid())));
    for (auto* b : m_quick)
        b->Destroy();
    m_quick.clear();
    m_quick_sizer->Clear();
    for (Money amount : tender.quick_cash_amounts()) {
        auto* b =
            new wxButton(this, wxID_ANY, money_text(amount), wxDefaultPosition, wxSize(150, 70));
        scale_font(b, 1.4, true);
        b->Bind(wxEVT_BUTTON,
                [this, amount](wxCommandEvent&) { till().checkout().pay_cash_amount(amount); });
        m_quick_sizer->Add(b, 0, wxRIGHT, 8);
        m_quick.push_back(b);
    }
    m_cash->Clear();
    m_reference->Clear();
    replace_screen();
    if (!m_quick.empty())
        m_quick.front()->SetFocus();
}

DoneScreen::DoneScreen(wxSimplebook* book, wxui::MessageBar& bar,
                       std::function<void(wxChar)> first_key)
    : TillScreen(book, "done", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->AddStretchSpacer();
    m_change = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_change, 3.2, true);
    s->Add(m_change, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 20);
    m_info = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_info, 1.4);
    s->Add(m_info, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    m_next = new wxButton(this, wxID_ANY, _("Next customer"), wxDefaultPosition, wxSize(320, 90));
    scale_font(m_next, 1.8, true);
    s->Add(m_next, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 20);
    s->AddStretchSpacer();
    SetSizer(s);
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
    // The next customer's first item may be scanned (or its name typed) while the change is
    // still shown: that starts the next sale, and the key goes into the scan field, so the
    // scanner's digits are not lost on this screen.
    Bind(wxEVT_CHAR_HOOK, [this, first_key](wxKeyEvent& e) {
        const wxChar key = e.GetUnicodeKey();
        if (key == WXK_NONE || e.HasModifiers() || !wxIsalnum(key)) {
            e.Skip();
            return;
        }
        till().selling().back_to_sale();
        first_key(e.ShiftDown() ? key : static_cast<wxChar>(wxTolower(key)));
    });
}

void DoneScreen::show_result(const wxString& big, const wxString& small) {
    m_change->SetLabel(big);
    m_info->SetLabel(small);
    replace_screen();
    m_next->SetFocus();
}

void DoneScreen::show_done(const Sale& sale, Money change) {
    show_result(
        change.is_zero() ? _("Paid. No change.")
                         : wxString::Format(_("Change: %s"), money_text(change)),
        wxString::Format(_("Receipt %lld is saved."), static_cast<long long>(sale.receipt_number)));
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
    show_result(how, wxString::Format(_("Refund receipt %lld is saved."),
                                      static_cast<long long>(refund.receipt_number)));
}

} // namespace bl::pos
