#include "production/ui/screens/goods_screens.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::production {

using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

namespace {

wxString number(std::int64_t n) {
    return wxString::Format("%lld", static_cast<long long>(n));
}

long selected(wxListCtrl* list) {
    return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void select_row(wxListCtrl* list, long row) {
    list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list->EnsureVisible(row);
}

} // namespace

// ---- labels --------------------------------------------------------------------------------

LabelsScreen::LabelsScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "labels", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Labels")), 0, wxEXPAND);
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    m_batches = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(560, -1),
                               wxLC_REPORT | wxLC_SINGLE_SEL);
    m_batches->InsertColumn(0, _("Label code"), wxLIST_FORMAT_LEFT, 130);
    m_batches->InsertColumn(1, _("Product"), wxLIST_FORMAT_LEFT, 220);
    m_batches->InsertColumn(2, _("Made"), wxLIST_FORMAT_LEFT, 100);
    m_batches->InsertColumn(3, _("Units"), wxLIST_FORMAT_RIGHT, 70);
    body->Add(m_batches, 1, wxEXPAND | wxALL, 8);

    auto* side = new wxBoxSizer(wxVERTICAL);
    const wxString formats[] = {_("A4 sheet, 3 \u00d7 8 (70 \u00d7 37 mm)"),
                                _("A4 sheet, 4 \u00d7 10 (52.5 \u00d7 29.7 mm)"),
                                _("Single labels 50 \u00d7 30 mm (label printer)")};
    m_format = new wxRadioBox(this, wxID_ANY, _("Labels"), wxDefaultPosition, wxDefaultSize, 3,
                              formats, 1, wxRA_SPECIFY_COLS);
    side->Add(m_format, 0, wxEXPAND | wxBOTTOM, 8);
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->Add(new wxStaticText(this, wxID_ANY, _("How many")), 0, wxALIGN_CENTER_VERTICAL);
    m_copies = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(90, -1));
    m_copies->SetHint(_("all"));
    grid->Add(m_copies);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Start at label")), 0, wxALIGN_CENTER_VERTICAL);
    m_start = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(90, -1));
    m_start->SetHint("1");
    grid->Add(m_start);
    side->Add(grid, 0, wxBOTTOM, 6);
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("A half-used sheet: start at its first free label, counted "
                                    "along the rows."));
    hint->Wrap(340);
    side->Add(hint, 0, wxBOTTOM, 10);
    m_print = new wxCheckBox(this, wxID_ANY, _("Send to the label printer too"));
    side->Add(m_print, 0, wxBOTTOM, 6);
    auto* printer_row = new wxBoxSizer(wxHORIZONTAL);
    m_printer = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(200, -1));
    m_printer->SetHint(_("Printer name in CUPS"));
    printer_row->Add(m_printer, 0, wxRIGHT, 6);
    auto* save_printer = new wxButton(this, wxID_ANY, _("Save printer"));
    printer_row->Add(save_printer);
    side->Add(printer_row, 0, wxBOTTOM, 14);
    m_make = new wxButton(this, wxID_ANY, _("Make the labels"), wxDefaultPosition,
                          wxSize(260, wxui::touch_height));
    scale_font(m_make, 1.2, true);
    side->Add(m_make);
    body->Add(side, 0, wxALL, 8);
    s->Add(body, 1, wxEXPAND);
    SetSizer(s);
    m_make->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { workshop().labels().make(read()); });
    save_printer->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        workshop().labels().save_printer(utf8(m_printer->GetValue()));
    });
}

void LabelsScreen::show_labels(const LabelsPage& page) {
    m_batches->DeleteAllItems();
    m_ids.clear();
    long row = 0;
    for (const auto& b : page.batches) {
        m_batches->InsertItem(row, wx(b.label_code));
        m_batches->SetItem(row, 1, wx(b.product_name));
        m_batches->SetItem(row, 2, wx(b.produced_on));
        m_batches->SetItem(row, 3, number(b.units));
        if (b.batch_id == page.selected)
            select_row(m_batches, row);
        m_ids.push_back(b.batch_id);
        ++row;
    }
    m_printer->ChangeValue(wx(page.printer));
    m_copies->Clear();
    m_start->Clear();
    replace_screen();
    m_make->SetFocus();
}

