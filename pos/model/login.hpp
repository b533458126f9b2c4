#pragma once
/// Logging in at the till: pick your name, type your PIN. PINs are checked against their
/// Argon2id hashes; wrong PINs count, and too many lock the person out for a while, which
/// survives a restart because the store keeps it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::pos {

/// What login needs from the store (an adapter over bl_store in the app; fakes in tests).
class StaffAccess {
public:
    virtual ~StaffAccess() = default;
    virtual std::optional<StaffUser> find(const std::string& staff_id) = 0;
    /// Whether the person is locked out now, and until when.
    virtual std::optional<Timestamp> locked_until(const std::string& staff_id) = 0;
    /// Records the attempt; returns the lock time when this attempt locked the person out,
    /// and the failures counted so far.
    struct Recorded {
        int failed_attempts = 0;
        std::optional<Timestamp> locked_until;
    };
    /// `approval`: an organiser's PIN typed to approve someone else's action.
    virtual Result<Recorded, Message> record(const std::string& staff_id, bool success,
                                             bool approval = false) = 0;
    virtual int max_failures() const = 0;
};

/// Checks the PIN of `staff_id` and records the attempt. On success returns the user; on a
/// wrong PIN says how many tries are left, or that the person is now locked out.
Result<StaffUser, Message> log_in(StaffAccess& staff, const std::string& staff_id,
                                  std::string_view pin, Timestamp now, bool approval = false);

} // namespace bl::pos
