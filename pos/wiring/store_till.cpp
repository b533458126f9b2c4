#include "pos/wiring/store_till.hpp"

#include <algorithm>

#include "receipts/app/report_data.hpp"
#include "shared/core/text.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/catalogue_look.hpp"
#include "shared/store/kept_carts.hpp"
#include "shared/store/outbox.hpp"
#include "shared/store/production.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/setup.hpp"
#include "shared/store/verify.hpp"

namespace bl::pos {

namespace {

Device till_device(Database& db) {
    auto d = local_device(db);
    if (!d || d->role != DeviceRole::till || !d->shop_id)
        throw StoreError(Message(BL_N_("This database does not belong to a till.")));
    return *d;
}

std::optional<Message> problem_of(const Result<Done, Message>& r) {
    return r ? std::nullopt : std::optional<Message>(r.error());
}

} // namespace

// ---- catalogue ---------------------------------------------------------------------------

std::optional<Product> StoreCatalogue::product_by_barcode(const std::string& code) {
    return find_product_by_barcode(m_db, code);
}

std::optional<Product> StoreCatalogue::product_by_id(const std::string& id) {
    return find_product(m_db, id);
}

std::optional<Batch> StoreCatalogue::batch_by_label(const std::string& code) {
    return find_batch_by_label(m_db, code);
}

std::vector<std::pair<std::string, std::int64_t>> StoreCatalogue::categories() {
    return list_categories(m_db);
}

std::vector<Product> StoreCatalogue::products_in(const std::string& category, int limit) {
    return list_products_in(m_db, category, limit);
}

std::vector<Product> StoreCatalogue::search(const std::string& query) {
    return search_products(m_db, query, 30);
}

std::map<std::string, std::string> StoreCatalogue::category_colours() {
    return bl::category_colours(m_db);
}

std::map<std::string, std::string> StoreCatalogue::picture_versions() {
    return product_picture_versions(m_db);
}

std::string StoreCatalogue::picture(const std::string& product_id) {
    auto p = find_product_picture(m_db, product_id);
    return p ? p->png : std::string();
}

std::map<std::string, std::string> StoreCatalogue::workshops_by_name() {
    std::map<std::string, std::string> out;
    for (const auto& w : list_workshops(m_db))
        out[search_fold(w.name)] = w.id;
    return out;
}

bool StoreCatalogue::sku_taken(const std::string& sku) {
    return find_product_by_sku(m_db, sku).has_value();
}

Result<std::size_t, std::pair<std::size_t, Message>>
StoreCatalogue::add_products(const std::string& staff_id, const std::vector<Product>& products) {
    return bl::add_products(m_db, Actor{m_device.id, staff_id}, products);
}

// ---- staff -------------------------------------------------------------------------------

std::optional<StaffUser> StoreStaff::find(const std::string& staff_id) {
    return find_staff(m_db, staff_id);
}

std::optional<Timestamp> StoreStaff::locked_until(const std::string& staff_id) {
    auto st = login_state(m_db, staff_id);
    return st ? st->locked_until : std::nullopt;
}

Result<StaffAccess::Recorded, Message> StoreStaff::record(const std::string& staff_id, bool success,
                                                          bool approval) {
    auto r = record_login_attempt(m_db, m_device.id, staff_id, success, m_policy, approval);
    if (!r)
        return err(r.error());
    return Recorded{r.value().failed_attempts, r.value().locked_until};
}

std::vector<StaffUser> StoreStaff::staff_list() {
    std::vector<StaffUser> out;
    for (auto& u : list_staff(m_db))
        if (u.active)
            out.push_back(std::move(u));
    return out;
}

void StoreStaff::logout(const std::string& staff_id) {
    // A logout that cannot be journaled (a full disk) still logs out: the next login is.
    (void)record_logout(m_db, Actor{m_device.id, staff_id});
}

// ---- shifts ------------------------------------------------------------------------------

std::optional<Shift> StoreShifts::current_shift() {
    return bl::current_shift(m_db, m_device.id);
}

Result<Shift, Message> StoreShifts::open_shift(const std::string& staff_id, Money opening) {
    return bl::open_shift(m_db, Actor{m_device.id, staff_id}, opening);
}

ShiftTotals StoreShifts::shift_totals(const std::string& shift_id) {
    return bl::shift_totals(m_db, shift_id);
}

Result<Shift, Message> StoreShifts::close_shift(const std::string& staff_id,
                                                const std::string& shift_id, Money counted) {
    return bl::close_shift(m_db, Actor{m_device.id, staff_id}, shift_id, counted);
}

std::filesystem::path StoreShifts::backup_folder() const {
    return std::filesystem::path(m_db.path()).parent_path() / "backups";
}

namespace {

// Background thread (or the caller's, without one): a consistent copy of the database
// through a connection of its own, written whole under its final name, and the oldest
// backups beyond `keep` removed.
std::optional<Message> write_backup(const std::string& db_path, const std::filesystem::path& folder,
                                    const std::string& name, std::size_t keep) {
    namespace fs = std::filesystem;
    const Message failed(BL_N_("The day is closed, but its backup could not be written to %s. "
                               "Free some space, or copy %s somewhere safe by hand."),
                         {folder.string(), db_path});
    const fs::path part = folder / (name + ".part");
    std::error_code ec;
    fs::create_directories(folder, ec);
    fs::remove(part, ec);
    try {
        Database own(db_path);
        if (!back_up(own, part.string())) {
            fs::remove(part, ec);
            return failed;
        }
    } catch (const StoreError&) {
        fs::remove(part, ec);
        return failed;
    }
    // Whole or not at all: a half-written file never has a backup's name.
    fs::rename(part, folder / name, ec);
    if (ec)
        return failed;
    std::vector<fs::path> backups;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string file = entry.path().filename().string();
        if (file.rfind("bundlinje-", 0) == 0 && entry.path().extension() == ".db")
            backups.push_back(entry.path());
    }
    std::sort(backups.begin(), backups.end());
    for (std::size_t i = 0; i + keep < backups.size(); ++i)
        fs::remove(backups[i], ec);
    return std::nullopt;
}

// The day is closed: the whole database is checked against its journal (a passed check is
// kept, so the next start checks only what comes after). On the background thread, through
// the backup's connection.
std::optional<Message> check_after_z(Database& db) {
    try {
        const DatabaseCheck check = verify_database(db);
        if (check.ok()) {
            // Kept or not, the records are fine: if it is not kept, the next start checks
            // from the previous full check.
            (void)record_full_check(db, check);
            return std::nullopt;
        }
        const Finding& first = check.findings.front();
        return Message(
            BL_N_("The day is closed, but the check of the database after the Z "
                  "report found that it was changed outside the till, first in %s "
                  "(%s). Tell the organiser today; they can see every problem with: "
                  "bundlinje-demo --db %s --verify"),
            {first.table, first.row.empty() ? std::to_string(first.seq) : first.row, db.path()});
    } catch (const StoreError& e) {
        return e.message();
    }
}

// The check first, then the backup; both failing is said in one message.
std::optional<Message> check_and_back_up(const std::string& db_path,
                                         const std::filesystem::path& folder,
                                         const std::string& name, std::size_t keep) {
    std::optional<Message> problem;
    try {
        Database own(db_path);
        problem = check_after_z(own);
    } catch (const StoreError& e) {
        problem = e.message();
    }
    std::optional<Message> backup = write_backup(db_path, folder, name, keep);
    if (problem && backup)
        return Message(BL_N_("The day is closed, but its backup could not be written to %s, and "
                             "the check of the database after the Z report found a problem. "
                             "Copy %s somewhere safe by hand and tell the organiser today."),
                       {folder.string(), db_path});
    return problem ? problem : backup;
}

} // namespace

