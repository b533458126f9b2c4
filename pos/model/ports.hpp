#pragma once
/// What the till reads and writes, split by role so that each flow depends only on what it
/// uses. pos/wiring implements them over bl_store and the printer; tests use the same
/// wiring on a real file, or fakes. Every write says what went wrong as a Message (nothing
/// was recorded then); reads that fail throw bl::StoreError, caught at the program's edge.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pos/model/cart.hpp"
#include "pos/model/login.hpp"
#include "receipts/layout/impact_documents.hpp"
#include "receipts/layout/sales_receipt.hpp"
#include "shared/core/canonical_json.hpp"
#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/impact/sale_impact.hpp"
#include "shared/rules/journal_kind.hpp"

namespace bl::pos {

/// How something done off the till's thread went (printing, a backup): called later on the
/// till's own thread, with a problem if there was one.
using Reply = std::function<void(std::optional<Message> problem)>;

/// The catalogue as the sale screen and the import see it.
class Catalogue : public CatalogueLookup {
public:
    /// Categories of active products with their sizes, the fullest first, for the tiles.
    virtual std::vector<std::pair<std::string, std::int64_t>> categories() = 0;
    /// The first `limit` active products of a category, by name.
    virtual std::vector<Product> products_in(const std::string& category, int limit) = 0;
    virtual std::vector<Product> search(const std::string& query) = 0;
    /// The categories that have a colour on the tiles, with its palette key.
    virtual std::map<std::string, std::string> category_colours() = 0;
    /// The products that have a picture, with its SHA-256 (which changes with the picture).
    virtual std::map<std::string, std::string> picture_versions() = 0;
    /// A product's small PNG, or "" when it has none.
    virtual std::string picture(const std::string& product_id) = 0;
    /// Workshops by folded name (for the catalogue import).
    virtual std::map<std::string, std::string> workshops_by_name() = 0;
    /// Whether an item number is already used (for the catalogue import's preview).
    virtual bool sku_taken(const std::string& sku) = 0;
    /// Adds products in one go: all or none; on failure, which one and why.
    virtual Result<std::size_t, std::pair<std::size_t, Message>>
    add_products(const std::string& staff_id, const std::vector<Product>& products) = 0;
};

/// The people who may use the till, and their logins.
class StaffDirectory : public StaffAccess {
public:
    /// Active staff, for the login buttons.
    virtual std::vector<StaffUser> staff_list() = 0;
    /// Journals a logout (a logout that cannot be journaled still logs out).
    virtual void logout(const std::string& staff_id) = 0;
};

/// The till's shifts: float, totals, Z.
class ShiftBook {
public:
    virtual ~ShiftBook() = default;
    virtual std::optional<Shift> current_shift() = 0;
    virtual Result<Shift, Message> open_shift(const std::string& staff_id, Money opening) = 0;
    virtual ShiftTotals shift_totals(const std::string& shift_id) = 0;
    virtual Result<Shift, Message> close_shift(const std::string& staff_id,
                                               const std::string& shift_id, Money counted) = 0;
    /// After a Z report: a copy of the whole database in the backups folder (the newest ones
    /// are kept), so a broken disk does not take the shop's records with it before they are
    /// synced. Returns at once; `done` says how it went (the day stays closed either way).
    virtual void back_up_after_z(std::int64_t z_number, Reply done) = 0;
    /// The cash counted at this till's last Z report, if any (tomorrow's float, suggested).
    virtual std::optional<Money> last_counted_cash() = 0;
};

/// Where sales and refunds are recorded, and found again.
class ReceiptArchive {
public:
    virtual ~ReceiptArchive() = default;
    /// Records a sale or refund in one transaction (see bl::record_sale).
    virtual Result<Sale, Message> record_sale(const std::string& staff_id, const Sale& s) = 0;
    /// A receipt of this till (not training) by its number.
    virtual std::optional<Sale> find_receipt(std::int64_t number) = 0;
    /// The number of this till's newest receipt (not training); 0 before the first.
    virtual std::int64_t last_receipt_number() = 0;
    /// This till's receipts (not training) since an instant, newest first (at most 200).
    virtual std::vector<Sale> receipts_since(Timestamp since) = 0;
    /// A recorded sale by its id (a refund's original).
    virtual std::optional<Sale> find_sale(const std::string& id) = 0;
    /// Units of an original line that earlier refunds took back.
    virtual std::int64_t refunded(const std::string& sale_id, int line_no) = 0;
    /// What is behind a sale, for the "Bag om tingene" block; none when the shop has the
    /// block turned off.
    virtual std::optional<SaleImpact> receipt_impact(const std::string& sale_id) = 0;
    /// A sale's "Bag om tingene" receipt, printed on request (whatever the shop's setting
    /// for the block after every receipt): the goods, the workshops, how many made them, the
    /// work in them, and only the names of makers who consented to be named on receipts.
    /// None when there is no such sale.
    virtual std::optional<doc::ImpactReceiptData> impact_receipt(const std::string& sale_id) = 0;
};

/// The till's own settings, its device and its shop.
class SettingsStore {
public:
    virtual ~SettingsStore() = default;
    virtual Device device() = 0;
    virtual Shop shop() = 0;
    /// A local setting ("printer", "mobilepay_name", "discount_limit", "impact_block",
    /// "receipt_footer", "language").
    virtual std::optional<std::string> setting(const std::string& key) = 0;
    /// Changes settings and the shop's details in one journaled transaction.
    virtual std::optional<Message> save_settings(const std::string& staff_id,
                                                 SettingsChange change) = 0;
};

/// Carts not yet paid, kept against a crash (see bl::keep_carts).
class KeptCartStore {
public:
    virtual ~KeptCartStore() = default;
    /// A problem (a full disk) is reported; the carts stay as they are in memory.
    virtual std::optional<Message> keep_carts(const KeptCarts& carts) = 0;
    virtual KeptCarts kept_carts() = 0;
};

/// The journal of actions that change nothing else, and what waits for the central store.
class TillJournal {
public:
    virtual ~TillJournal() = default;
    /// Journals an action by `staff_id` (see bl::record_event); a problem says nothing was
    /// recorded.
    virtual std::optional<Message> journal(const std::string& staff_id, JournalKind kind,
                                           JsonObject payload) = 0;
    /// Records not yet sent to the central store, and when the last ones were received.
    virtual std::int64_t unsent() = 0;
    virtual std::optional<Timestamp> last_sync() = 0;
    virtual Timestamp now() = 0;
};

/// Where receipts go once a sale has committed (a printer, a folder, or a test's list).
/// Printing never keeps the till waiting: deliver() and open_drawer() return at once and say
/// later, through `done`, how it went.
class ReceiptSink {
public:
    virtual ~ReceiptSink() = default;
    /// Prints and keeps a copy; a problem is shown to the person but never undoes the sale.
    virtual void deliver(const receipts::ReceiptText& receipt, Reply done) = 0;
    /// Opens the cash drawer without printing.
    virtual void open_drawer(Reply done) = 0;
    /// Points the receipts at another printer ("" = none; a copy is always kept).
    virtual std::optional<Message> use_printer(const std::string& setting) = 0;
};

/// Everything the till is wired to.
struct TillPorts {
    Catalogue& catalogue;
    StaffDirectory& staff;
    ShiftBook& shifts;
    ReceiptArchive& receipts;
    SettingsStore& settings;
    KeptCartStore& carts;
    TillJournal& journal;
    ReceiptSink& printer;
};

} // namespace bl::pos
