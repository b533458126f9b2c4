#pragma once
/// Who is at the till: the login screen, PINs, logging out, and an organiser's approval of
/// one action on the spot.

#include <optional>
#include <string>

#include "pos/model/till_context.hpp"

namespace bl::pos {

class AccessFlow {
public:
    AccessFlow(TillContext& till, CartKeeper& keeper);

    /// Shows the login screen. At the first start, brings back the carts kept against a
    /// crash and says which receipt was the last one recorded on this till (so after a crash
    /// the cashier knows whether the interrupted sale went through), on the login screen and
    /// once more after the first login; the open cart stays for whoever logs in next (not a
    /// practice one).
    void start();
    /// Checks the PIN (wrong ones count towards a lockout) and opens the till or the sale.
    void log_in(const std::string& staff_id, const std::string& pin);
    void log_out();
    /// An organiser's PIN approves the action that asked for it (a discount above the limit,
    /// a new price, a refund, the drawer, training, Z, settings), which then goes ahead.
    void approve(const std::string& organiser_id, const std::string& pin);
    /// No approval after all: back to the sale, the action not done.
    void cancel_approval();

private:
    TillContext& m_till;
    CartKeeper& m_keeper;
    bool m_started = false;
    std::optional<Message> m_last_recorded; ///< said at the first start, until the first login
};

} // namespace bl::pos
