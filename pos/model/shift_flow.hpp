#pragma once
/// The till's day: the counted float that opens it, the drawer and training mode, the X
/// report at any time, and the organiser's Z report that closes it (printed after it is
/// recorded, then a backup of the whole database, then the login screen).

#include <functional>
#include <string>

#include "pos/model/till_context.hpp"

namespace bl::pos {

class AccessFlow;

class ShiftFlow {
public:
    ShiftFlow(TillContext& till, AccessFlow& access);

    /// The counted float, as typed ("1000", "1.000,00").
    void open_shift(const std::string& counted_float);
    /// Opens the drawer without a sale: organisers only (journaled).
    void open_drawer();
    /// Training mode on or off: organisers only (journaled), with no sale open or parked.
    void set_training(bool on);
    /// The X report: the shift so far, without closing it (journaled).
    void x_report();
    /// Shows the Z report for counting; then close_shift with the counted cash.
    void begin_close_shift();
    void close_shift(const std::string& counted_cash);

private:
    /// The open shift if the day may be closed now, else nothing (after saying why).
    std::optional<Shift> closable_shift(bool use_approval, std::function<void()> retry);
    TillContext& m_till;
    AccessFlow& m_access;
};

} // namespace bl::pos
