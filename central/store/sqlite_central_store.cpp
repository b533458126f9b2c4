#include "central/store/sqlite_central_store.hpp"

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include "shared/store/database.hpp"

namespace bl::central {

namespace {

/// "BLCS": the central store's application_id, so a till's file is not taken for it.
constexpr int central_application_id = 0x424C4353;

// Append-only: a released step is never edited; a change is a new step.
const std::vector<const char*>& steps() {
    static const std::vector<const char*> s = {
        R"SQL(
-- Central store schema version 1. Times are UTC ISO 8601 text, money integer øre.
CREATE TABLE enrol_code (
  code_hash    TEXT PRIMARY KEY,             -- SHA-256 of the code; the code is not kept
  role         TEXT NOT NULL CHECK (role IN ('till', 'workshop', 'organiser')),
  shop_id      TEXT NOT NULL DEFAULT '',
  workshop_id  TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  used_at      TEXT,
  used_by      TEXT
) STRICT;

CREATE TABLE device (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  role             TEXT NOT NULL CHECK (role IN ('till', 'workshop', 'organiser')),
  shop_id          TEXT NOT NULL DEFAULT '',
  workshop_id      TEXT NOT NULL DEFAULT '',
  token_hash       TEXT NOT NULL UNIQUE,
  certificate_pem  TEXT NOT NULL,
  enrolled_at      TEXT NOT NULL,
  revoked_at       TEXT,
  acked_seq        INTEGER NOT NULL DEFAULT 0,  -- the chain anchor
  acked_hash       TEXT NOT NULL DEFAULT '',
  head_signed_at   TEXT NOT NULL DEFAULT ''     -- the newest signed head time at the anchor
) STRICT;

-- Every device's journal, each (device, seq) once.
CREATE TABLE journal (
  device_id    TEXT NOT NULL,
  seq          INTEGER NOT NULL CHECK (seq >= 1),
  recorded_at  TEXT NOT NULL,
  kind         TEXT NOT NULL,
  payload      TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL,
  extra        TEXT,
  signature    TEXT,
  received_at  TEXT NOT NULL,
  PRIMARY KEY (device_id, seq)
) STRICT;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only');
END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only');
END;

-- Sales and refunds, each sale id once, for the totals.
CREATE TABLE sale (
  sale_id    TEXT PRIMARY KEY,
  device_id  TEXT NOT NULL,
  shop_id    TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  total_ore  INTEGER NOT NULL,
  training   INTEGER NOT NULL CHECK (training IN (0, 1)),
  refund     INTEGER NOT NULL CHECK (refund IN (0, 1)),
  UNIQUE (device_id, seq)
) STRICT, WITHOUT ROWID;

-- What devices pull; the cursor is the commit order (one writer at a time).
CREATE TABLE change (
  cursor       INTEGER PRIMARY KEY AUTOINCREMENT,
  entity       TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  audience     TEXT NOT NULL CHECK (audience IN ('everyone', 'workshop', 'shop', 'organiser')),
  shop_id      TEXT NOT NULL DEFAULT '',
  workshop_id  TEXT NOT NULL DEFAULT '',
  body         TEXT NOT NULL
) STRICT;

CREATE TABLE maker (
  id               TEXT PRIMARY KEY,
  workshop_id      TEXT NOT NULL,
  display_name     TEXT NOT NULL DEFAULT '',
  receipt_consent  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE alarm (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  device_id  TEXT NOT NULL,
  code       TEXT NOT NULL,
  detail     TEXT NOT NULL
) STRICT;
)SQL",
        R"SQL(
-- Step 2: a maker's chosen name and private fields leave the journal (its extra is outside the
-- hash) and an erased maker's changes are blanked; from now on ingest keeps them only
-- in the maker table and the changes, where erasure reaches them.
DROP TRIGGER journal_no_update;
UPDATE journal SET extra = NULL WHERE kind IN ('maker_added', 'maker_changed');
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only');
END;
UPDATE change SET body = json_set(body, '$.display_name', '') WHERE entity = 'maker' AND
  entity_id IN (SELECT json_extract(payload, '$.maker_id') FROM journal WHERE kind = 'maker_erased');
UPDATE change SET body = json_set(body, '$.display_name', '', '$.private',
    json('{"email":"","phone":"","real_name":"","story":""}'))
  WHERE entity = 'maker_private' AND
  entity_id IN (SELECT json_extract(payload, '$.maker_id') FROM journal WHERE kind = 'maker_erased');
)SQL",
    };
    return s;
}

std::string audience_name(Audience a) {
    switch (a) {
    case Audience::everyone:
        return "everyone";
    case Audience::workshop:
        return "workshop";
    case Audience::shop:
        return "shop";
    case Audience::organiser:
        return "organiser";
    }
    return "organiser";
}

Audience audience_from(const std::string& s) {
    if (s == "everyone")
        return Audience::everyone;
    if (s == "workshop")
        return Audience::workshop;
    if (s == "shop")
        return Audience::shop;
    return Audience::organiser;
}

