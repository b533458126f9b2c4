#include "shared/store/journal.hpp"

#include "shared/store/detail/actions.hpp"
#include "shared/store/detail/connection.hpp"

namespace bl {

namespace {

JournalCheck bad(std::int64_t rows, std::int64_t seq, Message m) {
    JournalCheck c;
    c.ok = false;
    c.rows = rows;
    c.first_bad_seq = seq;
    c.problem = std::move(m);
    return c;
}

std::int64_t max_reference(Database& db, const char* sql, const std::string& device_id) {
    SQLite::Statement q(store::sql(db), sql);
    q.bind(1, device_id);
    if (q.executeStep() && !q.getColumn(0).isNull())
        return q.getColumn(0).getInt64();
    return 0;
}

JournalCheck verify_chain(Database& db, const std::string& device_id,
                          const std::optional<JournalAnchor>& anchor) {
    SQLite::Statement q(store::sql(db), "SELECT seq, recorded_at, kind, payload, prev_hash, hash "
                                        "FROM journal WHERE device_id = ? ORDER BY seq");
    q.bind(1, device_id);
    std::int64_t expected = 1;
    std::string prev = genesis_hash;
    std::int64_t rows = 0;
    std::optional<std::string> anchor_hash_seen;
    while (q.executeStep()) {
        const std::int64_t seq = q.getColumn(0).getInt64();
        const std::string at = q.getColumn(1).getString();
        const std::string kind = q.getColumn(2).getString();
        const std::string payload = q.getColumn(3).getString();
        const std::string prev_hash = q.getColumn(4).getString();
        const std::string hash = q.getColumn(5).getString();
        if (seq != expected) {
            return bad(
                rows, expected,
                seq == expected + 1
                    ? Message(BL_N_("Journal row %s is missing."), {std::to_string(expected)})
                    : Message(BL_N_("Journal rows %s to %s are missing."),
                              {std::to_string(expected), std::to_string(seq - 1)}));
        }
        if (prev_hash != prev)
            return bad(rows, seq,
                       Message(BL_N_("Journal row %s does not follow the row before it: rows "
                                     "were removed, inserted or moved here."),
                               {std::to_string(seq)}));
        if (journal_hash(prev_hash, device_id, seq, at, kind, payload) != hash)
            return bad(rows, seq,
                       Message(BL_N_("Journal row %s has been changed after it was written."),
                               {std::to_string(seq)}));
        if (anchor && anchor->seq == seq)
            anchor_hash_seen = hash;
        prev = hash;
        ++rows;
        ++expected;
    }
    const std::int64_t last = expected - 1;

    // A chain that verifies may still have lost its tail: compare with everything that
    // points into the journal.
    auto missing_tail = [&](std::int64_t should_reach) {
        return bad(
            rows, last + 1,
            Message(BL_N_("The journal ends at row %s, but row %s was written: the "
                          "rows after %s are missing."),
                    {std::to_string(last), std::to_string(should_reach), std::to_string(last)}));
    };
    bool head_missing = false;
    SQLite::Statement h(store::sql(db), "SELECT seq, hash FROM journal_head WHERE device_id = ?");
    h.bind(1, device_id);
    if (h.executeStep()) {
        const std::int64_t head_seq = h.getColumn(0).getInt64();
        if (head_seq > last)
            return missing_tail(head_seq);
        if (head_seq < last)
            return bad(rows, head_seq + 1,
                       Message(BL_N_("The journal's head record names row %s as the last, but the "
                                     "journal goes on to row %s: the head was moved back."),
                               {std::to_string(head_seq), std::to_string(last)}));
        if (h.getColumn(1).getString() != prev)
            return bad(rows, last,
                       Message(BL_N_("Journal row %s is not the row that was written last."),
                               {std::to_string(last)}));
    } else {
        head_missing = rows > 0;
    }
    for (const char* sql : {"SELECT max(journal_seq) FROM sale WHERE device_id = ?",
                            "SELECT max(journal_seq) FROM shift WHERE device_id = ?",
                            "SELECT max(journal_seq) FROM outbox WHERE device_id = ?",
                            "SELECT max(acked_seq) FROM sync_state WHERE device_id = ?"}) {
        const std::int64_t ref = max_reference(db, sql, device_id);
        if (ref > last)
            return missing_tail(ref);
    }
    if (head_missing)
        return bad(rows, last,
                   Message(BL_N_("The journal's head record is missing: it has been deleted.")));
    if (anchor) {
        if (anchor->seq > last)
            return missing_tail(anchor->seq);
        if (anchor->seq >= 1 && anchor_hash_seen != anchor->hash)
            return bad(rows, anchor->seq,
                       Message(BL_N_("Journal row %s differs from the copy recorded "
                                     "elsewhere."),
                               {std::to_string(anchor->seq)}));
    }
    JournalCheck ok;
    ok.rows = rows;
    return ok;
}

} // namespace

JournalCheck verify_journal(Database& db, const std::string& device_id,
                            const std::optional<JournalAnchor>& anchor) {
    return store::reading([&] {
        // One snapshot: a till writing meanwhile must not look like a cut journal.
        store::ReadSnapshot snapshot(db);
        return verify_chain(db, device_id, anchor);
    });
}

std::vector<std::string> journal_devices(Database& db) {
    return store::reading([&] {
        std::vector<std::string> out;
        SQLite::Statement q(store::sql(db),
                            "SELECT DISTINCT device_id FROM journal ORDER BY device_id");
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
        return out;
    });
}

std::optional<JournalAnchor> journal_head(Database& db, const std::string& device_id) {
    return store::reading([&]() -> std::optional<JournalAnchor> {
        store::Statement q(db, "SELECT seq, hash FROM journal WHERE device_id = ? "
                               "ORDER BY seq DESC LIMIT 1");
        q->bind(1, device_id);
        if (!q->executeStep())
            return std::nullopt;
        return JournalAnchor{q->getColumn(0).getInt64(), q->getColumn(1).getString()};
    });
}

std::vector<JournalEntry> journal_rows(Database& db, const std::string& device_id,
                                       std::int64_t from_seq, int limit) {
    return store::reading([&] {
        SQLite::Statement q(store::sql(db),
                            "SELECT seq, recorded_at, kind, payload, prev_hash, hash FROM journal "
                            "WHERE device_id = ? AND seq >= ? ORDER BY seq LIMIT ?");
        q.bind(1, device_id);
        q.bind(2, from_seq);
        q.bind(3, limit);
        std::vector<JournalEntry> out;
        while (q.executeStep())
            out.push_back(JournalEntry{device_id, q.getColumn(0).getInt64(),
                                       parse_utc(q.getColumn(1).getString()).value_or(Timestamp{}),
                                       q.getColumn(2).getString(), q.getColumn(3).getString(),
                                       q.getColumn(4).getString(), q.getColumn(5).getString()});
        return out;
    });
}

namespace store {

JournalTail journal_tail(Database& db, const std::string& device_id) {
    Statement last(db, "SELECT seq, hash FROM journal WHERE device_id = ? ORDER BY seq DESC "
                       "LIMIT 1");
    last->bind(1, device_id);
    if (last->executeStep())
        return JournalTail{last->getColumn(0).getInt64() + 1, last->getColumn(1).getString()};
    return JournalTail{1, genesis_hash};
}

JournalEntry append_journal(Database& db, const std::string& device_id, JournalKind kind,
                            const JsonObject& payload, Timestamp at, const JournalTail* tail) {
    return append_journal_text(db, device_id, kind, JsonValue(payload).dump(), at, tail);
}

JournalEntry append_journal_text(Database& db, const std::string& device_id, JournalKind kind,
                                 std::string payload_text, Timestamp at, const JournalTail* tail) {
    const JournalTail t = tail ? *tail : journal_tail(db, device_id);
    JournalEntry e;
    e.device_id = device_id;
    e.kind = std::string(to_string(kind));
    e.recorded_at = at;
    e.payload = std::move(payload_text);
    e.seq = t.next_seq;
    e.prev_hash = t.prev_hash;
    const std::string at_text = format_utc(at);
    e.hash = journal_hash(e.prev_hash, device_id, e.seq, at_text, e.kind, e.payload);
    Statement ins(db, "INSERT INTO journal(device_id, seq, recorded_at, kind, payload, "
                      "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins->bind(1, device_id);
    ins->bind(2, e.seq);
    ins->bind(3, at_text);
    ins->bind(4, e.kind);
    ins->bind(5, e.payload);
    ins->bind(6, e.prev_hash);
    ins->bind(7, e.hash);
    ins->exec();
    return e;
}

} // namespace store

} // namespace bl
