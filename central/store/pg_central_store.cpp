#include "central/store/pg_central_store.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include <pqxx/pqxx>

#include "central/store/store_url.hpp"
#include "shared/core/time.hpp"
#include "shared/store/database.hpp"

namespace bl::central {

namespace {

// Append-only: a released step is never edited; a change is a new step.
const std::vector<const char*>& steps() {
    static const std::vector<const char*> s = {
        R"SQL(
-- Central store schema version 1, in PostgreSQL's terms. Ids are text in byte order
-- (COLLATE "C", as SQLite compares them), sequence numbers and money (øre) bigint, times
-- timestamptz.
CREATE TABLE enrol_code (
  code_hash    text COLLATE "C" PRIMARY KEY,   -- SHA-256 of the code; the code is not kept
  role         text NOT NULL CHECK (role IN ('till', 'workshop', 'organiser')),
  shop_id      text COLLATE "C" NOT NULL DEFAULT '',
  workshop_id  text COLLATE "C" NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  used_by      text COLLATE "C"
);

CREATE TABLE device (
  id               text COLLATE "C" PRIMARY KEY,
  name             text NOT NULL,
  role             text NOT NULL CHECK (role IN ('till', 'workshop', 'organiser')),
  shop_id          text COLLATE "C" NOT NULL DEFAULT '',
  workshop_id      text COLLATE "C" NOT NULL DEFAULT '',
  token_hash       text COLLATE "C" NOT NULL UNIQUE,
  certificate_pem  text NOT NULL,
  enrolled_at      timestamptz NOT NULL,
  revoked_at       timestamptz,
  acked_seq        bigint NOT NULL DEFAULT 0,   -- the chain anchor
  acked_hash       text NOT NULL DEFAULT '',
  head_signed_at   timestamptz                  -- the newest signed head time at the anchor
);

-- Every device's journal, each (device, seq) once. recorded_at_hashed is the time exactly as
-- the device wrote and hashed it; recorded_at the same instant for queries.
CREATE TABLE journal (
  device_id           text COLLATE "C" NOT NULL,
  seq                 bigint NOT NULL CHECK (seq >= 1),
  recorded_at         timestamptz NOT NULL,
  recorded_at_hashed  text NOT NULL,
  kind                text NOT NULL,
  payload             text NOT NULL,              -- canonical JSON, as hashed (payload::jsonb)
  prev_hash           text NOT NULL,
  hash                text NOT NULL,
  extra               text,
  signature           text,
  received_at         timestamptz NOT NULL,
  PRIMARY KEY (device_id, seq)
);
CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the journal is append-only' USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER journal_no_update_or_delete BEFORE UPDATE OR DELETE ON journal
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON journal FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON journal FROM CURRENT_USER;

-- Sales and refunds, each sale id once, for the totals.
CREATE TABLE sale (
  sale_id    text COLLATE "C" PRIMARY KEY,
  device_id  text COLLATE "C" NOT NULL,
  shop_id    text COLLATE "C" NOT NULL,
  seq        bigint NOT NULL,
  total_ore  bigint NOT NULL,
  training   boolean NOT NULL,
  refund     boolean NOT NULL,
  UNIQUE (device_id, seq)
);

-- What devices pull. The cursor is handed out in commit order from change_counter, whose
-- one row a pushing transaction locks (UPDATE) just before it commits.
CREATE TABLE change_counter (
  only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  last      bigint NOT NULL
);
INSERT INTO change_counter VALUES (true, 0);
CREATE TABLE change (
  cursor       bigint PRIMARY KEY,
  entity       text NOT NULL,
  entity_id    text COLLATE "C" NOT NULL,
  audience     text NOT NULL CHECK (audience IN ('everyone', 'workshop', 'shop', 'organiser')),
  shop_id      text COLLATE "C" NOT NULL DEFAULT '',
  workshop_id  text COLLATE "C" NOT NULL DEFAULT '',
  body         text NOT NULL                   -- canonical JSON, sent as it is
);

CREATE TABLE maker (
  id               text COLLATE "C" PRIMARY KEY,
  workshop_id      text COLLATE "C" NOT NULL,
  display_name     text NOT NULL DEFAULT '',
  receipt_consent  integer NOT NULL DEFAULT 0
);

CREATE TABLE alarm (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL,
  device_id  text COLLATE "C" NOT NULL,
  code       text NOT NULL,
  detail     text NOT NULL
);
)SQL",
    };
    return s;
}

/// "BLCS", as the SQLite store's application_id: the migrations' advisory lock.
constexpr long long migration_lock = 0x424C4353;

/// A timestamptz column as milliseconds since the epoch (exact for what the store writes).
std::string ms(const std::string& column) {
    return "(extract(epoch FROM " + column + ") * 1000)::bigint";
}

std::string utc_text(const pqxx::field& f) {
    if (f.is_null())
        return {};
    return format_utc(Timestamp{std::chrono::milliseconds{f.as<std::int64_t>()}});
}

std::optional<std::string> opt_utc(const pqxx::field& f) {
    if (f.is_null())
        return std::nullopt;
    return utc_text(f);
}

std::optional<std::string> opt_text(const pqxx::field& f) {
    if (f.is_null())
        return std::nullopt;
    return f.as<std::string>();
}

std::optional<std::string> non_empty(const std::string& s) {
    if (s.empty())
        return std::nullopt;
    return s;
}

/// PostgreSQL array literals, for sending a whole push in one statement (unnest).
class ArrayText {
public:
    void add(const std::string& s) {
        sep();
        m_s += '"';
        for (char c : s) {
            if (c == '"' || c == '\\')
                m_s += '\\';
            m_s += c;
        }
        m_s += '"';
    }
    void add(const std::optional<std::string>& s) {
        if (s) {
            add(*s);
        } else {
            sep();
            m_s += "NULL";
        }
    }
    void add(std::int64_t n) {
        sep();
        m_s += std::to_string(n);
    }
    void add(bool b) {
        sep();
        m_s += b ? 't' : 'f';
    }
    std::string str() const { return "{" + m_s + "}"; }

private:
    void sep() {
        if (!m_s.empty())
            m_s += ',';
    }
    std::string m_s;
};

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

/// The first line of a libpq or server message, without its "ERROR:" and trailing space.
std::string first_line(const std::string& what) {
    std::string s = what.substr(0, what.find('\n'));
    for (const char* prefix : {"ERROR:  ", "FATAL:  "})
        if (s.rfind(prefix, 0) == 0)
            s = s.substr(std::string(prefix).size());
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r'))
        s.pop_back();
    return s;
}

Message write_failure(const std::exception& e) {
    return Message(BL_N_("The central store could not save this, so nothing was recorded: %s"),
                   {first_line(e.what())});
}

const std::string device_columns = "id, name, role, shop_id, workshop_id, token_hash, "
                                   "certificate_pem, " +
                                   ms("enrolled_at") + ", " + ms("revoked_at") +
                                   ", acked_seq, acked_hash, " + ms("head_signed_at");

DeviceRecord device_from(const pqxx::row& r) {
    DeviceRecord d;
    d.id = r[0].as<std::string>();
    d.name = r[1].as<std::string>();
    d.scope.role = role_from(r[2].as<std::string>()).value_or(Role::till);
    d.scope.shop_id = r[3].as<std::string>();
    d.scope.workshop_id = r[4].as<std::string>();
    d.token_hash = r[5].as<std::string>();
    d.certificate_pem = r[6].as<std::string>();
    d.enrolled_at = utc_text(r[7]);
    d.revoked_at = opt_utc(r[8]);
    d.acked_seq = r[9].as<std::int64_t>();
    d.acked_hash = r[10].as<std::string>();
    d.head_signed_at = utc_text(r[11]);
    return d;
}

const std::string row_columns = "device_id, seq, recorded_at_hashed, kind, payload, prev_hash, "
                                "hash, extra, signature, " +
                                ms("received_at");

StoredRow row_from(const pqxx::row& r) {
    StoredRow s;
    s.device_id = r[0].as<std::string>();
    s.seq = r[1].as<std::int64_t>();
    s.recorded_at = r[2].as<std::string>();
    s.kind = r[3].as<std::string>();
    s.payload = r[4].as<std::string>();
    s.prev_hash = r[5].as<std::string>();
    s.hash = r[6].as<std::string>();
    s.extra = opt_text(r[7]);
    s.signature = opt_text(r[8]);
    s.received_at = utc_text(r[9]);
    return s;
}

/// The statements every connection prepares (named, planned once per connection).
const std::vector<std::pair<const char*, std::string>>& statements() {
    static const std::vector<std::pair<const char*, std::string>> s = {
        {"device_by_token", "SELECT " + device_columns + " FROM device WHERE token_hash = $1"},
        {"device_by_id", "SELECT " + device_columns + " FROM device WHERE id = $1"},
        {"find_row", "SELECT " + row_columns + " FROM journal WHERE device_id = $1 AND seq = $2"},
        {"rows", "SELECT " + row_columns +
                     " FROM journal WHERE device_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3"},
        {"find_maker",
         "SELECT id, workshop_id, display_name, receipt_consent FROM maker WHERE id = $1"},
        {"anchor_lock", "SELECT acked_seq FROM device WHERE id = $1 FOR UPDATE"},
        {"journal_in",
         "INSERT INTO journal (device_id, seq, recorded_at, recorded_at_hashed, kind, payload, "
         "prev_hash, hash, extra, signature, received_at) "
         "SELECT r.device_id, r.seq, r.at::timestamptz, r.at, r.kind, r.payload, r.prev, r.hash, "
         "r.extra, r.sig, r.received::timestamptz FROM unnest($1::text[], $2::bigint[], "
         "$3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], "
         "$10::text[]) AS r(device_id, seq, at, kind, payload, prev, hash, extra, sig, received) "
         "ON CONFLICT DO NOTHING"},
        {"sale_in", "INSERT INTO sale (sale_id, device_id, shop_id, seq, total_ore, training, "
                    "refund) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], "
                    "$4::bigint[], $5::bigint[], $6::boolean[], $7::boolean[]) "
                    "ON CONFLICT DO NOTHING"},
        {"maker_up", "INSERT INTO maker (id, workshop_id, display_name, receipt_consent) "
                     "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[]) "
                     "ON CONFLICT (id) DO UPDATE SET workshop_id = excluded.workshop_id, "
                     "display_name = excluded.display_name, "
                     "receipt_consent = excluded.receipt_consent"},
        {"anchor_set", "UPDATE device SET acked_seq = $2, acked_hash = $3, head_signed_at = "
                       "greatest(head_signed_at, $4::timestamptz) WHERE id = $1"},
        {"counter_take", "UPDATE change_counter SET last = last + $1 RETURNING last"},
        {"counter_raise", "UPDATE change_counter SET last = greatest(last, $1) RETURNING last"},
        {"change_in", "INSERT INTO change (cursor, entity, entity_id, audience, shop_id, "
                      "workshop_id, body) SELECT * FROM unnest($1::bigint[], $2::text[], "
                      "$3::text[], $4::text[], $5::text[], $6::text[], $7::text[])"},
        {"changes_since",
         // One statement, one snapshot: the page and the newest cursor committed in it.
         "SELECT k.last, p.cursor, p.entity, p.entity_id, p.audience, p.shop_id, "
         "p.workshop_id, p.body FROM change_counter k LEFT JOIN LATERAL (SELECT * FROM change "
         "c WHERE c.cursor > $1 AND ($2 = 'organiser' OR c.audience = 'everyone' OR "
         "(c.audience = 'workshop' AND $2 = 'workshop' AND c.workshop_id = $3) OR "
         "(c.audience = 'shop' AND $2 = 'till' AND c.shop_id = $4)) ORDER BY c.cursor "
         "LIMIT $5) p ON true ORDER BY p.cursor"},
    };
    return s;
}

/// A fixed number of connections, each used by one caller at a time.
class Pool {
public:
    Pool(std::string conninfo, std::string schema, int size)
        : m_conninfo(std::move(conninfo)), m_schema(std::move(schema)),
          m_slots(static_cast<std::size_t>(std::max(1, size))), m_busy(m_slots.size(), false),
          m_free(m_slots.size()) {}

