#pragma once
/// The till's ports (pos/model/ports.hpp) over a real database file: one small adapter per
/// role, and StoreTill, which holds them all for one till database.

#include <filesystem>

#include "pos/model/ports.hpp"
#include "pos/wiring/background.hpp"
#include "shared/store/database.hpp"
#include "shared/store/people.hpp"

namespace bl::pos {

class StoreCatalogue : public Catalogue {
public:
    explicit StoreCatalogue(Database& db, const Device& device) : m_db(db), m_device(device) {}
    std::optional<Product> product_by_barcode(const std::string& code) override;
    std::optional<Product> product_by_id(const std::string& id) override;
    std::optional<Batch> batch_by_label(const std::string& code) override;
    std::vector<std::pair<std::string, std::int64_t>> categories() override;
    std::vector<Product> products_in(const std::string& category, int limit) override;
    std::vector<Product> search(const std::string& query) override;
    std::map<std::string, std::string> category_colours() override;
    std::map<std::string, std::string> picture_versions() override;
    std::string picture(const std::string& product_id) override;
    std::map<std::string, std::string> workshops_by_name() override;
    bool sku_taken(const std::string& sku) override;
    Result<std::size_t, std::pair<std::size_t, Message>>
    add_products(const std::string& staff_id, const std::vector<Product>& products) override;

private:
    Database& m_db;
    const Device& m_device;
};

class StoreStaff : public StaffDirectory {
public:
    explicit StoreStaff(Database& db, const Device& device) : m_db(db), m_device(device) {}
    std::optional<StaffUser> find(const std::string& staff_id) override;
    std::optional<Timestamp> locked_until(const std::string& staff_id) override;
    Result<Recorded, Message> record(const std::string& staff_id, bool success,
                                     bool approval = false) override;
    int max_failures() const override { return m_policy.max_failures; }
    std::vector<StaffUser> staff_list() override;
    void logout(const std::string& staff_id) override;

private:
    Database& m_db;
    const Device& m_device;
    LockoutPolicy m_policy;
};

/// Thread affinity: called on the till's thread, on its connection; the backup after a Z
/// runs on a background thread with a connection of its own (SQLite connections are not
/// shared between threads), which reads a consistent snapshot while the till goes on
/// writing (WAL).
class StoreShifts : public ShiftBook {
public:
    StoreShifts(Database& db, const Device& device, Background::Post post_to_ui)
        : m_db(db), m_device(device), m_background(std::move(post_to_ui)) {}
    std::optional<Shift> current_shift() override;
    Result<Shift, Message> open_shift(const std::string& staff_id, Money opening) override;
    ShiftTotals shift_totals(const std::string& shift_id) override;
    Result<Shift, Message> close_shift(const std::string& staff_id, const std::string& shift_id,
                                       Money counted) override;
    /// After a Z, on the background thread: checks the whole database against its journal
    /// (verify_database; a passed check is kept, so the next start checks only what comes
    /// after) and writes its backup. Either failing is said in the reply.
    void back_up_after_z(std::int64_t z_number, Reply done) override;
    std::optional<Money> last_counted_cash() override;
    /// Where back_up_after_z writes: "backups" beside the database file.
    std::filesystem::path backup_folder() const;
    /// How many backups are kept; older ones are removed.
    static constexpr std::size_t backups_kept = 14;

private:
    Database& m_db;
    const Device& m_device;
    Background m_background;
};

class StoreReceipts : public ReceiptArchive {
public:
    explicit StoreReceipts(Database& db, const Device& device) : m_db(db), m_device(device) {}
    Result<Sale, Message> record_sale(const std::string& staff_id, const Sale& s) override;
    std::optional<Sale> find_receipt(std::int64_t number) override;
    std::int64_t last_receipt_number() override;
    std::vector<Sale> receipts_since(Timestamp since) override;
    std::optional<Sale> find_sale(const std::string& id) override;
    std::int64_t refunded(const std::string& sale_id, int line_no) override;
    std::optional<SaleImpact> receipt_impact(const std::string& sale_id) override;
    std::optional<doc::ImpactReceiptData> impact_receipt(const std::string& sale_id) override;

private:
    Database& m_db;
    const Device& m_device;
};

class StoreSettings : public SettingsStore {
public:
    explicit StoreSettings(Database& db, const Device& device) : m_db(db), m_device(device) {}
    Device device() override { return m_device; }
    Shop shop() override;
    std::optional<std::string> setting(const std::string& key) override;
    std::optional<Message> save_settings(const std::string& staff_id,
                                         SettingsChange change) override;

private:
    Database& m_db;
    const Device& m_device;
};

class StoreKeptCarts : public KeptCartStore {
public:
    explicit StoreKeptCarts(Database& db) : m_db(db) {}
    std::optional<Message> keep_carts(const KeptCarts& carts) override;
    KeptCarts kept_carts() override;

private:
    Database& m_db;
};

class StoreJournal : public TillJournal {
public:
    explicit StoreJournal(Database& db, const Device& device) : m_db(db), m_device(device) {}
    std::optional<Message> journal(const std::string& staff_id, JournalKind kind,
                                   JsonObject payload) override;
    std::int64_t unsent() override;
    std::optional<Timestamp> last_sync() override;
    Timestamp now() override;

private:
    Database& m_db;
    const Device& m_device;
};

/// Everything a till needs from its database, wired once.
class StoreTill {
public:
    /// The database must belong to a till (see bl::local_device); throws StoreError if not.
    /// `post_to_ui` (wired to wxApp::CallAfter) makes the backup after a Z run on a
    /// background thread; without it, it runs at once (tests, tools).
    explicit StoreTill(Database& db, Background::Post post_to_ui = {});
    StoreTill(const StoreTill&) = delete;
    StoreTill& operator=(const StoreTill&) = delete;

    /// The ports, with receipts going to `printer`.
    TillPorts ports(ReceiptSink& printer);
    const Device& device() const { return m_device; }
    StoreShifts& shifts() { return m_shifts; }

private:
    Device m_device;
    StoreCatalogue m_catalogue;
    StoreStaff m_staff;
    StoreShifts m_shifts;
    StoreReceipts m_receipts;
    StoreSettings m_settings;
    StoreKeptCarts m_carts;
    StoreJournal m_journal;
};

} // namespace bl::pos
