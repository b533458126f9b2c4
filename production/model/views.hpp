#pragma once
/// What the workshop program shows, split by screen: each screen of the window (or a fake in
/// tests) implements its own view, and the flows talk only to the views they need. Each
/// show_... replaces what that screen showed before and brings it to the front. Everything a
/// screen needs comes worked out: the screens format and lay out, they never compute.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "production/model/ports.hpp"
#include "receipts/layout/labels.hpp"
#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/model/catalogue_import.hpp"

namespace bl::production {

/// The message bar: a problem to read and act on, or a piece of news.
class MessageView {
public:
    virtual ~MessageView() = default;
    virtual void show_problem(const Message& m) = 0;
    virtual void show_news(const Message& m) = 0;
};

/// The status bar: who is logged in (empty: nobody), the workshop worked on, what waits for
/// the central store and when it last confirmed this station's records, and the station.
class StatusView {
public:
    virtual ~StatusView() = default;
    virtual void show_status(const std::string& staff_name, const std::string& workshop_name,
                             std::int64_t unsent, std::optional<Timestamp> last_sync,
                             const std::string& device_name) = 0;
};

class LoginView {
public:
    virtual ~LoginView() = default;
    /// The workshop leaders and organisers who may log in here.
    virtual void show_login(const std::vector<StaffUser>& staff) = 0;
};

/// The start screen after logging in: what the person may do.
struct HomeState {
    std::string staff_name;
    bool organiser = false;          ///< catalogue, reports and every workshop
    std::string workshop_id;         ///< the workshop worked on
    std::vector<Workshop> workshops; ///< to choose from (an organiser), else just the one
};

class HomeView {
public:
    virtual ~HomeView() = default;
    virtual void show_home(const HomeState& home) = 0;
};

// ---- makers --------------------------------------------------------------------------------

struct MakerRow {
    Maker maker;
    int receipt = 0, report = 0, web = 0; ///< consent levels in force
};

struct MakerList {
    std::string workshop_name;
    std::vector<MakerRow> rows; ///< by display name; erased ones last
    bool show_inactive = false;
};

class MakersView {
public:
    virtual ~MakersView() = default;
    virtual void show_makers(const MakerList& list) = 0;
};

/// A maker's details as shown in the form and as typed back.
struct MakerForm {
    std::string maker_id; ///< empty: a new maker
    std::string display_name;
    std::string real_name, phone, email, story;
    bool active = true;
    std::string workshop_name;
};

class MakerEditView {
public:
    virtual ~MakerEditView() = default;
    virtual void show_maker_form(const MakerForm& form) = 0;
};

struct ConsentHistoryRow {
    ConsentChannel channel = ConsentChannel::receipt;
    int level = 0;
    int version = 0;
    Timestamp recorded_at;
    std::string recorded_by; ///< the staff member's name
};

struct ConsentPage {
    std::string maker_id, display_name;
    int receipt = 0, report = 0, web = 0;   ///< in force
    std::vector<ConsentHistoryRow> history; ///< newest first
};

class ConsentView {
public:
    virtual ~ConsentView() = default;
    virtual void show_consent(const ConsentPage& page) = 0;
};

/// Before an erasure: what will go and what stays.
struct ErasePage {
    std::string maker_id, display_name;
    std::int64_t minutes = 0; ///< logged work that stays, counted without a name
    bool has_private = false; ///< a real name or contact details will go
};

/// After it: what the byte check found.
struct ErasureReport {
    std::string maker_id;
    bool checked = false; ///< the file was cleaned and its bytes read
    bool log_emptied = false;
    std::size_t texts_checked = 0;
    std::vector<std::string> still_found;
};

class EraseView {
public:
    virtual ~EraseView() = default;
    virtual void show_erase(const ErasePage& page) = 0;
    virtual void show_erased(const ErasureReport& report) = 0;
};

// ---- logging a batch -------------------------------------------------------------------------

struct ProductChoice {
    std::string id, name;
    std::string pictogram; ///< a symbol for the big picture buttons (see pictogram_for)
    Money price;
};

struct MakerChoice {
    std::string id, name;
};

/// A maker's line in the quick form, as shown and as typed back.
struct QuickRow {
    std::string maker_id;
    std::string name;
    std::string time;            ///< as typed: "2", "1:30", "1,5", "45 min"
    bool same_as_others = false; ///< the time of the others (who must agree)
    std::string task_tag;
    /// A correction keeps a work day other than the batch's own ("": the form's day).
    std::string worked_on;
};

/// The quick form as typed.
struct QuickForm {
    std::string product_id;
    std::string units;
    std::string date; ///< "YYYY-MM-DD"
    std::vector<QuickRow> rows;
    std::string notes;
    /// A batch being corrected after the fact ("": a new batch), the revision the form was
    /// filled from, and why it is corrected (required).
    std::string correcting;
    std::int64_t revision = 0;
    std::string reason;
};

/// A logged batch opened for correction: what it is, what has left the workshop (its units
/// cannot go below that), and its corrections so far.
struct CorrectionSetup {
    std::string batch_id, label_code, product_name;
    std::int64_t units = 0;         ///< as it is now
    std::int64_t left_workshop = 0; ///< delivered or sold: the fewest units it may have
    /// Whether this station keeps the batch's stock (it logged it); only there its units may
    /// change. A batch pulled from another device has no stock moves here.
    bool keeps_stock = true;
    std::vector<CorrectionRecord> history;
};

/// The sums as the form fills in: makers with a time, all their minutes, and the minutes per
/// unit when the units are known. Hours are each maker's own: the total is their sum.
struct BatchSums {
    int makers = 0;
    std::int64_t minutes = 0;
    std::optional<std::int64_t> per_unit; ///< minutes, rounded
    std::optional<Message> hint;          ///< what is still missing or wrong, calmly said
};

struct QuickSetup {
    std::vector<ProductChoice> products; ///< the workshop's products still sold
    std::vector<MakerChoice> makers;     ///< the workshop's active makers
    std::vector<std::string> tags;       ///< the task tags
    std::string workshop_name;
    std::optional<CorrectionSetup> correcting; ///< set when a logged batch is corrected
};

class QuickLogView {
public:
    virtual ~QuickLogView() = default;
    virtual void show_quick_form(const QuickSetup& setup, const QuickForm& form) = 0;
    /// The makers' lines changed (one picked or left out): show these.
    virtual void show_quick_rows(const QuickForm& form) = 0;
    virtual void show_sums(const BatchSums& sums) = 0;
};

enum class EasyStep { product, units, makers, time, summary };

/// The easy-read mode: one question a screen.
struct EasyState {
    EasyStep step = EasyStep::product;
    std::vector<ProductChoice> products;
    std::vector<MakerChoice> makers;
    std::optional<ProductChoice> product;
    std::int64_t units = 0;
    std::vector<MakerChoice> chosen;   ///< who helped, in the order chosen
    std::vector<std::int64_t> minutes; ///< each chosen maker's own time (0: not yet)
    std::size_t asking = 0;            ///< whose time the time step asks for
    BatchSums sums;
};

class EasyReadView {
public:
    virtual ~EasyReadView() = default;
    virtual void show_easy(const EasyState& state) = 0;
};

/// The task tags, for editing.
class TagsView {
public:
    virtual ~TagsView() = default;
    virtual void show_tags(const std::vector<std::string>& tags) = 0;
};

// ---- labels, deliveries, stock ---------------------------------------------------------------

/// A batch to pick for labels or a delivery.
struct BatchChoice {
    std::string batch_id, label_code, product_id, product_name, produced_on;
    std::int64_t units = 0;       ///< made
    std::int64_t at_workshop = 0; ///< still at the workshop
};

/// What the labels screen asks for, as typed.
struct LabelRequest {
    std::string batch_id;
    doc::LabelFormat format = doc::LabelFormat::a4_3x8;
    std::string copies; ///< how many labels (the batch's units when empty)
    std::string start;  ///< the first free position on the sheet (1 when empty)
    bool print = false; ///< to the label printer as well as into a PDF
};

struct LabelsPage {
    std::vector<BatchChoice> batches; ///< newest first
    std::string selected;             ///< a batch just logged
    std::string printer;              ///< the label printer's CUPS queue ("" none)
};

class LabelsView {
public:
    virtual ~LabelsView() = default;
    virtual void show_labels(const LabelsPage& page) = 0;
};

struct DeliveryDraftLine {
    BatchChoice batch;
    std::int64_t units = 0;
};

struct DeliveriesPage {
    std::vector<BatchChoice> batches;  ///< with units at the workshop
    std::vector<BatchChoice> at_shops; ///< delivered batches a shop may report back on
    std::vector<Shop> shops;
    std::string shop_id; ///< the shop chosen
    std::vector<DeliveryDraftLine> lines;
    std::int64_t units = 0; ///< on the delivery
};

class DeliveriesView {
public:
    virtual ~DeliveriesView() = default;
    virtual void show_deliveries(const DeliveriesPage& page) = 0;
};

enum class StockColumn {
    product,
    label,
    produced_on,
    produced,
    delivered,
    sold,
    returned,
    on_hand,
    unsold_minutes
};

struct StockLine {
    StockRow row;
    std::int64_t unsold_minutes = 0; ///< the work in the units on hand
};

struct StockPage {
    std::vector<StockLine> lines; ///< filtered and sorted
    StockColumn sort = StockColumn::produced_on;
    bool descending = false;
    std::string filter;
    std::int64_t on_hand = 0, unsold_minutes = 0; ///< of the lines shown
};

class StockView {
public:
    virtual ~StockView() = default;
    virtual void show_stock(const StockPage& page) = 0;
};

// ---- organisers ------------------------------------------------------------------------------

/// A colour of the palette a category may have on the till's tiles.
struct ColourChoice {
    std::string key;  ///< stored and journaled
    std::string hex;  ///< "#rrggbb"
    const char* name; ///< a msgid
};

struct CataloguePage {
    std::vector<ColourChoice> palette; ///< in the order it is offered
    std::vector<Product> products;     ///< by name
    std::vector<Workshop> workshops;
    std::vector<std::string> categories;         ///< of the products, by name
    std::map<std::string, std::string> colours;  ///< category -> palette key
    std::map<std::string, std::string> pictures; ///< product id -> picture's SHA-256
};

/// A new product as typed.
struct ProductForm {
    std::string name, category;
    std::string price;      ///< VAT included, "189,00"
    std::string vat = "25"; ///< "25" or "0" (per cent)
    std::string ean;        ///< empty: an internal "28…" code is given
    std::string sku;        ///< empty: one is made
    std::string materials;
    bool locally_sourced = false;
    std::string workshop_id; ///< "" none (the shop's own goods)
};

class CatalogueView {
public:
    virtual ~CatalogueView() = default;
    virtual void show_catalogue(const CataloguePage& page) = 0;
    /// The form for a new product (`workshops` to choose from).
    virtual void show_product_form(const ProductForm& form,
                                   const std::vector<Workshop>& workshops) = 0;
    /// The checked import: what would be added and what was rejected, for approval.
    virtual void show_import(const ImportPlan& plan) = 0;
};

enum class ReportKind { impact_report, impact_csv, impact_json, impact_receipts, maker_statement };

/// What the reports screen asks for, as typed.
struct ReportRequest {
    ReportKind kind = ReportKind::impact_report;
    std::string from, to;    ///< "YYYY-MM-DD"
    std::string workshop_id; ///< "" all
    std::string shop_id;     ///< "" all
    std::string maker_id;    ///< for a maker statement
};

struct ReportsPage {
    std::vector<Workshop> workshops;
    std::vector<Shop> shops;
    std::vector<MakerChoice> makers;
    std::string from, to; ///< suggested: the last full month
};

class ReportsView {
public:
    virtual ~ReportsView() = default;
    virtual void show_reports(const ReportsPage& page) = 0;
};

/// A long piece of work that can be cancelled: a progress dialog in the window.
class ProgressView {
public:
    virtual ~ProgressView() = default;
    virtual void begin_progress(const Message& title, std::size_t steps) = 0;
    /// After `done` steps; false when the person cancelled.
    virtual bool progress(std::size_t done) = 0;
    virtual void end_progress() = 0;
};

/// Every view of the program: one a screen, and the message and status bars.
struct WorkshopViews {
    MessageView& messages;
    StatusView& status;
    LoginView& login;
    HomeView& home;
    MakersView& makers;
    MakerEditView& maker_edit;
    ConsentView& consent;
    EraseView& erase;
    QuickLogView& quick;
    EasyReadView& easy;
    TagsView& tags;
    LabelsView& labels;
    DeliveriesView& deliveries;
    StockView& stock;
    CatalogueView& catalogue;
    ReportsView& reports;
    ProgressView& progress;
};

} // namespace bl::production
