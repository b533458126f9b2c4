#include "pos/ui/screens/shift_screens.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "pos/model/cash_count.hpp"
#include "receipts/layout/sales_receipt.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

wxString totals_text(const ShiftTotals& t) {
    auto row = [](const wxString& label, Money m) {
        return wx(receipts::two_columns(utf8(label), format_amount(m), 44)) + "\n";
    };
    wxString text;
    text += wxString::Format(_("Sales: %lld   Refunds: %lld"), static_cast<long long>(t.sales),
                             static_cast<long long>(t.refunds)) +
            "\n\n";
    text += row(_("Total"), t.gross);
    text += row(_("Cash"), t.cash);
    text += row(_("Card"), t.card);
    text += row("MobilePay", t.mobilepay);
    text += row(_("Cash rounding"), t.rounding);
    text += row(_("Discounts given"), t.discounts);
    for (const auto& g : t.vat)
        text += row(wxString::Format(_("VAT %s of %s"), wx(format_rate(g.rate)),
                                     wx(format_amount(g.gross))),
                    g.vat);
    for (const auto& [name, amount] : t.by_seller)
        text += row(wxString::Format(_("Sold by %s"), wx(name)), amount);
    text += "\n" + row(_("Expected cash in the drawer"), t.expected_cash);
    text += row(_("Grand total (never reset)"), t.grand_total);
    return text;
}

namespace {

/// The report's figures: fixed-width text that scrolls when a long day has many sellers.
wxTextCtrl* report_text(wxWindow* parent) {
    auto* t = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(470, 200),
                             wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP | wxBORDER_NONE);
    t->SetFont(wxFont(wxFontInfo(12).Family(wxFONTFAMILY_TELETYPE)));
    t->SetBackgroundColour(parent->GetBackgroundColour());
    int w = 0;
    t->GetTextExtent(wxString('M', 46), &w, nullptr);
    t->SetMinSize(wxSize(w + 30, 160));
    return t;
}

} // namespace

XReportScreen::XReportScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "x", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("X report (the day so far)"));
    scale_font(title, 1.8, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
    m_text = report_text(this);
    s->Add(m_text, 1, wxLEFT | wxRIGHT | wxALIGN_CENTER_HORIZONTAL, 10);
    auto* back = new wxButton(this, wxID_ANY, _("Back to the sale"), wxDefaultPosition,
                              wxSize(260, wxui::touch_height));
    s->Add(back, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
    SetSizer(s);
}

void XReportScreen::show_x_report(const ShiftTotals& totals) {
    m_text->ChangeValue(totals_text(totals));
    replace_screen();
}

CloseDayScreen::CloseDayScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "close", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Close the day (Z report)"));
    scale_font(title, 1.8, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    auto* cols = new wxBoxSizer(wxHORIZONTAL);
    m_text = report_text(this);
    cols->Add(m_text, 0, wxEXPAND | wxRIGHT, 20);

    // Count by denomination (the total fills in below), or type the total directly. Each
    // count beside its note or coin, two to a row.
    auto* count = new wxBoxSizer(wxVERTICAL);
    auto* how = new wxStaticText(this, wxID_ANY, _("Count the cash in the drawer:"));
    scale_font(how, 1.2, true);
    count->Add(how, 0, wxBOTTOM, 8);
    auto* denoms = new wxFlexGridSizer(4, 6, 8);
    for (std::int64_t ore : cash_denominations) {
        auto* l = new wxStaticText(this, wxID_ANY, wx(format_dkk(Money::from_ore(ore))) + " ×");
        denoms->Add(l, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
        auto* f = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(70, -1), wxTE_RIGHT);
        f->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            std::vector<std::string> typed;
            for (auto* d : m_denominations)
                typed.push_back(utf8(d->GetValue()));
            if (auto total = count_typed_cash(typed))
                m_counted->ChangeValue(wx(format_amount(*total)));
        });
        m_denominations.push_back(f);
        denoms->Add(f, 0);
    }
    count->Add(denoms, 0, wxBOTTOM, 12);
    auto* total_row = new wxBoxSizer(wxHORIZONTAL);
    auto* label = new wxStaticText(this, wxID_ANY, _("Counted in all:"));
    scale_font(label, 1.2, true);
    total_row->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    m_counted = new wxui::AmountEntry(
        this, 200, [this](const std::string& typed) { till().shift().close_shift(typed); }, 1.5);
    total_row->Add(m_counted, 0, wxALIGN_CENTER_VERTICAL);
    count->Add(total_row, 0, wxBOTTOM, 12);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_confirm = new wxButton(this, wxID_ANY, _("Close the day"), wxDefaultPosition,
                             wxSize(200, wxui::touch_height));
    scale_font(m_confirm, 1.2, true);
    auto* back =
        new wxButton(this, wxID_ANY, _("Back"), wxDefaultPosition, wxSize(150, wxui::touch_height));
    row->Add(m_confirm, 0, wxRIGHT, 12);
    row->Add(back, 0);
    count->Add(row, 0);
    cols->Add(count, 0, wxEXPAND);
    s->Add(cols, 1, wxLEFT | wxRIGHT | wxBOTTOM | wxALIGN_CENTER_HORIZONTAL, 12);
    SetSizer(s);
    m_confirm->Bind(wxEVT_BUTTON,
                    [this](wxCommandEvent&) { till().shift().close_shift(m_counted->typed()); });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
}

void CloseDayScreen::show_close_shift(const ShiftTotals& totals) {
    for (auto* d : m_denominations)
        d->ChangeValue("");
    m_text->ChangeValue(totals_text(totals));
    m_counted->Clear();
    replace_screen();
    m_counted->SetFocus();
}

} // namespace bl::pos
