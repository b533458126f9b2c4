#include "pos/ui/screens/settings_screens.hpp"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/wxui/fit_label.hpp"
#include "shared/wxui/form.hpp"
#include "shared/wxui/screen.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::scale_font;
using wxui::translated;
using wxui::utf8;
using wxui::wx;

SettingsScreen::SettingsScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "settings", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Settings"));
    scale_font(title, 1.8, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    // A page each for the shop (as printed on receipts) and for the till, so that any
    // screen shows a whole page; each page is a form of labels beside their fields.
    m_pages = new wxNotebook(this, wxID_ANY);
    scale_font(m_pages, 1.1);
    auto page = [this](const wxString& name, wxui::Form*& form) {
        auto* p = new wxPanel(m_pages);
        form = new wxui::Form(p);
        auto* box = new wxBoxSizer(wxVERTICAL);
        box->Add(form->sizer(), 0, wxEXPAND | wxALL, 16);
        p->SetSizer(box);
        m_pages->AddPage(p, name);
        m_forms.emplace_back(form);
    };
    wxui::Form* shop = nullptr;
    wxui::Form* till_form = nullptr;
    page(_("The shop"), shop);
    m_shop_name = shop->add_text(_("Shop name"));
    m_shop_address = shop->add_text(_("Street and number"));
    m_shop_postcode = shop->add_text(_("Postcode"));
    m_shop_city = shop->add_text(_("Town"));
    m_shop_cvr = shop->add_text(_("CVR number"));
    page(_("The till and receipts"), till_form);
    m_printer = till_form->add_text(_("Receipt printer"),
                                    _("/dev/usb/lp0, 192.168.1.50:9100 or cups:Name"));
    m_mobilepay = till_form->add_text(_("Name of the mobile payment"), "MobilePay");
    m_limit = till_form->add_text(_("Largest discount staff may give (kr.)"), "50,00");
    m_footer = till_form->add_text(_("Last line on the receipt"));
    wxArrayString languages;
    languages.Add(wx("Dansk"));
    languages.Add("English");
    m_language = till_form->add_choice(_("Language (from the next start)"), languages);
    m_impact = till_form->add_check(_("\"Bag om tingene\""), _("Print it after the receipt"));
    s->Add(m_pages, 1, wxEXPAND | wxLEFT | wxRIGHT, 20);
    m_pages->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        if (e.GetSelection() != wxNOT_FOUND)
            wxui::relayout(m_pages->GetPage(static_cast<std::size_t>(e.GetSelection())));
        e.Skip();
    });

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_save =
        new wxButton(this, wxID_ANY, _("Save"), wxDefaultPosition, wxSize(150, wxui::touch_height));
    scale_font(m_save, 1.2, true);
    auto* import = new wxButton(this, wxID_ANY, _("Import items from a CSV file…"),
                                wxDefaultPosition, wxSize(-1, wxui::touch_height));
    auto* back =
        new wxButton(this, wxID_ANY, _("Back"), wxDefaultPosition, wxSize(150, wxui::touch_height));
    row->Add(m_save, 0, wxRIGHT, 12);
    row->Add(import, 0, wxRIGHT, 12);
    row->Add(back, 0);
    s->Add(row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    SetSizer(s);

    m_save->Bind(wxEVT_BUTTON,
                 [this](wxCommandEvent&) { till().settings().save_settings(read()); });
    import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog pick(this, _("Choose the catalogue file"), "", "",
                          _("CSV files (*.csv)|*.csv|All files|*"),
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (pick.ShowModal() == wxID_OK)
        till().settings().import_catalogue(utf8(pick.GetPath()));
});
back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
} // namespace bl::pos

SettingsScreen::~SettingsScreen() = default;

void SettingsScreen::show_page(std::size_t page) {
    m_pages->ChangeSelection(page);
    wxui::relayout(m_pages->GetPage(page));
}

void SettingsScreen::show_settings(const TillSettings& t) {
    m_shown = t;
    m_printer->SetValue(wx(t.printer));
    m_mobilepay->SetValue(wx(t.mobilepay_name));
    m_limit->SetValue(wx(t.discount_limit));
    m_footer->SetValue(wx(t.receipt_footer));
    m_impact->SetValue(t.impact_block);
    m_language->SetSelection(t.language == "en" ? 1 : 0);
    m_shop_name->SetValue(wx(t.shop.name));
    m_shop_address->SetValue(wx(t.shop.address));
    m_shop_postcode->SetValue(wx(t.shop.postcode));
    m_shop_city->SetValue(wx(t.shop.city));
    m_shop_cvr->SetValue(wx(t.shop.cvr));
    replace_screen();
    show_page(0);
    m_shop_name->SetFocus();
}

