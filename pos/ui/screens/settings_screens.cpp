#include "pos/ui/screens/settings_screens.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

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
    scale_font(title, 2.0, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    auto* grid = new wxFlexGridSizer(2, 10, 12);
    auto label = [&](const wxString& text) {
        auto* l = new wxStaticText(this, wxID_ANY, text);
        scale_font(l, 1.2);
        grid->Add(l, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    };
    auto field = [&](const wxString& text, wxTextCtrl*& ctrl, const wxString& hint) {
        label(text);
        ctrl = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(420, -1));
        scale_font(ctrl, 1.2);
        ctrl->SetHint(hint);
        grid->Add(ctrl, 1, wxEXPAND);
    };
    field(_("Receipt printer"), m_printer,
          _("/dev/usb/lp0, 192.168.1.50:9100 or cups:Name; empty for none"));
    field(_("Shop name"), m_shop_name, "");
    field(_("Street and number"), m_shop_address, "");
    field(_("Postcode"), m_shop_postcode, "");
    field(_("Town"), m_shop_city, "");
    field(_("CVR number"), m_shop_cvr, "");
    field(_("Name of the mobile payment"), m_mobilepay, "MobilePay");
    field(_("Largest discount staff may give (kr.)"), m_limit, "50,00");
    field(_("Last line on the receipt"), m_footer, "");
    label(_("Language (from the next start)"));
    m_language = new wxChoice(this, wxID_ANY);
    m_language->Append(wx("Dansk"));
    m_language->Append("English");
    scale_font(m_language, 1.2);
    grid->Add(m_language, 0);
    grid->AddSpacer(1);
    m_impact = new wxCheckBox(this, wxID_ANY, _("Print \"Bag om tingene\" after the receipt"));
    scale_font(m_impact, 1.2);
    grid->Add(m_impact);
    s->Add(grid, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_save = new wxButton(this, wxID_ANY, _("Save"), wxDefaultPosition,
                          wxSize(150, wxui::big_touch_height - 8));
    auto* import = new wxButton(this, wxID_ANY, _("Import items from a CSV file…"),
                                wxDefaultPosition, wxSize(300, wxui::big_touch_height - 8));
    auto* back = new wxButton(this, wxID_ANY, _("Back"), wxDefaultPosition,
                              wxSize(150, wxui::big_touch_height - 8));
    row->Add(m_save, 0, wxRIGHT, 12);
    row->Add(import, 0, wxRIGHT, 12);
    row->Add(back, 0);
    s->Add(row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
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
    m_printer->SetFocus();
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
    scale_font(title, 2.0, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    m_summary = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_summary, 1.3);
    s->Add(m_summary, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    m_rejected = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(900, 300),
                                wxLC_REPORT | wxLC_SINGLE_SEL);
    m_rejected->InsertColumn(0, _("Line"), wxLIST_FORMAT_RIGHT, 70);
    m_rejected->InsertColumn(1, _("Why it was rejected"), wxLIST_FORMAT_LEFT, 820);
    s->Add(m_rejected, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_confirm = new wxButton(this, wxID_ANY, "", wxDefaultPosition,
                             wxSize(360, wxui::big_touch_height - 8));
    auto* back = new wxButton(this, wxID_ANY, _("Cancel"), wxDefaultPosition,
                              wxSize(150, wxui::big_touch_height - 8));
    row->Add(m_confirm, 0, wxRIGHT, 12);
    row->Add(back, 0);
    s->Add(row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
    SetSizer(s);
    m_confirm->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().settings().confirm_import(); });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { till().selling().back_to_sale(); });
}

void ImportScreen::show_import(const ImportPlan& plan) {
    m_summary->SetLabel(wxString::Format(_("%zu items can be imported; %zu rows were rejected."),
                                         plan.valid.size(), plan.rejected.size()));
    m_rejected->DeleteAllItems();
    long row = 0;
    for (const auto& r : plan.rejected) {
        m_rejected->InsertItem(row, wxString::Format("%zu", r.line));
        m_rejected->SetItem(row, 1, translated(r.reason));
        ++row;
    }
    m_confirm->SetLabel(
        plan.rejected.empty()
            ? wxString::Format(_("Import %zu items"), plan.valid.size())
            : wxString::Format(_("Import only the %zu valid items"), plan.valid.size()));
    m_confirm->Enable(!plan.valid.empty());
    replace_screen();
}

} // namespace bl::pos
