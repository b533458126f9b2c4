#pragma once
/// What the workshop program reads and writes, split by role so that each flow depends only
/// on what it uses. production/wiring implements them over bl_store, bundlinje-report's data
/// functions and the PDF renderer; tests use the same wiring on a real file, or fakes. Every
/// write says what went wrong as a Message (nothing was recorded then); reads that fail throw
/// bl::StoreError, caught at the program's edge.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "receipts/layout/document.hpp"
#include "receipts/layout/impact_documents.hpp"
#include "shared/core/canonical_json.hpp"
#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/impact/facts.hpp"
#include "shared/rules/journal_kind.hpp"

namespace bl::production {

/// The people who may use the program, and their logins (the till's PINs and lockout).
class StaffPort {
public:
    virtual ~StaffPort() = default;
    /// Active staff, for the login buttons.
    virtual std::vector<StaffUser> staff_list() = 0;
    virtual std::optional<StaffUser> find(const std::string& staff_id) = 0;
    virtual std::optional<Timestamp> locked_until(const std::string& staff_id) = 0;
    struct Recorded {
        int failed_attempts = 0;
        std::optional<Timestamp> locked_until;
    };
    /// Records a login attempt whose PIN was checked.
    virtual Result<Recorded, Message> record(const std::string& staff_id, bool success) = 0;
    virtual int max_failures() const = 0;
    /// Journals a logout (a logout that cannot be journaled still logs out).
    virtual void logout(const std::string& staff_id) = 0;
};

/// This station: its device, the places it knows, its settings and its journal.
class StationPort {
public:
    virtual ~StationPort() = default;
    virtual Device device() = 0;
    virtual std::vector<Workshop> workshops() = 0;
    virtual std::vector<Shop> shops() = 0;
    virtual std::optional<std::string> setting(const std::string& key) = 0;
    virtual std::optional<Message> set_setting(const std::string& staff_id, const std::string& key,
                                               const std::string& value) = 0;
    /// Journals an action that changes nothing else (labels printed), before it happens.
    virtual std::optional<Message> journal(const std::string& staff_id, JournalKind kind,
                                           JsonObject payload) = 0;
    /// Records not yet sent to the central store, and when the last ones were received.
    virtual std::int64_t unsent() = 0;
    virtual std::optional<Timestamp> last_sync() = 0;
    virtual Timestamp now() = 0;
};

/// What an erasure left in the database's bytes (see bl::wipe_erased_bytes).
struct ErasureCheck {
    bool log_emptied = false;
    std::vector<std::string> still_found;
};

/// A maker's logged work, with what it went into.
struct MakerWork {
    Contribution work;
    std::string product_name;
    std::string label_code;
};

/// Makers, their private details, consent and erasure.
class MakerRegistry {
public:
    virtual ~MakerRegistry() = default;
    /// Every maker (of one workshop, or all), erased ones included.
    virtual std::vector<Maker> makers(const std::optional<std::string>& workshop_id) = 0;
    virtual std::optional<Maker> maker(const std::string& id) = 0;
    virtual std::optional<MakerPrivate> private_details(const std::string& id) = 0;
    virtual Result<Maker, Message> add(const std::string& staff_id, Maker m,
                                       const MakerPrivate& details) = 0;
    virtual Result<Maker, Message> update(const std::string& staff_id, Maker m,
                                          const MakerPrivate& details) = 0;
    virtual ConsentLevel consent(const std::string& id, ConsentChannel channel) = 0;
    virtual std::vector<Consent> consent_history(const std::string& id) = 0;
    virtual Result<Consent, Message> record_consent(const std::string& staff_id,
                                                    const std::string& id, ConsentChannel channel,
                                                    ConsentLevel level) = 0;
    virtual Result<Maker, Message> erase(const std::string& staff_id, const std::string& id) = 0;
    /// After an erasure: the erased texts wiped from the database file and its log, and
    /// looked for in their bytes.
    virtual Result<ErasureCheck, Message> wipe(const std::vector<std::string>& texts) = 0;
    virtual std::vector<MakerWork> work_of(const std::string& id) = 0;
};

/// Stock and hours of one batch (see bl::stock_by_batch).
struct StockRow {
    std::string batch_id, product_id, product_name, workshop_id, label_code, produced_on;
    std::int64_t produced = 0, delivered = 0, sold = 0, returned = 0, lost = 0, on_hand = 0,
                 at_workshop = 0, minutes = 0;
};

/// One line of a delivery.
struct DeliveryLine {
    std::string batch_id;
    std::int64_t units = 0;
};

/// One correction of a batch, for its history (see bl::correct_batch).
struct CorrectionRecord {
    Timestamp corrected_at;
    std::string staff_name; ///< "" when this station does not know the person
    std::string reason;
    std::int64_t units_before = 0, units_after = 0, minutes_before = 0, minutes_after = 0;
};

/// Batches, their work, labels, deliveries and stock.
class ProductionBook {
public:
    virtual ~ProductionBook() = default;
    /// Every product in the catalogue.
    virtual std::vector<Product> products() = 0;
    /// Logs a batch in one transaction; it comes back with its id and label code.
    virtual Result<Batch, Message> log_batch(const std::string& staff_id, Batch b) = 0;
    /// Corrects a logged batch after the fact in one transaction, keeping what it replaced:
    /// `now` is the batch's id, the revision the correction was made from, and its new day,
    /// units, material cost, notes and work.
    virtual Result<Batch, Message> correct_batch(const std::string& staff_id, const Batch& now,
                                                 const std::string& reason) = 0;
    /// A batch's corrections, oldest first.
    virtual std::vector<CorrectionRecord> corrections(const std::string& batch_id) = 0;
    virtual std::optional<Batch> batch(const std::string& id) = 0;
    /// The batch a label code names, if any.
    virtual std::optional<Batch> batch_by_label(const std::string& code) = 0;
    virtual std::vector<StockRow> stock(const std::optional<std::string>& workshop_id) = 0;
    /// Delivers the lines to a shop in one transaction: all or none.
    virtual Result<std::int64_t, Message> deliver(const std::string& staff_id,
                                                  const std::string& shop_id,
                                                  const std::vector<DeliveryLine>& lines) = 0;
    /// A shop reports units back: returned to the workshop, or broken.
    virtual Result<std::int64_t, Message> report_back(const std::string& staff_id,
                                                      const std::string& batch_id,
                                                      const std::string& shop_id,
                                                      std::int64_t units, bool broken) = 0;
};

/// The catalogue, for organisers.
class CatalogueBook {
public:
    virtual ~CatalogueBook() = default;
    virtual std::vector<Product> products() = 0;
    /// Workshops by folded name (for the catalogue import).
    virtual std::map<std::string, std::string> workshops_by_name() = 0;
    virtual bool barcode_taken(const std::string& code) = 0;
    /// Whether an item number is already used (for the catalogue import's preview).
    virtual bool sku_taken(const std::string& sku) = 0;
    /// Adds products in one go: all or none; on failure, which one and why.
    virtual Result<std::size_t, std::pair<std::size_t, Message>>
    add_products(const std::string& staff_id, const std::vector<Product>& products) = 0;
    /// A new product (checked by the store: name, price, VAT rate, barcode, item number).
    virtual Result<Product, Message> add_product(const std::string& staff_id, Product p) = 0;
    /// A new price, journaled with the old one.
    virtual Result<Product, Message> change_price(const std::string& staff_id,
                                                  const std::string& product_id, Money price) = 0;
    /// The categories that have a colour on the till's tiles, with its palette key.
    virtual std::map<std::string, std::string> category_colours() = 0;
    /// The products that have a picture, with the picture's SHA-256.
    virtual std::map<std::string, std::string> picture_versions() = 0;
    /// A category's colour (a palette key; "" none), journaled.
    virtual Result<Done, Message> set_category_colour(const std::string& staff_id,
                                                      const std::string& category,
                                                      const std::string& colour) = 0;
    /// A product's small PNG ("" none), journaled.
    virtual Result<Done, Message> set_picture(const std::string& staff_id,
                                              const std::string& product_id,
                                              const std::string& png) = 0;
};

/// The impact documents' data, as bundlinje-report reads it (receipts/app/report_data).
class ReportSource {
public:
    virtual ~ReportSource() = default;
    /// A period as typed: both dates real, the first not after the last.
    virtual Result<impact::Period, Message> read_period(const std::string& from,
                                                        const std::string& to) = 0;
    /// The period report's data (the coefficient file the program was given), or why not.
    virtual Result<doc::PeriodReportData, Message> period_report(const impact::Period& p,
                                                                 const impact::Scope& scope) = 0;
    /// The sales (not refunds, not training) in the period, oldest first.
    virtual std::vector<std::string> sales_in(const impact::Period& p,
                                              const std::optional<std::string>& shop_id) = 0;
    virtual std::optional<doc::ImpactReceiptData> impact_receipt(const std::string& sale_id) = 0;
    virtual Result<doc::MakerStatementData, Message> maker_statement(const std::string& maker_id,
                                                                     const impact::Period& p) = 0;
};

/// Where documents and exports go: the station's documents folder, and its printers.
class DocumentOutlet {
public:
    virtual ~DocumentOutlet() = default;
    /// Widths of text as the PDF will set it (for documents laid out here, like labels).
    virtual const doc::TextMeasure& measure() = 0;
    /// Writes the document as a PDF named `file_name` (in `folder` under the documents
    /// folder, when given); returns its full path. Whole or not at all.
    virtual Result<std::string, Message> save_pdf(const doc::Document& d,
                                                  const std::string& file_name,
                                                  const std::string& folder = {}) = 0;
    /// Writes text (CSV, JSON) the same way.
    virtual Result<std::string, Message> save_text(const std::string& text,
                                                   const std::string& file_name) = 0;
    /// Whether `file_name` is already in `folder` (a stopped run of receipts goes on).
    virtual bool exists(const std::string& file_name, const std::string& folder) = 0;
    /// Sends a saved PDF to a CUPS printer.
    virtual std::optional<Message> print(const std::string& path, const std::string& queue) = 0;
};

/// Everything the program is wired to.
struct WorkshopPorts {
    StaffPort& staff;
    StationPort& station;
    MakerRegistry& makers;
    ProductionBook& production;
    CatalogueBook& catalogue;
    ReportSource& reports;
    DocumentOutlet& documents;
};

} // namespace bl::production
