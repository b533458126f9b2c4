#include "pos/wiring/store_adapter.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "pos/print/escpos.hpp"
#include "receipts/pdf/pdf_receipt.hpp"
#include "shared/core/text.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/kept_carts.hpp"
#include "shared/store/outbox.hpp"
#include "shared/store/production.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/setup.hpp"
#include "shared/store/shifts.hpp"

namespace bl::pos {

StoreTill::StoreTill(Database& db) : m_db(db) {
    auto d = local_device(db);
    if (!d || d->role != DeviceRole::till)
        throw StoreError(Message(BL_N_("This database does not belong to a till.")));
    m_device = *d;
}

std::optional<Product> StoreTill::product_by_barcode(const std::string& code) {
    return find_product_by_barcode(m_db, code);
}
std::optional<Product> StoreTill::product_by_id(const std::string& id) {
    return find_product(m_db, id);
}
std::optional<Batch> StoreTill::batch_by_label(const std::string& code) {
    return find_batch_by_label(m_db, code);
}
std::optional<StaffUser> StoreTill::find(const std::string& staff_id) {
    return find_staff(m_db, staff_id);
}
std::optional<Timestamp> StoreTill::locked_until(const std::string& staff_id) {
    auto st = login_state(m_db, staff_id);
    return st ? st->locked_until : std::nullopt;
}
Result<StaffAccess::Recorded, Message> StoreTill::record(const std::string& staff_id, bool success,
                                                         bool approval) {
    auto r = record_login_attempt(m_db, m_device.id, staff_id, success, m_policy, approval);
    if (!r)
        return err(r.error());
    return Recorded{r.value().failed_attempts, r.value().locked_until};
}

Shop StoreTill::shop() {
    return find_shop(m_db, *m_device.shop_id).value_or(Shop{});
}
Result<Shop, Message> StoreTill::update_shop(const std::string& staff_id, const Shop& s) {
    return bl::update_shop(m_db, Actor{m_device.id, staff_id}, s);
}

Device StoreTill::device() {
    return m_device;
}

std::vector<StaffUser> StoreTill::staff_list() {
    std::vector<StaffUser> out;
    for (auto& u : list_staff(m_db))
        if (u.active)
            out.push_back(std::move(u));
    return out;
}

std::vector<std::pair<std::string, std::int64_t>> StoreTill::categories() {
    return list_categories(m_db);
}

std::vector<Product> StoreTill::products_in(const std::string& category, int limit) {
    return list_products_in(m_db, category, limit);
}

std::vector<Product> StoreTill::search(const std::string& query) {
    return search_products(m_db, query, 30);
}

std::optional<Shift> StoreTill::current_shift() {
    return bl::current_shift(m_db, m_device.id);
}

Result<Shift, Message> StoreTill::open_shift(const std::string& staff_id, Money opening) {
    return bl::open_shift(m_db, Actor{m_device.id, staff_id}, opening);
}

Result<Sale, Message> StoreTill::record_sale(const std::string& staff_id, const Sale& s) {
    return bl::record_sale(m_db, Actor{m_device.id, staff_id}, s);
}

ShiftTotals StoreTill::shift_totals(const std::string& shift_id) {
    return bl::shift_totals(m_db, shift_id);
}

Result<Shift, Message> StoreTill::close_shift(const std::string& staff_id,
                                              const std::string& shift_id, Money counted) {
    return bl::close_shift(m_db, Actor{m_device.id, staff_id}, shift_id, counted);
}

void StoreTill::logout(const std::string& staff_id) {
    (void)record_logout(m_db, Actor{m_device.id, staff_id}); // a logout that is not journaled
                                                             // still logs out
}

std::optional<Sale> StoreTill::find_receipt(std::int64_t number) {
    return find_sale_by_receipt(m_db, m_device.id, number, false);
}

std::int64_t StoreTill::last_receipt_number() {
    return bl::last_receipt_number(m_db, m_device.id);
}

std::optional<Sale> StoreTill::find_sale(const std::string& id) {
    return bl::find_sale(m_db, id);
}

std::int64_t StoreTill::refunded(const std::string& sale_id, int line_no) {
    return refunded_quantity(m_db, sale_id, line_no);
}

std::optional<SaleImpact> StoreTill::receipt_impact(const std::string& sale_id) {
    // The shop decides (setting "impact_block": "on" or "off"; off unless turned on).
    if (get_setting(m_db, "impact_block").value_or("off") != "on")
        return std::nullopt;
    return impact_of_sale(m_db, sale_id);
}

std::optional<Timestamp> StoreTill::last_sync() {
    return last_acknowledged(m_db, m_device.id);
}

std::int64_t StoreTill::unsent() {
    return outbox_pending_count(m_db);
}
std::optional<Message> StoreTill::journal(const std::string& staff_id, JournalKind kind,
                                          JsonObject payload) {
    auto r = record_event(m_db, Actor{m_device.id, staff_id}, kind, std::move(payload));
    if (!r)
        return r.error();
    return std::nullopt;
}

std::optional<Message> StoreTill::keep_carts(const KeptCarts& carts) {
    if (bl::keep_carts(m_db, carts))
        return std::nullopt;
    return Message(BL_N_("The sale on screen could not be kept on disk. It is all still here, "
                         "but it would be lost if the till stopped now. Check that the disk "
                         "has free space."));
}

std::filesystem::path StoreTill::backup_folder() const {
    return std::filesystem::path(m_db.path()).parent_path() / "backups";
}

std::optional<Message> StoreTill::back_up_after_z(std::int64_t z_number) {
    namespace fs = std::filesystem;
    const fs::path folder = backup_folder();
    // Named by day and Z number, so that they sort oldest first:
    // "bundlinje-2026-11-27-z000012.db".
    char z[16];
    std::snprintf(z, sizeof z, "%06lld", static_cast<long long>(z_number));
    const std::string name = "bundlinje-" + format_copenhagen_date(m_db.clock()) + "-z" + z + ".db";
    const fs::path part = folder / (name + ".part");
    auto failed = [&] {
        return Message(BL_N_("The day is closed, but its backup could not be written to %s. "
                             "Free some space, or copy %s somewhere safe by hand."),
                       {folder.string(), m_db.path()});
    };
    std::error_code ec;
    fs::create_directories(folder, ec);
    fs::remove(part, ec);
    if (auto copied = back_up(m_db, part.string()); !copied) {
        fs::remove(part, ec);
        return failed();
    }
    // Whole or not at all: a half-written file never has a backup's name.
    fs::rename(part, folder / name, ec);
    if (ec)
        return failed();
    std::vector<fs::path> backups;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string file = entry.path().filename().string();
        if (file.rfind("bundlinje-", 0) == 0 && entry.path().extension() == ".db")
            backups.push_back(entry.path());
    }
    std::sort(backups.begin(), backups.end());
    for (std::size_t i = 0; i + backups_kept < backups.size(); ++i)
        fs::remove(backups[i], ec);
    return std::nullopt;
}