    class Lease {
    public:
        Lease(Pool& p, std::size_t i) : m_pool(p), m_i(i) {}
        ~Lease() { m_pool.release(m_i, m_broken); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        pqxx::connection& operator*() { return *m_pool.m_slots[m_i]; }
        /// The connection is not to be used again (it broke, or is in an unknown state).
        void broken() { m_broken = true; }

    private:
        Pool& m_pool;
        std::size_t m_i;
        bool m_broken = false;
    };

    /// Waits for a free connection (at most 30 s), connecting it when needed. Throws
    /// pqxx::broken_connection when the server cannot be reached, StoreError when every
    /// connection stays busy.
    std::unique_ptr<Lease> acquire() {
        std::size_t i = 0;
        {
            std::unique_lock lock(m_mutex);
            if (!m_cv.wait_for(lock, std::chrono::seconds(30), [&] { return m_free > 0; }))
                throw StoreError(Message(BL_N_("The central store's database connections are "
                                               "all busy; try again.")));
            while (m_busy[i])
                ++i;
            m_busy[i] = true;
            --m_free;
        }
        auto lease = std::make_unique<Lease>(*this, i);
        auto& slot = m_slots[i];
        if (!slot || !slot->is_open()) {
            slot.reset();
            try {
                slot = connect();
            } catch (...) {
                lease->broken();
                throw;
            }
        }
        return lease;
    }

