#include "shared/store/database.hpp"

#include <filesystem>

#include <sqlite3.h>

#include "shared/store/detail/connection.hpp"
#include "shared/store/detail/migrations.hpp"

namespace bl {

namespace {

int pragma_int(SQLite::Database& db, const char* sql) {
    SQLite::Statement q(db, sql);
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

} // namespace

// NOMUTEX: a Database belongs to one thread, so SQLite's own locking is pure cost.
Database::Connection::Connection(const std::string& path)
    : sql(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX) {}

Database::Database(const std::string& path) : m_path(path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    if (existed && fs::is_directory(path, ec))
        throw StoreError(Message(BL_N_("%s is a folder, not a Bundlinje database file."), {path}));
    try {
        m_connection = std::make_unique<Connection>(path);
    } catch (const SQLite::Exception& e) {
        throw StoreError(Message(BL_N_("The database %s could not be opened. Check that the "
                                       "folder exists and that you may write to it."),
                                 {path}),
                         e.what());
    }
    SQLite::Database& db = m_connection->sql;
    db.setBusyTimeout(5000);

    // Look before touching anything: a header read changes nothing in the file.
    int app_id = 0, version = 0, objects = 0;
    try {
        app_id = pragma_int(db, "PRAGMA application_id");
        version = pragma_int(db, "PRAGMA user_version");
        objects = pragma_int(db, "SELECT count(*) FROM sqlite_schema");
    } catch (const SQLite::Exception& e) {
        throw StoreError(Message(BL_N_("%s is not a Bundlinje database (it may be damaged or "
                                       "a different kind of file). Nothing was changed."),
                                 {path}),
                         e.what());
    }
    const bool empty_new = app_id == 0 && version == 0 && objects == 0;
    if (!empty_new && app_id != application_id)
        throw StoreError(
            Message(BL_N_("%s is not a Bundlinje database. Nothing was changed."), {path}));
    if (version > latest_schema_version())
        throw StoreError(
            Message(BL_N_("%s was written by a newer version of Bundlinje "
                          "(schema %s; this program knows up to %s). Update "
                          "Bundlinje before opening it. Nothing was changed."),
                    {path, std::to_string(version), std::to_string(latest_schema_version())}));

    try {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        db.exec("PRAGMA foreign_keys = ON");
        db.exec("PRAGMA trusted_schema = OFF");
        store::migrate(db);
    } catch (const SQLite::Exception& e) {
        throw StoreError(Message(BL_N_("The database %s could not be prepared. Check that "
                                       "there is free disk space."),
                                 {path}),
                         e.what());
    }
}

Database::~Database() = default;

int Database::schema_version() {
    return store::reading([&] { return pragma_int(m_connection->sql, "PRAGMA user_version"); });
}

Result<Done, Message> back_up(Database& db, const std::string& path) {
    return store::writing([&]() -> Result<Done, Message> {
        SQLite::Statement q(store::sql(db), "VACUUM INTO ?");
        q.bind(1, path);
        q.exec();
        return Done{};
    });
}

namespace store {

Statement::Statement(Database& db, std::string_view text) {
    auto& cache = db.connection().cache;
    auto it = cache.find(std::string(text));
    if (it == cache.end())
        it = cache
                 .emplace(
                     std::string(text),
                     std::make_unique<Database::Connection::Cached>(Database::Connection::Cached{
                         SQLite::Statement(sql(db), std::string(text)), false}))
                 .first;
    if (it->second->leased) {
        m_own = std::make_unique<SQLite::Statement>(sql(db), std::string(text));
        m_statement = m_own.get();
        return;
    }
    m_cached = it->second.get();
    m_cached->leased = true;
    m_statement = &m_cached->statement;
}

Statement::~Statement() {
    if (!m_cached)
        return;
    // tryReset: sqlite3_reset reports the error of the statement's last step, which was
    // already thrown to whoever ran it; it must not poison the next use.
    m_statement->tryReset();
    m_statement->clearBindings();
    m_cached->leased = false;
}

SQLite::Transaction begin_write(Database& db) {
    return SQLite::Transaction(sql(db), SQLite::TransactionBehavior::IMMEDIATE);
}

Message describe_write_failure(const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
    case SQLITE_FULL:
        return Message(BL_N_("The disk is full, so this was not saved: nothing was recorded "
                             "and nothing was lost. Free some space on the disk, then try "
                             "again."));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Message(BL_N_("The database is busy with another program, so this was not "
                             "saved: nothing was recorded. Try again in a moment."));
    case SQLITE_READONLY:
        return Message(BL_N_("The database cannot be written to (it is read-only), so this "
                             "was not saved: nothing was recorded. Ask the organiser to check "
                             "the files."));
    default:
        return Message(BL_N_("The database could not save this (%s): nothing was recorded. "
                             "Try again, and if it happens again, ask the organiser."),
                       {e.what()});
    }
}

Message describe_read_failure(const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Message(BL_N_("The database is busy with another program and could not be "
                             "read. Try again in a moment."));
    default:
        return Message(BL_N_("The database could not be read (%s). Nothing was changed. Try "
                             "again, and if it happens again, ask the organiser."),
                       {e.what()});
    }
}

} // namespace store
} // namespace bl
