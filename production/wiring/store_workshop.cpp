#include "production/wiring/store_workshop.hpp"

#include <fstream>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "receipts/app/report_data.hpp"
#include "receipts/pdf/pdf_document.hpp"
#include "shared/core/text.hpp"
#include "shared/impact/coefficients.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/catalogue_look.hpp"
#include "shared/store/outbox.hpp"
#include "shared/store/people.hpp"
#include "shared/store/production.hpp"
#include "shared/store/setup.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace bl::production {

namespace {

Device station_device(Database& db) {
    auto d = local_device(db);
    if (!d || (d->role != DeviceRole::workshop && d->role != DeviceRole::organiser))
        throw StoreError(Message(BL_N_("This database does not belong to a workshop station. "
                                       "Open the workshop's own database.")));
    return *d;
}

Message cannot_write(const std::string& path) {
    return Message(BL_N_("%s could not be written. Check the folder and the free space."), {path});
}

// Whole or not at all: written beside the target, then renamed over it.
std::optional<Message> write_atomically(const fs::path& path, const std::string& bytes) {
    const fs::path part = path.string() + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(part, ec);
            return cannot_write(path.string());
        }
    }
    std::error_code ec;
    fs::rename(part, path, ec);
    if (ec)
        return cannot_write(path.string());
    return std::nullopt;
}

} // namespace

// ---- staff -------------------------------------------------------------------------------

std::vector<StaffUser> StoreStaffPort::staff_list() {
    std::vector<StaffUser> out;
    for (auto& u : list_staff(m_db))
        if (u.active)
            out.push_back(std::move(u));
    return out;
}

std::optional<StaffUser> StoreStaffPort::find(const std::string& staff_id) {
    return find_staff(m_db, staff_id);
}

std::optional<Timestamp> StoreStaffPort::locked_until(const std::string& staff_id) {
    auto st = login_state(m_db, staff_id);
    return st ? st->locked_until : std::nullopt;
}

Result<StaffPort::Recorded, Message> StoreStaffPort::record(const std::string& staff_id,
                                                            bool success) {
    auto r = record_login_attempt(m_db, m_device.id, staff_id, success, m_policy);
    if (!r)
        return err(r.error());
    return Recorded{r.value().failed_attempts, r.value().locked_until};
}

void StoreStaffPort::logout(const std::string& staff_id) {
    // A logout that cannot be journaled (a full disk) still logs out: the next login is.
    (void)record_logout(m_db, Actor{m_device.id, staff_id});
}

// ---- the station -------------------------------------------------------------------------

std::vector<Workshop> StoreStation::workshops() {
    return list_workshops(m_db);
}

std::vector<Shop> StoreStation::shops() {
    return list_shops(m_db);
}

std::optional<std::string> StoreStation::setting(const std::string& key) {
    return get_setting(m_db, key);
}

std::optional<Message> StoreStation::set_setting(const std::string& staff_id,
                                                 const std::string& key, const std::string& value) {
    auto r = bl::set_setting(m_db, Actor{m_device.id, staff_id}, key, value);
    return r ? std::nullopt : std::optional<Message>(r.error());
}

std::optional<Message> StoreStation::journal(const std::string& staff_id, JournalKind kind,
                                             JsonObject payload) {
    auto r = record_event(m_db, Actor{m_device.id, staff_id}, kind, std::move(payload));
    return r ? std::nullopt : std::optional<Message>(r.error());
}

std::int64_t StoreStation::unsent() {
    return outbox_pending_count(m_db);
}

std::optional<Timestamp> StoreStation::last_sync() {
    return last_acknowledged(m_db, m_device.id);
}

Timestamp StoreStation::now() {
    return m_db.clock();
}

// ---- makers ------------------------------------------------------------------------------

std::vector<Maker> StoreMakers::makers(const std::optional<std::string>& workshop_id) {
    return list_makers(m_db, workshop_id);
}

std::optional<Maker> StoreMakers::maker(const std::string& id) {
    return find_maker(m_db, id);
}

std::optional<MakerPrivate> StoreMakers::private_details(const std::string& id) {
    return find_maker_private(m_db, id);
}

Result<Maker, Message> StoreMakers::add(const std::string& staff_id, Maker m,
                                        const MakerPrivate& details) {
    return add_maker(m_db, Actor{m_device.id, staff_id}, std::move(m), details);
}

Result<Maker, Message> StoreMakers::update(const std::string& staff_id, Maker m,
                                           const MakerPrivate& details) {
    return update_maker(m_db, Actor{m_device.id, staff_id}, std::move(m), details);
}

ConsentLevel StoreMakers::consent(const std::string& id, ConsentChannel channel) {
    return current_consent(m_db, id, channel);
}

std::vector<Consent> StoreMakers::consent_history(const std::string& id) {
    return bl::consent_history(m_db, id);
}

