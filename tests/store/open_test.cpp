#include <fstream>
#include <functional>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.hpp"
#include "shared/store/raw_sql.hpp"

namespace {

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string pragma(bl::Database& db, const char* name) {
    const auto value = bl::raw_sql::text(db, std::string("PRAGMA ") + name);
    REQUIRE(value.has_value());
    return *value;
}

} // namespace

TEST_CASE("every open sets WAL, synchronous=FULL, foreign keys and the schema") {
    test::TempDir dir;
    bl::Database db(dir.file("new.db"));
    CHECK(pragma(db, "journal_mode") == "wal");
    CHECK(pragma(db, "synchronous") == "2");
    CHECK(pragma(db, "foreign_keys") == "1");
    CHECK(db.schema_version() == bl::latest_schema_version());
    CHECK(pragma(db, "application_id") == std::to_string(bl::application_id));
    for (const char* table :
         {"workshop", "shop", "device", "staff_user", "maker", "maker_consent", "maker_private",
          "product", "batch", "contribution", "stock_move", "sale", "sale_line", "sale_allocation",
          "payment", "shift", "journal", "outbox"}) {
        INFO(table);
        CHECK(test::count(db, std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") +
                                  table + "'") == 1);
    }
}

TEST_CASE("reopening keeps the data and does not migrate twice") {
    test::TempDir dir;
    {
        bl::Database db(dir.file("a.db"));
        REQUIRE(
            bl::initialise_local_device(
                db, bl::Device{"", "Kasse", bl::DeviceRole::till, 1, {}, {}},
                bl::Shop{"", "Vielgut Studio", "Jernbanegade 12", "6000", "Kolding", "12345674"})
                .ok());
    }
    bl::Database again(dir.file("a.db"));
    CHECK(again.schema_version() == bl::latest_schema_version());
    CHECK(bl::local_device(again)->name == "Kasse");
    CHECK(bl::verify_journal(again, bl::local_device_id(again)).ok);
}