KeptCarts StoreTill::kept_carts() {
    return bl::kept_carts(m_db);
}

std::map<std::string, std::string> StoreTill::workshops_by_name() {
    std::map<std::string, std::string> out;
    for (const auto& w : list_workshops(m_db))
        out[search_fold(w.name)] = w.id;
    return out;
}

Result<std::size_t, std::pair<std::size_t, Message>>
StoreTill::add_products(const std::string& staff_id, const std::vector<Product>& products) {
    return bl::add_products(m_db, Actor{m_device.id, staff_id}, products);
}

std::optional<std::string> StoreTill::setting(const std::string& key) {
    return get_setting(m_db, key);
}

std::optional<Message> StoreTill::save_settings(const std::string& staff_id,
                                                SettingsChange change) {
    auto r = bl::save_settings(m_db, Actor{m_device.id, staff_id}, std::move(change));
    if (!r)
        return r.error();
    return std::nullopt;
}

Timestamp StoreTill::now() {
    return m_db.clock();
}

PrinterSink::PrinterSink(std::optional<PrinterTarget> printer, std::filesystem::path folder)
    : m_printer(std::move(printer)), m_folder(std::move(folder)) {}

std::optional<Message> PrinterSink::deliver(const receipts::ReceiptText& receipt) {
    std::optional<Message> problem;
    // The text copy first: it is what survives a printer that is off or out of paper.
    std::error_code ec;
    std::filesystem::create_directories(m_folder, ec);
    const std::string name = (receipt.name.empty() ? std::string("bon") : receipt.name) + ".txt";
    std::ofstream out(m_folder / name, std::ios::binary | std::ios::trunc);
    for (const auto& l : receipt.lines)
        out << l.text << '\n';
    out.flush();
    if (!out)
        problem = Message(BL_N_("The receipt copy could not be saved in %s. Check the disk."),
                          {m_folder.string()});
    // And as an 80 mm PDF, which is also what an ordinary (CUPS) printer gets.
    const std::string pdf = (m_folder / (name.substr(0, name.size() - 4) + ".pdf")).string();
    if (auto p = receipts::write_pdf_receipt(receipt, pdf))
        problem = p;
    if (m_printer) {
        if (m_printer->kind == PrinterTarget::Kind::cups) {
            if (!problem)
                if (auto p = print_pdf_with_cups(m_printer->path, pdf))
                    problem = p;
        } else if (auto p = send_to_printer(*m_printer, encode_receipt(receipt))) {
            problem = p;
        }
    }
    return problem;
}

std::optional<Message> PrinterSink::use_printer(const std::string& setting) {
    if (setting.empty()) {
        m_printer.reset();
        return std::nullopt;
    }
    auto target = PrinterTarget::parse(setting);
    if (!target)
        return target.error();
    m_printer = target.value();
    return std::nullopt;
}

std::optional<Message> PrinterSink::open_drawer() {
    if (!m_printer || m_printer->kind == PrinterTarget::Kind::cups)
        return Message(BL_N_("No printer is set, so the drawer cannot be opened from the till. "
                             "Use the drawer's key."));
    // ESC p 0 25 250: a pulse on the drawer pin, as after a cash sale.
    return send_to_printer(*m_printer, std::string("\x1b\x70\x00\x19\xfa", 5));
}

} // namespace bl::pos
