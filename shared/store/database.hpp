#pragma once
/// One Bundlinje database file. Every open sets WAL, synchronous=FULL, foreign_keys=ON and a
/// busy timeout, then brings the schema up to date. A Database belongs to the thread that
/// opened it (SQLite connections must not be shared between threads).

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "shared/core/message.hpp"
#include "shared/core/time.hpp"
#include "shared/core/uuid.hpp"

namespace bl {

/// A store failure a person must hear about (not a Bundlinje file, newer version, disk...).
class StoreError : public std::runtime_error {
public:
    explicit StoreError(Message m, const std::string& detail = {})
        : std::runtime_error(render(m) + (detail.empty() ? "" : " (" + detail + ")")),
          m_message(std::move(m)) {}
    const Message& message() const { return m_message; }

private:
    Message m_message;
};

/// What a person needs to hear when SQLite refused to write (disk full, database busy or
/// read-only, an I/O error ...). The transaction was rolled back, so it always says that
/// nothing was recorded.
Message describe_failure(const SQLite::Exception& e);

/// "BNJE": written to the SQLite header's application_id so a Bundlinje file is known.
inline constexpr int application_id = 0x424E4A45;

/// The schema version this build writes (PRAGMA user_version).
int latest_schema_version();

class Database {
public:
    /// Opens (creating when missing) and migrates. Throws StoreError with a clear message for
    /// a file that is not a Bundlinje database, one from a newer version, or one that cannot
    /// be opened; in each of those cases the file is left exactly as it was.
    explicit Database(const std::string& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    SQLite::Database& sql() { return *m_db; }
    const std::string& path() const { return m_path; }
    int schema_version();

    /// A prepared statement kept for reuse, reset and with bindings cleared.
    SQLite::Statement& prepared(const char* sql);

    /// Clock and id source for everything written through this connection. Tests and the
    /// demo loader replace them to get reproducible data.
    std::function<Timestamp()> clock = now_utc;
    UuidGenerator ids;

    /// Starts a business action: one IMMEDIATE transaction (so receipt and journal numbers
    /// are taken under the write lock). Commit it, or it rolls back when it goes out of scope.
    SQLite::Transaction begin();

private:
    std::string m_path;
    std::unique_ptr<SQLite::Database> m_db;
    std::map<const char*, std::unique_ptr<SQLite::Statement>> m_cache;
};

/// Writes a consistent copy of the whole database to `path` (which must not exist yet), as it
/// is at this moment, while the till keeps working on the original. Throws SQLite::Exception
/// when it cannot (no room, no such folder).
void back_up(Database& db, const std::string& path);

/// Runs the migrations from the file's version up to latest_schema_version(), each step and
/// its user_version bump in one transaction.
void migrate(SQLite::Database& db);

} // namespace bl
