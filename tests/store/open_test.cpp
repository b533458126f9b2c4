#include <fstream>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

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
