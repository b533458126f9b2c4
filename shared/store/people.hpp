#pragma once
/// Staff users and makers. Makers are pseudonymous: the journal knows them by id only, a
/// till never holds their real names, and consent is recorded per channel with a version.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/store/actor.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// Adds a staff user with an already hashed PIN (see shared/auth).
Result<StaffUser, Message> add_staff(Database& db, const Actor& actor, StaffUser u);
std::optional<StaffUser> find_staff(Database& db, const std::string& id);
std::vector<StaffUser> list_staff(Database& db);

/// How many wrong PINs in a row lock a staff member out, and for how long.
struct LockoutPolicy {
    int max_failures = 5;
    std::chrono::minutes lock_for{15};
};

/// A staff member's login state as stored (it survives a restart).
struct LoginState {
    int failed_attempts = 0;
    std::optional<Timestamp> locked_until;
    bool locked_at(Timestamp now) const { return locked_until && now < *locked_until; }
};

std::optional<LoginState> login_state(Database& db, const std::string& staff_id);

/// Records a login attempt on `device_id` whose PIN the caller has checked: a success resets
/// the count; a failure counts and, at the policy's limit, locks the person out. One
/// journaled action either way ("login", "login_failed", "staff_locked"). An approval (an
/// organiser's PIN typed at someone else's session) is journaled "approval" on success.
Result<LoginState, Message> record_login_attempt(Database& db, const std::string& device_id,
                                                 const std::string& staff_id, bool success,
                                                 const LockoutPolicy& policy = {},
                                                 bool approval = false);

/// Journals a logout.
Result<Done, Message> record_logout(Database& db, const Actor& actor);

/// Adds a maker to a workshop, counted only (consent level 0 on every channel) until a
/// consent is recorded. `priv` (real name, contact) is refused on a till.
Result<Maker, Message> add_maker(Database& db, const Actor& actor, Maker m,
                                 const std::optional<MakerPrivate>& priv = std::nullopt);
/// Changes a maker's display name, active flag and (not on a till) private details; the
/// workshop stays. Journaled by id as "maker_changed"; the name and details go to central
/// through the outbox only. Refused for an erased maker.
Result<Maker, Message> update_maker(Database& db, const Actor& actor, Maker m,
                                    const std::optional<MakerPrivate>& priv = std::nullopt);
std::optional<Maker> find_maker(Database& db, const std::string& id);
std::vector<Maker> list_makers(Database& db, const std::optional<std::string>& workshop_id = {});
std::optional<MakerPrivate> find_maker_private(Database& db, const std::string& maker_id);

/// Records a consent decision (a new version) for one channel. Withdrawal is level 0.
Result<Consent, Message> record_consent(Database& db, const Actor& actor,
                                        const std::string& maker_id, ConsentChannel channel,
                                        ConsentLevel level);
/// The consent in force (level 0 when none was ever recorded).
ConsentLevel current_consent(Database& db, const std::string& maker_id, ConsentChannel channel);
/// Every decision ever recorded for a maker, oldest first.
std::vector<Consent> consent_history(Database& db, const std::string& maker_id);

/// Erases a maker's personal data everywhere in this database (display name, private
/// details, unsent outbox copies) and withdraws all consent, keeping the pseudonymous id so
/// that journals still verify and hours still add up. A second erasure is refused. Consent
/// (here and in record_consent) is recorded only by a workshop leader or an organiser.
Result<Maker, Message> erase_maker(Database& db, const Actor& actor, const std::string& maker_id);

/// What wipe_erased_bytes found.
struct WipeCheck {
    bool log_emptied = false;             ///< the write-ahead log was cut to nothing
    std::vector<std::string> still_found; ///< texts still in the file's or the log's bytes
};

/// After an erasure: rebuilds the database file from its live rows (so erased text is in no
/// free page), empties its write-ahead log, and then reads the bytes of both files for each
/// of `texts` (those shorter than 3 bytes are not looked for). Backups made from then on
/// are copies of the clean file. Older backups and printed paper are out of its reach.
Result<WipeCheck, Message> wipe_erased_bytes(Database& db, const std::vector<std::string>& texts);

} // namespace bl
