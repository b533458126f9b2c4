// What only the PostgreSQL store has: the journal's append-only rule as privileges and a
// trigger, the checks made when it opens a database, migrations by two servers at once, a
// serving role with no right to change the schema, and connections replaced when they break.
// Tagged [postgresql]: run against the tests' cluster (BL_TEST_POSTGRES, tests/pg/pg-cluster).

#include <thread>

#include <catch2/catch.hpp>
#include <unistd.h>

#include "central/store/open_store.hpp"
#include "central/store/pg_central_store.hpp"
#include "shared/core/sha256.hpp"
#include "shared/store/database.hpp"
#include "tests/sync/sync_rig.hpp"

using namespace bl;
using namespace bl::central;

namespace {

/// The same database as a superuser (the cluster's `postgres`).
std::string as_superuser(std::string url) {
    const auto at = url.find("bundlinje@");
    REQUIRE(at != std::string::npos);
    return url.replace(at, 9, "postgres");
}

std::string without_schema(std::string url) {
    return url.substr(0, url.find("&schema="));
}

std::string schema_of(const std::string& url) {
    return url.substr(url.find("&schema=") + 8);
}

std::string sql(const std::string& url, const std::string& text) {
    auto r = pg_run_sql(url, text);
    INFO(text);
    if (!r.ok())
        FAIL(r.error());
    return r.value();
}

std::string refusal(const std::string& url, const std::string& text) {
    auto r = pg_run_sql(url, text);
    INFO(text);
    REQUIRE_FALSE(r.ok());
    return r.error();
}

std::string cluster_url() {
    const std::string url = synctest::fresh_pg_url();
    if (url.empty())
        FAIL("BL_TEST_POSTGRES is not set: run these through ctest -L postgresql");
    return url;
}

void one_row(CentralStore& s) {
    const auto now = format_utc(now_utc());
    REQUIRE(
        s.add_enrol_code({"c", {Role::till, "shop", ""}, now, "2999-01-01T00:00:00.000Z"}).ok());
    DeviceRecord d;
    d.id = "till-1";
    d.name = "Kasse";
    d.token_hash = "t";
    d.certificate_pem = "-";
    REQUIRE(s.enrol_device("c", now, d).ok());
    Append a;
    a.device_id = "till-1";
    a.received_at = now;
    a.head_signed_at = now;
    a.rows = {StoredRow{"till-1", 1, now, "login", "{}", "p", "h", {}, {}, {}}};
    REQUIRE(s.append(a).ok());
}

} // namespace

TEST_CASE("a PostgreSQL server that cannot be reached is said, with the password masked") {
    try {
        PgCentralStore s("postgresql://bundlinje:hemmelig@/bundlinje?host=/nonexistent-folder");
        FAIL("opened");
    } catch (const StoreError& e) {
        const std::string what = e.what();
        CHECK(what.find("Cannot connect to the PostgreSQL database") != std::string::npos);
        CHECK(what.find("/nonexistent-folder") != std::string::npos);
        CHECK(what.find("hemmelig") == std::string::npos);
    }
}

TEST_CASE("the journal is append-only: its owner lacks the privileges, a superuser meets the "
          "trigger",
          "[postgresql]") {
    const std::string url = cluster_url();
    auto s = open_central_store(parse_store_url(url, "/").value());
    one_row(*s);
    for (const char* change :
         {"UPDATE journal SET kind = 'sale'", "DELETE FROM journal", "TRUNCATE journal"}) {
        CHECK(refusal(url, change).find("permission denied") != std::string::npos);
        CHECK(refusal(as_superuser(url), change).find("the journal is append-only") !=
              std::string::npos);
    }
    CHECK(s->find_row("till-1", 1)->kind == "login");
    CHECK(sql(url, "SELECT count(*) FROM journal") == "1");
    // Inserting is what the store does, and stays allowed.
    CHECK(sql(url, "SELECT has_table_privilege('journal', 'INSERT')") == "t");
}