Message write_failure(const std::exception& e) {
    return Message(BL_N_("The central store could not save this, so nothing was recorded: %s"),
                   {e.what()});
}

template <class F>
auto reading(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const SQLite::Exception& e) {
        throw StoreError(Message(BL_N_("The central store could not be read.")), e.what());
    }
}

std::optional<std::string> opt_col(SQLite::Statement& q, int i) {
    if (q.getColumn(i).isNull())
        return std::nullopt;
    return q.getColumn(i).getString();
}

const char* device_columns = "id, name, role, shop_id, workshop_id, token_hash, certificate_pem, "
                             "enrolled_at, revoked_at, acked_seq, acked_hash, head_signed_at";

DeviceRecord device_from(SQLite::Statement& q) {
    DeviceRecord d;
    d.id = q.getColumn(0).getString();
    d.name = q.getColumn(1).getString();
    d.scope.role = role_from(q.getColumn(2).getString()).value_or(Role::till);
    d.scope.shop_id = q.getColumn(3).getString();
    d.scope.workshop_id = q.getColumn(4).getString();
    d.token_hash = q.getColumn(5).getString();
    d.certificate_pem = q.getColumn(6).getString();
    d.enrolled_at = q.getColumn(7).getString();
    d.revoked_at = opt_col(q, 8);
    d.acked_seq = q.getColumn(9).getInt64();
    d.acked_hash = q.getColumn(10).getString();
    d.head_signed_at = q.getColumn(11).getString();
    return d;
}

void bind_opt(SQLite::Statement& q, int i, const std::optional<std::string>& v) {
    if (v)
        q.bind(i, *v);
    else
        q.bind(i);
}

} // namespace

std::string_view to_string(Role r) {
    switch (r) {
    case Role::till:
        return "till";
    case Role::workshop:
        return "workshop";
    case Role::organiser:
        return "organiser";
    }
    return "till";
}

std::optional<Role> role_from(std::string_view s) {
    if (s == "till")
        return Role::till;
    if (s == "workshop")
        return Role::workshop;
    if (s == "organiser")
        return Role::organiser;
    return std::nullopt;
}

/// Copies the write-ahead log into the database file on a thread and connection of its own,
/// so that no push waits for it: SQLite's automatic checkpoint would run inside the commit of
/// whichever push crossed the threshold, while every other writer waits. Passive: it copies
/// what no reader still needs and never blocks a writer.
class Checkpointer {
public:
    explicit Checkpointer(std::string path) : m_path(std::move(path)) {}
    ~Checkpointer() {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }
    /// The log has grown by a checkpoint's worth: copy it soon. Started at the first need (a
    /// command-line tool that writes little never starts it).
    void due() {
        {
            const std::lock_guard lock(m_mutex);
            m_due = true;
            if (!m_thread.joinable())
                m_thread = std::thread([this] { run(); });
        }
        m_cv.notify_one();
    }

private:
    void run() {
        std::unique_ptr<SQLite::Database> db;
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_cv.wait(lock, [this] { return m_due || m_stop; });
            if (m_stop)
                return;
            m_due = false;
            lock.unlock();
            try {
                if (!db) {
                    db = std::make_unique<SQLite::Database>(m_path, SQLite::OPEN_READWRITE);
                    db->setBusyTimeout(10000);
                }
                // A busy or failed checkpoint is tried again at the next one due; the log
                // keeps everything meanwhile.
                (void)sqlite3_wal_checkpoint_v2(db->getHandle(), "main", SQLITE_CHECKPOINT_PASSIVE,
                                                nullptr, nullptr);
            } catch (const SQLite::Exception&) {
                db.reset();
            }
            lock.lock();
        }
    }

    std::string m_path;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_due = false, m_stop = false;
    std::thread m_thread;
};

/// Pages in the log before a checkpoint is due (SQLite's own default threshold).
constexpr int checkpoint_pages = 1000;

struct SqliteCentralStore::Impl {
    explicit Impl(const std::string& p)
        : path(p), db(p, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX),
          checkpointer(p) {}
    std::string path;
    /// The connection that writes, one caller at a time: each writing method is one
    /// transaction, so the server's threads take turns here; SQLite has one writer anyway.
    /// Held by every writing method (recursive: a method may call another).
    SQLite::Database db;
    std::recursive_mutex mutex;

    /// Connections that only read, one per reader at a time, opened as needed and kept (up
    /// to a few): in WAL a reader sees the last commit and never waits for the writer, so a
    /// push's checks and a pull go on while another push is written.
    std::mutex readers_mutex;
    std::vector<std::unique_ptr<SQLite::Database>> readers;