    /// After migrating: the statements every connection prepares from now on.
    void prepare(pqxx::connection& c) {
        for (const auto& [name, sql] : statements())
            c.prepare(name, sql);
        m_prepare = true;
    }

private:
    std::unique_ptr<pqxx::connection> connect() {
        auto c = std::make_unique<pqxx::connection>(m_conninfo);
        pqxx::nontransaction n(*c);
        n.exec("SET client_encoding TO 'UTF8'");
        if (!m_schema.empty())
            n.exec("SET search_path TO " + n.quote_name(m_schema));
        n.commit();
        if (m_prepare)
            for (const auto& [name, sql] : statements())
                c->prepare(name, sql);
        return c;
    }

    void release(std::size_t i, bool broken) {
        if (broken)
            m_slots[i].reset();
        {
            std::lock_guard lock(m_mutex);
            m_busy[i] = false;
            ++m_free;
        }
        m_cv.notify_one();
    }

    std::string m_conninfo;
    std::string m_schema;
    std::vector<std::unique_ptr<pqxx::connection>> m_slots;
    std::vector<bool> m_busy;
    std::size_t m_free;
    std::atomic<bool> m_prepare{false};
    std::mutex m_mutex;
    std::condition_variable m_cv;
};

} // namespace

struct PgCentralStore::Impl {
    Impl(const PgUrl& u, int pool_size) : url(u), pool(u.conninfo, u.schema, pool_size) {}
    PgUrl url;
    Pool pool;

