#include "pos/ui/screens/refund_screens.hpp"

#include <algorithm>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/core/time.hpp"
#include "shared/wxui/fit_label.hpp"
#include "shared/wxui/form.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::money_text;
using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

ReceiptLookupScreen::ReceiptLookupScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "refund_lookup", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_title = new wxStaticText(this, wxID_ANY, _("Refund"));
    scale_font(m_title, 1.8, true);
    s->Add(m_title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    auto* label = new wxStaticText(
        this, wxID_ANY,
        _("Scan the barcode on the receipt, type its number, or pick it from today's receipts."));
    scale_font(label, 1.1);
    s->Add(label, 0, wxLEFT | wxRIGHT | wxALIGN_CENTER_HORIZONTAL, 10);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_form = std::make_unique<wxui::Form>(this, 1.3);
    m_receipt =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(240, -1), wxTE_PROCESS_ENTER);
    m_form->add(_("Receipt:"), m_receipt);
    row->Add(m_form->sizer(), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 16);
    m_find = new wxButton(this, wxID_ANY, _("Find the receipt"), wxDefaultPosition,
                          wxSize(-1, wxui::touch_height));
    scale_font(m_find, 1.2, true);
    // For a copy, what is behind the goods can be printed too, for a customer who asks.
    m_impact = new wxButton(this, wxID_ANY, _("Print \"Bag om tingene\" (F4)"), wxDefaultPosition,
                            wxSize(-1, wxui::touch_height));
    auto* back = new wxButton(this, wxID_ANY, _("Back (Esc)"), wxDefaultPosition,
                              wxSize(-1, wxui::touch_height));
    row->Add(m_find, 0, wxRIGHT, 10);
    row->Add(m_impact, 0, wxRIGHT, 10);
    row->Add(back, 0);
    s->Add(row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(600, 160),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    scale_font(m_list, 1.15);
    m_list->InsertColumn(0, _("Receipt"), wxLIST_FORMAT_RIGHT);
    m_list->InsertColumn(1, _("Time"), wxLIST_FORMAT_LEFT);
    m_list->InsertColumn(2, _("Items"), wxLIST_FORMAT_LEFT);
    m_list->InsertColumn(3, _("Total"), wxLIST_FORMAT_RIGHT);
    s->Add(m_list, 1, wxLEFT | wxRIGHT | wxBOTTOM | wxEXPAND, 16);
    SetSizer(s);
    auto submit = [this] {
        if (m_purpose == ReceiptLookup::copy)
            till().copies().copy_receipt(chosen());
        else
            till().refunds().find_refund(chosen());
    };
    auto impact = [this] {
        if (m_purpose == ReceiptLookup::copy)
            till().copies().impact_receipt(chosen());
    };
    m_impact->Bind(wxEVT_BUTTON, [impact](wxCommandEvent&) { impact(); });
    // A receipt picked with the mouse stays chosen when a button is pressed next (which
    // takes the keyboard from the list); typing chooses by the field again.
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        m_picked_in_list = true;
        e.Skip();
    });
    m_receipt->Bind(wxEVT_TEXT_ENTER, [submit](wxCommandEvent&) { submit(); });
    m_find->Bind(wxEVT_BUTTON, [submit](wxCommandEvent&) { submit(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [submit](wxListEvent&) { submit(); });
    // What is typed narrows the list (the number, or words of an item's name).
    m_receipt->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
        show_list(matching_receipts(m_today, utf8(m_receipt->GetValue())));
        m_picked_in_list = false;
        e.Skip();
    });
    m_receipt->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN && m_list->GetItemCount() > 0) {
            m_list->SetFocus();
            m_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            return;
        }
        e.Skip();
    });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
    Bind(wxEVT_CHAR_HOOK, [this, impact](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE)
            till().selling().back_to_sale();
        else if (e.GetKeyCode() == WXK_F4 && !e.HasModifiers())
            impact();
        else
            e.Skip();
    });
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        fit_columns();
        e.Skip();
    });
}

ReceiptLookupScreen::~ReceiptLookupScreen() = default;

std::string ReceiptLookupScreen::chosen() const {
    // A receipt picked in the list, else what was typed or scanned.
    const long picked = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (picked >= 0 && static_cast<std::size_t>(picked) < m_shown.size() &&
        (m_picked_in_list || FindFocus() == m_list))
        return std::to_string(m_shown[static_cast<std::size_t>(picked)].receipt_number);
    return utf8(m_receipt->GetValue());
}