    template <class F>
    auto read(F&& f) -> decltype(f(db)) {
        std::unique_ptr<SQLite::Database> c;
        {
            const std::lock_guard lock(readers_mutex);
            if (!readers.empty()) {
                c = std::move(readers.back());
                readers.pop_back();
            }
        }
        try {
            if (!c) {
                c = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY);
                c->setBusyTimeout(10000);
                c->exec("PRAGMA trusted_schema = OFF");
            }
        } catch (const SQLite::Exception& e) {
            throw StoreError(Message(BL_N_("The central store could not be read.")), e.what());
        }
        // Back to the pool only after a read that went well (a connection whose read failed
        // may be in any state, or on a file that was replaced).
        struct Back {
            Impl& impl;
            std::unique_ptr<SQLite::Database>& c;
            bool keep = false;
            ~Back() {
                if (!keep)
                    return;
                const std::lock_guard lock(impl.readers_mutex);
                if (impl.readers.size() < 16)
                    impl.readers.push_back(std::move(c));
            }
        } back{*this, c};
        auto out = reading([&] { return f(*c); });
        back.keep = true;
        return out;
    }

    /// Group commit: pushes that arrive while one is being written wait, and are written
    /// together in the next transaction, each in a savepoint of its own (one push refused does
    /// not refuse the others). One commit and one fsync for the group; nobody is answered
    /// before the commit that holds their rows.
    struct Waiting {
        const Append* append;
        std::optional<Result<Done, AppendRefusal>> result;
    };
    std::mutex queue_mutex;
    std::condition_variable queue_cv;
    std::vector<Waiting*> queue;
    bool writing = false;
    /// Writes the group in one transaction; the answers, each the push's own, once it
    /// committed (or nothing of it was written).
    std::vector<Result<Done, AppendRefusal>> write_group(const std::vector<Waiting*>& group);

    Checkpointer checkpointer;
};

SqliteCentralStore::SqliteCentralStore(const std::string& path) {
    try {
        m = std::make_unique<Impl>(path);
        auto& db = m->db;
        db.setBusyTimeout(10000);
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        db.exec("PRAGMA foreign_keys = ON");
        db.exec("PRAGMA trusted_schema = OFF");
        // What is deleted (an erased maker's personal data) is overwritten, not left in free
        // pages of the file.
        db.exec("PRAGMA secure_delete = ON");
        // Checkpoints on the checkpointer's thread, not inside a push's commit.
        sqlite3_wal_hook(
            db.getHandle(),
            [](void* impl, sqlite3*, const char*, int pages) {
                // Inside SQLite's commit: nothing may be thrown through it. A checkpointer
                // that cannot start leaves the log to SQLite's next chance.
                try {
                    if (pages >= checkpoint_pages)
                        static_cast<Impl*>(impl)->checkpointer.due();
                } catch (...) {
                }
                return SQLITE_OK;
            },
            m.get());
        const int app = db.execAndGet("PRAGMA application_id").getInt();
        int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version != 0 && app != central_application_id)
            throw StoreError(Message(BL_N_("This file is not a Bundlinje central store.")), path);
        if (version > static_cast<int>(steps().size()))
            throw StoreError(Message(BL_N_("This central store was written by a newer Bundlinje.")),
                             path);
        for (; version < static_cast<int>(steps().size()); ++version) {
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            db.exec(steps()[static_cast<std::size_t>(version)]);
            db.exec("PRAGMA application_id = " + std::to_string(central_application_id));
            db.exec("PRAGMA user_version = " + std::to_string(version + 1));
            tx.commit();
        }
    } catch (const SQLite::Exception& e) {
        throw StoreError(Message(BL_N_("The central store cannot be opened.")), e.what());
    }
}

SqliteCentralStore::~SqliteCentralStore() = default;

Result<Done, Message> SqliteCentralStore::add_enrol_code(const EnrolCode& c) {
    const std::lock_guard lock(m->mutex);
    try {
        SQLite::Statement q(m->db, "INSERT INTO enrol_code(code_hash, role, shop_id, "
                                   "workshop_id, created_at, expires_at) VALUES (?,?,?,?,?,?)");
        q.bind(1, c.code_hash);
        q.bind(2, std::string(to_string(c.scope.role)));
        q.bind(3, c.scope.shop_id);
        q.bind(4, c.scope.workshop_id);
        q.bind(5, c.created_at);
        q.bind(6, c.expires_at);
        q.exec();
        return Done{};
    } catch (const SQLite::Exception& e) {
        return err(write_failure(e));
    }
}