    /// A read on a pooled connection; a failure throws StoreError.
    template <class F>
    auto reading(F&& f) -> decltype(f(std::declval<pqxx::connection&>())) {
        try {
            auto lease = pool.acquire();
            try {
                return f(**lease);
            } catch (const pqxx::broken_connection&) {
                lease->broken();
                throw;
            } catch (const pqxx::in_doubt_error&) {
                lease->broken();
                throw;
            }
        } catch (const pqxx::broken_connection& e) {
            throw StoreError(Message(BL_N_("The central store's database cannot be reached.")),
                             first_line(e.what()));
        } catch (const pqxx::failure& e) {
            throw StoreError(Message(BL_N_("The central store could not be read.")),
                             first_line(e.what()));
        }
    }

    /// A write on a pooled connection; the connection is dropped when it broke.
    template <class F, class OnError>
    auto writing(F&& f, OnError&& on_error) -> decltype(f(std::declval<pqxx::connection&>())) {
        try {
            auto lease = pool.acquire();
            try {
                return f(**lease);
            } catch (const pqxx::broken_connection&) {
                lease->broken();
                throw;
            } catch (const pqxx::in_doubt_error&) {
                lease->broken();
                throw;
            }
        } catch (const std::exception& e) {
            return on_error(e);
        }
    }

    void migrate(pqxx::connection& c);
};

void PgCentralStore::Impl::migrate(pqxx::connection& c) {
    const int latest = static_cast<int>(steps().size());
    auto version = [&](pqxx::transaction_base& t) {
        if (t.exec1("SELECT to_regclass('bundlinje_central_schema') IS NULL")[0].as<bool>())
            return 0;
        return t.exec1("SELECT coalesce(max(step), 0) FROM bundlinje_central_schema")[0].as<int>();
    };
    {
        pqxx::read_transaction t(c);
        const auto enc = t.exec1("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE "
                                 "datname = current_database()")[0]
                             .as<std::string>();
        if (enc != "UTF8")
            throw StoreError(Message(BL_N_("The PostgreSQL database must use the UTF8 encoding "
                                           "(this one uses %s): create it with ENCODING "
                                           "'UTF8'."),
                                     {enc}));
        const int v = version(t);
        if (v > latest)
            throw StoreError(
                Message(BL_N_("This central store was written by a newer Bundlinje.")));
        if (v == latest)
            return; // a serving role needs no right to change the schema
    }
    for (;;) {
        pqxx::work t(c);
        // Two servers starting at once: the second waits here and then finds the step done.
        t.exec("SELECT pg_advisory_xact_lock(" + std::to_string(migration_lock) + ")");
        if (!url.schema.empty())
            t.exec("CREATE SCHEMA IF NOT EXISTS " + t.quote_name(url.schema));
        if (t.exec1("SELECT to_regclass('bundlinje_central_schema') IS NULL")[0].as<bool>())
            t.exec("CREATE TABLE bundlinje_central_schema (step integer PRIMARY KEY, "
                   "applied_at timestamptz NOT NULL DEFAULT now())");
        const int v = version(t);
        if (v >= latest)
            return;
        t.exec(steps()[static_cast<std::size_t>(v)]);
        t.exec("INSERT INTO bundlinje_central_schema (step) VALUES (" + std::to_string(v + 1) +
               ")");
        t.commit();
    }
}

PgCentralStore::PgCentralStore(const std::string& url, PgOptions options) {
    auto parsed = parse_pg_url(url);
    if (!parsed)
        throw StoreError(parsed.error());
    m = std::make_unique<Impl>(parsed.value(), options.pool_size);
    const std::string shown = masked_store_url(url);
    try {
        auto lease = m->pool.acquire();
        try {
            m->migrate(**lease);
            m->pool.prepare(**lease);
        } catch (...) {
            lease->broken();
            throw;
        }
    } catch (const pqxx::broken_connection& e) {
        throw StoreError(Message(BL_N_("Cannot connect to the PostgreSQL database %s: %s"),
                                 {shown, first_line(e.what())}));
    } catch (const pqxx::insufficient_privilege& e) {
        throw StoreError(Message(BL_N_("The role in %s may not create the central store's "
                                       "tables there: %s"),
                                 {shown, first_line(e.what())}));
    } catch (const pqxx::failure& e) {
        throw StoreError(Message(BL_N_("The central store in %s cannot be opened: %s"),
                                 {shown, first_line(e.what())}));
    }
}

PgCentralStore::~PgCentralStore() = default;

Result<Done, Message> PgCentralStore::add_enrol_code(const EnrolCode& c) {
    return m->writing(
        [&](pqxx::connection& conn) -> Result<Done, Message> {
            pqxx::work t(conn);
            t.exec_params("INSERT INTO enrol_code (code_hash, role, shop_id, workshop_id, "
                          "created_at, expires_at) VALUES ($1, $2, $3, $4, $5::timestamptz, "
                          "$6::timestamptz)",
                          c.code_hash, std::string(to_string(c.scope.role)), c.scope.shop_id,
                          c.scope.workshop_id, c.created_at, c.expires_at);
            t.commit();
            return Done{};
        },
        [](const std::exception& e) -> Result<Done, Message> { return err(write_failure(e)); });
}

Result<DeviceRecord, CodeRefusal>
PgCentralStore::enrol_device(const std::string& code_hash, const std::string& now, DeviceRecord d) {
    return m->writing(
        [&](pqxx::connection& conn) -> Result<DeviceRecord, CodeRefusal> {
            pqxx::work t(conn);
            // The code's row is locked: two devices with one code at once, one wins.
            const auto c = t.exec_params(
                "SELECT role, shop_id, workshop_id, expires_at <= $2::timestamptz, "
                "used_at IS NOT NULL, used_by FROM enrol_code WHERE code_hash = $1 FOR UPDATE",
                code_hash, now);
            if (c.empty())
                return err(CodeRefusal::unknown);
            if (c[0][3].as<bool>())
                return err(CodeRefusal::expired);
            if (c[0][4].as<bool>()) {
                // The same device again with its code, before it sent anything: its answer
                // was lost on the way. It gets a new token and certificate.
                if (c[0][5].is_null() || c[0][5].as<std::string>() != d.id)
                    return err(CodeRefusal::used);
                const auto again = t.exec_params(
                    "UPDATE device SET token_hash = $1, certificate_pem = $2, name = $3 WHERE "
                    "id = $4 AND acked_seq = 0 AND revoked_at IS NULL",
                    d.token_hash, d.certificate_pem, d.name, d.id);
                if (again.affected_rows() != 1)
                    return err(CodeRefusal::used);
                const auto stored = t.exec_prepared("device_by_id", d.id);
                t.commit();
                if (stored.empty())
                    return err(CodeRefusal::unknown);
                return device_from(stored[0]);
            }
            d.scope.role = role_from(c[0][0].as<std::string>()).value_or(Role::till);
            d.scope.shop_id = c[0][1].as<std::string>();
            d.scope.workshop_id = c[0][2].as<std::string>();
            if (!t.exec_params("SELECT 1 FROM device WHERE id = $1", d.id).empty())
                return err(CodeRefusal::device_taken);
            t.exec_params("UPDATE enrol_code SET used_at = $1::timestamptz, used_by = $2 WHERE "
                          "code_hash = $3",
                          now, d.id, code_hash);
            const auto ins = t.exec_params(
                "INSERT INTO device (id, name, role, shop_id, workshop_id, token_hash, "
                "certificate_pem, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                "$8::timestamptz) ON CONFLICT DO NOTHING",
                d.id, d.name, std::string(to_string(d.scope.role)), d.scope.shop_id,
                d.scope.workshop_id, d.token_hash, d.certificate_pem, now);
            if (ins.affected_rows() != 1)
                return err(CodeRefusal::device_taken);
            t.commit();
            d.enrolled_at = now;
            return d;
        },
        [](const std::exception&) -> Result<DeviceRecord, CodeRefusal> {
            return err(CodeRefusal::unknown);
        });
}

