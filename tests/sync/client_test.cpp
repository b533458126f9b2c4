// The client against a real HTTPS server in this process: it trusts only the central CA,
// checks the host name and the certificate's dates, pushes in the background, and comes back
// by itself after the server was away.

#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>

#include "central/server/server.hpp"
#include "shared/sync/client.hpp"
#include "shared/sync/wiring/store_local.hpp"
#include "tests/sync/sync_rig.hpp"

using namespace bl;
using namespace bl::central;
using namespace std::chrono_literals;
using Dev = synctest::Device;

namespace {

/// A central server on 127.0.0.1 on a thread of its own.
struct LiveServer {
    synctest::Central central;
    std::unique_ptr<Server> server;
    std::thread thread;
    unsigned short port = 0;

    explicit LiveServer(const sync::Credentials& tls, unsigned short at = 0) { start(tls, at); }
    ~LiveServer() { stop(); }
    void start(const sync::Credentials& tls, unsigned short at = 0) {
        ServerConfig c;
        c.port = at;
        c.certificate_pem = tls.certificate_pem;
        c.key_pem = tls.key_pem;
        c.stop_on_signals = false;
        server = std::make_unique<Server>(c, *central.store, central.ctx);
        port = server->port();
        thread = std::thread([this] { server->run(); });
    }
    void stop() {
        if (server) {
            server->stop();
            thread.join();
            server.reset();
        }
    }
    sync::Enrolment enrolment(const std::string& host = "127.0.0.1") const {
        sync::Enrolment e;
        e.host = host;
        e.port = std::to_string(port);
        e.ca_pem = synctest::test_ca().certificate_pem;
        return e;
    }
};

sync::Credentials good_tls() {
    return sync::make_server_certificate(synctest::test_ca(), {"localhost", "127.0.0.1"});
}

bool refused_for_certificate(const Result<sync::CentralAnswer, Message>& r) {
    return !r.ok() && std::string(r.error().msgid).find("certificate") != std::string::npos;
}

/// Waits for a condition on the client's status (an "eventually" guard, not a timing).
template <class F>
bool eventually(sync::SyncClient& c, F ok, std::chrono::seconds guard = 60s) {
    const auto until = std::chrono::steady_clock::now() + guard;
    while (std::chrono::steady_clock::now() < until) {
        if (ok(c.status()))
            return true;
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

} // namespace

TEST_CASE("the client trusts only the central CA, the right host and a valid certificate") {
    SECTION("the server's certificate from the central CA: answered") {
        LiveServer s(good_tls());
        auto r = sync::call_central(s.enrolment(), "GET", "/api/v1/health", "");
        REQUIRE(r.ok());
        CHECK(r.value().status == 200);
        auto by_name = sync::call_central(s.enrolment("localhost"), "GET", "/api/v1/health", "");
        REQUIRE(by_name.ok());
        CHECK(by_name.value().status == 200);
    }
    SECTION("a certificate from another CA: refused") {
        const auto other = sync::make_ca("Someone else");
        LiveServer s(sync::make_server_certificate(other, {"localhost", "127.0.0.1"}));
        CHECK(refused_for_certificate(
            sync::call_central(s.enrolment(), "GET", "/api/v1/health", "")));
    }
    SECTION("a certificate for another host: refused") {
        LiveServer s(sync::make_server_certificate(synctest::test_ca(), {"central.example.dk"}));
        CHECK(refused_for_certificate(
            sync::call_central(s.enrolment(), "GET", "/api/v1/health", "")));
    }
    SECTION("an expired certificate: refused") {
        LiveServer s(sync::make_server_certificate(synctest::test_ca(), {"localhost", "127.0.0.1"},
                                                   30, -400));
        CHECK(refused_for_certificate(
            sync::call_central(s.enrolment(), "GET", "/api/v1/health", "")));
    }
}

TEST_CASE("enrolment over HTTPS, then background pushes; the client survives a server restart") {
    LiveServer s(good_tls());
    auto d = Dev::till();
    const std::string path = d->db->path();
    const std::string code = s.central.code(Role::till, d->shop->shop.id);
    auto e = sync::enrol_device("127.0.0.1:" + std::to_string(s.port),
                                synctest::test_ca().certificate_pem, code, d->id(), "Kasse 1");
    REQUIRE(e.ok());
    auto again = sync::enrol_device("127.0.0.1:" + std::to_string(s.port),
                                    synctest::test_ca().certificate_pem, code,
                                    "01890a5d-ac96-774b-bcce-b302099a8057", "Kasse 2");
    REQUIRE_FALSE(again.ok());
    CHECK(std::string(again.error().msgid).find("already been used") != std::string::npos);

    const std::string folder = sync::enrolment_folder(path);
    REQUIRE(sync::save_enrolment(folder, e.value()).ok());
    const auto perms = std::filesystem::status(folder + "/token").permissions();
    CHECK((perms & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    auto loaded = sync::load_enrolment(folder);
    REQUIRE(loaded);
    CHECK(loaded->token == e.value().token);

    for (int i = 0; i < 5; ++i)
        d->shop->sell({test::Shop::line(d->shop->cloth, 1)});
    sync::ClientOptions opt;
    opt.poll = 50ms;
    opt.pull_every = 200ms;
    opt.backoff_min = 50ms;
    opt.backoff_max = 400ms;
    opt.seed = 7;
    sync::SyncClient client([path] { return sync::store_local(path); }, *loaded, opt);
    client.start();
    REQUIRE(eventually(client, [](const sync::ClientStatus& st) {
        return st.pending == 0 && st.last_success && !st.last_error;
    }));
    CHECK(s.central.store->sale_count() == 5);

    // The server goes away: the till keeps selling and the client says why nothing is sent.
    const unsigned short port = s.port;
    s.stop();
    d->shop->sell({test::Shop::line(d->shop->mug, 1)});
    client.nudge();
    REQUIRE(eventually(
        client, [](const sync::ClientStatus& st) { return st.last_error && st.pending > 0; }));
    CHECK(std::string(client.status().last_error->msgid).find("cannot be reached") !=
          std::string::npos);

    // Back on the same port: the client finds it by itself.
    s.start(good_tls(), port);
    REQUIRE(eventually(
        client, [](const sync::ClientStatus& st) { return st.pending == 0 && !st.last_error; }));
    CHECK(s.central.store->sale_count() == 6);
    client.stop();
}