Result<DeviceRecord, CodeRefusal> SqliteCentralStore::enrol_device(const std::string& code_hash,
                                                                   const std::string& now,
                                                                   DeviceRecord d) {
    const std::lock_guard lock(m->mutex);
    try {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement c(m->db, "SELECT role, shop_id, workshop_id, expires_at, used_at, "
                                   "used_by FROM enrol_code WHERE code_hash = ?");
        c.bind(1, code_hash);
        if (!c.executeStep())
            return err(CodeRefusal::unknown);
        if (c.getColumn(3).getString() <= now)
            return err(CodeRefusal::expired);
        if (!c.getColumn(4).isNull()) {
            // The same device again with its code, before it sent anything: its answer was
            // lost on the way. It gets a new token and certificate; the old ones stop working.
            if (c.getColumn(5).getString() != d.id)
                return err(CodeRefusal::used);
            c.reset();
            SQLite::Statement again(m->db, "UPDATE device SET token_hash = ?, "
                                           "certificate_pem = ?, name = ? WHERE id = ? AND "
                                           "acked_seq = 0 AND revoked_at IS NULL");
            again.bind(1, d.token_hash);
            again.bind(2, d.certificate_pem);
            again.bind(3, d.name);
            again.bind(4, d.id);
            if (again.exec() != 1)
                return err(CodeRefusal::used);
            tx.commit();
            auto stored = find_device(d.id);
            if (!stored)
                return err(CodeRefusal::unknown);
            return *stored;
        }
        d.scope.role = role_from(c.getColumn(0).getString()).value_or(Role::till);
        d.scope.shop_id = c.getColumn(1).getString();
        d.scope.workshop_id = c.getColumn(2).getString();
        c.reset();
        SQLite::Statement taken(m->db, "SELECT 1 FROM device WHERE id = ?");
        taken.bind(1, d.id);
        if (taken.executeStep())
            return err(CodeRefusal::device_taken);
        SQLite::Statement u(m->db, "UPDATE enrol_code SET used_at = ?, used_by = ? "
                                   "WHERE code_hash = ? AND used_at IS NULL");
        u.bind(1, now);
        u.bind(2, d.id);
        u.bind(3, code_hash);
        if (u.exec() != 1)
            return err(CodeRefusal::used);
        SQLite::Statement ins(m->db, "INSERT INTO device(id, name, role, shop_id, workshop_id, "
                                     "token_hash, certificate_pem, enrolled_at) "
                                     "VALUES (?,?,?,?,?,?,?,?)");
        ins.bind(1, d.id);
        ins.bind(2, d.name);
        ins.bind(3, std::string(to_string(d.scope.role)));
        ins.bind(4, d.scope.shop_id);
        ins.bind(5, d.scope.workshop_id);
        ins.bind(6, d.token_hash);
        ins.bind(7, d.certificate_pem);
        ins.bind(8, now);
        ins.exec();
        tx.commit();
        d.enrolled_at = now;
        return d;
    } catch (const SQLite::Exception&) {
        return err(CodeRefusal::unknown);
    }
}

std::optional<DeviceRecord> SqliteCentralStore::device_by_token(const std::string& token_hash) {
    return m->read([&](SQLite::Database& db) -> std::optional<DeviceRecord> {
        SQLite::Statement q(db, std::string("SELECT ") + device_columns +
                                    " FROM device WHERE token_hash = ?");
        q.bind(1, token_hash);
        if (!q.executeStep())
            return std::nullopt;
        return device_from(q);
    });
}