TEST_CASE("a database it cannot use is refused with a clear message, and nothing is changed",
          "[postgresql]") {
    const std::string url = cluster_url();
    const std::string admin = as_superuser(without_schema(url));
    SECTION("not UTF-8") {
        const std::string db = "latin_" + std::to_string(::getpid());
        sql(admin, "CREATE DATABASE " + db +
                       " ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0 OWNER "
                       "bundlinje");
        const std::string base = without_schema(url); // postgresql://bundlinje@/DB?host=DIR
        const std::string latin = "postgresql://bundlinje@/" + db + base.substr(base.find('?'));
        try {
            PgCentralStore s(latin);
            FAIL("opened");
        } catch (const StoreError& e) {
            CHECK(std::string(e.what()).find("UTF8") != std::string::npos);
        }
        CHECK(sql(latin, "SELECT to_regclass('bundlinje_central_schema') IS NULL") == "t");
        sql(admin, "DROP DATABASE " + db);
    }
    SECTION("written by a newer Bundlinje") {
        { PgCentralStore s(url); }
        sql(url, "INSERT INTO bundlinje_central_schema (step) VALUES (99)");
        try {
            PgCentralStore s(url);
            FAIL("opened");
        } catch (const StoreError& e) {
            CHECK(std::string(e.what()).find("newer Bundlinje") != std::string::npos);
        }
    }
    SECTION("a schema that holds other tables of the same names") {
        sql(url, "CREATE SCHEMA " + schema_of(url) + "; CREATE TABLE " + schema_of(url) +
                     ".journal (x int)");
        try {
            PgCentralStore s(url);
            FAIL("opened");
        } catch (const StoreError& e) {
            CHECK(std::string(e.what()).find("cannot be opened") != std::string::npos);
        }
        // The failed step was rolled back whole, the version table with it.
        CHECK(sql(url, "SELECT to_regclass('bundlinje_central_schema') IS NULL") == "t");
        CHECK(sql(url, "SELECT count(*) FROM journal") == "0");
    }
}

TEST_CASE("servers opening an empty database at the same moment migrate it once", "[postgresql]") {
    const std::string url = cluster_url();
    std::atomic<int> opened{0};
    std::vector<std::thread> servers;
    for (int i = 0; i < 4; ++i)
        servers.emplace_back([&] {
            PgCentralStore s(url, PgOptions{1});
            ++opened;
        });
    for (auto& t : servers)
        t.join();
    CHECK(opened == 4);
    CHECK(sql(url, "SELECT count(*) FROM bundlinje_central_schema") == "1");
}

TEST_CASE("a role with only the data privileges serves a store another role made", "[postgresql]") {
    const std::string url = cluster_url();
    { PgCentralStore owner(url); }
    const std::string role = "bl_server_" + std::to_string(::getpid());
    const std::string admin = as_superuser(url);
    const std::string schema = schema_of(url);
    // As README.md ("PostgreSQL") tells a database administrator.
    sql(admin,
        "CREATE ROLE " + role + " LOGIN; GRANT USAGE ON SCHEMA " + schema + " TO " + role +
            "; GRANT SELECT ON bundlinje_central_schema TO " + role +
            "; GRANT SELECT, INSERT, UPDATE ON enrol_code, device, maker, change_counter TO " +
            role + "; GRANT SELECT, INSERT ON journal, sale, change, alarm TO " + role);
    std::string served = url;
    served.replace(served.find("bundlinje@"), 9, role);
    {
        synctest::Central c(served);
        auto d = synctest::Device::till();
        REQUIRE(d->enrol(c, c.code(Role::till, d->shop->shop.id), "Kasse 1").status == 200);
        d->shop->sell({test::Shop::line(d->shop->cloth, 1)});
        d->push_all(c);
        CHECK(c.store->sale_count() == 1);
        CHECK(refusal(served, "UPDATE journal SET kind = 'x'").find("permission denied") !=
              std::string::npos);
        CHECK(refusal(served, "CREATE TABLE x (y int)").find("permission denied") !=
              std::string::npos);
    }
    sql(admin, "DROP OWNED BY " + role + "; DROP ROLE " + role);
}

TEST_CASE("a connection that breaks is replaced: one call fails, the next works", "[postgresql]") {
    const std::string name = "bl_break_" + std::to_string(::getpid());
    const std::string url = cluster_url() + "&application_name=" + name;
    PgCentralStore s(url, PgOptions{1});
    one_row(s);
    sql(as_superuser(url), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                           "application_name = '" +
                               name + "' AND pid <> pg_backend_pid()");
    int failed = 0;
    for (int i = 0; i < 2; ++i) {
        try {
            const auto row = s.find_row("till-1", 1);
            CHECK(row->kind == "login");
            break;
        } catch (const StoreError& e) {
            CHECK(std::string(e.what()).find("cannot be reached") != std::string::npos);
            ++failed;
        }
    }
    CHECK(failed <= 1);
    CHECK(s.find_device("till-1")->acked_seq == 1);
}