void ReceiptLookupScreen::show_list(const std::vector<Sale>& receipts) {
    m_shown = receipts;
    m_items.clear();
    m_list->DeleteAllItems();
    long row = 0;
    for (const auto& r : receipts) {
        wxString items;
        for (const auto& l : r.lines) {
            const long long n = l.quantity < 0 ? -l.quantity : l.quantity;
            items += (items.empty() ? "" : ", ") +
                     (n == 1 ? wx(l.description)
                             : wxString::Format(_("%lld × %s"), n, wx(l.description)));
        }
        if (r.refund_of)
            items = wxString::Format(_("Refund: %s"), items);
        m_list->InsertItem(row, wxString::Format("%lld", static_cast<long long>(r.receipt_number)));
        const LocalTime at = to_copenhagen(r.sold_at);
        m_list->SetItem(row, 1, wxString::Format("%02d:%02d", at.hour, at.minute));
        m_list->SetItem(row, 2, items);
        m_items.push_back(items);
        m_list->SetItem(row, 3, wx(format_amount(r.total())));
        ++row;
    }
    fit_columns();
}

void ReceiptLookupScreen::fit_columns() {
    // Number, time and total as wide as they need; the items take the rest, and a long list
    // of items is cut short with "…" (the receipt itself shows them all).
    int fixed = 0;
    for (int c : {0, 1, 3}) {
        wxListItem head;
        head.SetMask(wxLIST_MASK_TEXT);
        m_list->GetColumn(c, head);
        int most = 0;
        m_list->GetTextExtent(head.GetText(), &most, nullptr);
        for (long i = 0; i < m_list->GetItemCount(); ++i) {
            int w = 0;
            m_list->GetTextExtent(m_list->GetItemText(i, c), &w, nullptr);
            most = std::max(most, w);
        }
        m_list->SetColumnWidth(c, most + 24);
        fixed += most + 24;
    }
    const int room = std::max(120, m_list->GetClientSize().x - fixed - 4);
    m_list->SetColumnWidth(2, room);
    // Cut from the whole text each time: the list may have been narrower when last cut.
    for (long i = 0; i < m_list->GetItemCount() && static_cast<std::size_t>(i) < m_items.size();
         ++i) {
        wxString items = m_items[static_cast<std::size_t>(i)];
        int w = 0;
        m_list->GetTextExtent(items, &w, nullptr);
        if (w + 16 <= room) {
            if (m_list->GetItemText(i, 2) != items)
                m_list->SetItem(i, 2, items);
            continue;
        }
        while (items.length() > 1 && w + 16 > room) {
            items.RemoveLast();
            m_list->GetTextExtent(items + wx("…"), &w, nullptr);
        }
        m_list->SetItem(i, 2, items + wx("…"));
    }
}

void ReceiptLookupScreen::show_receipt_lookup(ReceiptLookup purpose, const std::string& suggested,
                                              const std::vector<Sale>& today) {
    m_purpose = purpose;
    m_today = today;
    m_title->SetLabel(purpose == ReceiptLookup::copy ? _("Receipt copy") : _("Refund"));
    m_find->SetLabel(purpose == ReceiptLookup::copy ? _("Print the copy") : _("Find the receipt"));
    m_impact->Show(purpose == ReceiptLookup::copy);
    m_receipt->ChangeValue(wx(suggested));
    show_list(m_today); // the whole day: the suggestion is selected, to be replaced
    m_picked_in_list = false;
    Layout();
    replace_screen();
    fit_columns();
    m_receipt->SetFocus();
    m_receipt->SelectAll(); // a scan or a typed number replaces the suggestion
}