std::optional<DeviceRecord> SqliteCentralStore::find_device(const std::string& id) {
    return m->read([&](SQLite::Database& db) -> std::optional<DeviceRecord> {
        SQLite::Statement q(db,
                            std::string("SELECT ") + device_columns + " FROM device WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep())
            return std::nullopt;
        return device_from(q);
    });
}

std::vector<DeviceRecord> SqliteCentralStore::list_devices() {
    return m->read([&](SQLite::Database& db) {
        SQLite::Statement q(db, std::string("SELECT ") + device_columns +
                                    " FROM device ORDER BY enrolled_at, id");
        std::vector<DeviceRecord> out;
        while (q.executeStep())
            out.push_back(device_from(q));
        return out;
    });
}

Result<bool, Message> SqliteCentralStore::revoke_device(const std::string& id,
                                                        const std::string& now) {
    const std::lock_guard lock(m->mutex);
    try {
        SQLite::Statement q(m->db, "UPDATE device SET revoked_at = coalesce(revoked_at, ?) "
                                   "WHERE id = ?");
        q.bind(1, now);
        q.bind(2, id);
        return q.exec() == 1;
    } catch (const SQLite::Exception& e) {
        return err(write_failure(e));
    }
}

namespace {
const char* row_columns = "device_id, seq, recorded_at, kind, payload, prev_hash, hash, extra, "
                          "signature, received_at";
StoredRow row_from(SQLite::Statement& q) {
    StoredRow r;
    r.device_id = q.getColumn(0).getString();
    r.seq = q.getColumn(1).getInt64();
    r.recorded_at = q.getColumn(2).getString();
    r.kind = q.getColumn(3).getString();
    r.payload = q.getColumn(4).getString();
    r.prev_hash = q.getColumn(5).getString();
    r.hash = q.getColumn(6).getString();
    r.extra = opt_col(q, 7);
    r.signature = opt_col(q, 8);
    r.received_at = q.getColumn(9).getString();
    return r;
}
} // namespace

std::optional<StoredRow> SqliteCentralStore::find_row(const std::string& device_id,
                                                      std::int64_t seq) {
    return m->read([&](SQLite::Database& db) -> std::optional<StoredRow> {
        SQLite::Statement q(db, std::string("SELECT ") + row_columns +
                                    " FROM journal WHERE device_id = ? AND seq = ?");
        q.bind(1, device_id);
        q.bind(2, seq);
        if (!q.executeStep())
            return std::nullopt;
        return row_from(q);
    });
}

std::vector<StoredRow> SqliteCentralStore::rows(const std::string& device_id, std::int64_t from_seq,
                                                int limit) {
    return m->read([&](SQLite::Database& db) {
        SQLite::Statement q(db, std::string("SELECT ") + row_columns +
                                    " FROM journal WHERE device_id = ? AND seq >= ? "
                                    "ORDER BY seq LIMIT ?");
        q.bind(1, device_id);
        q.bind(2, from_seq);
        q.bind(3, limit);
        std::vector<StoredRow> out;
        while (q.executeStep())
            out.push_back(row_from(q));
        return out;
    });
}

namespace {

/// Journal rows as held (each with its own received_at unless one is given for all).
void insert_rows(SQLite::Database& db, const std::vector<StoredRow>& rows,
                 const std::string* received_at) {
    if (rows.empty())
        return;
    // The texts outlive each statement's step: bound without a copy.
    SQLite::Statement ins(db, "INSERT INTO journal(device_id, seq, recorded_at, kind, "
                              "payload, prev_hash, hash, extra, signature, received_at) "
                              "VALUES (?,?,?,?,?,?,?,?,?,?)");
    for (const auto& r : rows) {
        ins.bindNoCopy(1, r.device_id);
        ins.bind(2, r.seq);
        ins.bindNoCopy(3, r.recorded_at);
        ins.bindNoCopy(4, r.kind);
        ins.bindNoCopy(5, r.payload);
        ins.bindNoCopy(6, r.prev_hash);
        ins.bindNoCopy(7, r.hash);
        if (r.extra)
            ins.bindNoCopy(8, *r.extra);
        else
            ins.bind(8);
        if (r.signature)
            ins.bindNoCopy(9, *r.signature);
        else
            ins.bind(9);
        ins.bindNoCopy(10, received_at ? *received_at : r.received_at);
        ins.exec();
        ins.reset();
    }
}

void insert_sales(SQLite::Database& db, const std::vector<SaleFact>& sales) {
    if (sales.empty())
        return;
    SQLite::Statement sale(db, "INSERT INTO sale(sale_id, device_id, shop_id, seq, "
                               "total_ore, training, refund) VALUES (?,?,?,?,?,?,?)");
    for (const auto& s : sales) {
        sale.bindNoCopy(1, s.sale_id);
        sale.bindNoCopy(2, s.device_id);
        sale.bindNoCopy(3, s.shop_id);
        sale.bind(4, s.seq);
        sale.bind(5, s.total_ore);
        sale.bind(6, s.training ? 1 : 0);
        sale.bind(7, s.refund ? 1 : 0);
        sale.exec();
        sale.reset();
    }
}

/// The rows of one push, inside the group's transaction. Refused: the anchor moved.
Result<Done, AppendRefusal> write_append(SQLite::Database& db, const Append& a) {
    SQLite::Statement anchor(db, "SELECT acked_seq FROM device WHERE id = ?");
    anchor.bind(1, a.device_id);
    if (!anchor.executeStep() || anchor.getColumn(0).getInt64() != a.expected_acked_seq)
        return err(AppendRefusal::moved);
    anchor.reset();
    insert_rows(db, a.rows, &a.received_at);
    insert_sales(db, a.sales);
    if (!a.erased_makers.empty()) {
        SQLite::Statement blank(db,
                                "UPDATE change SET body = ? WHERE entity = ? AND entity_id = ?");
        for (const auto& e : a.erased_makers)
            for (const auto& [entity, body] : {std::pair{"maker", &e.public_body},
                                               std::pair{"maker_private", &e.private_body}}) {
                blank.bind(1, *body);
                blank.bind(2, entity);
                blank.bind(3, e.id);
                blank.exec();
                blank.reset();
            }
    }
    if (!a.changes.empty()) {
        SQLite::Statement ch(db, "INSERT INTO change(entity, entity_id, audience, shop_id, "
                                 "workshop_id, body) VALUES (?,?,?,?,?,?)");
        for (const auto& c : a.changes) {
            ch.bind(1, c.entity);
            ch.bind(2, c.entity_id);
            ch.bind(3, audience_name(c.audience));
            ch.bind(4, c.shop_id);
            ch.bind(5, c.workshop_id);
            ch.bind(6, c.body);
            ch.exec();
            ch.reset();
        }
    }
    if (!a.makers.empty()) {
        SQLite::Statement mk(db, "INSERT INTO maker(id, workshop_id, display_name, "
                                 "receipt_consent) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE "
                                 "SET workshop_id = excluded.workshop_id, display_name = "
                                 "excluded.display_name, receipt_consent = "
                                 "excluded.receipt_consent");
        for (const auto& mr : a.makers) {
            mk.bind(1, mr.id);
            mk.bind(2, mr.workshop_id);
            mk.bind(3, mr.display_name);
            mk.bind(4, mr.receipt_consent);
            mk.exec();
            mk.reset();
        }
    }
    if (!a.rows.empty()) {
        SQLite::Statement up(db, "UPDATE device SET acked_seq = ?, acked_hash = ?, "
                                 "head_signed_at = max(head_signed_at, ?) WHERE id = ?");
        up.bind(1, a.rows.back().seq);
        up.bind(2, a.rows.back().hash);
        up.bind(3, a.head_signed_at);
        up.bind(4, a.device_id);
        up.exec();
    }
    return Done{};
}

} // namespace

std::vector<Result<Done, AppendRefusal>>
SqliteCentralStore::Impl::write_group(const std::vector<Waiting*>& group) {
    const std::lock_guard lock(mutex);
    std::vector<Result<Done, AppendRefusal>> results;
    try {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        for (Waiting* w : group) {
            db.exec("SAVEPOINT push");
            try {
                results.push_back(write_append(db, *w->append));
            } catch (const SQLite::Exception& e) {
                if (e.getErrorCode() != SQLITE_CONSTRAINT)
                    throw; // the database itself failed: the whole group is refused
                results.push_back(err(AppendRefusal::duplicate));
            }
            if (!results.back().ok())
                db.exec("ROLLBACK TO push");
            db.exec("RELEASE push");
        }
        tx.commit();
    } catch (const SQLite::Exception&) {
        // Nothing of the group was written (the transaction rolled back): each push is told,
        // and its device sends it again.
        results.assign(group.size(), err(AppendRefusal::failed));
    }
    return results;
}

Result<Done, AppendRefusal> SqliteCentralStore::append(const Append& a) {
    Impl::Waiting me{&a, std::nullopt};
    std::unique_lock lock(m->queue_mutex);
    m->queue.push_back(&me);
    // A push's answer is set only under the queue's lock and only after the transaction that
    // holds it ended: nobody is told "stored" before the commit.
    while (!me.result) {
        if (m->writing) {
            m->queue_cv.wait(lock);
            continue;
        }
        // Nobody is writing: this thread writes everything waiting, itself among it.
        m->writing = true;
        std::vector<Impl::Waiting*> group;
        group.swap(m->queue);
        lock.unlock();
        std::vector<Result<Done, AppendRefusal>> results;
        try {
            results = m->write_group(group);
        } catch (...) {
            // Anything but the database (memory): nothing was committed; every push of the
            // group is told, and the next one waiting writes.
            results.clear();
        }
        lock.lock();
        for (std::size_t i = 0; i < group.size(); ++i)
            group[i]->result = i < results.size()
                                   ? std::move(results[i])
                                   : Result<Done, AppendRefusal>(err(AppendRefusal::failed));
        m->writing = false;
        m->queue_cv.notify_all();
    }
    return *me.result;
}

std::optional<MakerRecord> SqliteCentralStore::find_maker(const std::string& id) {
    return m->read([&](SQLite::Database& db) -> std::optional<MakerRecord> {
        SQLite::Statement q(db, "SELECT id, workshop_id, display_name, receipt_consent "
                                "FROM maker WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep())
            return std::nullopt;
        return MakerRecord{q.getColumn(0).getString(), q.getColumn(1).getString(),
                           q.getColumn(2).getString(), q.getColumn(3).getInt()};
    });
}

std::vector<std::string> SqliteCentralStore::journal_devices() {
    return m->read([&](SQLite::Database& db) {
        SQLite::Statement q(db, "SELECT DISTINCT device_id FROM journal ORDER BY device_id");
        std::vector<std::string> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
        return out;
    });
}

std::vector<ChangeRecord> SqliteCentralStore::changes_since(std::int64_t cursor, const Scope& scope,
                                                            int limit, std::int64_t& next_cursor) {
    return m->read([&](SQLite::Database& db) {
        // One read transaction: the page and the store's newest cursor from one snapshot, so
        // nothing committed in between is skipped.
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::DEFERRED);
        SQLite::Statement q(db, "SELECT cursor, entity, entity_id, audience, shop_id, workshop_id, "
                                "body FROM change WHERE cursor > ?1 AND (?2 = 'organiser' OR "
                                "audience = 'everyone' OR (audience = 'workshop' AND ?2 = "
                                "'workshop' AND workshop_id = ?3) OR (audience = 'shop' AND ?2 = "
                                "'till' AND shop_id = ?4)) ORDER BY cursor LIMIT ?5");
        q.bind(1, cursor);
        q.bind(2, std::string(to_string(scope.role)));
        q.bind(3, scope.workshop_id);
        q.bind(4, scope.shop_id);
        q.bind(5, limit);
        std::vector<ChangeRecord> out;
        while (q.executeStep())
            out.push_back(ChangeRecord{
                q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                audience_from(q.getColumn(3).getString()), q.getColumn(4).getString(),
                q.getColumn(5).getString(), q.getColumn(6).getString()});
        q.reset();
        if (static_cast<int>(out.size()) >= limit) {
            next_cursor = out.back().cursor;
        } else {
            SQLite::Statement top(db, "SELECT coalesce(max(cursor), 0) FROM change");
            top.executeStep();
            next_cursor = std::max(cursor, top.getColumn(0).getInt64());
        }
        tx.commit();
        return out;
    });
}

Result<Done, Message> SqliteCentralStore::add_alarm(const Alarm& a) {
    const std::lock_guard lock(m->mutex);
    try {
        SQLite::Statement q(m->db,
                            "INSERT INTO alarm(at, device_id, code, detail) VALUES (?,?,?,?)");
        q.bind(1, a.at);
        q.bind(2, a.device_id);
        q.bind(3, a.code);
        q.bind(4, a.detail);
        q.exec();
        return Done{};
    } catch (const SQLite::Exception& e) {
        return err(write_failure(e));
    }
}

std::vector<Alarm> SqliteCentralStore::alarms() {
    return m->read([&](SQLite::Database& db) {
        SQLite::Statement q(db, "SELECT at, device_id, code, detail FROM alarm ORDER BY id");
        std::vector<Alarm> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                           q.getColumn(2).getString(), q.getColumn(3).getString()});
        return out;
    });
}

