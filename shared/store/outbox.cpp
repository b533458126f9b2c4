#include "shared/store/outbox.hpp"

#include "shared/store/detail/actions.hpp"
#include "shared/store/detail/connection.hpp"
#include "shared/store/setup.hpp"

namespace bl {

namespace store {

namespace {

JournalEntry record(Database& db, const Actor& actor, JournalKind kind, std::string payload_text,
                    const std::optional<std::string>& outbox_body, const JournalTail* tail,
                    std::optional<Timestamp> when) {
    const Timestamp at = when ? *when : db.clock();
    JournalEntry e =
        append_journal_text(db, actor.device_id, kind, std::move(payload_text), at, tail);
    if (local_device_id(db) == actor.device_id) {
        // No body: the journal payload itself is sent.
        Statement ins(db, "INSERT INTO outbox(device_id, journal_seq, kind, payload, "
                          "created_at) VALUES (?, ?, ?, ?, ?)");
        ins->bind(1, actor.device_id);
        ins->bind(2, e.seq);
        ins->bind(3, e.kind);
        if (outbox_body)
            ins->bind(4, *outbox_body);
        ins->bind(5, format_utc(at));
        ins->exec();
    }
    return e;
}

} // namespace

JournalEntry record_action(Database& db, const Actor& actor, JournalKind kind, JsonObject payload,
                           const std::optional<JsonObject>& outbox_payload, const JournalTail* tail,
                           std::optional<Timestamp> when) {
    if (!actor.staff_id.empty())
        payload.emplace("staff_id", actor.staff_id);
    std::optional<std::string> body;
    if (outbox_payload) {
        JsonObject o = *outbox_payload;
        if (!actor.staff_id.empty())
            o.emplace("staff_id", actor.staff_id);
        body = JsonValue(o).dump();
    }
    return record(db, actor, kind, JsonValue(payload).dump(), body, tail, when);
}

JournalEntry record_action_text(Database& db, const Actor& actor, JournalKind kind,
                                std::string payload_text, const JournalTail* tail,
                                std::optional<Timestamp> when) {
    return record(db, actor, kind, std::move(payload_text), std::nullopt, tail, when);
}

} // namespace store

Result<JournalEntry, Message> record_event(Database& db, const Actor& actor, JournalKind kind,
                                           JsonObject payload) {
    return store::writing([&]() -> Result<JournalEntry, Message> {
        auto tx = store::begin_write(db);
        JournalEntry e = store::record_action(db, actor, kind, std::move(payload));
        tx.commit();
        return e;
    });
}

std::int64_t outbox_pending_count(Database& db) {
    return store::reading([&] {
        store::Statement q(db, "SELECT count(*) FROM outbox");
        q->executeStep();
        return q->getColumn(0).getInt64();
    });
}

std::vector<OutboxItem> outbox_pending(Database& db, int limit) {
    return store::reading([&] {
        SQLite::Statement q(store::sql(db),
                            "SELECT o.id, o.device_id, o.journal_seq, o.kind, "
                            "coalesce(o.payload, j.payload), j.hash, j.recorded_at, "
                            "j.payload, j.prev_hash, o.payload IS NOT NULL "
                            "FROM outbox o JOIN journal j ON j.device_id = o.device_id AND "
                            "j.seq = o.journal_seq ORDER BY o.id LIMIT ?");
        q.bind(1, limit);
        std::vector<OutboxItem> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                           q.getColumn(2).getInt64(), q.getColumn(3).getString(),
                           q.getColumn(4).getString(), q.getColumn(5).getString(),
                           q.getColumn(6).getString(), q.getColumn(7).getString(),
                           q.getColumn(8).getString(), q.getColumn(9).getInt() != 0});
        return out;
    });
}

std::optional<Timestamp> last_acknowledged(Database& db, const std::string& device_id) {
    return store::reading([&]() -> std::optional<Timestamp> {
        store::Statement q(db, "SELECT acked_at FROM sync_state WHERE device_id = ?");
        q->bind(1, device_id);
        if (!q->executeStep() || q->getColumn(0).isNull())
            return std::nullopt;
        return parse_utc(q->getColumn(0).getString());
    });
}

Result<Done, Message> outbox_mark_sent(Database& db, std::int64_t up_to_id) {
    return store::writing([&]() -> Result<Done, Message> {
        auto tx = store::begin_write(db);
        // Remember how far the central store has the journal before the rows go: the verifier
        // uses it to see a truncated tail after the outbox is empty.
        SQLite::Statement a(store::sql(db),
                            "INSERT INTO sync_state(device_id, acked_seq, acked_at) "
                            "SELECT device_id, max(journal_seq), ? FROM outbox WHERE id <= ? "
                            "GROUP BY device_id ON CONFLICT(device_id) DO UPDATE SET "
                            "acked_seq = max(acked_seq, excluded.acked_seq), "
                            "acked_at = excluded.acked_at");
        a.bind(1, format_utc(db.clock()));
        a.bind(2, up_to_id);
        a.exec();
        SQLite::Statement d(store::sql(db), "DELETE FROM outbox WHERE id <= ?");
        d.bind(1, up_to_id);
        d.exec();
        tx.commit();
        return Done{};
    });
}

} // namespace bl