std::optional<DeviceRecord> PgCentralStore::device_by_token(const std::string& token_hash) {
    return m->reading([&](pqxx::connection& c) -> std::optional<DeviceRecord> {
        pqxx::nontransaction t(c);
        const auto r = t.exec_prepared("device_by_token", token_hash);
        if (r.empty())
            return std::nullopt;
        return device_from(r[0]);
    });
}

std::optional<DeviceRecord> PgCentralStore::find_device(const std::string& id) {
    return m->reading([&](pqxx::connection& c) -> std::optional<DeviceRecord> {
        pqxx::nontransaction t(c);
        const auto r = t.exec_prepared("device_by_id", id);
        if (r.empty())
            return std::nullopt;
        return device_from(r[0]);
    });
}

std::vector<DeviceRecord> PgCentralStore::list_devices() {
    return m->reading([&](pqxx::connection& c) {
        pqxx::nontransaction t(c);
        std::vector<DeviceRecord> out;
        for (const auto& r : t.exec("SELECT " + device_columns +
                                    " FROM device ORDER BY "
                                    "enrolled_at, id"))
            out.push_back(device_from(r));
        return out;
    });
}

Result<bool, Message> PgCentralStore::revoke_device(const std::string& id, const std::string& now) {
    return m->writing(
        [&](pqxx::connection& c) -> Result<bool, Message> {
            pqxx::work t(c);
            const auto r = t.exec_params("UPDATE device SET revoked_at = coalesce(revoked_at, "
                                         "$1::timestamptz) WHERE id = $2",
                                         now, id);
            t.commit();
            return r.affected_rows() == 1;
        },
        [](const std::exception& e) -> Result<bool, Message> { return err(write_failure(e)); });
}

std::optional<StoredRow> PgCentralStore::find_row(const std::string& device_id, std::int64_t seq) {
    return m->reading([&](pqxx::connection& c) -> std::optional<StoredRow> {
        pqxx::nontransaction t(c);
        const auto r = t.exec_prepared("find_row", device_id, seq);
        if (r.empty())
            return std::nullopt;
        return row_from(r[0]);
    });
}

std::vector<StoredRow> PgCentralStore::rows(const std::string& device_id, std::int64_t from_seq,
                                            int limit) {
    return m->reading([&](pqxx::connection& c) {
        pqxx::nontransaction t(c);
        std::vector<StoredRow> out;
        for (const auto& r : t.exec_prepared("rows", device_id, from_seq, limit))
            out.push_back(row_from(r));
        return out;
    });
}

