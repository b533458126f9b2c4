#pragma once
/// For organisers: the catalogue (prices, the CSV import and its check) and the reports
/// (bundlinje-report's impact documents, made here with a progress dialog).

#include <map>
#include <string>
#include <vector>

#include "production/ui/screens/workshop_screen.hpp"

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxRadioBox;
class wxTextCtrl;

namespace bl::production {

class ImportScreen;
class ProductScreen;

class CatalogueScreen : public WorkshopScreen, public CatalogueView {
public:
    CatalogueScreen(wxSimplebook* book, wxui::MessageBar& bar, ImportScreen& import,
                    ProductScreen& product);
    void show_catalogue(const CataloguePage& page) override;
    void show_product_form(const ProductForm& form,
                           const std::vector<Workshop>& workshops) override;
    void show_import(const ImportPlan& plan) override;

private:
    /// The chosen product's id, or "" after saying that one must be chosen.
    std::string chosen_product();
    /// Shows the chosen category's colour in the palette's choice.
    void show_category_colour();
    ImportScreen& m_import;
    ProductScreen& m_product;
    std::vector<std::string> m_ids;
    std::vector<std::string> m_categories;
    std::map<std::string, std::string> m_colours; ///< category -> palette key
    std::vector<ColourChoice> m_palette;
    wxListCtrl* m_list = nullptr;
    wxTextCtrl* m_price = nullptr;
    wxChoice* m_category = nullptr;
    wxChoice* m_colour = nullptr; ///< "no colour", then the palette in its order
};

class ImportScreen : public WorkshopScreen {
public:
    ImportScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show(const ImportPlan& plan);

private:
    wxStaticText* m_summary = nullptr;
    wxListCtrl* m_rejected = nullptr;
    wxButton* m_confirm = nullptr;
};

/// A new product: name, category, price, VAT rate, EAN, item number, materials, locally
/// sourced, workshop.
class ProductScreen : public WorkshopScreen {
public:
    ProductScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show(const ProductForm& form, const std::vector<Workshop>& workshops);
    ProductForm read() const;

private:
    std::vector<std::string> m_workshop_ids;
    wxTextCtrl *m_name = nullptr, *m_category = nullptr, *m_price = nullptr, *m_ean = nullptr,
               *m_sku = nullptr, *m_materials = nullptr;
    wxChoice *m_vat = nullptr, *m_workshop = nullptr;
    wxCheckBox* m_local = nullptr;
};

class ReportsScreen : public WorkshopScreen, public ReportsView {
public:
    ReportsScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_reports(const ReportsPage& page) override;
    ReportRequest read() const;
    wxButton* make_button() const { return m_make; }

private:
    std::vector<std::string> m_workshop_ids, m_shop_ids, m_maker_ids;
    wxRadioBox* m_kind = nullptr;
    wxTextCtrl *m_from = nullptr, *m_to = nullptr;
    wxChoice *m_workshop = nullptr, *m_shop = nullptr, *m_maker = nullptr;
    wxButton* m_make = nullptr;
};

} // namespace bl::production