RefundScreen::RefundScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "refund", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_title = new wxui::FitLabel(this, 1.6, true, 1, wxALIGN_CENTRE_HORIZONTAL);
    s->Add(m_title, 0, wxALL | wxEXPAND, 10);
    auto* cols = new wxBoxSizer(wxHORIZONTAL);
    m_lines = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(520, 200),
                             wxLC_REPORT | wxLC_SINGLE_SEL);
    scale_font(m_lines, 1.15);
    m_lines->InsertColumn(0, _("Item"), wxLIST_FORMAT_LEFT);
    m_lines->InsertColumn(1, _("Bought"), wxLIST_FORMAT_RIGHT);
    m_lines->InsertColumn(2, _("Can return"), wxLIST_FORMAT_RIGHT);
    m_lines->InsertColumn(3, _("Returned now"), wxLIST_FORMAT_RIGHT);
    cols->Add(m_lines, 1, wxEXPAND | wxRIGHT, 12);
    auto* side = new wxBoxSizer(wxVERTICAL);
    side->SetMinSize(wxSize(250, -1));
    auto side_button = [&](const wxString& label, int height) {
        auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxSize(-1, height));
        scale_font(b, 1.15, true);
        side->Add(b, 0, wxEXPAND | wxBOTTOM, 8);
        return b;
    };
    m_more = side_button(_("One more back"), wxui::touch_height);
    auto* less = side_button(_("One fewer"), wxui::touch_height);
    m_total = new wxui::FitLabel(this, 1.6, true, 1, wxALIGN_CENTRE_HORIZONTAL);
    side->Add(m_total, 0, wxEXPAND | wxTOP | wxBOTTOM, 6);
    m_cash = side_button(_("Pay back in cash"), wxui::touch_height + 8);
    wxui::size_for_label(m_cash, wxString::Format(_("Pay back %s in cash"), wx("10.000,00 kr.")), 0,
                         wxui::touch_height + 8);
    auto* card = side_button(_("Back to the card"), wxui::touch_height + 8);
    m_mobile = side_button("MobilePay", wxui::touch_height + 8);
    cols->Add(side, 0, wxEXPAND);
    s->Add(cols, 1, wxEXPAND | wxLEFT | wxRIGHT, 16);
    auto* back = new wxButton(this, wxID_ANY, _("Cancel the refund"), wxDefaultPosition,
                              wxSize(260, wxui::touch_height));
    s->Add(back, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    SetSizer(s);

    m_more->Bind(wxEVT_BUTTON,
                 [this](wxCommandEvent&) { till().refunds().refund_more(selected()); });
    less->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().refunds().refund_less(selected()); });
    m_cash->Bind(wxEVT_BUTTON,
                 [this](wxCommandEvent&) { till().refunds().refund_pay(Tender::cash); });
    card->Bind(wxEVT_BUTTON,
               [this](wxCommandEvent&) { till().refunds().refund_pay(Tender::card); });
    m_mobile->Bind(wxEVT_BUTTON,
                   [this](wxCommandEvent&) { till().refunds().refund_pay(Tender::mobilepay); });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
    // The item column takes what the numbers leave.
    m_lines->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        fit_columns();
        e.Skip();
    });
}

void RefundScreen::fit_columns() {
    // Each column as wide as its widest text (heading included); the item's name takes what
    // the numbers leave.
    auto widest = [this](int column) {
        wxListItem head;
        head.SetMask(wxLIST_MASK_TEXT);
        m_lines->GetColumn(column, head);
        int most = 0;
        for (long i = -1; i < m_lines->GetItemCount(); ++i) {
            int w = 0;
            m_lines->GetTextExtent(i < 0 ? head.GetText() : m_lines->GetItemText(i, column), &w,
                                   nullptr);
            most = std::max(most, w + 24);
        }
        return most;
    };
    int numbers = 0;
    for (int c = 1; c < 4; ++c) {
        m_lines->SetColumnWidth(c, widest(c));
        numbers += m_lines->GetColumnWidth(c);
    }
    m_lines->SetColumnWidth(0, std::max(widest(0), m_lines->GetClientSize().x - numbers - 4));
}

std::size_t RefundScreen::selected() const {
    const long l = m_lines->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return l < 0 ? 0 : static_cast<std::size_t>(l);
}

void RefundScreen::show_refund(const RefundDraft& d, const std::string& mobilepay_name) {
    m_mobile->SetLabel(wx(mobilepay_name));
    const long keep = m_lines->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    m_title->SetLabel(wxString::Format(_("Refund from receipt %lld, %s"),
                                       static_cast<long long>(d.original().receipt_number),
                                       wx(format_copenhagen(d.original().sold_at))));
    m_lines->DeleteAllItems();
    long row = 0;
    for (std::size_t i = 0; i < d.original().lines.size(); ++i) {
        const auto& l = d.original().lines[i];
        m_lines->InsertItem(row, wx(l.description));
        m_lines->SetItem(row, 1, wxString::Format("%lld", static_cast<long long>(l.quantity)));
        m_lines->SetItem(row, 2, wxString::Format("%lld", static_cast<long long>(d.can_refund(i))));
        m_lines->SetItem(row, 3, wxString::Format("%lld", static_cast<long long>(d.chosen(i))));
        ++row;
    }
    m_lines->SetItemState(keep >= 0 && keep < row ? keep : 0, wxLIST_STATE_SELECTED,
                          wxLIST_STATE_SELECTED);
    m_total->SetLabel(wxString::Format(_("To pay back: %s"), money_text(-d.total())));
    // In cash the amount is rounded to 50 øre: the button says what is paid out.
    m_cash->SetLabel(wxString::Format(_("Pay back %s in cash"), money_text(-d.total_in_cash())));
    fit_columns();
    const bool first_show = !IsShownOnScreen();
    if (first_show)
        replace_screen();
    else
        bring_forward(); // a "only 2 can come back" message stays while choosing
}

} // namespace bl::pos
