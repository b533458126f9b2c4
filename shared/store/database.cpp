#include "shared/store/database.hpp"

#include <filesystem>

#include <sqlite3.h>
#include <unistd.h>

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
Database::Connection::Connection(const std::string& path, bool create)
    : sql(path,
          SQLite::OPEN_READWRITE | (create ? SQLite::OPEN_CREATE : 0) | SQLite::OPEN_NOMUTEX) {}

namespace {

// What keeps this user from using the file, found before SQLite touches it: a person must
// hear "read-only" or "no permission", never "damaged".
std::optional<Message> access_problem(const std::string& path, bool exists) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path folder = fs::absolute(fs::path(path), ec).parent_path();
    if (!exists) {
        if (!fs::is_directory(folder, ec))
            return Message(BL_N_("The folder %s does not exist, so the database %s cannot be "
                                 "made there. Check the path."),
                           {folder.string(), path});
        if (::access(folder.c_str(), W_OK) != 0)
            return Message(BL_N_("The folder %s is read-only, so the database %s cannot be made "
                                 "there. Choose a folder you may write to."),
                           {folder.string(), path});
        return std::nullopt;
    }
    if (::access(path.c_str(), R_OK) != 0)
        return Message(BL_N_("You may not read %s: it belongs to another user or its "
                             "permissions forbid it. Ask whoever set up this computer. Nothing "
                             "was changed."),
                       {path});
    if (::access(path.c_str(), W_OK) != 0)
        return Message(BL_N_("The database %s is read-only. Bundlinje must be able to write to "
                             "it: ask for write access, or copy it to a folder of your own. "
                             "Nothing was changed."),
                       {path});
    // Beside the file SQLite keeps its write-ahead log and shared index (-wal, -shm).
    if (::access(folder.c_str(), W_OK) != 0)
        return Message(BL_N_("The folder %s is read-only, so the database %s cannot be used: "
                             "Bundlinje keeps two working files beside it while it is open. "
                             "Copy the database to a folder you may write to, or ask for write "
                             "access to the folder. Nothing was changed."),
                       {folder.string(), path});
    return std::nullopt;
}

// The kind of device a set-up database belongs to, read from the tables every schema version
// has; none when it was never set up.
std::optional<std::string> device_role_of(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT d.role FROM local_device l JOIN device d ON d.id = "
                            "l.device_id WHERE l.singleton = 1");
    if (!q.executeStep())
        return std::nullopt;
    return q.getColumn(0).getString();
}

} // namespace

Database::Database(const std::string& path, const OpenOptions& options) : m_path(path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    if (existed && fs::is_directory(path, ec))
        throw StoreError(Message(BL_N_("%s is a folder, not a Bundlinje database file."), {path}));
    if (!existed && !options.create)
        throw StoreError(
            Message(BL_N_("The database %s does not exist. Check the name and the folder. "
                          "Nothing was created."),
                    {path}));
    // An empty file is not a new database: it is a mistyped name, a file another program
    // made, or a copy that went wrong. Nothing is written into it.
    if (existed && fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0 && !ec)
        throw StoreError(Message(BL_N_("%s is an empty file, not a Bundlinje database. Nothing "
                                       "was changed. If a new database should be made there, "
                                       "delete the empty file first."),
                                 {path}));
    if (auto problem = access_problem(path, existed))
        throw StoreError(*problem);
    try {
        m_connection = std::make_unique<Connection>(path, options.create);
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
    std::optional<std::string> role;
    try {
        app_id = pragma_int(db, "PRAGMA application_id");
        version = pragma_int(db, "PRAGMA user_version");
        objects = pragma_int(db, "SELECT count(*) FROM sqlite_schema");
        if (app_id == application_id && version >= 1 && version <= latest_schema_version())
            role = device_role_of(db);
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode();
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT || code == SQLITE_FORMAT)
            throw StoreError(Message(BL_N_("%s is not a Bundlinje database (it may be damaged "
                                           "or a different kind of file). Nothing was "
                                           "changed."),
                                     {path}),
                             e.what());
        // Locked, unreadable, an I/O error: the file may be fine, so it is not called damaged.
        throw StoreError(Message(BL_N_("The database %s could not be read (%s). Nothing was "
                                       "changed. Check that no other program holds it and that "
                                       "you may read and write it and its folder."),
                                 {path, e.what()}),
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
    if (options.role) {
        if (!role)
            throw StoreError(Message(BL_N_("%s is a Bundlinje database that has not been set up "
                                           "for a device. Nothing was changed."),
                                     {path}));
        if (*role != to_string(*options.role))
            throw StoreError(
                *options.role == DeviceRole::till
                    ? Message(BL_N_("%s belongs to another kind of device, not to a till. "
                                    "Nothing was changed."),
                              {path})
                    : Message(BL_N_("%s belongs to another kind of device than this program's. "
                                    "Nothing was changed."),
                              {path}));
    }

    try {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        db.exec("PRAGMA foreign_keys = ON");
        db.exec("PRAGMA trusted_schema = OFF");
        store::migrate(db);
    } catch (const SQLite::Exception& e) {
        throw StoreError(store::describe_open_failure(path, e), e.what());
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

ReadSnapshot::ReadSnapshot(Database& db) : m_db(db) {
    sql(db).exec("SAVEPOINT bl_snapshot");
    // The snapshot is taken by the first read, not by SAVEPOINT: take it now.
    sql(db).exec("SELECT 1 FROM sqlite_schema LIMIT 1");
}

ReadSnapshot::~ReadSnapshot() {
    // Nothing was written under it; RELEASE ends the read transaction it began.
    (void)sql(m_db).tryExec("RELEASE bl_snapshot");
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

Message describe_open_failure(const std::string& path, const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
    case SQLITE_FULL:
        return Message(BL_N_("The database %s could not be prepared because the disk is full. "
                             "Free some space, then start again."),
                       {path});
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Message(BL_N_("The database %s is busy with another program. Close it, then "
                             "start again."),
                       {path});
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return Message(BL_N_("The database %s cannot be written to, so it could not be "
                             "prepared. Check that you may write to it and to its folder."),
                       {path});
    default:
        return Message(BL_N_("The database %s could not be prepared (%s). Check that there is "
                             "free disk space."),
                       {path, e.what()});
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
