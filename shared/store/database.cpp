#include "shared/store/database.hpp"

#include <filesystem>

#include <sqlite3.h>

namespace bl {

namespace {

int pragma_int(SQLite::Database& db, const char* sql) {
    SQLite::Statement q(db, sql);
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

} // namespace

Database::Database(const std::string& path) : m_path(path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    if (existed && fs::is_directory(path, ec))
        throw StoreError(Message(BL_N_("%s is a folder, not a Bundlinje database file."), {path}));
    // NOMUTEX: a Database belongs to one thread, so SQLite's own locking is pure cost.
    try {
        m_db = std::make_unique<SQLite::Database>(
            path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    } catch (const SQLite::Exception& e) {
        throw StoreError(Message(BL_N_("The database %s could not be opened. Check that the "
                                       "folder exists and that you may write to it."),
                                 {path}),
                         e.what());
    }
    m_db->setBusyTimeout(5000);

    // Look before touching anything: a header read changes nothing in the file.
    int app_id = 0, version = 0, objects = 0;
    try {
        app_id = pragma_int(*m_db, "PRAGMA application_id");
        version = pragma_int(*m_db, "PRAGMA user_version");
        objects = pragma_int(*m_db, "SELECT count(*) FROM sqlite_schema");
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
        m_db->exec("PRAGMA journal_mode = WAL");
        m_db->exec("PRAGMA synchronous = FULL");
        m_db->exec("PRAGMA foreign_keys = ON");
        m_db->exec("PRAGMA trusted_schema = OFF");
        migrate(*m_db);
    } catch (const SQLite::Exception& e) {
        throw StoreError(Message(BL_N_("The database %s could not be prepared. Check that "
                                       "there is free disk space."),
                                 {path}),
                         e.what());
    }
}

Message describe_failure(const SQLite::Exception& e) {
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
                       {e.getErrorStr()});
    }
}

void back_up(Database& db, const std::string& path) {
    SQLite::Statement q(db.sql(), "VACUUM INTO ?");
    q.bind(1, path);
    q.exec();
}

Database::~Database() = default;

int Database::schema_version() {
    return pragma_int(*m_db, "PRAGMA user_version");
}

SQLite::Statement& Database::prepared(const char* sql) {
    auto it = m_cache.find(sql);
    if (it == m_cache.end())
        it = m_cache.emplace(sql, std::make_unique<SQLite::Statement>(*m_db, sql)).first;
    // tryReset: sqlite3_reset reports the error of the statement's last step, which was
    // already thrown to whoever ran it; it must not poison the next use.
    it->second->tryReset();
    it->second->clearBindings();
    return *it->second;
}

SQLite::Transaction Database::begin() {
    return SQLite::Transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
}

} // namespace bl