LabelRequest LabelsScreen::read() const {
    LabelRequest r;
    const long i = selected(m_batches);
    if (i >= 0 && static_cast<std::size_t>(i) < m_ids.size())
        r.batch_id = m_ids[static_cast<std::size_t>(i)];
    r.format = m_format->GetSelection() == 1   ? doc::LabelFormat::a4_4x10
               : m_format->GetSelection() == 2 ? doc::LabelFormat::single_50x30
                                               : doc::LabelFormat::a4_3x8;
    r.copies = utf8(m_copies->GetValue());
    r.start = utf8(m_start->GetValue());
    r.print = m_print->GetValue();
    return r;
}

// ---- deliveries ----------------------------------------------------------------------------

DeliveriesScreen::DeliveriesScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "deliveries", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Deliveries")), 0, wxEXPAND);
    auto* shop_row = new wxBoxSizer(wxHORIZONTAL);
    shop_row->Add(new wxStaticText(this, wxID_ANY, _("To the shop")), 0,
                  wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    m_shop = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(300, -1));
    shop_row->Add(m_shop, 0);
    s->Add(shop_row, 0, wxLEFT | wxBOTTOM, 10);

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, _("At the workshop")), 0, wxBOTTOM, 4);
    m_batches = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(470, 250),
                               wxLC_REPORT | wxLC_SINGLE_SEL);
    m_batches->InsertColumn(0, _("Label code"), wxLIST_FORMAT_LEFT, 125);
    m_batches->InsertColumn(1, _("Product"), wxLIST_FORMAT_LEFT, 230);
    m_batches->InsertColumn(2, _("Here"), wxLIST_FORMAT_RIGHT, 80);
    left->Add(m_batches, 1, wxEXPAND);
    auto* add_row = new wxBoxSizer(wxHORIZONTAL);
    add_row->Add(new wxStaticText(this, wxID_ANY, _("Units")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                 6);
    m_units =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(80, -1), wxTE_PROCESS_ENTER);
    add_row->Add(m_units, 0, wxRIGHT, 6);
    m_add = new wxButton(this, wxID_ANY, _("Put on the delivery"));
    add_row->Add(m_add);
    left->Add(add_row, 0, wxTOP, 6);
    body->Add(left, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, _("On the delivery")), 0, wxBOTTOM, 4);
    m_lines = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(420, 160),
                             wxLC_REPORT | wxLC_SINGLE_SEL);
    m_lines->InsertColumn(0, _("Product"), wxLIST_FORMAT_LEFT, 230);
    m_lines->InsertColumn(1, _("Label code"), wxLIST_FORMAT_LEFT, 125);
    m_lines->InsertColumn(2, _("Units"), wxLIST_FORMAT_RIGHT, 60);
    right->Add(m_lines, 0, wxEXPAND);
    m_total = new wxStaticText(this, wxID_ANY, "");
    right->Add(m_total, 0, wxTOP, 4);
    auto* line_row = new wxBoxSizer(wxHORIZONTAL);
    auto* remove = new wxButton(this, wxID_ANY, _("Take off"));
    line_row->Add(remove, 0, wxRIGHT, 8);
    m_deliver = new wxButton(this, wxID_ANY, _("Deliver, with a delivery note"), wxDefaultPosition,
                             wxSize(-1, wxui::touch_height - 8));
    scale_font(m_deliver, 1.1, true);
    line_row->Add(m_deliver);
    right->Add(line_row, 0, wxTOP, 6);

    auto* back_box = new wxStaticText(this, wxID_ANY, _("The shop reports back"));
    scale_font(back_box, 1.05, true);
    right->Add(back_box, 0, wxTOP, 16);
    auto* back_row = new wxBoxSizer(wxHORIZONTAL);
    m_back_batch = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(220, -1));
    back_row->Add(m_back_batch, 0, wxRIGHT, 6);
    m_back_units = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(60, -1));
    m_back_units->SetHint(_("units"));
    back_row->Add(m_back_units, 0, wxRIGHT, 6);
    right->Add(back_row, 0, wxTOP, 4);
    auto* back_buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* returned = new wxButton(this, wxID_ANY, _("Returned"));
    auto* broken = new wxButton(this, wxID_ANY, _("Broken"));
    back_buttons->Add(returned, 0, wxRIGHT, 6);
    back_buttons->Add(broken);
    right->Add(back_buttons, 0, wxTOP, 4);
    body->Add(right, 0, wxRIGHT, 10);
    s->Add(body, 1, wxEXPAND);
    SetSizer(s);

    m_shop->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int i = m_shop->GetSelection();
        if (i >= 0 && static_cast<std::size_t>(i) < m_shop_ids.size())
            workshop().deliveries().choose_shop(m_shop_ids[static_cast<std::size_t>(i)]);
    });
    auto add = [this](wxCommandEvent&) {
        workshop().deliveries().add_line(chosen_batch(), utf8(m_units->GetValue()));
    };
    m_add->Bind(wxEVT_BUTTON, add);
    m_units->Bind(wxEVT_TEXT_ENTER, add);
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long i = selected(m_lines);
        if (i >= 0)
            workshop().deliveries().remove_line(static_cast<std::size_t>(i));
    });
    m_deliver->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { workshop().deliveries().deliver(); });
    auto report = [this](bool is_broken) {
        const int i = m_back_batch->GetSelection();
        const std::string id = i >= 0 && static_cast<std::size_t>(i) < m_back_ids.size()
                                   ? m_back_ids[static_cast<std::size_t>(i)]
                                   : std::string();
        workshop().deliveries().report_back(id, utf8(m_back_units->GetValue()), is_broken);
    };
    returned->Bind(wxEVT_BUTTON, [report](wxCommandEvent&) { report(false); });
    broken->Bind(wxEVT_BUTTON, [report](wxCommandEvent&) { report(true); });
}

