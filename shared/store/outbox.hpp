#pragma once
/// The outbox: what this device still has to send to the central store, written in the same
/// transaction as the change it describes, and record_action(), which every business action
/// uses to write its journal row and outbox row together.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/canonical_json.hpp"
#include "shared/core/domain.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// Who does an action: the device whose journal records it and the staff member, if any.
struct Actor {
    std::string device_id;
    std::string staff_id; ///< empty for actions no person is logged in for (setup, demo load)
};

/// Writes the action's journal row (kind, payload plus the staff id) and, when the actor is
/// this database's own device, its outbox row, inside the caller's open transaction.
/// `outbox_payload` replaces the journal payload for the outbox where they differ (a maker's
/// display name goes to the central store but never into the journal).
JournalEntry record_action(Database& db, const Actor& actor, const std::string& kind,
                           JsonObject payload,
                           const std::optional<JsonObject>& outbox_payload = std::nullopt);

/// Journals an action that changes no other table (a drawer opened without a sale, a
/// receipt copy, an X report, an emptied cart, training mode on or off) in its own
/// transaction.
JournalEntry record_event(Database& db, const Actor& actor, const std::string& kind,
                          JsonObject payload);

struct OutboxItem {
    std::int64_t id = 0;
    std::string device_id;
    std::int64_t journal_seq = 0;
    std::string kind;
    std::string payload;
    std::string journal_hash;
};

/// How many rows have not yet reached the central store.
std::int64_t outbox_pending_count(Database& db);

/// The oldest unsent rows, in the order they must be sent.
std::vector<OutboxItem> outbox_pending(Database& db, int limit);

/// When the central store last confirmed it had this device's records (none: never).
std::optional<Timestamp> last_acknowledged(Database& db, const std::string& device_id);

/// Records that the central store holds every row up to and including `id`: the rows leave
/// the outbox and the acknowledged journal position is kept, in one transaction.
void outbox_mark_sent(Database& db, std::int64_t up_to_id);

} // namespace bl