void StoreShifts::back_up_after_z(std::int64_t z_number, Reply done) {
    // Named on the till's thread, by day and Z number, so that they sort oldest first:
    // "bundlinje-2026-11-27-z000012.db".
    char z[16];
    std::snprintf(z, sizeof z, "%06lld", static_cast<long long>(z_number));
    const std::string name = "bundlinje-" + format_copenhagen_date(m_db.clock()) + "-z" + z + ".db";
    m_background.submit([db_path = m_db.path(), folder = backup_folder(), name,
                         done = std::move(done)]() -> std::function<void()> {
        auto problem = check_and_back_up(db_path, folder, name, backups_kept);
        return [done, problem] { done(problem); };
    });
}

std::optional<Money> StoreShifts::last_counted_cash() {
    auto last = last_closed_shift(m_db, m_device.id);
    return last ? last->counted_cash : std::nullopt;
}

// ---- receipts ----------------------------------------------------------------------------

Result<Sale, Message> StoreReceipts::record_sale(const std::string& staff_id, const Sale& s) {
    return bl::record_sale(m_db, Actor{m_device.id, staff_id}, s);
}

std::optional<Sale> StoreReceipts::find_receipt(std::int64_t number) {
    return find_sale_by_receipt(m_db, m_device.id, number, false);
}