std::string DeliveriesScreen::chosen_batch() const {
    const long i = selected(m_batches);
    return i >= 0 && static_cast<std::size_t>(i) < m_batch_ids.size()
               ? m_batch_ids[static_cast<std::size_t>(i)]
               : std::string();
}

void DeliveriesScreen::show_deliveries(const DeliveriesPage& page) {
    const std::string was = chosen_batch();
    m_shop->Clear();
    m_shop_ids.clear();
    for (const auto& shop : page.shops) {
        m_shop->Append(wx(shop.name + ", " + shop.city));
        m_shop_ids.push_back(shop.id);
        if (shop.id == page.shop_id)
            m_shop->SetSelection(static_cast<int>(m_shop_ids.size() - 1));
    }
    m_batches->DeleteAllItems();
    m_batch_ids.clear();
    long row = 0;
    for (const auto& b : page.batches) {
        m_batches->InsertItem(row, wx(b.label_code));
        m_batches->SetItem(row, 1, wx(b.product_name));
        m_batches->SetItem(row, 2, number(b.at_workshop));
        if (b.batch_id == was || (was.empty() && row == 0))
            select_row(m_batches, row);
        m_batch_ids.push_back(b.batch_id);
        ++row;
    }
    m_lines->DeleteAllItems();
    row = 0;
    for (const auto& l : page.lines) {
        m_lines->InsertItem(row, wx(l.batch.product_name));
        m_lines->SetItem(row, 1, wx(l.batch.label_code));
        m_lines->SetItem(row, 2, number(l.units));
        ++row;
    }
    m_total->SetLabel(page.lines.empty() ? _("Nothing on the delivery yet.")
                                         : wxString::Format(wxPLURAL("%lld unit on the delivery.",
                                                                     "%lld units on the delivery.",
                                                                     plural_n(page.units)),
                                                            static_cast<long long>(page.units)));
    m_back_batch->Clear();
    m_back_ids.clear();
    for (const auto& b : page.at_shops) {
        m_back_batch->Append(wx(b.label_code + " " + b.product_name));
        m_back_ids.push_back(b.batch_id);
    }
    if (!m_back_ids.empty())
        m_back_batch->SetSelection(0);
    m_units->Clear();
    m_back_units->Clear();
    m_deliver->Enable(!page.lines.empty());
    replace_screen();
    m_units->SetFocus();
}

// ---- stock and hours -----------------------------------------------------------------------

namespace {

const StockColumn columns[] = {
    StockColumn::product,  StockColumn::label,     StockColumn::produced_on,
    StockColumn::produced, StockColumn::delivered, StockColumn::sold,
    StockColumn::returned, StockColumn::on_hand,   StockColumn::unsold_minutes};

} // namespace

