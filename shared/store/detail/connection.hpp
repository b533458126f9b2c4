#pragma once
/// Store-private: the SQLite connection behind a bl::Database and the few tools every
/// repository in shared/store uses to reach it. Nothing outside shared/store includes this
/// file (tests/rules checks it), so SQLite stays an implementation detail of the store.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "shared/store/database.hpp"

namespace bl {

struct Database::Connection {
    Connection(const std::string& path, bool create);
    SQLite::Database sql;
    /// Prepared statements kept for reuse, keyed by their text.
    struct Cached {
        SQLite::Statement statement;
        bool leased = false;
    };
    std::unordered_map<std::string, std::unique_ptr<Cached>> cache;
    /// This database's own device, once it is known outside any transaction (it never
    /// changes after set-up; see local_device_id).
    std::string local_device_id;
};

namespace store {

/// The connection of a database.
inline SQLite::Database& sql(Database& db) {
    return db.connection().sql;
}

/// A prepared statement on loan from the connection's cache. It is handed out reset and with
/// no bindings, and reset again when the lease ends, so a statement left half-stepped (by an
/// early return or an exception) never holds a read lock or old bindings into its next use.
/// A statement already on loan (a repository calling itself) is prepared afresh.
class Statement {
public:
    Statement(Database& db, std::string_view text);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    SQLite::Statement* operator->() { return m_statement; }
    SQLite::Statement& operator*() { return *m_statement; }

private:
    Database::Connection::Cached* m_cached = nullptr;
    std::unique_ptr<SQLite::Statement> m_own;
    SQLite::Statement* m_statement = nullptr;
};

/// One consistent view of the whole database for as long as it lives: a read transaction
/// (a savepoint, so it also works inside a transaction that is already open). Everything read
/// through the connection meanwhile comes from the same snapshot, whatever other connections
/// commit.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Database& m_db;
};

/// Starts a business action: one IMMEDIATE transaction (so receipt and journal numbers are
/// taken under the write lock). Commit it, or it rolls back when it goes out of scope.
SQLite::Transaction begin_write(Database& db);

/// What a person needs to hear when SQLite refused to write (disk full, database busy or
/// read-only, an I/O error ...). The transaction was rolled back, so it says that nothing
/// was recorded.
Message describe_write_failure(const SQLite::Exception& e);
/// The same for a read that failed.
Message describe_read_failure(const SQLite::Exception& e);
/// Why a database could not be prepared when it was opened (its mode set, its schema brought
/// up to date).
Message describe_open_failure(const std::string& path, const SQLite::Exception& e);

/// Runs a business action that returns a Result: a refusal from SQLite, or a failed read
/// inside it, becomes the Result's message (the action's transaction has been rolled back
/// by then, so nothing is half-saved).
template <class F>
auto writing(F&& action) -> decltype(action()) {
    try {
        return action();
    } catch (const SQLite::Exception& e) {
        return err(describe_write_failure(e));
    } catch (const StoreError& e) {
        return err(e.message());
    }
}

/// Runs a read: a refusal from SQLite becomes the store's one exception type.
template <class F>
auto reading(F&& query) -> decltype(query()) {
    try {
        return query();
    } catch (const SQLite::Exception& e) {
        throw StoreError(describe_read_failure(e), e.what());
    }
}

} // namespace store
} // namespace bl
