#pragma once
/// The till's presenter: logging in, opening the shift, ringing up, taking payment,
/// committing, printing, closing the day. Views (the wx window, or a fake in tests) show
/// what it tells them and pass on what the person did; they never compute or store.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pos/model/cart.hpp"
#include "pos/model/catalogue_import.hpp"
#include "pos/model/login.hpp"
#include "pos/model/refund.hpp"
#include "pos/model/tender.hpp"
#include "receipts/layout/sales_receipt.hpp"
#include "shared/core/canonical_json.hpp"
#include "shared/rules/journal_kind.hpp"
#include "shared/impact/sale_impact.hpp"

namespace bl::pos {

/// Everything the till reads and writes (wired to bl_store by pos_store).
class TillStore : public CatalogueLookup, public StaffAccess {
public:
    virtual Shop shop() = 0;
    virtual Result<Shop, Message> update_shop(const std::string& staff_id, const Shop& s) = 0;
    virtual Device device() = 0;
    virtual std::vector<StaffUser> staff_list() = 0;
    /// Categories of active products with their sizes, the fullest first, for the tiles.
    virtual std::vector<std::pair<std::string, std::int64_t>> categories() = 0;
    /// The first `limit` active products of a category, by name.
    virtual std::vector<Product> products_in(const std::string& category, int limit) = 0;
    virtual std::vector<Product> search(const std::string& query) = 0;
    virtual std::optional<Shift> current_shift() = 0;
    virtual Result<Shift, Message> open_shift(const std::string& staff_id, Money opening) = 0;
    virtual Result<Sale, Message> record_sale(const std::string& staff_id, const Sale& s) = 0;
    virtual ShiftTotals shift_totals(const std::string& shift_id) = 0;
    virtual Result<Shift, Message> close_shift(const std::string& staff_id,
                                               const std::string& shift_id, Money counted) = 0;
    virtual void logout(const std::string& staff_id) = 0;
    /// A receipt of this till (not training) by its number.
    virtual std::optional<Sale> find_receipt(std::int64_t number) = 0;
    /// The number of this till's newest receipt (not training); 0 before the first.
    virtual std::int64_t last_receipt_number() = 0;
    /// A recorded sale by its id (a refund's original).
    virtual std::optional<Sale> find_sale(const std::string& id) = 0;
    /// Units of an original line that earlier refunds took back.
    virtual std::int64_t refunded(const std::string& sale_id, int line_no) = 0;
    /// What is behind a sale, for the "Bag om tingene" block; none when the shop has the
    /// block turned off.
    virtual std::optional<SaleImpact> receipt_impact(const std::string& sale_id) = 0;
    /// Records not yet sent to the central store, and when the last ones were received.
    virtual std::int64_t unsent() = 0;
    virtual std::optional<Timestamp> last_sync() = 0;
    /// A local setting ("printer", "mobilepay_name", "discount_limit", "impact_block",
    /// "receipt_footer"), and changing one (journaled).
    virtual std::optional<std::string> setting(const std::string& key) = 0;
    /// Changes settings and the shop's details in one journaled transaction.
    virtual std::optional<Message> save_settings(const std::string& staff_id,
                                                 SettingsChange change) = 0;
    /// Workshops by folded name (for the catalogue import) and adding products in one go.
    virtual std::map<std::string, std::string> workshops_by_name() = 0;
    virtual Result<std::size_t, std::pair<std::size_t, Message>>
    add_products(const std::string& staff_id, const std::vector<Product>& products) = 0;
    /// After a Z report: a copy of the whole database in the backups folder (the newest ones
    /// are kept), so a broken disk does not take the shop's records with it before they are
    /// synced. A problem is reported; the day stays closed.
    virtual std::optional<Message> back_up_after_z(std::int64_t z_number) = 0;
    /// Keeps the carts not yet paid against a crash (see bl::keep_carts); a problem (a full
    /// disk) is reported, the carts stay as they are in memory.
    virtual std::optional<Message> keep_carts(const KeptCarts& carts) = 0;
    virtual KeptCarts kept_carts() = 0;
    /// Journals an action by `staff_id` that changes nothing else (see bl::record_event).
    virtual std::optional<Message> journal(const std::string& staff_id, JournalKind kind,
                                           JsonObject payload) = 0;
    virtual Timestamp now() = 0;
};

/// Where receipts go once a sale has committed (a printer, a folder, or a test's list).
class ReceiptSink {
public:
    virtual ~ReceiptSink() = default;
    /// Prints or stores; a problem is shown to the person but never undoes the sale.
    virtual std::optional<Message> deliver(const receipts::ReceiptText& receipt) = 0;
    /// Opens the cash drawer without printing.
    virtual std::optional<Message> open_drawer() = 0;
    /// Points the receipts at another printer ("" = none; a copy is always kept).
    virtual std::optional<Message> use_printer(const std::string& setting) = 0;
};

/// Why the view asks for a receipt.
enum class ReceiptLookup { refund, copy };

/// What the view shows. Each call replaces what was shown before.
class TillView {
public:
    virtual ~TillView() = default;
    virtual void show_login(const std::vector<StaffUser>& staff) = 0;
    virtual void show_open_shift(const std::string& staff_name) = 0;
    virtual void show_sale(const Cart& cart, const CartTotals& totals) = 0;
    virtual void show_payment(const TenderSession& tender) = 0;
    virtual void show_done(const Sale& sale, Money change) = 0;
    virtual void show_close_shift(const ShiftTotals& totals) = 0;
    /// Asks for a receipt (typed number or scanned barcode): to refund it, or to print a
    /// copy of it; `suggested` is filled in (for a copy: the last receipt's number).
    virtual void show_receipt_lookup(ReceiptLookup purpose, const std::string& suggested) = 0;
    virtual void show_refund(const RefundDraft& draft) = 0;
    /// The refund is recorded; `paid_out` (negative) went back on `tender`.
    virtual void show_refund_done(const Sale& refund, Money paid_out, Tender tender) = 0;
    /// Who is logged in, how many records wait for the central store, and when the store
    /// last confirmed it had this till's records (none: never).
    virtual void show_status(const std::string& staff_name, std::int64_t unsent,
                             std::optional<Timestamp> last_sync) = 0;
    /// Training mode: receipts say ØVELSE and stay out of every total.
    virtual void show_training(bool on) = 0;
    /// The checked import: what would be added and what was rejected, for approval.
    virtual void show_import(const ImportPlan& plan) = 0;
    virtual void show_import_done(std::size_t added) = 0;
    /// Asks an organiser to approve the next action with their PIN.
    virtual void show_approval(const std::vector<StaffUser>& organisers) = 0;
    /// An organiser approved; the next gated action may go ahead.
    virtual void show_approved(const std::string& organiser_name) = 0;
    /// How many carts are parked.
    virtual void show_parked(std::size_t count) = 0;
    /// The shop's settings for an organiser to change.
    virtual void show_settings(const struct TillSettings& settings) = 0;
    /// The X report: the shift so far, without closing it.
    virtual void show_x_report(const ShiftTotals& totals) = 0;
    /// A problem to read and act on; what was on screen stays.
    virtual void show_problem(const Message& m) = 0;
};

/// What an organiser can set at the till, as text the way it is typed.
struct TillSettings {
    std::string printer; ///< "/dev/usb/lp0", "192.168.1.50:9100" or "" for none
    std::string mobilepay_name = "MobilePay"; ///< the tender's name (it is becoming Vipps)
    std::string discount_limit = "50,00";     ///< kroner staff may give without approval
    bool impact_block = false;                ///< print "Bag om tingene" after the receipt
    std::string receipt_footer = "Tak for dit køb!";
    std::string language = "da"; ///< "da" or "en"; used from the next start
    Shop shop;                   ///< name, address and CVR as printed on receipts
};

class TillPresenter {
public:
    TillPresenter(TillStore& store, TillView& view, ReceiptSink& receipts);

