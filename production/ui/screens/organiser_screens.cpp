#include "production/ui/screens/organiser_screens.hpp"

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::production {

using wxui::money_text;
using wxui::scale_font;
using wxui::translated;
using wxui::utf8;
using wxui::wx;

// ---- catalogue -----------------------------------------------------------------------------

CatalogueScreen::CatalogueScreen(wxSimplebook* book, wxui::MessageBar& bar, ImportScreen& import,
                                 ProductScreen& product)
    : WorkshopScreen(book, "catalogue", bar), m_import(import), m_product(product) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Catalogue")), 0, wxEXPAND);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->InsertColumn(0, _("Product"), wxLIST_FORMAT_LEFT, 280);
    m_list->InsertColumn(1, _("Category"), wxLIST_FORMAT_LEFT, 110);
    m_list->InsertColumn(2, _("Price"), wxLIST_FORMAT_RIGHT, 110);
    m_list->InsertColumn(3, _("VAT"), wxLIST_FORMAT_RIGHT, 60);
    m_list->InsertColumn(4, _("Barcode"), wxLIST_FORMAT_LEFT, 140);
    m_list->InsertColumn(5, _("Workshop"), wxLIST_FORMAT_LEFT, 170);
    m_list->InsertColumn(6, _("Sold"), wxLIST_FORMAT_LEFT, 60);
    m_list->InsertColumn(7, _("Picture"), wxLIST_FORMAT_LEFT, 70);
    s->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("New price for the chosen product")), 0,
             wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_price =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(110, -1), wxTE_PROCESS_ENTER);
    m_price->SetHint("189,00");
    row->Add(m_price, 0, wxRIGHT, 6);
    auto* change = new wxButton(this, wxID_ANY, _("Change the price"));
    row->Add(change, 0, wxRIGHT, 24);
    auto* add = new wxButton(this, wxID_ANY, _("New product…"));
    row->Add(add, 0, wxRIGHT, 8);
    auto* import_button = new wxButton(this, wxID_ANY, _("Import items from a CSV file…"));
    row->Add(import_button);
    s->Add(row, 0, wxLEFT | wxRIGHT | wxTOP, 10);
    // How the till's tiles look: a pale colour per category, a picture per product.
    auto* looks = new wxBoxSizer(wxHORIZONTAL);
    looks->Add(new wxStaticText(this, wxID_ANY, _("Colour of the category")), 0,
               wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    m_category = new wxChoice(this, wxID_ANY);
    m_category->SetMinSize(wxSize(160, -1));
    looks->Add(m_category, 0, wxRIGHT, 6);
    m_colour = new wxChoice(this, wxID_ANY);
    m_colour->Append(_("No colour"));
    looks->Add(m_colour, 0, wxRIGHT, 6);
    auto* set_colour = new wxButton(this, wxID_ANY, _("Set the colour"));
    looks->Add(set_colour, 0, wxRIGHT, 24);
    auto* picture = new wxButton(this, wxID_ANY, _("Picture for the chosen product…"));
    looks->Add(picture, 0, wxRIGHT, 8);
    auto* no_picture = new wxButton(this, wxID_ANY, _("Remove its picture"));
    looks->Add(no_picture);
    s->Add(looks, 0, wxALL, 10);
    SetSizer(s);
    auto change_price = [this](wxCommandEvent&) {
        const std::string id = chosen_product();
        if (!id.empty())
            workshop().catalogue().change_price(id, utf8(m_price->GetValue()));
    };
    m_category->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_category_colour(); });
    set_colour->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int c = m_category->GetSelection();
        const int k = m_colour->GetSelection();
        const auto& palette = m_palette;
        workshop().catalogue().set_category_colour(
            c >= 0 && static_cast<std::size_t>(c) < m_categories.size()
                ? m_categories[static_cast<std::size_t>(c)]
                : std::string(),
            k >= 1 && static_cast<std::size_t>(k) <= palette.size()
                ? std::string(palette[static_cast<std::size_t>(k) - 1].key)
                : std::string());
    });
    picture->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const std::string id = chosen_product();
        if (id.empty())
            return;
        wxFileDialog pick(this, _("Choose the product's picture"), "", "",
                          _("Pictures (*.png, *.jpg)|*.png;*.PNG;*.jpg;*.JPG;*.jpeg;*.JPEG|All "
                            "files|*"),
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (pick.ShowModal() == wxID_OK)
            workshop().catalogue().set_picture(id, utf8(pick.GetPath()));
    });
    no_picture->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const std::string id = chosen_product();
        if (!id.empty())
            workshop().catalogue().remove_picture(id);
    });
    change->Bind(wxEVT_BUTTON, change_price);
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { workshop().catalogue().new_product(); });
    m_price->Bind(wxEVT_TEXT_ENTER, change_price);
    import_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog pick(this, _("Choose the catalogue file"), "", "",
                          _("CSV files (*.csv)|*.csv|All files|*"),
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (pick.ShowModal() == wxID_OK)
            workshop().catalogue().import_file(utf8(pick.GetPath()));
    });
}

