#pragma once
/// Store-private: writing an action's journal and outbox rows inside the caller's open
/// transaction. Every business action in shared/store ends with record_action.

#include <optional>

#include "shared/core/canonical_json.hpp"
#include "shared/core/domain.hpp"
#include "shared/rules/journal_kind.hpp"
#include "shared/store/actor.hpp"
#include "shared/store/database.hpp"

namespace bl::store {

/// Appends a row for `device_id` inside the caller's open transaction and returns it.
JournalEntry append_journal(Database& db, const std::string& device_id, JournalKind kind,
                            const JsonObject& payload, Timestamp at);

/// Writes the action's journal row (kind, payload plus the staff id) and, when the actor is
/// this database's own device, its outbox row, inside the caller's open transaction.
/// `outbox_payload` replaces the journal payload for the outbox where they differ (a maker's
/// display name goes to the central store but never into the journal).
JournalEntry record_action(Database& db, const Actor& actor, JournalKind kind, JsonObject payload,
                           const std::optional<JsonObject>& outbox_payload = std::nullopt);

/// The sequence number the device's next journal row will get (read under the write lock,
/// so rows written in the same transaction can point at it).
std::int64_t next_journal_seq(Database& db, const std::string& device_id);

} // namespace bl::store