    /// Shows the login screen.
    void start();
    void log_in(const std::string& staff_id, const std::string& pin);
    void log_out();
    /// The counted float, as typed ("1000", "1.000,00").
    void open_shift(const std::string& counted_float);

    /// The barcode field: a scanner types the code and presses Enter.
    void scan(const std::string& code);
    void add_product(const std::string& product_id);
    std::vector<Product> search(const std::string& query);
    void increment(std::size_t line);
    void decrement(std::size_t line);
    void remove(std::size_t line);
    void set_quantity(std::size_t line, const std::string& typed);

    /// A discount on a line or the basket, as typed ("10 %" or "20 kr."); above the limit
    /// only for organisers.
    void discount_line(std::size_t line, const std::string& typed);
    void discount_basket(const std::string& typed);
    /// A new unit price for a line: organisers only, journaled.
    void override_price(std::size_t line, const std::string& typed);

    /// Opens payment for the cart's total.
    void pay();
    void pay_cash(const std::string& handed_over);
    void pay_cash_amount(Money handed_over);
    void pay_card(const std::string& reference);
    void pay_mobilepay();
    /// Part of the amount on card or MobilePay (split tender): `amount` as typed; empty
    /// means the rest.
    void pay_card_part(const std::string& amount, const std::string& reference);
    void pay_mobilepay_part(const std::string& amount);
    /// Back to the sale: refused once part of the sale is paid (money changed hands).
    void cancel_payment();
    /// Takes back the last part payment (the person gives that money back); journaled.
    void undo_payment();
    /// Starts the next sale after the receipt screen.
    void next_sale();