StockScreen::StockScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "stock", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Stock and hours")), 0, wxEXPAND);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Find")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_filter = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(240, -1));
    m_filter->SetHint(_("product or label code"));
    row->Add(m_filter, 0, wxRIGHT, 12);
    auto* export_csv = new wxButton(this, wxID_ANY, _("Export as CSV"));
    row->Add(export_csv, 0, wxRIGHT, 12);
    m_correct = new wxButton(this, wxID_ANY, _("Correct the batch…"));
    m_correct->SetToolTip(_("Correct the chosen batch's units, day or hours. The batch as it "
                            "was is kept, with the reason."));
    row->Add(m_correct);
    s->Add(row, 0, wxLEFT | wxBOTTOM, 10);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->InsertColumn(0, _("Product"), wxLIST_FORMAT_LEFT, 220);
    m_list->InsertColumn(1, _("Label code"), wxLIST_FORMAT_LEFT, 120);
    m_list->InsertColumn(2, _("Made on"), wxLIST_FORMAT_LEFT, 95);
    m_list->InsertColumn(3, _("Made"), wxLIST_FORMAT_RIGHT, 65);
    m_list->InsertColumn(4, _("Delivered"), wxLIST_FORMAT_RIGHT, 80);
    m_list->InsertColumn(5, _("Sold"), wxLIST_FORMAT_RIGHT, 60);
    m_list->InsertColumn(6, _("Returned"), wxLIST_FORMAT_RIGHT, 80);
    m_list->InsertColumn(7, _("On hand"), wxLIST_FORMAT_RIGHT, 75);
    m_list->InsertColumn(8, _("Work in unsold"), wxLIST_FORMAT_RIGHT, 120);
    s->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    m_totals = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_totals, 1.1, true);
    s->Add(m_totals, 0, wxALL, 10);
    SetSizer(s);
    m_filter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        workshop().stock().filter(utf8(m_filter->GetValue()));
    });
    export_csv->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { workshop().stock().export_csv(); });
    // The chosen line, or a double click or Enter on a line: correct that batch.
    auto correct = [this] {
        const long i = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (i < 0 || static_cast<std::size_t>(i) >= m_batch_ids.size()) {
            this->bar().show_problem(_("Choose a batch in the list first."));
            return;
        }
        workshop().quick().open_correction(m_batch_ids[static_cast<std::size_t>(i)]);
    };
    m_correct->Bind(wxEVT_BUTTON, [correct](wxCommandEvent&) { correct(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [correct](wxListEvent&) { correct(); });
    m_list->Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& e) {
        const int c = e.GetColumn();
        if (c >= 0 && static_cast<std::size_t>(c) < std::size(columns))
            workshop().stock().sort_by(columns[c]);
    });
}

void StockScreen::show_stock(const StockPage& page) {
    if (utf8(m_filter->GetValue()) != page.filter)
        m_filter->ChangeValue(wx(page.filter));
    m_list->DeleteAllItems();
    m_batch_ids.clear();
    long row = 0;
    for (const auto& l : page.lines) {
        const StockRow& r = l.row;
        m_batch_ids.push_back(r.batch_id);
        m_list->InsertItem(row, wx(r.product_name));
        m_list->SetItem(row, 1, wx(r.label_code));
        m_list->SetItem(row, 2, wx(r.produced_on));
        m_list->SetItem(row, 3, number(r.produced));
        m_list->SetItem(row, 4, number(r.delivered));
        m_list->SetItem(row, 5, number(r.sold));
        m_list->SetItem(row, 6, number(r.returned));
        m_list->SetItem(row, 7, number(r.on_hand));
        m_list->SetItem(row, 8, duration_text(l.unsold_minutes));
        ++row;
    }
    for (std::size_t c = 0; c < std::size(columns); ++c) {
        wxListItem item;
        m_list->GetColumn(static_cast<int>(c), item);
        wxString text = item.GetText();
        text.Replace(" \u25b2", "");
        text.Replace(" \u25bc", "");
        if (columns[c] == page.sort)
            text += page.descending ? " \u25bc" : " \u25b2";
        item.SetText(text);
        m_list->SetColumn(static_cast<int>(c), item);
    }
    m_totals->SetLabel(
        wxString::Format(wxPLURAL("%lld unit on hand, with %s of work in it not yet sold.",
                                  "%lld units on hand, with %s of work in them not yet sold.",
                                  plural_n(page.on_hand)),
                         static_cast<long long>(page.on_hand), duration_text(page.unsold_minutes)));
    const bool same = IsShownOnScreen();
    replace_screen();
    if (!same || !m_filter->HasFocus())
        m_list->SetFocus();
}

} // namespace bl::production
