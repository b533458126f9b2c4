#pragma once
/// For organisers: the catalogue (prices, the CSV import and its check) and the reports
/// (bundlinje-report's impact documents, made here with a progress dialog).

#include <string>
#include <vector>

#include "production/ui/screens/workshop_screen.hpp"

class wxChoice;
class wxListCtrl;
class wxRadioBox;
class wxTextCtrl;

namespace bl::production {

class ImportScreen;

class CatalogueScreen : public WorkshopScreen, public CatalogueView {
public:
    CatalogueScreen(wxSimplebook* book, wxui::MessageBar& bar, ImportScreen& import);
    void show_catalogue(const CataloguePage& page) override;
    void show_import(const ImportPlan& plan) override;

private:
    ImportScreen& m_import;
    std::vector<std::string> m_ids;
    wxListCtrl* m_list = nullptr;
    wxTextCtrl* m_price = nullptr;
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