std::vector<DeviceTotals> SqliteCentralStore::totals() {
    return m->read([&](SQLite::Database& db) {
        SQLite::Statement q(db, "SELECT j.device_id, "
                                "(SELECT count(*) FROM sale s WHERE s.device_id = j.device_id AND "
                                "s.training = 0), "
                                "(SELECT coalesce(sum(total_ore), 0) FROM sale s WHERE s.device_id "
                                "= j.device_id AND s.training = 0), count(*) "
                                "FROM journal j GROUP BY j.device_id ORDER BY j.device_id");
        std::vector<DeviceTotals> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                           q.getColumn(2).getInt64(), q.getColumn(3).getInt64()});
        return out;
    });
}

std::int64_t SqliteCentralStore::sale_count() {
    return m->read([&](SQLite::Database& db) {
        return db.execAndGet("SELECT count(*) FROM sale").getInt64();
    });
}

Result<Done, Message> SqliteCentralStore::back_up(const std::string& path) {
    try {
        if (std::filesystem::exists(path))
            return err(
                Message(BL_N_("The backup file %s already exists; choose a new name."), {path}));
        // Written beside the target and renamed when whole, so a half-written copy never
        // looks like a backup.
        const std::string part = path + ".part";
        std::filesystem::remove(part);
        m->read([&](SQLite::Database& source) {
            SQLite::Database dest(part, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup backup(dest, source);
            // The whole file in one step, from one snapshot on a reading connection: the
            // server's writer goes on meanwhile (a copy in several steps from another
            // connection would start again at every write).
            // (The log cannot be checkpointed past this snapshot while it lasts.)
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
            for (;;) {
                const int rc = backup.executeStep(-1);
                if (rc == SQLITE_DONE)
                    break;
                if (rc == SQLITE_OK)
                    continue;
                if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) ||
                    std::chrono::steady_clock::now() > deadline)
                    throw std::runtime_error("the backup could not be written (SQLite code " +
                                             std::to_string(rc) + ")");
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            return 0;
        });
        std::filesystem::rename(part, path);
        return Done{};
    } catch (const std::exception& e) {
        return err(write_failure(e));
    }
}