std::string CatalogueScreen::chosen_product() {
    const long i = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || static_cast<std::size_t>(i) >= m_ids.size()) {
        bar().show_problem(_("Choose a product in the list first."));
        return {};
    }
    return m_ids[static_cast<std::size_t>(i)];
}

void CatalogueScreen::show_category_colour() {
    const int c = m_category->GetSelection();
    int k = 0;
    if (c >= 0 && static_cast<std::size_t>(c) < m_categories.size())
        if (auto it = m_colours.find(m_categories[static_cast<std::size_t>(c)]);
            it != m_colours.end()) {
            const auto& palette = m_palette;
            for (std::size_t i = 0; i < palette.size(); ++i)
                if (palette[i].key == it->second)
                    k = static_cast<int>(i) + 1;
        }
    m_colour->SetSelection(k);
}

void CatalogueScreen::show_catalogue(const CataloguePage& page) {
    // The category chosen before stays chosen (an organiser colours one after another).
    const int chosen = m_category->GetSelection();
    const std::string before = chosen >= 0 && static_cast<std::size_t>(chosen) < m_categories.size()
                                   ? m_categories[static_cast<std::size_t>(chosen)]
                                   : std::string();
    m_categories = page.categories;
    m_colours = page.colours;
    if (m_colour->GetCount() != page.palette.size() + 1) {
        m_palette = page.palette;
        m_colour->Clear();
        m_colour->Append(_("No colour"));
        for (const auto& c : m_palette)
            m_colour->Append(translated(Message(c.name)));
    }
    m_category->Clear();
    for (const auto& c : m_categories)
        m_category->Append(wx(c));
    if (!m_categories.empty()) {
        auto it = std::find(m_categories.begin(), m_categories.end(), before);
        m_category->SetSelection(
            it == m_categories.end() ? 0 : static_cast<int>(it - m_categories.begin()));
    }
    show_category_colour();
    m_list->DeleteAllItems();
    m_ids.clear();
    long row = 0;
    for (const auto& p : page.products) {
        m_list->InsertItem(row, wx(p.name));
        m_list->SetItem(row, 1, wx(p.category));
        m_list->SetItem(row, 2, money_text(p.price));
        m_list->SetItem(row, 3, wxString::Format("%d %%", p.vat_rate.basis_points / 100));
        m_list->SetItem(row, 4, wx(p.barcode));
        for (const auto& w : page.workshops)
            if (p.workshop_id && *p.workshop_id == w.id)
                m_list->SetItem(row, 5, wx(w.name));
        m_list->SetItem(row, 6, p.active ? _("yes") : _("no"));
        if (page.pictures.count(p.id))
            m_list->SetItem(row, 7, _("yes"));
        // The row in its category's colour, as the till's tiles show it.
        if (auto k = page.colours.find(p.category); k != page.colours.end())
            for (const auto& c : page.palette)
                if (c.key == k->second)
                    m_list->SetItemBackgroundColour(row, wxColour(wx(c.hex)));
        m_ids.push_back(p.id);
        ++row;
    }
    m_price->Clear();
    replace_screen();
    m_list->SetFocus();
}

void CatalogueScreen::show_product_form(const ProductForm& form,
                                        const std::vector<Workshop>& workshops) {
    m_product.show(form, workshops);
}

void CatalogueScreen::show_import(const ImportPlan& plan) {
    m_import.show(plan);
}

ImportScreen::ImportScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "import", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Import items"), [this] { workshop().catalogue().cancel_import(); }), 0,
           wxEXPAND);
    m_summary = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_summary, 1.2);
    s->Add(m_summary, 0, wxALL, 10);
    m_rejected = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxLC_REPORT | wxLC_SINGLE_SEL);
    m_rejected->InsertColumn(0, _("Line"), wxLIST_FORMAT_RIGHT, 70);
    m_rejected->InsertColumn(1, _("Why it was rejected"), wxLIST_FORMAT_LEFT, 850);
    s->Add(m_rejected, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    m_confirm =
        new wxButton(this, wxID_ANY, "", wxDefaultPosition, wxSize(360, wxui::touch_height - 8));
    s->Add(m_confirm, 0, wxALL, 10);
    SetSizer(s);
    m_confirm->Bind(wxEVT_BUTTON,
                    [this](wxCommandEvent&) { workshop().catalogue().confirm_import(); });
}