TillSettings SettingsScreen::read() const {
    TillSettings t = m_shown;
    t.printer = utf8(m_printer->GetValue());
    t.mobilepay_name = utf8(m_mobilepay->GetValue());
    t.discount_limit = utf8(m_limit->GetValue());
    t.receipt_footer = utf8(m_footer->GetValue());
    t.impact_block = m_impact->GetValue();
    t.language = m_language->GetSelection() == 1 ? "en" : "da";
    t.shop.name = utf8(m_shop_name->GetValue());
    t.shop.address = utf8(m_shop_address->GetValue());
    t.shop.postcode = utf8(m_shop_postcode->GetValue());
    t.shop.city = utf8(m_shop_city->GetValue());
    t.shop.cvr = utf8(m_shop_cvr->GetValue());
    return t;
}

ImportScreen::ImportScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : TillScreen(book, "import", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Import items"));
    scale_font(title, 1.8, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    m_summary = new wxui::FitLabel(this, 1.3, false, 2, wxALIGN_CENTRE_HORIZONTAL);
    s->Add(m_summary, 0, wxALL | wxEXPAND, 8);
    m_rejected = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(600, 200),
                                wxLC_REPORT | wxLC_SINGLE_SEL);
    m_rejected->InsertColumn(0, _("Line"), wxLIST_FORMAT_RIGHT);
    m_rejected->InsertColumn(1, _("Why it was rejected"), wxLIST_FORMAT_LEFT);
    s->Add(m_rejected, 1, wxLEFT | wxRIGHT | wxEXPAND, 20);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_confirm = new wxButton(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, wxui::touch_height));
    auto* back = new wxButton(this, wxID_ANY, _("Cancel"), wxDefaultPosition,
                              wxSize(150, wxui::touch_height));
    row->Add(m_confirm, 0, wxRIGHT, 12);
    row->Add(back, 0);
    s->Add(row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    SetSizer(s);
    m_confirm->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().settings().confirm_import(); });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
    m_rejected->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        fit_columns();
        e.Skip();
    });
}

void ImportScreen::fit_columns() {
    int line = 0, why = 0;
    m_rejected->GetTextExtent(_("Line"), &line, nullptr);
    m_rejected->GetTextExtent(_("Why it was rejected"), &why, nullptr);
    for (long i = 0; i < m_rejected->GetItemCount(); ++i) {
        int w = 0;
        m_rejected->GetTextExtent(m_rejected->GetItemText(i, 0), &w, nullptr);
        line = std::max(line, w);
        m_rejected->GetTextExtent(m_rejected->GetItemText(i, 1), &w, nullptr);
        why = std::max(why, w);
    }
    m_rejected->SetColumnWidth(0, line + 24);
    m_rejected->SetColumnWidth(1, std::max(why + 24, m_rejected->GetClientSize().x - line - 28));
}

void ImportScreen::show_import(const ImportPlan& plan) {
    const auto valid = static_cast<unsigned>(plan.valid.size());
    const auto rejected = static_cast<unsigned>(plan.rejected.size());
    m_summary->SetLabel(
        wxString::Format(wxPLURAL("%u item can be imported.", "%u items can be imported.", valid),
                         valid) +
        " " +
        wxString::Format(wxPLURAL("%u row was rejected.", "%u rows were rejected.", rejected),
                         rejected));
    m_rejected->DeleteAllItems();
    long row = 0;
    for (const auto& r : plan.rejected) {
        m_rejected->InsertItem(row, wxString::Format("%zu", r.line));
        m_rejected->SetItem(row, 1, translated(r.reason));
        ++row;
    }
    m_confirm->SetLabel(
        plan.rejected.empty()
            ? wxString::Format(wxPLURAL("Import %u item", "Import %u items", valid), valid)
            : wxString::Format(wxPLURAL("Import only the %u valid item",
                                        "Import only the %u valid items", valid),
                               valid));
    m_confirm->Enable(!plan.valid.empty());
    replace_screen();
    fit_columns();
}

} // namespace bl::pos