std::int64_t StoreReceipts::last_receipt_number() {
    return bl::last_receipt_number(m_db, m_device.id);
}

std::vector<Sale> StoreReceipts::receipts_since(Timestamp since) {
    return list_sales_since(m_db, m_device.id, since, 200);
}

std::optional<Sale> StoreReceipts::find_sale(const std::string& id) {
    return bl::find_sale(m_db, id);
}

std::int64_t StoreReceipts::refunded(const std::string& sale_id, int line_no) {
    return refunded_quantity(m_db, sale_id, line_no);
}

std::optional<SaleImpact> StoreReceipts::receipt_impact(const std::string& sale_id) {
    // The shop decides (setting "impact_block": "on" or "off"; off unless turned on).
    if (get_setting(m_db, "impact_block").value_or("off") != "on")
        return std::nullopt;
    return impact_of_sale(m_db, sale_id);
}

std::optional<doc::ImpactReceiptData> StoreReceipts::impact_receipt(const std::string& sale_id) {
    // The same data bundlinje-report prints its impact receipts from.
    return report::impact_receipt_data(m_db, sale_id, m_db.clock());
}

// ---- settings ----------------------------------------------------------------------------

Shop StoreSettings::shop() {
    return find_shop(m_db, *m_device.shop_id).value_or(Shop{});
}

std::optional<std::string> StoreSettings::setting(const std::string& key) {
    return get_setting(m_db, key);
}

std::optional<Message> StoreSettings::save_settings(const std::string& staff_id,
                                                    SettingsChange change) {
    return problem_of(bl::save_settings(m_db, Actor{m_device.id, staff_id}, std::move(change)));
}

// ---- kept carts and journal --------------------------------------------------------------

std::optional<Message> StoreKeptCarts::keep_carts(const KeptCarts& carts) {
    if (bl::keep_carts(m_db, carts))
        return std::nullopt;
    return Message(BL_N_("The sale on screen could not be kept on disk. It is all still here, "
                         "but it would be lost if the till stopped now. Check that the disk "
                         "has free space."));
}

KeptCarts StoreKeptCarts::kept_carts() {
    return bl::kept_carts(m_db);
}

std::optional<Message> StoreJournal::journal(const std::string& staff_id, JournalKind kind,
                                             JsonObject payload) {
    auto r = record_event(m_db, Actor{m_device.id, staff_id}, kind, std::move(payload));
    return r ? std::nullopt : std::optional<Message>(r.error());
}

std::int64_t StoreJournal::unsent() {
    return outbox_pending_count(m_db);
}

std::optional<Timestamp> StoreJournal::last_sync() {
    return last_acknowledged(m_db, m_device.id);
}

Timestamp StoreJournal::now() {
    return m_db.clock();
}

// ---- the whole till ----------------------------------------------------------------------

StoreTill::StoreTill(Database& db, Background::Post post_to_ui)
    : m_device(till_device(db)), m_catalogue(db, m_device), m_staff(db, m_device),
      m_shifts(db, m_device, std::move(post_to_ui)), m_receipts(db, m_device),
      m_settings(db, m_device), m_carts(db), m_journal(db, m_device) {}

TillPorts StoreTill::ports(ReceiptSink& printer) {
    return TillPorts{m_catalogue, m_staff, m_shifts,  m_receipts,
                     m_settings,  m_carts, m_journal, printer};
}

} // namespace bl::pos