void ImportScreen::show(const ImportPlan& plan) {
    // Two sentences, each with its own plural form.
    m_summary->SetLabel(
        wxString::Format(wxPLURAL("%zu item can be imported.", "%zu items can be imported.",
                                  plural_n(static_cast<std::int64_t>(plan.valid.size()))),
                         plan.valid.size()) +
        " " +
        wxString::Format(wxPLURAL("%zu row was rejected.", "%zu rows were rejected.",
                                  plural_n(static_cast<std::int64_t>(plan.rejected.size()))),
                         plan.rejected.size()));
    m_rejected->DeleteAllItems();
    long row = 0;
    for (const auto& r : plan.rejected) {
        m_rejected->InsertItem(row, wxString::Format("%zu", r.line));
        m_rejected->SetItem(row, 1, translated(r.reason));
        ++row;
    }
    const unsigned n = plural_n(static_cast<std::int64_t>(plan.valid.size()));
    m_confirm->SetLabel(plan.rejected.empty()
                            ? wxString::Format(wxPLURAL("Import %zu item", "Import %zu items", n),
                                               plan.valid.size())
                            : wxString::Format(wxPLURAL("Import only the %zu valid item",
                                                        "Import only the %zu valid items", n),
                                               plan.valid.size()));
    m_confirm->Enable(!plan.valid.empty());
    replace_screen();
    if (plan.valid.empty())
        back_button()->SetFocus();
    else
        m_confirm->SetFocus();
}

// ---- a new product ---------------------------------------------------------------------------

ProductScreen::ProductScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "product", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("A new product"), [this] { workshop().catalogue().open(); }), 0, wxEXPAND);
    auto* grid = new wxFlexGridSizer(2, 8, 12);
    auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), 0,
                  wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    };
    auto field = [&](const wxString& text, wxTextCtrl*& ctrl, const wxString& hint, int width) {
        label(text);
        ctrl = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(width, -1));
        ctrl->SetHint(hint);
        grid->Add(ctrl);
    };
    field(_("Name"), m_name, "", 420);
    field(_("Category"), m_category, _("Keramik, Tekstil, Træ …"), 240);
    field(_("Price with VAT"), m_price, "189,00", 120);
    label(_("VAT"));
    m_vat = new wxChoice(this, wxID_ANY);
    m_vat->Append("25 %");
    m_vat->Append("0 %");
    grid->Add(m_vat);
    field(_("EAN barcode"), m_ean, _("empty: the program gives it a code"), 340);
    field(_("Item number"), m_sku, _("empty: one is made"), 200);
    field(_("Materials"), m_materials, _("stentøj, glasur"), 420);
    grid->AddSpacer(1);
    m_local = new wxCheckBox(this, wxID_ANY, _("Locally sourced materials"));
    grid->Add(m_local);
    label(_("Workshop"));
    m_workshop = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(280, -1));
    grid->Add(m_workshop);
    s->Add(grid, 0, wxALL, 12);
    auto* save = new wxButton(this, wxID_ANY, _("Add to the catalogue"), wxDefaultPosition,
                              wxSize(240, wxui::touch_height - 8));
    s->Add(save, 0, wxALL, 12);
    SetSizer(s);
    save->Bind(wxEVT_BUTTON,
               [this](wxCommandEvent&) { workshop().catalogue().add_product(read()); });
}

void ProductScreen::show(const ProductForm& f, const std::vector<Workshop>& workshops) {
    m_name->SetValue(wx(f.name));
    m_category->SetValue(wx(f.category));
    m_price->SetValue(wx(f.price));
    m_vat->SetSelection(f.vat == "0" ? 1 : 0);
    m_ean->SetValue(wx(f.ean));
    m_sku->SetValue(wx(f.sku));
    m_materials->SetValue(wx(f.materials));
    m_local->SetValue(f.locally_sourced);
    m_workshop->Clear();
    m_workshop_ids.clear();
    m_workshop->Append(_("(none: the shop's own goods)"));
    m_workshop_ids.emplace_back();
    m_workshop->SetSelection(0);
    for (const auto& w : workshops) {
        m_workshop->Append(wx(w.name));
        m_workshop_ids.push_back(w.id);
        if (w.id == f.workshop_id)
            m_workshop->SetSelection(static_cast<int>(m_workshop_ids.size() - 1));
    }
    replace_screen();
    m_name->SetFocus();
}

