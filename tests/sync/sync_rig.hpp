#pragma once
// A central store on a temporary file with its CA, and devices with real databases that
// enrol and push through the pure handlers (no sockets). With BL_TEST_POSTGRES set (the
// tests' PostgreSQL cluster, tests/pg/pg-cluster) the central store is in PostgreSQL
// instead, in a schema of its own per Central.

#include <memory>
#include <string>

#include "central/server/handlers.hpp"
#include "central/store/central_store.hpp"
#include "shared/sync/local.hpp"
#include "shared/sync/pki.hpp"
#include "tests/store/fixture.hpp"

namespace synctest {

/// The CA is made once per test run (key generation is cheap, but it is the same for all).
const bl::sync::Credentials& test_ca();

/// The store the tests run against: "sqlite:FILE" in `dir`, or, with BL_TEST_POSTGRES set, a
/// new schema in that PostgreSQL database. Each call gives a new, empty store's URL.
std::string test_store_url(const test::TempDir& dir);
/// A URL of BL_TEST_POSTGRES's database with a new schema of its own; "" without it.
std::string fresh_pg_url();

struct Central {
    test::TempDir dir;
    std::string url; ///< the store's, for opening it a second time (a second server)
    std::unique_ptr<bl::central::CentralStore> store;
    bl::central::HandlerContext ctx;
    std::vector<std::string> log;

    /// A new store: `store_url` (an empty SQLite file's or PostgreSQL schema's), by default
    /// test_store_url's.
    explicit Central(std::string store_url = {});
    /// A fresh enrolment code for a scope, valid for `minutes` (negative: already expired).
    std::string code(bl::central::Role role, const std::string& shop_id = {},
                     const std::string& workshop_id = {}, int minutes = 15);
    bl::central::Response call(const std::string& method, const std::string& target,
                               const std::string& body = {}, const std::string& token = {},
                               const std::string& content_type = "application/json");

    /// What a refused request must leave as it was.
    struct State {
        std::int64_t rows = 0, sales = 0, changes = 0;
        std::vector<std::int64_t> anchors;
        bool operator==(const State&) const = default;
    };
    State state();
};

/// A device's side: its database (a test::Shop till, or a workshop station), its key and
/// token once enrolled, and its sync port.
struct Device {
    std::unique_ptr<test::Shop> shop;         // a till
    test::TempDir dir;                        // a workshop station's folder
    std::unique_ptr<bl::Database> station_db; // a workshop station
    bl::Database* db = nullptr;
    std::string key_pem, token, certificate_pem;
    std::unique_ptr<bl::sync::RecordSigner> signer;
    std::unique_ptr<bl::sync::LocalStore> local;

    static std::unique_ptr<Device> till();
    /// A workshop station with its own workshop, a leader, and `makers` makers with private
    /// details.
    static std::unique_ptr<Device> station();
    std::string id() { return local->device_id(); }

    /// Enrols with a code; returns the response.
    bl::central::Response enrol(Central& c, const std::string& code, const std::string& name);
    /// The next push of up to `limit` pending rows, as the client would send it.
    bl::sync::PushRequest next_push(int limit, std::vector<bl::sync::PendingRow>& sent);
    /// Pushes everything pending through the handlers; REQUIREs 200 each time.
    void push_all(Central& c);

    // A workshop station's records.
    std::string staff_id;
    std::string workshop_id;
};

} // namespace synctest