std::vector<EnrolCodeState> SqliteCentralStore::enrol_codes() {
    return m->read([&](SQLite::Database& db) {
        SQLite::Statement q(db, "SELECT code_hash, role, shop_id, workshop_id, created_at, "
                                "expires_at, used_at, used_by FROM enrol_code "
                                "ORDER BY created_at, code_hash");
        std::vector<EnrolCodeState> out;
        while (q.executeStep()) {
            EnrolCodeState c;
            c.code.code_hash = q.getColumn(0).getString();
            c.code.scope.role = role_from(q.getColumn(1).getString()).value_or(Role::till);
            c.code.scope.shop_id = q.getColumn(2).getString();
            c.code.scope.workshop_id = q.getColumn(3).getString();
            c.code.created_at = q.getColumn(4).getString();
            c.code.expires_at = q.getColumn(5).getString();
            c.used_at = opt_col(q, 6);
            c.used_by = opt_col(q, 7);
            out.push_back(std::move(c));
        }
        return out;
    });
}

std::vector<SaleFact> SqliteCentralStore::sales_after(const std::string& after_sale_id, int limit) {
    return m->read([&](SQLite::Database& db) {
        SQLite::Statement q(db, "SELECT sale_id, device_id, shop_id, seq, total_ore, "
                                "training, refund FROM sale WHERE sale_id > ? "
                                "ORDER BY sale_id LIMIT ?");
        q.bind(1, after_sale_id);
        q.bind(2, limit);
        std::vector<SaleFact> out;
        while (q.executeStep())
            out.push_back(SaleFact{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                   q.getColumn(2).getString(), q.getColumn(3).getInt64(),
                                   q.getColumn(4).getInt64(), q.getColumn(5).getInt() != 0,
                                   q.getColumn(6).getInt() != 0});
        return out;
    });
}

