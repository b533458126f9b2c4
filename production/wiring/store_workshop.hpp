#pragma once
/// The workshop program's ports (production/model/ports.hpp) over a real database file: one
/// small adapter per role, the impact documents' data through bundlinje-report's functions
/// (receipts/app/report_data), documents into a folder through the PDF renderer, and
/// StoreWorkshop, which holds them all for one workshop station's database.

#include <filesystem>
#include <string>

#include "production/model/ports.hpp"
#include "shared/store/database.hpp"
#include "shared/store/people.hpp"

namespace bl::production {

class StoreStaffPort : public StaffPort {
public:
    StoreStaffPort(Database& db, const Device& device) : m_db(db), m_device(device) {}
    std::vector<StaffUser> staff_list() override;
    std::optional<StaffUser> find(const std::string& staff_id) override;
    std::optional<Timestamp> locked_until(const std::string& staff_id) override;
    Result<Recorded, Message> record(const std::string& staff_id, bool success) override;
    int max_failures() const override { return m_policy.max_failures; }
    void logout(const std::string& staff_id) override;

private:
    Database& m_db;
    const Device& m_device;
    LockoutPolicy m_policy;
};

class StoreStation : public StationPort {
public:
    StoreStation(Database& db, const Device& device) : m_db(db), m_device(device) {}
    Device device() override { return m_device; }
    std::vector<Workshop> workshops() override;
    std::vector<Shop> shops() override;
    std::optional<std::string> setting(const std::string& key) override;
    std::optional<Message> set_setting(const std::string& staff_id, const std::string& key,
                                       const std::string& value) override;
    std::optional<Message> journal(const std::string& staff_id, JournalKind kind,
                                   JsonObject payload) override;
    std::int64_t unsent() override;
    std::optional<Timestamp> last_sync() override;
    Timestamp now() override;

private:
    Database& m_db;
    const Device& m_device;
};

class StoreMakers : public MakerRegistry {
public:
    StoreMakers(Database& db, const Device& device) : m_db(db), m_device(device) {}
    std::vector<Maker> makers(const std::optional<std::string>& workshop_id) override;
    std::optional<Maker> maker(const std::string& id) override;
    std::optional<MakerPrivate> private_details(const std::string& id) override;
    Result<Maker, Message> add(const std::string& staff_id, Maker m,
                               const MakerPrivate& details) override;
    Result<Maker, Message> update(const std::string& staff_id, Maker m,
                                  const MakerPrivate& details) override;
    ConsentLevel consent(const std::string& id, ConsentChannel channel) override;
    std::vector<Consent> consent_history(const std::string& id) override;
    Result<Consent, Message> record_consent(const std::string& staff_id, const std::string& id,
                                            ConsentChannel channel, ConsentLevel level) override;
    Result<Maker, Message> erase(const std::string& staff_id, const std::string& id) override;
    Result<ErasureCheck, Message> wipe(const std::vector<std::string>& texts) override;
    std::vector<MakerWork> work_of(const std::string& id) override;

private:
    Database& m_db;
    const Device& m_device;
};

class StoreProduction : public ProductionBook {
public:
    StoreProduction(Database& db, const Device& device) : m_db(db), m_device(device) {}
    std::vector<Product> products() override;
    Result<Batch, Message> log_batch(const std::string& staff_id, Batch b) override;
    Result<Batch, Message> correct_batch(const std::string& staff_id, const Batch& now,
                                         const std::string& reason) override;
    std::vector<CorrectionRecord> corrections(const std::string& batch_id) override;
    std::optional<Batch> batch(const std::string& id) override;
    std::optional<Batch> batch_by_label(const std::string& code) override;
    std::vector<StockRow> stock(const std::optional<std::string>& workshop_id) override;
    Result<std::int64_t, Message> deliver(const std::string& staff_id, const std::string& shop_id,
                                          const std::vector<DeliveryLine>& lines) override;
    Result<std::int64_t, Message> report_back(const std::string& staff_id,
                                              const std::string& batch_id,
                                              const std::string& shop_id, std::int64_t units,
                                              bool broken) override;

private:
    Database& m_db;
    const Device& m_device;
};

class StoreCatalogueBook : public CatalogueBook {
public:
    StoreCatalogueBook(Database& db, const Device& device) : m_db(db), m_device(device) {}
    std::vector<Product> products() override;
    std::map<std::string, std::string> workshops_by_name() override;
    bool barcode_taken(const std::string& code) override;
    bool sku_taken(const std::string& sku) override;
    Result<std::size_t, std::pair<std::size_t, Message>>
    add_products(const std::string& staff_id, const std::vector<Product>& products) override;
    Result<Product, Message> add_product(const std::string& staff_id, Product p) override;
    Result<Product, Message> change_price(const std::string& staff_id,
                                          const std::string& product_id, Money price) override;
    std::map<std::string, std::string> category_colours() override;
    std::map<std::string, std::string> picture_versions() override;
    Result<Done, Message> set_category_colour(const std::string& staff_id,
                                              const std::string& category,
                                              const std::string& colour) override;
    Result<Done, Message> set_picture(const std::string& staff_id, const std::string& product_id,
                                      const std::string& png) override;

private:
    Database& m_db;
    const Device& m_device;
};

/// The impact documents' data, read with bundlinje-report's functions and the coefficient
/// file given.
class StoreReports : public ReportSource {
public:
    StoreReports(Database& db, std::string coefficients_path)
        : m_db(db), m_coefficients(std::move(coefficients_path)) {}
    Result<impact::Period, Message> read_period(const std::string& from,
                                                const std::string& to) override;
    Result<doc::PeriodReportData, Message> period_report(const impact::Period& p,
                                                         const impact::Scope& scope) override;
    std::vector<std::string> sales_in(const impact::Period& p,
                                      const std::optional<std::string>& shop_id) override;
    std::optional<doc::ImpactReceiptData> impact_receipt(const std::string& sale_id) override;
    Result<doc::MakerStatementData, Message> maker_statement(const std::string& maker_id,
                                                             const impact::Period& p) override;

private:
    Database& m_db;
    std::string m_coefficients;
};

/// Documents as PDF (receipts/pdf) and text files in a folder; PDFs to CUPS with `lp`.
class DocumentFolder : public DocumentOutlet {
public:
    explicit DocumentFolder(std::filesystem::path folder) : m_folder(std::move(folder)) {}
    const doc::TextMeasure& measure() override;
    Result<std::string, Message> save_pdf(const doc::Document& d, const std::string& file_name,
                                          const std::string& folder = {}) override;
    Result<std::string, Message> save_text(const std::string& text,
                                           const std::string& file_name) override;
    bool exists(const std::string& file_name, const std::string& folder) override;
    std::optional<Message> print(const std::string& path, const std::string& queue) override;
    const std::filesystem::path& folder() const { return m_folder; }

private:
    Result<std::filesystem::path, Message> place(const std::string& folder);
    std::filesystem::path m_folder;
};

/// Everything a workshop station needs from its database, wired once.
class StoreWorkshop {
public:
    /// The database must belong to a workshop station or an organiser's device (see
    /// bl::local_device); throws StoreError if not. Documents go to `documents` (made when
    /// needed); the period report's estimates use the coefficient file `coefficients`.
    StoreWorkshop(Database& db, std::filesystem::path documents, std::string coefficients);
    StoreWorkshop(const StoreWorkshop&) = delete;
    StoreWorkshop& operator=(const StoreWorkshop&) = delete;

    WorkshopPorts ports();
    const Device& device() const { return m_device; }
    DocumentFolder& documents() { return m_documents; }

private:
    Device m_device;
    StoreStaffPort m_staff;
    StoreStation m_station;
    StoreMakers m_makers;
    StoreProduction m_production;
    StoreCatalogueBook m_catalogue;
    StoreReports m_reports;
    DocumentFolder m_documents;
};

/// "documents" beside the database file: where a station's PDFs and exports go.
std::filesystem::path documents_folder_for(const std::string& db_path);

} // namespace bl::production
