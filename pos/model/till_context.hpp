#pragma once
/// What the till's flows share: the ports and views, the till's state with its one explicit
/// mode, and the guards every flow goes through (logged in? organiser? may the cart change?).
/// The flows (access_flow, selling_flow, checkout_flow, refund_flow, receipt_copy_flow,
/// shift_flow, settings_flow, cart_keeper) each own one part of the work; see
/// docs/architecture.md ("The till").

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "pos/model/cart.hpp"
#include "pos/model/ports.hpp"
#include "pos/model/refund.hpp"
#include "pos/model/tender.hpp"
#include "pos/model/till_settings.hpp"
#include "pos/model/views.hpp"
#include "receipts/layout/sales_receipt.hpp"
#include "shared/model/catalogue_import.hpp"

namespace bl::pos {

/// Ringing up. `taken`: part payments brought back after a restart, until Pay applies them.
struct Selling {
    std::vector<Payment> taken;
};
/// Taking payment for the cart.
struct Paying {
    TenderSession tender;
};
/// Putting a refund together: first the receipt is looked up, then the lines chosen.
struct Refunding {
    std::optional<RefundDraft> draft;
};
/// A checked catalogue import waiting for the organiser's yes.
struct Importing {
    ImportPlan plan;
};
using Mode = std::variant<Selling, Paying, Refunding, Importing>;

/// The till's state. Flows change it only through TillContext's guards and their own rules.
struct TillState {
    std::optional<StaffUser> staff;    ///< who is logged in
    std::optional<StaffUser> approver; ///< an organiser's approval, for the next gated action
    TillSettings settings;             ///< as of this login or the last save
    Cart cart;                         ///< the open sale
    std::vector<Cart> parked;          ///< oldest first
    Mode mode = Selling{};
    bool training = false;
    /// The last receipt printed, exactly as printed (for a copy).
    std::optional<receipts::ReceiptData> last_receipt;
};

class CartKeeper;

class TillContext {
public:
    TillContext(TillPorts ports, TillViews views, CartKeeper& keeper);

    TillPorts ports;
    TillViews views;
    TillState state;

    /// True (after saying so) when nobody is logged in.
    bool need_login();
    /// The logged-in person's role, or an organiser's for one action after an approval.
    StaffRole effective_role() const;
    Permissions permissions() const;
    /// Whether the person logged in may do the organisers' actions, or could with an
    /// organiser's approval on the spot.
    OrganiserActions organiser_actions();
    /// Organisers only: true when allowed. Else an organiser is asked to approve on the spot
    /// (with `refusal` as the reason), and `retry` does the action again once they have;
    /// with no organiser to ask (or no `retry`), `refusal` is said. gate() uses up an
    /// approval: it covers one action.
    bool allowed(const char* refusal, std::function<void()> retry = {});
    bool gate(const char* refusal, std::function<void()> retry = {});
    /// Asks another organiser to approve (`why` says what for) and keeps `retry` for when
    /// they have; false when there is no other organiser.
    bool ask_approval(const Message& why, std::function<void()> retry);
    /// The action waiting for an approval, once (none after a cancel).
    std::function<void()> take_after_approval() { return std::exchange(m_after_approval, {}); }

    /// The one guard for changing the cart: someone is logged in, the till is ringing up
    /// (not paying, refunding or importing), and no part of the sale is paid yet. Returns
    /// the cart, or nothing after saying why it may not change. After a change, call
    /// refresh_sale().
    Cart* cart_to_change();
    /// Part payments already taken for the open cart: the tender's while paying, else those
    /// brought back after a restart.
    const std::vector<Payment>& taken() const;
    /// True (after saying so) when part of the open sale is paid: it may then only be paid.
    bool part_paid();

    /// The till is closed: asks for the counted float, suggesting what was counted at the
    /// last Z report.
    void ask_float();
    /// Back to ringing up, showing the cart (and keeping it against a crash).
    void show_sale();
    void refresh_sale();
    void refresh_status();
    void say(const Message& m) { views.messages.show_problem(m); }
    /// The amount as typed, or nothing after saying what is wrong with it.
    std::optional<Money> read_money(const std::string& typed);
    /// Today's receipts of this till (Copenhagen's day), newest first, to pick one from.
    std::vector<Sale> todays_receipts();
    /// A recorded sale's receipt as it is printed (shop, till, seller, original of a refund,
    /// impact block).
    receipts::ReceiptData receipt_of(const Sale& sale);
    /// Prints a receipt (and keeps its copy) off the till's thread, so the next sale can
    /// start at once. A printer problem is said when it comes back (the sale stays recorded),
    /// with a copy offered for a numbered receipt (`receipt_number`).
    void print(const receipts::ReceiptText& text,
               std::optional<std::int64_t> receipt_number = std::nullopt);
    /// After a sale or refund committed: its receipt made, kept as the last one and printed.
    /// A fault on the way (a read the database refused) is said and stops only the receipt:
    /// the recorded sale stands, and Receipt copy prints it later.
    void print_receipt_of(const Sale& sale);
    /// `then`, called only while this till exists: an answer from the background can come
    /// after the till has gone (a restart).
    Reply while_alive(std::function<void(std::optional<Message>)> then);
    /// Prints a copy of a receipt by its number (the copy flow's; set by the Till).
    std::function<void(std::int64_t)> offer_copy;

private:
    CartKeeper& m_keeper;
    std::function<void()> m_after_approval;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace bl::pos