namespace {

/// Inserts rows (each with its own received_at); how many were new.
std::size_t insert_rows(pqxx::transaction_base& t, const std::vector<StoredRow>& rows,
                        const std::string* received_at) {
    ArrayText dev, seq, at, kind, payload, prev, hash, extra, sig, received;
    for (const auto& r : rows) {
        dev.add(r.device_id);
        seq.add(r.seq);
        at.add(r.recorded_at);
        kind.add(r.kind);
        payload.add(r.payload);
        prev.add(r.prev_hash);
        hash.add(r.hash);
        extra.add(r.extra);
        sig.add(r.signature);
        received.add(received_at ? *received_at : r.received_at);
    }
    return t
        .exec_prepared("journal_in", dev.str(), seq.str(), at.str(), kind.str(), payload.str(),
                       prev.str(), hash.str(), extra.str(), sig.str(), received.str())
        .affected_rows();
}

std::size_t insert_sales(pqxx::transaction_base& t, const std::vector<SaleFact>& sales) {
    ArrayText id, dev, shop, seq, total, training, refund;
    for (const auto& s : sales) {
        id.add(s.sale_id);
        dev.add(s.device_id);
        shop.add(s.shop_id);
        seq.add(s.seq);
        total.add(s.total_ore);
        training.add(s.training);
        refund.add(s.refund);
    }
    return t
        .exec_prepared("sale_in", id.str(), dev.str(), shop.str(), seq.str(), total.str(),
                       training.str(), refund.str())
        .affected_rows();
}

void upsert_makers(pqxx::transaction_base& t, std::vector<MakerRecord> makers) {
    // In id order, so that two pushes touching the same makers lock them in the same order.
    std::sort(makers.begin(), makers.end(),
              [](const MakerRecord& a, const MakerRecord& b) { return a.id < b.id; });
    ArrayText id, workshop, name, consent;
    for (const auto& mr : makers) {
        id.add(mr.id);
        workshop.add(mr.workshop_id);
        name.add(mr.display_name);
        consent.add(static_cast<std::int64_t>(mr.receipt_consent));
    }
    t.exec_prepared("maker_up", id.str(), workshop.str(), name.str(), consent.str());
}

void insert_changes(pqxx::transaction_base& t, const std::vector<ChangeRecord>& changes,
                    std::int64_t first_cursor) {
    ArrayText cursor, entity, entity_id, audience, shop, workshop, body;
    std::int64_t next = first_cursor;
    for (const auto& c : changes) {
        cursor.add(first_cursor > 0 ? next++ : c.cursor);
        entity.add(c.entity);
        entity_id.add(c.entity_id);
        audience.add(audience_name(c.audience));
        shop.add(c.shop_id);
        workshop.add(c.workshop_id);
        body.add(c.body);
    }
    t.exec_prepared("change_in", cursor.str(), entity.str(), entity_id.str(), audience.str(),
                    shop.str(), workshop.str(), body.str());
}

} // namespace

Result<Done, AppendRefusal> PgCentralStore::append(const Append& a) {
    return m->writing(
        [&](pqxx::connection& c) -> Result<Done, AppendRefusal> {
            pqxx::work t(c);
            // The device's row stays locked to the end: a second server pushing for the same
            // device waits here, then finds the anchor moved.
            const auto anchor = t.exec_prepared("anchor_lock", a.device_id);
            if (anchor.empty() || anchor[0][0].as<std::int64_t>() != a.expected_acked_seq)
                return err(AppendRefusal::moved);
            if (!a.rows.empty() && insert_rows(t, a.rows, &a.received_at) != a.rows.size())
                return err(AppendRefusal::duplicate);
            if (!a.sales.empty() && insert_sales(t, a.sales) != a.sales.size())
                return err(AppendRefusal::duplicate);
            if (!a.makers.empty())
                upsert_makers(t, a.makers);
            if (!a.rows.empty())
                t.exec_prepared("anchor_set", a.device_id, a.rows.back().seq, a.rows.back().hash,
                                non_empty(a.head_signed_at));
            if (!a.changes.empty()) {
                // Last, so the counter's lock is held only from here to the commit.
                const auto n = static_cast<std::int64_t>(a.changes.size());
                const auto last = t.exec_prepared("counter_take", n)[0][0].as<std::int64_t>();
                insert_changes(t, a.changes, last - n + 1);
            }
            t.commit();
            return Done{};
        },
        [](const std::exception& e) -> Result<Done, AppendRefusal> {
            // Two transactions that locked the same makers in another order, or the like:
            // nothing was written, the device sends again.
            if (dynamic_cast<const pqxx::transaction_rollback*>(&e))
                return err(AppendRefusal::moved);
            if (dynamic_cast<const pqxx::unique_violation*>(&e))
                return err(AppendRefusal::duplicate);
            return err(AppendRefusal::failed);
        });
}

std::optional<MakerRecord> PgCentralStore::find_maker(const std::string& id) {
    return m->reading([&](pqxx::connection& c) -> std::optional<MakerRecord> {
        pqxx::nontransaction t(c);
        const auto r = t.exec_prepared("find_maker", id);
        if (r.empty())
            return std::nullopt;
        return MakerRecord{r[0][0].as<std::string>(), r[0][1].as<std::string>(),
                           r[0][2].as<std::string>(), r[0][3].as<int>()};
    });
}

