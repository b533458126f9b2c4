#include "pos/model/login.hpp"

#include "shared/auth/pin.hpp"

namespace bl::pos {

Result<StaffUser, Message> log_in(StaffAccess& staff, const std::string& staff_id,
                                  std::string_view pin, Timestamp now, bool approval) {
    auto user = staff.find(staff_id);
    if (!user || !user->active)
        return err(Message(BL_N_("That person is not a user of this till.")));
    if (auto until = staff.locked_until(staff_id); until && now < *until)
        return err(Message(BL_N_("Too many wrong PINs. Try again after %s, or ask an "
                                 "organiser."),
                           {format_copenhagen(*until)}));
    if (pin.empty())
        return err(Message(BL_N_("Type your PIN.")));
    const bool ok = verify_pin(pin, user->pin_hash);
    auto recorded = staff.record(staff_id, ok, approval);
    if (!recorded)
        return err(recorded.error());
    if (ok)
        return *user;
    if (recorded.value().locked_until)
        return err(Message(BL_N_("Too many wrong PINs. Try again after %s, or ask an "
                                 "organiser."),
                           {format_copenhagen(*recorded.value().locked_until)}));
    const int left = staff.max_failures() - recorded.value().failed_attempts;
    if (left == 1)
        return err(Message(BL_N_("Wrong PIN. One more wrong try locks the till for you for a "
                                 "while.")));
    return err(Message(BL_N_("Wrong PIN. Try again (%s tries left)."), {std::to_string(left)}));
}

} // namespace bl::pos