std::optional<SaleFact> SqliteCentralStore::find_sale(const std::string& sale_id) {
    return m->read([&](SQLite::Database& db) -> std::optional<SaleFact> {
        SQLite::Statement q(db, "SELECT sale_id, device_id, shop_id, seq, total_ore, "
                                "training, refund FROM sale WHERE sale_id = ?");
        q.bind(1, sale_id);
        if (!q.executeStep())
            return std::nullopt;
        return SaleFact{q.getColumn(0).getString(),  q.getColumn(1).getString(),
                        q.getColumn(2).getString(),  q.getColumn(3).getInt64(),
                        q.getColumn(4).getInt64(),   q.getColumn(5).getInt() != 0,
                        q.getColumn(6).getInt() != 0};
    });
}

std::vector<MakerRecord> SqliteCentralStore::makers() {
    return m->read([&](SQLite::Database& db) {
        SQLite::Statement q(db, "SELECT id, workshop_id, display_name, receipt_consent "
                                "FROM maker ORDER BY id");
        std::vector<MakerRecord> out;
        while (q.executeStep())
            out.push_back(MakerRecord{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                      q.getColumn(2).getString(), q.getColumn(3).getInt()});
        return out;
    });
}

Result<Done, Message> SqliteCentralStore::import_records(const StoreImport& part) {
    const std::lock_guard lock(m->mutex);
    try {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement code(m->db, "INSERT OR REPLACE INTO enrol_code(code_hash, role, "
                                      "shop_id, workshop_id, created_at, expires_at, used_at, "
                                      "used_by) VALUES (?,?,?,?,?,?,?,?)");
        for (const auto& c : part.codes) {
            code.bind(1, c.code.code_hash);
            code.bind(2, std::string(to_string(c.code.scope.role)));
            code.bind(3, c.code.scope.shop_id);
            code.bind(4, c.code.scope.workshop_id);
            code.bind(5, c.code.created_at);
            code.bind(6, c.code.expires_at);
            bind_opt(code, 7, c.used_at);
            bind_opt(code, 8, c.used_by);
            code.exec();
            code.reset();
        }
        insert_rows(m->db, part.rows, nullptr);
        insert_sales(m->db, part.sales);
        // The cursor as the other store gave it: devices hold it as their pull cursor.
        SQLite::Statement ch(m->db, "INSERT INTO change(cursor, entity, entity_id, audience, "
                                    "shop_id, workshop_id, body) VALUES (?,?,?,?,?,?,?)");
        for (const auto& c : part.changes) {
            ch.bind(1, c.cursor);
            ch.bind(2, c.entity);
            ch.bind(3, c.entity_id);
            ch.bind(4, audience_name(c.audience));
            ch.bind(5, c.shop_id);
            ch.bind(6, c.workshop_id);
            ch.bind(7, c.body);
            ch.exec();
            ch.reset();
        }
        SQLite::Statement mk(m->db, "INSERT OR REPLACE INTO maker(id, workshop_id, display_name, "
                                    "receipt_consent) VALUES (?,?,?,?)");
        for (const auto& mr : part.makers) {
            mk.bind(1, mr.id);
            mk.bind(2, mr.workshop_id);
            mk.bind(3, mr.display_name);
            mk.bind(4, mr.receipt_consent);
            mk.exec();
            mk.reset();
        }
        SQLite::Statement al(m->db,
                             "INSERT INTO alarm(at, device_id, code, detail) VALUES (?,?,?,?)");
        for (const auto& a : part.alarms) {
            al.bind(1, a.at);
            al.bind(2, a.device_id);
            al.bind(3, a.code);
            al.bind(4, a.detail);
            al.exec();
            al.reset();
        }
        SQLite::Statement dev(m->db, "INSERT OR REPLACE INTO device(id, name, role, shop_id, "
                                     "workshop_id, token_hash, certificate_pem, enrolled_at, "
                                     "revoked_at, acked_seq, acked_hash, head_signed_at) "
                                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        for (const auto& d : part.devices) {
            dev.bind(1, d.id);
            dev.bind(2, d.name);
            dev.bind(3, std::string(to_string(d.scope.role)));
            dev.bind(4, d.scope.shop_id);
            dev.bind(5, d.scope.workshop_id);
            dev.bind(6, d.token_hash);
            dev.bind(7, d.certificate_pem);
            dev.bind(8, d.enrolled_at);
            bind_opt(dev, 9, d.revoked_at);
            dev.bind(10, d.acked_seq);
            dev.bind(11, d.acked_hash);
            dev.bind(12, d.head_signed_at);
            dev.exec();
            dev.reset();
        }
        tx.commit();
        return Done{};
    } catch (const SQLite::Exception& e) {
        return err(write_failure(e));
    }
}

} // namespace bl::central
