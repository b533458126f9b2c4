// bundlinje-sync: a device's sync from the command line (scripts/run-central, support).
//   bundlinje-sync info  --db FILE                 the device, its role, shop or workshop
//   bundlinje-sync enrol --db FILE --server HOST:PORT --ca FILE --code CODE
//   bundlinje-sync now   --db FILE [--timeout-s N] push everything and pull once
// The till and the workshop program do the same in the background by themselves.

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>

#include "shared/store/database.hpp"
#include "shared/store/outbox.hpp"
#include "shared/store/setup.hpp"
#include "shared/sync/client.hpp"
#include "shared/sync/wiring/store_local.hpp"

using namespace bl;
using namespace std::chrono_literals;

int main(int argc, char** argv) {
    CLI::App app{"bundlinje-sync: enrol a device with the central store and sync it"};
    app.require_subcommand(1);
    std::string db, server, ca, code;
    int timeout = 60;
    auto* info = app.add_subcommand("info", "the device in this database");
    info->add_option("--db", db)->required();
    auto* enrol = app.add_subcommand("enrol", "enrol this database's device with a code");
    enrol->add_option("--db", db)->required();
    enrol->add_option("--server", server, "HOST:PORT")->required();
    enrol->add_option("--ca", ca, "the central store's CA certificate (ca.pem)")->required();
    enrol->add_option("--code", code, "the single-use enrolment code")->required();
    auto* now = app.add_subcommand("now", "send everything waiting and pull once");
    now->add_option("--db", db)->required();
    now->add_option("--timeout-s", timeout);
    CLI11_PARSE(app, argc, argv);
    try {
        Database database(db);
        auto self = local_device(database);
        if (!self) {
            std::cerr << db << " belongs to no device yet.\n";
            return 1;
        }
        if (info->parsed()) {
            std::cout << "device " << self->id << " role " << to_string(self->role) << " shop "
                      << self->shop_id.value_or("-") << " workshop "
                      << self->workshop_id.value_or("-") << " enrolled "
                      << (sync::load_enrolment(sync::enrolment_folder(db)) ? "yes" : "no") << "\n";
            return 0;
        }
        if (enrol->parsed()) {
            std::ifstream in(ca, std::ios::binary);
            std::ostringstream pem;
            pem << in.rdbuf();
            auto e = sync::enrol_device(server, pem.str(), code, self->id, self->name);
            if (!e) {
                std::cerr << render(e.error()) << "\n";
                return 1;
            }
            auto saved = sync::save_enrolment(sync::enrolment_folder(db), e.value());
            if (!saved) {
                std::cerr << render(saved.error()) << "\n";
                return 1;
            }
            std::cout << "Enrolled " << self->name << " (" << e.value().role << ") with " << server
                      << "\n";
            return 0;
        }
        auto e = sync::load_enrolment(sync::enrolment_folder(db));
        if (!e) {
            std::cerr << "Not enrolled: run bundlinje-sync enrol first.\n";
            return 1;
        }
        sync::ClientOptions opt;
        opt.poll = 100ms;
        opt.backoff_max = 2s;
        opt.want_private = self->role != DeviceRole::till;
        sync::SyncClient client([db] { return sync::store_local(db); }, *e, opt);
        client.start();
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(timeout);
        while (std::chrono::steady_clock::now() < until) {
            auto st = client.status();
            if (st.last_success && st.pending == 0 && !st.last_error) {
                std::cout << "Sent " << st.rows_sent << " records, pulled " << st.changes_pulled
                          << " changes; nothing waits.\n";
                return 0;
            }
            std::this_thread::sleep_for(50ms);
        }
        auto st = client.status();
        std::cerr << st.pending << " records still wait"
                  << (st.last_error ? ": " + render(*st.last_error) : std::string()) << "\n";
        return 1;
    } catch (const std::exception& ex) {
        std::cerr << ex.what() << "\n";
        return 1;
    }
}