ProductForm ProductScreen::read() const {
    ProductForm f;
    f.name = utf8(m_name->GetValue());
    f.category = utf8(m_category->GetValue());
    f.price = utf8(m_price->GetValue());
    f.vat = m_vat->GetSelection() == 1 ? "0" : "25";
    f.ean = utf8(m_ean->GetValue());
    f.sku = utf8(m_sku->GetValue());
    f.materials = utf8(m_materials->GetValue());
    f.locally_sourced = m_local->GetValue();
    const int w = m_workshop->GetSelection();
    if (w > 0 && static_cast<std::size_t>(w) < m_workshop_ids.size())
        f.workshop_id = m_workshop_ids[static_cast<std::size_t>(w)];
    return f;
}

// ---- reports -------------------------------------------------------------------------------

ReportsScreen::ReportsScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "reports", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Reports")), 0, wxEXPAND);
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    const wxString kinds[] = {_("Impact report (PDF)"), _("Impact report figures (CSV)"),
                              _("Impact report figures (JSON)"),
                              _("An impact receipt for every sale (PDF)"),
                              _("A maker's own statement (PDF)")};
    m_kind = new wxRadioBox(this, wxID_ANY, _("Document"), wxDefaultPosition, wxDefaultSize, 5,
                            kinds, 1, wxRA_SPECIFY_COLS);
    body->Add(m_kind, 0, wxALL, 10);
    auto* grid = new wxFlexGridSizer(2, 8, 10);
    auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), 0,
                  wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    };
    label(_("From"));
    m_from = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(130, -1));
    grid->Add(m_from);
    label(_("To"));
    m_to = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(130, -1));
    grid->Add(m_to);
    label(_("Workshop"));
    m_workshop = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(280, -1));
    grid->Add(m_workshop);
    label(_("Shop"));
    m_shop = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(280, -1));
    grid->Add(m_shop);
    label(_("Maker (statement)"));
    m_maker = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(280, -1));
    grid->Add(m_maker);
    body->Add(grid, 0, wxALL, 10);
    s->Add(body, 0);
    auto* note = new wxStaticText(
        this, wxID_ANY,
        _("The same documents as bundlinje-report makes. They go to the documents folder; makers "
          "are named only where they agreed, and groups under 5 are not shown."));
    note->Wrap(900);
    s->Add(note, 0, wxALL, 10);
    m_make = new wxButton(this, wxID_ANY, _("Make the document"), wxDefaultPosition,
                          wxSize(260, wxui::touch_height));
    scale_font(m_make, 1.2, true);
    s->Add(m_make, 0, wxALL, 10);
    SetSizer(s);
    m_make->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { workshop().reports().make(read()); });
}

void ReportsScreen::show_reports(const ReportsPage& page) {
    m_from->ChangeValue(wx(page.from));
    m_to->ChangeValue(wx(page.to));
    auto fill = [](wxChoice* c, std::vector<std::string>& ids, const wxString& all,
                   const auto& items) {
        c->Clear();
        ids.clear();
        if (!all.empty()) {
            c->Append(all);
            ids.emplace_back();
        }
        for (const auto& i : items) {
            c->Append(wx(i.name));
            ids.push_back(i.id);
        }
        c->SetSelection(0);
    };
    fill(m_workshop, m_workshop_ids, _("All workshops"), page.workshops);
    fill(m_shop, m_shop_ids, _("All shops"), page.shops);
    fill(m_maker, m_maker_ids, _("(choose)"), page.makers);
    replace_screen();
    m_kind->SetFocus();
}

ReportRequest ReportsScreen::read() const {
    ReportRequest r;
    const ReportKind kinds[] = {ReportKind::impact_report, ReportKind::impact_csv,
                                ReportKind::impact_json, ReportKind::impact_receipts,
                                ReportKind::maker_statement};
    r.kind = kinds[std::clamp(m_kind->GetSelection(), 0, 4)];
    r.from = utf8(m_from->GetValue());
    r.to = utf8(m_to->GetValue());
    auto id = [](wxChoice* c, const std::vector<std::string>& ids) {
        const int i = c->GetSelection();
        return i >= 0 && static_cast<std::size_t>(i) < ids.size() ? ids[static_cast<std::size_t>(i)]
                                                                  : std::string();
    };
    r.workshop_id = id(m_workshop, m_workshop_ids);
    r.shop_id = id(m_shop, m_shop_ids);
    r.maker_id = id(m_maker, m_maker_ids);
    return r;
}

} // namespace bl::production
