#pragma once
/// The till's store and receipt outlets over a real database file and printer.

#include <filesystem>

#include "pos/model/till.hpp"
#include "pos/print/transport.hpp"
#include "shared/store/database.hpp"
#include "shared/store/people.hpp"
#include "shared/store/setup.hpp"

namespace bl::pos {

class StoreTill : public TillStore {
public:
    /// The database must belong to a till (see bl::local_device).
    explicit StoreTill(Database& db);

    std::optional<Product> product_by_barcode(const std::string& code) override;
    std::optional<Product> product_by_id(const std::string& id) override;
    std::optional<Batch> batch_by_label(const std::string& code) override;
    std::optional<StaffUser> find(const std::string& staff_id) override;
    std::optional<Timestamp> locked_until(const std::string& staff_id) override;
    Result<Recorded, Message> record(const std::string& staff_id, bool success,
                                     bool approval = false) override;
    int max_failures() const override { return m_policy.max_failures; }

    Shop shop() override;
    Result<Shop, Message> update_shop(const std::string& staff_id, const Shop& s) override;
    Device device() override;
    std::vector<StaffUser> staff_list() override;
    std::vector<std::pair<std::string, std::int64_t>> categories() override;
    std::vector<Product> products_in(const std::string& category, int limit) override;
    std::vector<Product> search(const std::string& query) override;
    std::optional<Shift> current_shift() override;
    Result<Shift, Message> open_shift(const std::string& staff_id, Money opening) override;
    Result<Sale, Message> record_sale(const std::string& staff_id, const Sale& s) override;
    ShiftTotals shift_totals(const std::string& shift_id) override;
    Result<Shift, Message> close_shift(const std::string& staff_id, const std::string& shift_id,
                                       Money counted) override;
    void logout(const std::string& staff_id) override;
    std::optional<Sale> find_receipt(std::int64_t number) override;
    std::int64_t last_receipt_number() override;
    std::optional<Sale> find_sale(const std::string& id) override;
    std::int64_t refunded(const std::string& sale_id, int line_no) override;
    std::optional<SaleImpact> receipt_impact(const std::string& sale_id) override;
    std::int64_t unsent() override;
    std::optional<Timestamp> last_sync() override;
    std::optional<std::string> setting(const std::string& key) override;
    std::map<std::string, std::string> workshops_by_name() override;
    Result<std::size_t, std::pair<std::size_t, Message>>
    add_products(const std::string& staff_id, const std::vector<Product>& products) override;
    std::optional<Message> save_settings(const std::string& staff_id,
                                         SettingsChange change) override;
    std::optional<Message> journal(const std::string& staff_id, JournalKind kind,
                                   JsonObject payload) override;
    std::optional<Message> keep_carts(const KeptCarts& carts) override;
    std::optional<Message> back_up_after_z(std::int64_t z_number) override;
    /// Where back_up_after_z writes: "backups" beside the database file.
    std::filesystem::path backup_folder() const;
    /// How many backups are kept; older ones are removed.
    static constexpr std::size_t backups_kept = 14;
    KeptCarts kept_carts() override;
    Timestamp now() override;

private:
    Database& m_db;
    Device m_device;
    LockoutPolicy m_policy;
};

/// Sends receipts to the configured printer (setting "printer"), and always keeps a text
/// copy in the shop's receipts folder, so a receipt is never lost with a jammed printer.
class PrinterSink : public ReceiptSink {
public:
    PrinterSink(std::optional<PrinterTarget> printer, std::filesystem::path folder);
    std::optional<Message> deliver(const receipts::ReceiptText& receipt) override;
    std::optional<Message> open_drawer() override;
    std::optional<Message> use_printer(const std::string& setting) override;
    const std::filesystem::path& folder() const { return m_folder; }

private:
    std::optional<PrinterTarget> m_printer;
    std::filesystem::path m_folder;
};

} // namespace bl::pos
