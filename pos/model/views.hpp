#pragma once
/// What the till shows, split by screen: each screen of the window (or a fake in tests)
/// implements its own view, and the flows talk only to the views they need. Each show_...
/// replaces what that screen showed before and brings it to the front.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pos/model/cart.hpp"
#include "pos/model/refund.hpp"
#include "pos/model/tender.hpp"
#include "pos/model/till_settings.hpp"
#include "receipts/layout/sales_receipt.hpp"
#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/model/catalogue_import.hpp"

namespace bl::pos {

/// The message bar: a problem to read and act on, or a piece of news. What was on screen
/// stays. A message stays until the next action that makes it stale: that action (a search
/// that finds something, a login) calls clear(); a new screen clears it too.
class MessageView {
public:
    virtual ~MessageView() = default;
    virtual void show_problem(const Message& m) = 0;
    virtual void show_news(const Message& m) = 0;
    virtual void clear() = 0;
    /// A question before something that cannot be undone ("Empty the cart with 3 items?"):
    /// `yes` runs when the person answers `answer` ("Yes, empty it"); anything else they do
    /// drops it.
    virtual void ask(const Message& question, const Message& answer, std::function<void()> yes) = 0;
};

/// The status bar.
class StatusView {
public:
    virtual ~StatusView() = default;
    /// Who is logged in (empty: nobody), how many records wait for the central store, when
    /// the store last confirmed it had this till's records (none: never), and the till.
    virtual void show_status(const std::string& staff_name, std::int64_t unsent,
                             std::optional<Timestamp> last_sync, const std::string& till_name) = 0;
    /// Why the last attempt to reach the central store failed, in words (none: all is well,
    /// or the till is not enrolled). Shown beside the count until the next success.
    virtual void show_sync_problem(const std::optional<Message>& problem) { (void)problem; }
};

/// The enrolment with the central store (pos/ui/screens/enrol_screen): the server's address,
/// its CA certificate file and the organiser's single-use code.
struct EnrolmentState {
    bool enrolled = false;
    std::string server; ///< where this till syncs to, once enrolled
    bool busy = false;  ///< an enrolment is under way
    std::optional<Message> problem;
    std::optional<Message> news;
};

class EnrolView {
public:
    virtual ~EnrolView() = default;
    virtual void show_enrolment(const EnrolmentState& state) = 0;
};

class LoginView {
public:
    virtual ~LoginView() = default;
    virtual void show_login(const std::vector<StaffUser>& staff) = 0;
};

class ApprovalView {
public:
    virtual ~ApprovalView() = default;
    /// Asks an organiser to approve, with their PIN, the action that `why` says only an
    /// organiser may do; it goes ahead once they have.
    virtual void show_approval(const std::vector<StaffUser>& organisers, const Message& why) = 0;
};

/// The sale screen: tiles, search results, the cart, parked carts, training.
class SaleView {
public:
    virtual ~SaleView() = default;
    virtual void show_sale(const Cart& cart, const CartTotals& totals) = 0;
    /// Items found by name, shown as tiles instead of a category's.
    virtual void show_search_results(const std::vector<Product>& found) = 0;
    /// How many of the next item go into the cart (typed first: "3*"); 1 is the usual.
    virtual void show_next_quantity(std::int64_t quantity) = 0;
    /// What was typed into the scan field was used (it added an item): the field is emptied.
    virtual void clear_typed() = 0;
    virtual void show_parked(std::size_t count) = 0;
    /// The catalogue changed (an import): categories and tiles are read again.
    virtual void show_new_catalogue() = 0;
    /// Training mode: receipts say ØVELSE and stay out of every total.
    virtual void show_training(bool on) = 0;
};

/// What the logged-in person may do of the organisers' actions (refunds, closing the day,
/// the drawer, training, settings): all of them, each with an organiser's PIN on the spot,
/// or none (no organiser could approve).
enum class OrganiserActions { allowed, with_approval, never };

/// The till's functions that are not on the sale screen.
class MenuView {
public:
    virtual ~MenuView() = default;
    virtual void show_menu(OrganiserActions access, bool training) = 0;
};

class PaymentView {
public:
    virtual ~PaymentView() = default;
    /// `mobilepay_name`: what the shop calls the mobile payment.
    virtual void show_payment(const TenderSession& tender, const std::string& mobilepay_name) = 0;
};

/// The screen after money changed hands.
class DoneView {
public:
    virtual ~DoneView() = default;
    /// The sale is recorded; `impact`: its "Bag om tingene" may be printed on request (not
    /// for a training sale).
    virtual void show_done(const Sale& sale, Money change, bool impact) = 0;
    /// The refund is recorded; `paid_out` (negative) went back on `tender` (MobilePay is
    /// called `mobilepay_name` here).
    virtual void show_refund_done(const Sale& refund, Money paid_out, Tender tender,
                                  const std::string& mobilepay_name) = 0;
};

/// Why the till asks for a receipt.
enum class ReceiptLookup { refund, copy };

class ReceiptLookupView {
public:
    virtual ~ReceiptLookupView() = default;
    /// Asks for a receipt (typed number or scanned barcode, or picked from today's receipts,
    /// newest first, which the typed text filters: see matching_receipts): to refund it, or
    /// to print a copy of it; `suggested` is filled in (for a copy: the last receipt's
    /// number).
    virtual void show_receipt_lookup(ReceiptLookup purpose, const std::string& suggested,
                                     const std::vector<Sale>& today) = 0;
};

class RefundView {
public:
    virtual ~RefundView() = default;
    virtual void show_refund(const RefundDraft& draft, const std::string& mobilepay_name) = 0;
};

/// Counting the float that opens the till.
class OpenShiftView {
public:
    virtual ~OpenShiftView() = default;
    /// `left`: the cash counted at the last Z report, suggested as the float.
    virtual void show_open_shift(const std::string& staff_name, std::optional<Money> left) = 0;
};

class XReportView {
public:
    virtual ~XReportView() = default;
    /// `mobilepay_name`: what the shop calls the mobile payment.
    virtual void show_x_report(const ShiftTotals& totals, const std::string& mobilepay_name) = 0;
};

/// The drawer as counted so far at the Z report, against what should be in it.
struct DrawerCount {
    std::optional<Money> counted; ///< none while nothing readable is counted
    Money expected;
    std::optional<Money> difference; ///< counted - expected
    /// Counted note by note: the total is this sum (the total field shows it).
    bool by_denomination = false;
};

/// The Z report's figures, for counting the drawer before the day is closed.
class CloseDayView {
public:
    virtual ~CloseDayView() = default;
    virtual void show_close_shift(const ShiftTotals& totals, const std::string& mobilepay_name) = 0;
    /// What is counted so far, what should be there and the difference, before the
    /// organiser confirms.
    virtual void show_count(const DrawerCount& count) = 0;
};

/// What happens after the Z is recorded.
enum class ZStep { printed, backed_up };

/// The closed day: the Z report on screen with its number, then how printing it and the
/// backup went.
class ZReportView {
public:
    virtual ~ZReportView() = default;
    /// `count`: the drawer as counted against what was expected, said beside the report.
    virtual void show_z_report(std::int64_t z_number, const receipts::ReceiptText& report,
                               const DrawerCount& count) = 0;
    virtual void show_z_step(ZStep step, const std::optional<Message>& problem) = 0;
};

class SettingsView {
public:
    virtual ~SettingsView() = default;
    virtual void show_settings(const TillSettings& settings) = 0;
};

class ImportView {
public:
    virtual ~ImportView() = default;
    /// The checked import: what would be added and what was rejected, for approval.
    virtual void show_import(const ImportPlan& plan) = 0;
};

/// Every view of the till: one a screen, and the message and status bars.
struct TillViews {
    MessageView& messages;
    StatusView& status;
    LoginView& login;
    ApprovalView& approval;
    OpenShiftView& open_shift;
    SaleView& sale;
    MenuView& menu;
    PaymentView& payment;
    DoneView& done;
    ReceiptLookupView& lookup;
    RefundView& refund;
    XReportView& x_report;
    CloseDayView& close_day;
    ZReportView& z_report;
    SettingsView& settings;
    ImportView& import;
};

} // namespace bl::pos
