#include "pos/ui/screens/shift_screens.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "pos/model/cash_count.hpp"
#include "receipts/layout/sales_receipt.hpp"
#include "shared/wxui/fit_label.hpp"
#include "shared/wxui/form.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

wxString totals_text(const ShiftTotals& t, const std::string& mobilepay_name) {
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
    text += row(wx(mobilepay_name), t.mobilepay);
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

/// What the difference between the counted and the expected cash is, in words.
wxString difference_words(const DrawerCount& c) {
    if (!c.difference)
        return _("count the drawer first");
    if (c.difference->is_zero())
        return _("none: the drawer is right");
    if (c.difference->is_negative())
        return wxString::Format(_("%s too little"), wxui::money_text(-*c.difference));
    return wxString::Format(_("%s too much"), wxui::money_text(*c.difference));
}

/// The difference in words, in red when the drawer is not right.
void show_difference(wxStaticText* label, const DrawerCount& c, const wxColour& normal) {
    label->SetLabel(difference_words(c));
    label->SetForegroundColour(c.difference && !c.difference->is_zero() ? wxColour(170, 40, 0)
                                                                        : normal);
}

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

void XReportScreen::show_x_report(const ShiftTotals& totals, const std::string& mobilepay_name) {
    m_text->ChangeValue(totals_text(totals, mobilepay_name));
    replace_screen();
}

CloseDayScreen::CloseDayScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "close", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Close the day (Z report)"));
    scale_font(title, 1.8, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* cols = new wxBoxSizer(wxHORIZONTAL);
    m_text = report_text(this);
    cols->Add(m_text, 0, wxEXPAND | wxRIGHT, 20);

    // Count by denomination (the total fills in), or type the total directly; what is
    // expected and the difference show as it is counted, before anything is confirmed.
    auto* count = new wxBoxSizer(wxVERTICAL);
    auto* how = new wxStaticText(this, wxID_ANY, _("Count the cash in the drawer:"));
    scale_font(how, 1.2, true);
    count->Add(how, 0, wxBOTTOM, 6);
    auto* denoms = new wxFlexGridSizer(4, 4, 8);
    for (std::int64_t ore : cash_denominations) {
        auto* l = new wxStaticText(this, wxID_ANY, wx(format_dkk(Money::from_ore(ore))) + " ×");
        denoms->Add(l, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
        auto* f = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(64, -1),
                                 wxTE_RIGHT | wxTE_PROCESS_ENTER);
        f->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            m_counted->ChangeValue(""); // counting note by note: the sum is the total
            till().shift().count_drawer(typed_denominations(), "");
        });
        // Enter goes on to the next note or coin, and after the last to the total, where
        // the next Enter closes the day: counting never closes it by itself.
        const std::size_t next = m_denominations.size() + 1;
        f->Bind(wxEVT_TEXT_ENTER, [this, next](wxCommandEvent&) {
            wxTextCtrl* to = next < m_denominations.size() ? m_denominations[next] : m_counted;
            to->SetFocus();
            to->SelectAll();
        });
        m_denominations.push_back(f);
        denoms->Add(f, 0);
    }
    count->Add(denoms, 0, wxBOTTOM, 8);
    m_form = std::make_unique<wxui::Form>(this, 1.2);
    m_counted = new wxui::AmountEntry(
        this, 180,
        [this](const std::string& typed) {
            till().shift().close_shift(typed_denominations(), typed);
        },
        1.3);
    m_counted->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
        till().shift().count_drawer(typed_denominations(), m_counted->typed());
        e.Skip();
    });
    m_form->add(_("Counted in all:"), m_counted);
    m_expected = new wxStaticText(this, wxID_ANY, "");
    m_form->add(_("Expected in the drawer:"), m_expected);
    m_difference = new wxStaticText(this, wxID_ANY, "");
    m_form->add(_("Difference:"), m_difference);
    wxui::scale_font(m_difference, 1.0, true);
    count->Add(m_form->sizer(), 0, wxBOTTOM | wxEXPAND, 10);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_confirm = new wxButton(this, wxID_ANY, _("Close the day"), wxDefaultPosition,
                             wxSize(-1, wxui::touch_height));
    scale_font(m_confirm, 1.2, true);
    auto* back = new wxButton(this, wxID_ANY, _("Back (Esc)"), wxDefaultPosition,
                              wxSize(-1, wxui::touch_height));
    row->Add(m_confirm, 0, wxRIGHT, 12);
    row->Add(back, 0);
    count->Add(row, 0);
    cols->Add(count, 0, wxEXPAND);
    s->Add(cols, 1, wxLEFT | wxRIGHT | wxBOTTOM | wxALIGN_CENTER_HORIZONTAL, 10);
    SetSizer(s);
    m_confirm->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        till().shift().close_shift(typed_denominations(), m_counted->typed());
    });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE)
            till().selling().back_to_sale();
        else
            e.Skip();
    });
}

CloseDayScreen::~CloseDayScreen() = default;