Result<Consent, Message> StoreMakers::record_consent(const std::string& staff_id,
                                                     const std::string& id, ConsentChannel channel,
                                                     ConsentLevel level) {
    return bl::record_consent(m_db, Actor{m_device.id, staff_id}, id, channel, level);
}

Result<Maker, Message> StoreMakers::erase(const std::string& staff_id, const std::string& id) {
    return erase_maker(m_db, Actor{m_device.id, staff_id}, id);
}

Result<ErasureCheck, Message> StoreMakers::wipe(const std::vector<std::string>& texts) {
    auto r = wipe_erased_bytes(m_db, texts);
    if (!r)
        return err(r.error());
    return ErasureCheck{r.value().log_emptied, r.value().still_found};
}

std::vector<MakerWork> StoreMakers::work_of(const std::string& id) {
    std::vector<MakerWork> out;
    for (auto& c : maker_contributions(m_db, id))
        out.push_back({c.work, c.product_name, c.label_code});
    return out;
}

// ---- production --------------------------------------------------------------------------

std::vector<Product> StoreProduction::products() {
    return list_products(m_db);
}

Result<Batch, Message> StoreProduction::log_batch(const std::string& staff_id, Batch b) {
    return add_batch(m_db, Actor{m_device.id, staff_id}, std::move(b));
}

Result<Batch, Message> StoreProduction::correct_batch(const std::string& staff_id, const Batch& now,
                                                      const std::string& reason) {
    return bl::correct_batch(m_db, Actor{m_device.id, staff_id},
                             BatchFix{now.id, now.revision, now.produced_on, now.units,
                                      now.material_cost, now.notes, now.contributions, reason});
}

std::vector<CorrectionRecord> StoreProduction::corrections(const std::string& batch_id) {
    std::vector<CorrectionRecord> out;
    for (const auto& c : batch_corrections(m_db, batch_id)) {
        auto who = find_staff(m_db, c.corrected_by);
        out.push_back({parse_utc(c.corrected_at).value_or(Timestamp{}), who ? who->name : "",
                       c.reason, c.units_before, c.units_after, c.minutes_before, c.minutes_after});
    }
    return out;
}

std::optional<Batch> StoreProduction::batch(const std::string& id) {
    return find_batch(m_db, id);
}

std::optional<Batch> StoreProduction::batch_by_label(const std::string& code) {
    return find_batch_by_label(m_db, code);
}

std::vector<StockRow> StoreProduction::stock(const std::optional<std::string>& workshop_id) {
    std::vector<StockRow> out;
    for (const auto& s : stock_by_batch(m_db, workshop_id))
        out.push_back({s.batch_id, s.product_id, s.product_name, s.workshop_id, s.label_code,
                       s.produced_on, s.produced, s.delivered, s.sold, s.returned, s.lost,
                       s.on_hand, s.at_workshop, s.minutes});
    return out;
}

Result<std::int64_t, Message> StoreProduction::deliver(const std::string& staff_id,
                                                       const std::string& shop_id,
                                                       const std::vector<DeliveryLine>& lines) {
    std::vector<bl::DeliveryLine> store_lines;
    for (const auto& l : lines)
        store_lines.push_back({l.batch_id, l.units});
    return deliver_batches(m_db, Actor{m_device.id, staff_id}, shop_id, store_lines);
}

Result<std::int64_t, Message> StoreProduction::report_back(const std::string& staff_id,
                                                           const std::string& batch_id,
                                                           const std::string& shop_id,
                                                           std::int64_t units, bool broken) {
    return bl::report_back(m_db, Actor{m_device.id, staff_id}, batch_id, shop_id, units,
                           broken ? ReportedBack::broken : ReportedBack::returned);
}

// ---- catalogue ---------------------------------------------------------------------------

std::vector<Product> StoreCatalogueBook::products() {
    return list_products(m_db);
}

std::map<std::string, std::string> StoreCatalogueBook::workshops_by_name() {
    std::map<std::string, std::string> out;
    for (const auto& w : list_workshops(m_db))
        out[search_fold(w.name)] = w.id;
    return out;
}

bool StoreCatalogueBook::barcode_taken(const std::string& code) {
    return find_product_by_barcode(m_db, code).has_value();
}

bool StoreCatalogueBook::sku_taken(const std::string& sku) {
    return find_product_by_sku(m_db, sku).has_value();
}

Result<std::size_t, std::pair<std::size_t, Message>>
StoreCatalogueBook::add_products(const std::string& staff_id,
                                 const std::vector<Product>& products) {
    return bl::add_products(m_db, Actor{m_device.id, staff_id}, products);
}

Result<Product, Message> StoreCatalogueBook::add_product(const std::string& staff_id, Product p) {
    return bl::add_product(m_db, Actor{m_device.id, staff_id}, std::move(p));
}

