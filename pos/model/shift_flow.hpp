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
    /// Shows the Z report's figures for counting the drawer.
    void begin_close_shift();
    /// The drawer as counted so far, note by note (`by_denomination[i]` of
    /// bl::cash_denominations[i], as typed) or as a typed `total` (which wins when there is
    /// one): shows the count against what is expected, and the difference. Says nothing
    /// while typing.
    void count_drawer(const std::vector<std::string>& by_denomination, const std::string& total);
    /// Closes the day with the counted `total` (the notes and coins are printed on the Z
    /// when they add up to it); then the Z report is shown, printed and the database backed
    /// up, neither keeping the till waiting.
    void close_shift(const std::vector<std::string>& by_denomination, const std::string& total);
    /// The closed day's Z report has been read: log out (a printing or backup problem is
    /// said again on the login screen, so nobody misses it).
    void finish_day();

private:
    /// The open shift if the day may be closed now, else nothing (after saying why).
    std::optional<Shift> closable_shift(bool use_approval, std::function<void()> retry);
    /// A printing or backup problem of the Z just made: said now, and again after logout.
    void z_problem(ZStep step, const std::optional<Message>& problem);
    TillContext& m_till;
    AccessFlow& m_access;
    Money m_expected;                  ///< cash expected in the drawer, for counting
    bool m_z_on_screen = false;        ///< the Z report is shown, not yet read
    std::vector<Message> m_z_problems; ///< said again after finish_day()
};

} // namespace bl::pos
