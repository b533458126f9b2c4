#pragma once
/// One Bundlinje database file. Every open sets WAL, synchronous=FULL, foreign_keys=ON and a
/// busy timeout, then brings the schema up to date. A Database belongs to the thread that
/// opened it (SQLite connections must not be shared between threads).
///
/// The store is sealed: no SQLite type appears in its headers (see docs/architecture.md,
/// "The store"). Its error policy, in one place:
/// - every write (a business action) returns a [[nodiscard]] Result; when SQLite refuses
///   (disk full, busy, read-only, I/O error) the action's transaction has been rolled back
///   and the Result carries a Message saying that nothing was recorded;
/// - a read that fails throws bl::StoreError, the store's one exception type, which the
///   programs catch at their edge (the event loop, main) and show as its message.

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/core/time.hpp"
#include "shared/core/uuid.hpp"

namespace bl {

/// A store failure a person must hear about: a file that is not a Bundlinje database, one
/// from a newer version, or a read the database refused. The only exception the store lets
/// out.
class StoreError : public std::runtime_error {
public:
    explicit StoreError(Message m, const std::string& detail = {})
        : std::runtime_error(render(m) + (detail.empty() ? "" : " (" + detail + ")")),
          m_message(std::move(m)) {}
    const Message& message() const { return m_message; }

private:
    Message m_message;
};

/// "BNJE": written to the SQLite header's application_id so a Bundlinje file is known.
inline constexpr int application_id = 0x424E4A45;

/// The schema version this build writes (PRAGMA user_version).
int latest_schema_version();

/// How a program opens its database file.
struct OpenOptions {
    /// Make a new database when nothing is at the path (tests, the demo). Off for a program
    /// that must find its own file (the till): a missing path is refused, never created.
    bool create = true;
    /// The role the file's own device must have (the till: till). Checked before anything is
    /// written, so a database of another kind of device, or one never set up, is refused
    /// unchanged.
    std::optional<DeviceRole> role;
};

class Database {
public:
    /// Opens and migrates. Throws StoreError with a clear message, leaving the file exactly as
    /// it was (no byte written, no file created), for: a path that does not exist (unless
    /// `options.create`), an empty file, a file that is not a Bundlinje database, one from a
    /// newer version, one whose device has another role than `options.role`, a file or folder
    /// this user may not read or write (said as such, never as damage).
    explicit Database(const std::string& path, const OpenOptions& options = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::string& path() const { return m_path; }
    int schema_version();

    /// Clock and id source for everything written through this connection. Tests and the
    /// demo loader replace them to get reproducible data.
    std::function<Timestamp()> clock = now_utc;
    UuidGenerator ids;

    /// The SQLite connection; its type is known only inside shared/store.
    struct Connection;
    Connection& connection() { return *m_connection; }

private:
    std::string m_path;
    std::unique_ptr<Connection> m_connection;
};

/// Writes a consistent copy of the whole database to `path` (which must not exist yet), as it
/// is at this moment, while the program keeps working on the original. A problem (no room,
/// no such folder) comes back as a message.
Result<Done, Message> back_up(Database& db, const std::string& path);

} // namespace bl
