#pragma once
// The workshop program's flows with fake views (recording what each screen was told), on a
// real workshop station's database: Keramikværkstedet's station with a second workshop, the
// shop and its till registered, staff (Mette, staff; Jonas, workshop leader; Lise, organiser;
// all PIN 2468), makers and products. Shared by the flow tests.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../store/fixture.hpp"
#include "production/model/back_office.hpp"
#include "production/wiring/store_workshop.hpp"
#include "shared/store/raw_sql.hpp"

namespace test {

struct FakeViews : bl::production::MessageView,
                   bl::production::StatusView,
                   bl::production::LoginView,
                   bl::production::HomeView,
                   bl::production::MakersView,
                   bl::production::MakerEditView,
                   bl::production::ConsentView,
                   bl::production::EraseView,
                   bl::production::QuickLogView,
                   bl::production::EasyReadView,
                   bl::production::TagsView,
                   bl::production::LabelsView,
                   bl::production::DeliveriesView,
                   bl::production::StockView,
                   bl::production::CatalogueView,
                   bl::production::ReportsView,
                   bl::production::ProgressView {
    std::string screen;
    std::vector<std::string> problems, news;
    std::string staff_name, workshop_name;
    std::int64_t unsent = 0;
    std::vector<bl::StaffUser> login;
    bl::production::HomeState home;
    bl::production::MakerList makers;
    bl::production::MakerForm maker_form;
    bl::production::ConsentPage consent;
    bl::production::ErasePage erase;
    std::optional<bl::production::ErasureReport> erased;
    bl::production::QuickSetup quick_setup;
    bl::production::QuickForm quick_form;
    bl::production::BatchSums sums;
    bl::production::EasyState easy;
    std::vector<std::string> tags;
    bl::production::LabelsPage labels;
    bl::production::DeliveriesPage deliveries;
    bl::production::StockPage stock;
    bl::production::CataloguePage catalogue;
    std::optional<bl::ImportPlan> import;
    bl::production::ProductForm product_form;
    std::size_t product_workshops = 0;
    bl::production::ReportsPage reports;
    // The progress dialog: its steps, and after how many steps the person presses Cancel.
    std::size_t progress_steps = 0, progress_done = 0;
    std::optional<std::size_t> cancel_after;
    bool progress_open = false;

    bl::production::WorkshopViews views() {
        return {*this, *this, *this, *this, *this, *this, *this, *this, *this,
                *this, *this, *this, *this, *this, *this, *this, *this};
    }

    std::string last_problem() const { return problems.empty() ? "" : problems.back(); }
    std::string last_news() const { return news.empty() ? "" : news.back(); }

    void show_problem(const bl::Message& m) override { problems.push_back(bl::render(m)); }
    void show_news(const bl::Message& m) override { news.push_back(bl::render(m)); }
    void show_status(const std::string& name, const std::string& workshop, std::int64_t n,
                     std::optional<bl::Timestamp>, const std::string&) override {
        staff_name = name;
        workshop_name = workshop;
        unsent = n;
    }
    void show_login(const std::vector<bl::StaffUser>& s) override {
        screen = "login";
        login = s;
    }
    void show_home(const bl::production::HomeState& h) override {
        screen = "home";
        home = h;
    }
    void show_makers(const bl::production::MakerList& l) override {
        screen = "makers";
        makers = l;
    }
    void show_maker_form(const bl::production::MakerForm& f) override {
        screen = "maker";
        maker_form = f;
    }
    void show_consent(const bl::production::ConsentPage& p) override {
        screen = "consent";
        consent = p;
    }
    void show_erase(const bl::production::ErasePage& p) override {
        screen = "erase";
        erase = p;
    }
    void show_erased(const bl::production::ErasureReport& r) override {
        screen = "erased";
        erased = r;
    }
    void show_quick_form(const bl::production::QuickSetup& s,
                         const bl::production::QuickForm& f) override {
        screen = "quick";
        quick_setup = s;
        quick_form = f;
    }
    void show_quick_rows(const bl::production::QuickForm& f) override { quick_form = f; }
    void show_sums(const bl::production::BatchSums& s) override { sums = s; }
    void show_easy(const bl::production::EasyState& s) override {
        screen = "easy";
        easy = s;
    }
    void show_tags(const std::vector<std::string>& t) override {
        screen = "tags";
        tags = t;
    }
    void show_labels(const bl::production::LabelsPage& p) override {
        screen = "labels";
        labels = p;
    }
    void show_deliveries(const bl::production::DeliveriesPage& p) override {
        screen = "deliveries";
        deliveries = p;
    }
    void show_stock(const bl::production::StockPage& p) override {
        screen = "stock";
        stock = p;
    }
    void show_catalogue(const bl::production::CataloguePage& p) override {
        screen = "catalogue";
        catalogue = p;
    }
    void show_product_form(const bl::production::ProductForm& f,
                           const std::vector<bl::Workshop>& w) override {
        screen = "product";
        product_form = f;
        product_workshops = w.size();
    }
    void show_import(const bl::ImportPlan& p) override {
        screen = "import";
        import = p;
    }
    void show_reports(const bl::production::ReportsPage& p) override {
        screen = "reports";
        reports = p;
    }
    void begin_progress(const bl::Message&, std::size_t steps) override {
        progress_open = true;
        progress_steps = steps;
        progress_done = 0;
    }
    bool progress(std::size_t done) override {
        progress_done = done;
        return !cancel_after || done < *cancel_after;
    }
    void end_progress() override { progress_open = false; }
};

/// A workshop station's database with its people, places and products.
struct Station {
    TempDir dir;
    std::unique_ptr<bl::Database> db;
    bl::Device station, other_station, till;
    bl::Workshop workshop, textiles;
    bl::Shop shop;
    bl::StaffUser clerk, leader, organiser;
    bl::Maker anna, prik, sofie;
    bl::Product mug, bowl, retired, cloth;

    Station();
    bl::Actor at_station() const { return {station.id, leader.id}; }
    std::string documents() const { return dir.file("dokumenter"); }
};

/// The program on the station with fake views; logged in as `who` when given.
struct WorkshopRig {
    Station s;
    bl::production::StoreWorkshop store;
    FakeViews view;
    bl::production::BackOffice workshop;
    explicit WorkshopRig(const std::string& who = "Jonas");
    void log_in(const bl::StaffUser& u, const std::string& pin = "2468");
    bl::Database& db() { return *s.db; }
    std::int64_t count(const std::string& sql) { return test::count(*s.db, sql); }
    /// A quick form for the mug: `units`, today, the makers each with a time as typed.
    bl::production::QuickForm
    mug_form(const std::string& units,
             const std::vector<std::pair<const bl::Maker*, std::string>>& times);
};

/// Every text pdftotext finds in a PDF.
std::string pdf_text(const std::string& path);
/// The barcode of every label on a PDF's pages of `columns` x `rows` labels (rendered at
/// 300 dpi, each label read by zbarimg on its own), as "CODE-128:…".
std::vector<std::string> barcodes_in(const std::string& pdf, int columns, int rows);

} // namespace test