std::vector<std::string> PgCentralStore::journal_devices() {
    return m->reading([&](pqxx::connection& c) {
        pqxx::nontransaction t(c);
        std::vector<std::string> out;
        for (const auto& r : t.exec("SELECT DISTINCT device_id FROM journal ORDER BY device_id"))
            out.push_back(r[0].as<std::string>());
        return out;
    });
}

std::vector<ChangeRecord> PgCentralStore::changes_since(std::int64_t cursor, const Scope& scope,
                                                        int limit, std::int64_t& next_cursor) {
    return m->reading([&](pqxx::connection& c) {
        pqxx::nontransaction t(c);
        const auto r = t.exec_prepared("changes_since", cursor, std::string(to_string(scope.role)),
                                       scope.workshop_id, scope.shop_id, limit);
        std::vector<ChangeRecord> out;
        std::int64_t top = cursor;
        for (const auto& row : r) {
            top = std::max(top, row[0].as<std::int64_t>());
            if (row[1].is_null())
                continue;
            out.push_back(ChangeRecord{
                row[1].as<std::int64_t>(), row[2].as<std::string>(), row[3].as<std::string>(),
                audience_from(row[4].as<std::string>()), row[5].as<std::string>(),
                row[6].as<std::string>(), row[7].as<std::string>()});
        }
        next_cursor = static_cast<int>(out.size()) >= limit ? out.back().cursor : top;
        return out;
    });
}

Result<Done, Message> PgCentralStore::add_alarm(const Alarm& a) {
    return m->writing(
        [&](pqxx::connection& c) -> Result<Done, Message> {
            pqxx::work t(c);
            t.exec_params("INSERT INTO alarm (at, device_id, code, detail) VALUES "
                          "($1::timestamptz, $2, $3, $4)",
                          a.at, a.device_id, a.code, a.detail);
            t.commit();
            return Done{};
        },
        [](const std::exception& e) -> Result<Done, Message> { return err(write_failure(e)); });
}

std::vector<Alarm> PgCentralStore::alarms() {
    return m->reading([&](pqxx::connection& c) {
        pqxx::nontransaction t(c);
        std::vector<Alarm> out;
        for (const auto& r :
             t.exec("SELECT " + ms("at") + ", device_id, code, detail FROM alarm ORDER BY id"))
            out.push_back({utc_text(r[0]), r[1].as<std::string>(), r[2].as<std::string>(),
                           r[3].as<std::string>()});
        return out;
    });
}

std::vector<DeviceTotals> PgCentralStore::totals() {
    return m->reading([&](pqxx::connection& c) {
        pqxx::nontransaction t(c);
        std::vector<DeviceTotals> out;
        for (const auto& r :
             t.exec("SELECT j.device_id, "
                    "(SELECT count(*) FROM sale s WHERE s.device_id = j.device_id AND NOT "
                    "s.training), "
                    "(SELECT coalesce(sum(total_ore), 0)::bigint FROM sale s WHERE s.device_id = "
                    "j.device_id AND NOT s.training), count(*) "
                    "FROM journal j GROUP BY j.device_id ORDER BY j.device_id"))
            out.push_back({r[0].as<std::string>(), r[1].as<std::int64_t>(), r[2].as<std::int64_t>(),
                           r[3].as<std::int64_t>()});
        return out;
    });
}

std::int64_t PgCentralStore::sale_count() {
    return m->reading([&](pqxx::connection& c) {
        pqxx::nontransaction t(c);
        return t.exec1("SELECT count(*) FROM sale")[0].as<std::int64_t>();
    });
}

Result<Done, Message> PgCentralStore::back_up(const std::string&) {
    return err(Message(BL_N_("This central store is kept in PostgreSQL: back it up with "
                             "PostgreSQL's own tools (pg_dump for a copy, pg_basebackup with WAL "
                             "archiving for point-in-time recovery). Nothing was copied.")));
}

std::vector<EnrolCodeState> PgCentralStore::enrol_codes() {
    return m->reading([&](pqxx::connection& c) {
        pqxx::nontransaction t(c);
        std::vector<EnrolCodeState> out;
        for (const auto& r :
             t.exec("SELECT code_hash, role, shop_id, workshop_id, " + ms("created_at") + ", " +
                    ms("expires_at") + ", " + ms("used_at") +
                    ", used_by FROM enrol_code ORDER BY created_at, code_hash")) {
            EnrolCodeState s;
            s.code.code_hash = r[0].as<std::string>();
            s.code.scope.role = role_from(r[1].as<std::string>()).value_or(Role::till);
            s.code.scope.shop_id = r[2].as<std::string>();
            s.code.scope.workshop_id = r[3].as<std::string>();
            s.code.created_at = utc_text(r[4]);
            s.code.expires_at = utc_text(r[5]);
            s.used_at = opt_utc(r[6]);
            s.used_by = opt_text(r[7]);
            out.push_back(std::move(s));
        }
        return out;
    });
}

