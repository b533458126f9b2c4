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

/// Where a device's chain goes on: the next row's sequence and the hash it follows.
struct JournalTail {
    std::int64_t next_seq = 1;
    std::string prev_hash;
};
/// Read from the journal itself (not the head table: the chain is the truth), under the
/// caller's write lock, so rows written in the same transaction can point at the next row.
JournalTail journal_tail(Database& db, const std::string& device_id);

/// Appends a row for `device_id` inside the caller's open transaction and returns it;
/// `tail`, when the caller has read it in this transaction, saves reading it again.
JournalEntry append_journal(Database& db, const std::string& device_id, JournalKind kind,
                            const JsonObject& payload, Timestamp at,
                            const JournalTail* tail = nullptr);
/// The same with the payload's canonical text already written.
JournalEntry append_journal_text(Database& db, const std::string& device_id, JournalKind kind,
                                 std::string payload_text, Timestamp at,
                                 const JournalTail* tail = nullptr);

/// Writes the action's journal row (kind, payload plus the staff id) and, when the actor is
/// this database's own device, its outbox row, inside the caller's open transaction.
/// `outbox_payload` replaces the journal payload for the outbox where they differ (a maker's
/// display name goes to the central store but never into the journal). `at`, when given, is
/// the row's time: the time the action wrote in its own rows (a sale's, a shift's), so the
/// verifier can hold the rows to their journal row's time and the central store, which has only
/// the journal, counts a sale on the day it was sold; otherwise the clock's.
JournalEntry record_action(Database& db, const Actor& actor, JournalKind kind, JsonObject payload,
                           const std::optional<JsonObject>& outbox_payload = std::nullopt,
                           const JournalTail* tail = nullptr,
                           std::optional<Timestamp> at = std::nullopt);
/// The same with the payload's canonical text already written, staff id included (a sale:
/// shared/rules/payloads write_sale_payload), sent to the central store as it is.
JournalEntry record_action_text(Database& db, const Actor& actor, JournalKind kind,
                                std::string payload_text, const JournalTail* tail = nullptr,
                                std::optional<Timestamp> at = std::nullopt);

} // namespace bl::store