std::vector<std::string> CloseDayScreen::typed_denominations() const {
    std::vector<std::string> typed;
    for (auto* d : m_denominations)
        typed.push_back(utf8(d->GetValue()));
    return typed;
}

void CloseDayScreen::show_close_shift(const ShiftTotals& totals,
                                      const std::string& mobilepay_name) {
    for (auto* d : m_denominations)
        d->ChangeValue("");
    m_text->ChangeValue(totals_text(totals, mobilepay_name));
    m_counted->ChangeValue("");
    replace_screen();
    m_denominations.front()->SetFocus();
}

void CloseDayScreen::show_count(const DrawerCount& c) {
    if (c.by_denomination && c.counted)
        m_counted->ChangeValue(wx(format_amount(*c.counted)));
    m_expected->SetLabel(wxui::money_text(c.expected));
    show_difference(m_difference, c, GetForegroundColour());
    Layout();
}

wxString CloseDayScreen::difference_text() const {
    return m_difference->GetLabel();
}

ZReportScreen::ZReportScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "z", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_title = new wxui::FitLabel(this, 1.8, true, 1, wxALIGN_CENTRE_HORIZONTAL);
    s->Add(m_title, 0, wxALL | wxEXPAND, 8);
    auto* cols = new wxBoxSizer(wxHORIZONTAL);
    m_text = report_text(this);
    cols->Add(m_text, 0, wxEXPAND | wxRIGHT, 20);
    auto* side = new wxBoxSizer(wxVERTICAL);
    // The drawer's figures beside the report, which may be too long for a small screen.
    m_form = std::make_unique<wxui::Form>(this, 1.2);
    m_counted = new wxStaticText(this, wxID_ANY, "");
    m_form->add(_("Counted in all:"), m_counted);
    m_expected = new wxStaticText(this, wxID_ANY, "");
    m_form->add(_("Expected in the drawer:"), m_expected);
    m_difference = new wxStaticText(this, wxID_ANY, "");
    m_form->add(_("Difference:"), m_difference);
    wxui::scale_font(m_difference, 1.0, true);
    side->Add(m_form->sizer(), 0, wxEXPAND | wxBOTTOM, 16);
    m_printed = new wxui::FitLabel(this, 1.1, false, 3);
    side->Add(m_printed, 0, wxEXPAND | wxBOTTOM, 8);
    m_backed_up = new wxui::FitLabel(this, 1.1, false, 3);
    side->Add(m_backed_up, 0, wxEXPAND | wxBOTTOM, 16);
    m_done = new wxButton(this, wxID_ANY, _("Log out (Enter)"), wxDefaultPosition,
                          wxSize(-1, wxui::big_touch_height - 8));
    scale_font(m_done, 1.3, true);
    side->Add(m_done, 0, wxEXPAND);
    side->SetMinSize(wxSize(300, -1));
    cols->Add(side, 1, wxEXPAND);
    s->Add(cols, 1, wxLEFT | wxRIGHT | wxBOTTOM | wxEXPAND, 16);
    SetSizer(s);
    m_done->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().shift().finish_day(); });
}

ZReportScreen::~ZReportScreen() = default;

void ZReportScreen::show_z_report(std::int64_t z_number, const receipts::ReceiptText& report,
                                  const DrawerCount& count) {
    m_title->SetLabel(wxString::Format(_("Z report no. %lld: the day is closed"),
                                       static_cast<long long>(z_number)));
    wxString text;
    for (const auto& l : report.lines)
        text += wx(l.text) + "\n";
    m_text->ChangeValue(text);
    m_counted->SetLabel(count.counted ? wxui::money_text(*count.counted) : wxString());
    m_expected->SetLabel(wxui::money_text(count.expected));
    show_difference(m_difference, count, GetForegroundColour());
    m_printed->SetLabel(_("Printing the Z report…"));
    m_backed_up->SetLabel(_("Backing up the database…"));
    m_printed_said = m_backed_up_said = false;
    replace_screen();
    m_done->SetFocus();
}

void ZReportScreen::show_z_step(ZStep step, const std::optional<Message>& problem) {
    wxui::FitLabel* line = step == ZStep::printed ? m_printed : m_backed_up;
    (step == ZStep::printed ? m_printed_said : m_backed_up_said) = true;
    if (problem)
        line->SetLabel(wxui::translated(*problem));
    else
        line->SetLabel(step == ZStep::printed ? _("The Z report is printed.")
                                              : _("The backup of the database is saved."));
    line->SetForegroundColour(problem ? wxColour(170, 40, 0) : GetForegroundColour());
    line->Refresh();
}

wxString ZReportScreen::title() const {
    return m_title->GetLabel();
}

wxString ZReportScreen::report() const {
    return m_text->GetValue();
}

wxString ZReportScreen::difference_text() const {
    return m_difference->GetLabel();
}

wxString ZReportScreen::backup_text() const {
    return m_backed_up->GetLabel();
}

} // namespace bl::pos