std::vector<SaleFact> PgCentralStore::sales_after(const std::string& after_sale_id, int limit) {
    return m->reading([&](pqxx::connection& c) {
        pqxx::nontransaction t(c);
        std::vector<SaleFact> out;
        for (const auto& r : t.exec_params("SELECT sale_id, device_id, shop_id, seq, total_ore, "
                                           "training, refund FROM sale WHERE sale_id > $1 "
                                           "ORDER BY sale_id LIMIT $2",
                                           after_sale_id, limit))
            out.push_back(SaleFact{r[0].as<std::string>(), r[1].as<std::string>(),
                                   r[2].as<std::string>(), r[3].as<std::int64_t>(),
                                   r[4].as<std::int64_t>(), r[5].as<bool>(), r[6].as<bool>()});
        return out;
    });
}

std::vector<MakerRecord> PgCentralStore::makers() {
    return m->reading([&](pqxx::connection& c) {
        pqxx::nontransaction t(c);
        std::vector<MakerRecord> out;
        for (const auto& r : t.exec("SELECT id, workshop_id, display_name, receipt_consent FROM "
                                    "maker ORDER BY id"))
            out.push_back(MakerRecord{r[0].as<std::string>(), r[1].as<std::string>(),
                                      r[2].as<std::string>(), r[3].as<int>()});
        return out;
    });
}

Result<Done, Message> PgCentralStore::import_records(const StoreImport& part) {
    return m->writing(
        [&](pqxx::connection& c) -> Result<Done, Message> {
            pqxx::work t(c);
            for (const auto& s : part.codes)
                t.exec_params(
                    "INSERT INTO enrol_code (code_hash, role, shop_id, workshop_id, created_at, "
                    "expires_at, used_at, used_by) VALUES ($1, $2, $3, $4, $5::timestamptz, "
                    "$6::timestamptz, $7::timestamptz, $8) ON CONFLICT (code_hash) DO UPDATE SET "
                    "role = excluded.role, shop_id = excluded.shop_id, workshop_id = "
                    "excluded.workshop_id, created_at = excluded.created_at, expires_at = "
                    "excluded.expires_at, used_at = excluded.used_at, used_by = excluded.used_by",
                    s.code.code_hash, std::string(to_string(s.code.scope.role)),
                    s.code.scope.shop_id, s.code.scope.workshop_id, s.code.created_at,
                    s.code.expires_at, s.used_at, s.used_by);
            if (!part.rows.empty() && insert_rows(t, part.rows, nullptr) != part.rows.size())
                return err(Message(BL_N_("The target central store already holds some of these "
                                         "journal rows; nothing of this part was copied.")));
            if (!part.sales.empty() && insert_sales(t, part.sales) != part.sales.size())
                return err(Message(BL_N_("The target central store already holds some of these "
                                         "sales; nothing of this part was copied.")));
            if (!part.changes.empty()) {
                std::int64_t top = 0;
                for (const auto& ch : part.changes)
                    top = std::max(top, ch.cursor);
                t.exec_prepared("counter_raise", top);
                insert_changes(t, part.changes, 0);
            }
            if (!part.makers.empty())
                upsert_makers(t, part.makers);
            for (const auto& a : part.alarms)
                t.exec_params("INSERT INTO alarm (at, device_id, code, detail) VALUES "
                              "($1::timestamptz, $2, $3, $4)",
                              a.at, a.device_id, a.code, a.detail);
            for (const auto& d : part.devices)
                t.exec_params(
                    "INSERT INTO device (id, name, role, shop_id, workshop_id, token_hash, "
                    "certificate_pem, enrolled_at, revoked_at, acked_seq, acked_hash, "
                    "head_signed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, "
                    "$9::timestamptz, $10, $11, $12::timestamptz) ON CONFLICT (id) DO UPDATE SET "
                    "name = excluded.name, role = excluded.role, shop_id = excluded.shop_id, "
                    "workshop_id = excluded.workshop_id, token_hash = excluded.token_hash, "
                    "certificate_pem = excluded.certificate_pem, enrolled_at = "
                    "excluded.enrolled_at, revoked_at = excluded.revoked_at, acked_seq = "
                    "excluded.acked_seq, acked_hash = excluded.acked_hash, head_signed_at = "
                    "excluded.head_signed_at",
                    d.id, d.name, std::string(to_string(d.scope.role)), d.scope.shop_id,
                    d.scope.workshop_id, d.token_hash, d.certificate_pem, d.enrolled_at,
                    d.revoked_at, d.acked_seq, d.acked_hash, non_empty(d.head_signed_at));
            t.commit();
            return Done{};
        },
        [](const std::exception& e) -> Result<Done, Message> { return err(write_failure(e)); });
}

Result<std::string, std::string> pg_run_sql(const std::string& url, const std::string& sql) {
    auto parsed = parse_pg_url(url);
    if (!parsed)
        return err(render(parsed.error()));
    try {
        pqxx::connection c(parsed.value().conninfo);
        pqxx::nontransaction t(c);
        if (!parsed.value().schema.empty())
            t.exec("SET search_path TO " + t.quote_name(parsed.value().schema));
        const auto r = t.exec(sql);
        if (r.empty() || r.columns() == 0 || r[0][0].is_null())
            return std::string();
        return r[0][0].as<std::string>();
    } catch (const std::exception& e) {
        return err(first_line(e.what()));
    }
}

} // namespace bl::central