TEST_CASE("a file that is not a database is refused and left untouched") {
    test::TempDir dir;
    const std::string path = dir.file("notes.db");
    {
        std::ofstream out(path, std::ios::binary);
        out << "Indkøbsliste: ler, glasur, hør\n" << std::string(5000, 'x');
    }
    const std::string before = bytes_of(path);
    try {
        bl::Database db(path);
        FAIL("opened a text file as a database");
    } catch (const bl::StoreError& e) {
        CHECK_THAT(bl::render(e.message()), Catch::Contains("is not a Bundlinje database"));
        CHECK_THAT(bl::render(e.message()), Catch::Contains("Nothing was changed"));
    }
    CHECK(bytes_of(path) == before);
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_CASE("another program's SQLite database is refused and left untouched") {
    test::TempDir dir;
    const std::string path = dir.file("other.db");
    {
        SQLite::Database other(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)");
        other.exec("INSERT INTO photos(name) VALUES ('ferie.jpg')");
    }
    const std::string before = bytes_of(path);
    CHECK_THROWS_AS(bl::Database(path), bl::StoreError);
    CHECK(bytes_of(path) == before);
    SQLite::Database check(path);
    CHECK(check.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("a database from a newer Bundlinje is refused and left untouched") {
    test::TempDir dir;
    const std::string path = dir.file("future.db");
    { bl::Database db(path); }
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(bl::latest_schema_version() + 1));
        raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const std::string before = bytes_of(path);
    try {
        bl::Database db(path);
        FAIL("opened a newer database");
    } catch (const bl::StoreError& e) {
        CHECK_THAT(bl::render(e.message()), Catch::Contains("newer version of Bundlinje"));
    }
    CHECK(bytes_of(path) == before);
}

TEST_CASE("a folder or an unwritable place gives a clear message") {
    test::TempDir dir;
    CHECK_THROWS_WITH(bl::Database(dir.path.string()), Catch::Contains("is a folder"));
    CHECK_THROWS_WITH(bl::Database(dir.file("missing/sub/x.db")),
                      Catch::Contains("does not exist, so the database"));
}

namespace {

// Runs `open` in a child process that cannot write the folder: as the user nobody when the
// tests run as root (root may write anywhere), else with the folder made read-only. Returns
// what the child's StoreError said, or "opened" / "other".
std::string open_in_read_only_folder(const std::filesystem::path& folder,
                                     const std::function<void()>& open) {
    namespace fs = std::filesystem;
    const bool root = ::geteuid() == 0;
    if (!root)
        fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        std::string said = "other";
        if (!root || (::setgid(65534) == 0 && ::setuid(65534) == 0)) {
            try {
                open();
                said = "opened";
            } catch (const bl::StoreError& e) {
                said = bl::render(e.message());
            } catch (...) {
            }
        }
        [[maybe_unused]] auto n = ::write(fds[1], said.data(), said.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string said;
    char buf[1024];
    ssize_t got;
    while ((got = ::read(fds[0], buf, sizeof buf)) > 0)
        said.append(buf, static_cast<std::size_t>(got));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!root)
        fs::permissions(folder, fs::perms::owner_all);
    return said;
}

} // namespace

TEST_CASE("defect 9: a database in a read-only folder is said to be read-only, not damaged") {
    test::TempDir dir;
    const std::string path = dir.file("till.db");
    {
        bl::Database db(path);
        REQUIRE(
            bl::initialise_local_device(
                db, bl::Device{"", "Kasse", bl::DeviceRole::till, 1, {}, {}},
                bl::Shop{"", "Vielgut Studio", "Jernbanegade 12", "6000", "Kolding", "12345674"})
                .ok());
    }
    namespace fs = std::filesystem;
    // Readable by anyone, writable by its owner only: the folder too.
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read);
    const std::string before = bytes_of(path);
    const std::string said = open_in_read_only_folder(dir.path, [&] { bl::Database db(path); });
    INFO(said);
    CHECK_THAT(said, Catch::Contains("read-only"));
    CHECK_THAT(said, !Catch::Contains("damaged") && !Catch::Contains("not a Bundlinje"));
    CHECK(bytes_of(path) == before);
    // A new database cannot be made there either, and says why.
    const std::string made =
        open_in_read_only_folder(dir.path, [&] { bl::Database db(dir.file("new.db")); });
    CHECK_THAT(made, Catch::Contains("read-only"));
    CHECK_FALSE(fs::exists(dir.file("new.db")));
}

TEST_CASE("defect 10: an empty file is never given a schema, a missing path never created") {
    test::TempDir dir;
    const std::string empty = dir.file("kasse.db");
    { std::ofstream out(empty); }
    try {
        bl::Database db(empty);
        FAIL("opened an empty file");
    } catch (const bl::StoreError& e) {
        CHECK_THAT(bl::render(e.message()), Catch::Contains("is an empty file"));
    }
    CHECK(std::filesystem::file_size(empty) == 0);
    CHECK_FALSE(std::filesystem::exists(empty + "-wal"));

    const std::string typo = dir.file("kase.db");
    CHECK_THROWS_WITH(bl::Database(typo, bl::OpenOptions{false, bl::DeviceRole::till}),
                      Catch::Contains("does not exist"));
    CHECK_FALSE(std::filesystem::exists(typo));
}

TEST_CASE("defect 10: a file of another device, or never set up, is refused unchanged") {
    test::TempDir dir;
    const std::string station = dir.file("station.db");
    const std::string blank = dir.file("blank.db");
    {
        bl::Database db(station);
        REQUIRE(bl::initialise_local_device(
                    db, bl::Device{"", "Station", bl::DeviceRole::workshop, 101, {}, {}},
                    std::nullopt, bl::Workshop{"", "Keramikværkstedet", "keramik", ""})
                    .ok());
        bl::Database b(blank);
    }
    for (const auto& path : {station, blank}) {
        {
            // Checkpointed, so that every byte is in the file itself.
            SQLite::Database raw(path, SQLite::OPEN_READWRITE);
            raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        const std::string before = bytes_of(path);
        try {
            bl::Database db(path, bl::OpenOptions{false, bl::DeviceRole::till});
            FAIL("a till opened " << path);
        } catch (const bl::StoreError& e) {
            CHECK_THAT(bl::render(e.message()), Catch::Contains("Nothing was changed"));
        }
        CHECK(bytes_of(path) == before);
    }
    // An older station's file is not brought up to date by a till that refuses it.
    {
        SQLite::Database raw(station, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(bl::latest_schema_version() - 1));
        raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const std::string before = bytes_of(station);
    CHECK_THROWS_WITH(bl::Database(station, bl::OpenOptions{false, bl::DeviceRole::till}),
                      Catch::Contains("not to a till"));
    CHECK(bytes_of(station) == before);
}