    /// Refunds: organisers only. Find the receipt, choose what comes back, pay it out.
    void begin_refund();
    void find_refund(const std::string& receipt);
    void refund_more(std::size_t line);
    void refund_less(std::size_t line);
    void refund_pay(Tender tender);

    /// An organiser approves the next gated action (discount above the limit, new price,
    /// refund, drawer, training, Z, settings) with their PIN, on the spot.
    void ask_approval();
    void approve(const std::string& organiser_id, const std::string& pin);

    /// Puts the cart aside for a customer who stepped away; the next sale can start.
    void park();
    /// Takes back the longest-parked cart (the current one must be empty).
    void resume();
    /// Settings: organisers only.
    void open_settings();
    void save_settings(const TillSettings& typed);
    /// The settings as of this login (or the last save).
    const TillSettings& current_settings() const { return m_settings; }
    /// Category buttons and their tiles (the view asks through the presenter).
    std::vector<std::pair<std::string, std::int64_t>> categories();
    std::vector<Product> products_in(const std::string& category, int limit);
    std::string till_name() { return m_store.device().name; }
    /// Catalogue import from a CSV file: organisers only. Nothing is added until confirmed.
    void import_catalogue(const std::string& path);
    void confirm_import();

    /// Empties the cart (journaled when it held anything).
    void abort_sale();
    /// Copies, marked KOPI (journaled): asks which receipt, suggesting the last one; then
    /// prints the copy of the receipt typed or scanned (empty: the last one).
    void begin_copy();
    void copy_receipt(const std::string& receipt);
    /// Opens the drawer without a sale: organisers only (journaled).
    void open_drawer();
    /// Training mode on or off: organisers only (journaled).
    void set_training(bool on);
    bool training() const { return m_training; }
    /// The X report at any time (journaled).
    void x_report();

    /// Shows the Z report for counting; then close_shift with the counted cash.
    void begin_close_shift();
    void close_shift(const std::string& counted_cash);

    const Cart& cart() const { return m_cart; }
    const std::optional<StaffUser>& staff() const { return m_staff; }
    Permissions permissions() const;
    /// The logged-in person's role, or an organiser's for one action after an approval.
    StaffRole effective_role() const;

private:
    void refresh_sale();
    void refresh_status();
    void finish_if_settled();
    void pay_exactly(Tender tender, const std::string& amount, const std::string& reference);
    bool need_login();
    /// True (after saying so) when part payments are taken for the open cart: it may then
    /// only be paid, not parked or emptied.
    bool part_paid();

    TillStore& m_store;
    TillView& m_view;
    ReceiptSink& m_receipts;
    std::optional<StaffUser> m_staff;
    Cart m_cart;
    std::unique_ptr<TenderSession> m_tender;
    std::optional<RefundDraft> m_refund;
    std::optional<receipts::ReceiptData> m_last_receipt;
    std::vector<Cart> m_parked;
    std::optional<ImportPlan> m_import;
    std::optional<StaffUser> m_approver; ///< for the next gated action only
    bool gate(const char* refusal);      ///< true when allowed; uses up an approval
    bool allowed(const char* refusal);   ///< the same check, keeping the approval
    receipts::ReceiptData receipt_base();
    /// A recorded sale's receipt as it was printed (seller, original of a refund, impact).
    receipts::ReceiptData receipt_of(const Sale& sale);
    void load_settings();
    /// The open shift if the day may be closed now, else nothing (after saying why).
    std::optional<Shift> closable_shift(bool use_approval);
    /// The amount as typed, or nothing after telling the person what is wrong with it.
    std::optional<Money> read_money(const std::string& typed);
    TillSettings m_settings;
    bool m_training = false;
    /// Carts kept against a crash: brought back at the first start, written after changes.
    void restore_carts();
    void keep_carts();
    KeptCarts m_kept; ///< what the store holds, as far as this presenter knows
    bool m_started = false;
    bool m_keeping_failed = false;
    std::optional<Message> m_restored; ///< said once, after the next login
    std::optional<Message> m_restored_paid;
    /// Part payments brought back after a restart, until Pay applies them to a new tender.
    std::vector<Payment> m_taken;
    /// Part payments taken for the open cart: the tender's while paying, else m_taken.
    const std::vector<Payment>& taken() const;
};

} // namespace bl::pos
