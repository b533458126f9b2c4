#pragma once
/// The outbox: what this device still has to send to the central store, written in the same
/// transaction as the change it describes; and record_event() for actions that change
/// nothing but the journal.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/canonical_json.hpp"
#include "shared/core/domain.hpp"
#include "shared/rules/journal_kind.hpp"
#include "shared/store/actor.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// Journals an action that changes no other table (a drawer opened without a sale, a
/// receipt copy, an X report, an emptied cart, training mode on or off) in its own
/// transaction, with its outbox row.
Result<JournalEntry, Message> record_event(Database& db, const Actor& actor, JournalKind kind,
                                           JsonObject payload);

struct OutboxItem {
    std::int64_t id = 0;
    std::string device_id;
    std::int64_t journal_seq = 0;
    std::string kind;
    std::string payload;
    std::string journal_hash;
    // What the central store needs to check the row's place in the chain (sync).
    std::string recorded_at;     ///< the journal row's time, as hashed
    std::string journal_payload; ///< the journal's payload, as hashed
    std::string prev_hash;
    bool own_payload = false; ///< the outbox carries more than the journal (payload differs)
};

/// How many rows have not yet reached the central store.
std::int64_t outbox_pending_count(Database& db);

/// The oldest unsent rows, in the order they must be sent.
std::vector<OutboxItem> outbox_pending(Database& db, int limit);

/// When the central store last confirmed it had this device's records (none: never).
std::optional<Timestamp> last_acknowledged(Database& db, const std::string& device_id);

/// Records that the central store holds every row up to and including `id`: the rows leave
/// the outbox and the acknowledged journal position is kept, in one transaction.
Result<Done, Message> outbox_mark_sent(Database& db, std::int64_t up_to_id);

} // namespace bl