Result<Product, Message> StoreCatalogueBook::change_price(const std::string& staff_id,
                                                          const std::string& product_id,
                                                          Money price) {
    return bl::change_price(m_db, Actor{m_device.id, staff_id}, product_id, price);
}

std::map<std::string, std::string> StoreCatalogueBook::category_colours() {
    return bl::category_colours(m_db);
}

std::map<std::string, std::string> StoreCatalogueBook::picture_versions() {
    return product_picture_versions(m_db);
}

Result<Done, Message> StoreCatalogueBook::set_category_colour(const std::string& staff_id,
                                                              const std::string& category,
                                                              const std::string& colour) {
    return bl::set_category_colour(m_db, Actor{m_device.id, staff_id}, category, colour);
}

Result<Done, Message> StoreCatalogueBook::set_picture(const std::string& staff_id,
                                                      const std::string& product_id,
                                                      const std::string& png) {
    return set_product_picture(m_db, Actor{m_device.id, staff_id}, product_id, png);
}

// ---- reports -----------------------------------------------------------------------------

Result<impact::Period, Message> StoreReports::read_period(const std::string& from,
                                                          const std::string& to) {
    return report::read_period(from, to);
}

Result<doc::PeriodReportData, Message> StoreReports::period_report(const impact::Period& p,
                                                                   const impact::Scope& scope) {
    auto c = impact::Coefficients::load(m_coefficients);
    if (!c)
        return err(Message(BL_N_("The coefficient file %s cannot be used."), {m_coefficients}));
    return report::period_report_data(m_db, p, scope, c.value(), m_db.clock());
}

std::vector<std::string> StoreReports::sales_in(const impact::Period& p,
                                                const std::optional<std::string>& shop_id) {
    return report::sales_in(m_db, p, shop_id);
}

std::optional<doc::ImpactReceiptData> StoreReports::impact_receipt(const std::string& sale_id) {
    return report::impact_receipt_data(m_db, sale_id, m_db.clock());
}

Result<doc::MakerStatementData, Message> StoreReports::maker_statement(const std::string& maker_id,
                                                                       const impact::Period& p) {
    return report::maker_statement_data(m_db, maker_id, p, m_db.clock());
}

// ---- documents ---------------------------------------------------------------------------

const doc::TextMeasure& DocumentFolder::measure() {
    return receipts::pdf_measure();
}

Result<fs::path, Message> DocumentFolder::place(const std::string& folder) {
    const fs::path dir = folder.empty() ? m_folder : m_folder / folder;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (!fs::is_directory(dir))
        return err(Message(BL_N_("The folder %s could not be made."), {dir.string()}));
    return dir;
}

Result<std::string, Message> DocumentFolder::save_pdf(const doc::Document& d,
                                                      const std::string& file_name,
                                                      const std::string& folder) {
    auto dir = place(folder);
    if (!dir)
        return err(dir.error());
    const fs::path path = dir.value() / file_name;
    if (auto problem = receipts::write_pdf(d, path.string()))
        return err(*problem);
    return path.string();
}

Result<std::string, Message> DocumentFolder::save_text(const std::string& text,
                                                       const std::string& file_name) {
    auto dir = place({});
    if (!dir)
        return err(dir.error());
    const fs::path path = dir.value() / file_name;
    if (auto problem = write_atomically(path, text))
        return err(*problem);
    return path.string();
}

bool DocumentFolder::exists(const std::string& file_name, const std::string& folder) {
    std::error_code ec;
    return fs::exists(m_folder / folder / file_name, ec);
}

std::optional<Message> DocumentFolder::print(const std::string& path, const std::string& queue) {
    const Message failed(BL_N_("The printer %s did not take the labels. Check it in the printer "
                               "settings; the PDF is kept, so they can be printed from it."),
                         {queue});
    pid_t pid = 0;
    std::string lp = "lp", dash_d = "-d", q = queue, end = "--", file = path;
    char* argv[] = {lp.data(), dash_d.data(), q.data(), end.data(), file.data(), nullptr};
    if (::posix_spawnp(&pid, "lp", nullptr, nullptr, argv, environ) != 0)
        return failed;
    int status = 0;
    if (::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return failed;
    return std::nullopt;
}

// ---- the whole station -------------------------------------------------------------------

StoreWorkshop::StoreWorkshop(Database& db, fs::path documents, std::string coefficients)
    : m_device(station_device(db)), m_staff(db, m_device), m_station(db, m_device),
      m_makers(db, m_device), m_production(db, m_device), m_catalogue(db, m_device),
      m_reports(db, std::move(coefficients)), m_documents(std::move(documents)) {}

WorkshopPorts StoreWorkshop::ports() {
    return WorkshopPorts{m_staff,     m_station, m_makers,   m_production,
                         m_catalogue, m_reports, m_documents};
}

fs::path documents_folder_for(const std::string& db_path) {
    return fs::path(db_path).parent_path() / "dokumenter";
}

} // namespace bl::production
