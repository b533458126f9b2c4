// bundlinje-central: the central store every till and workshop station syncs with.
//   bundlinje-central init    --data DIR [--host NAME]... [--address A] [--port P]
//   bundlinje-central serve   --data DIR [--address A] [--port P] [--port-file F]
//   bundlinje-central enrol   --data DIR --role till|workshop|organiser [--shop ID]
//                             [--workshop ID] [--minutes N]
//   bundlinje-central devices --data DIR [--revoke ID]
//   bundlinje-central verify  --data DIR
//   bundlinje-central backup  --data DIR --to FILE
//   bundlinje-central totals  --data DIR
// See README.md ("The central store") and docs/architecture.md ("Sync").

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include "central/server/handlers.hpp"
#include "central/server/server.hpp"
#include "central/server/verify.hpp"
#include "central/store/sqlite_central_store.hpp"
#include "shared/core/sha256.hpp"
#include "shared/store/database.hpp"
#include "shared/sync/pki.hpp"

namespace fs = std::filesystem;
using namespace bl;
using namespace bl::central;

namespace {

/// The data folder: central.conf, central.db, the CA and the server's certificate.
struct DataDir {
    fs::path dir;
    fs::path conf() const { return dir / "central.conf"; }
    fs::path db() const { return dir / "central.db"; }
    fs::path ca_key() const { return dir / "ca.key"; }
    fs::path ca_cert() const { return dir / "ca.pem"; }
    fs::path server_key() const { return dir / "server.key"; }
    fs::path server_cert() const { return dir / "server.pem"; }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& p, const std::string& content, bool secret) {
    const fs::path part = p.string() + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        if (!out)
            throw std::runtime_error("cannot write " + p.string());
        if (secret)
            ::chmod(part.c_str(), 0600);
        out << content;
        if (!out.flush())
            throw std::runtime_error("cannot write " + p.string());
    }
    fs::rename(part, p);
}

/// central.conf: "key = value" lines; '#' starts a comment.
std::map<std::string, std::string> read_conf(const fs::path& p) {
    std::map<std::string, std::string> out;
    std::istringstream in(slurp(p));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        auto trim = [](std::string s) {
            s.erase(0, s.find_first_not_of(" \t"));
            s.erase(s.find_last_not_of(" \t\r") + 1);
            return s;
        };
        out[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
    }
    return out;
}

sync::Credentials ca_of(const DataDir& d) {
    return {slurp(d.ca_key()), slurp(d.ca_cert())};
}

int init(const DataDir& d, std::vector<std::string> hosts, const std::string& address,
         unsigned short port) {
    if (fs::exists(d.conf())) {
        std::cerr << d.conf().string() << " exists already: this folder holds a central store.\n";
        return 1;
    }
    fs::create_directories(d.dir);
    ::chmod(d.dir.c_str(), 0700);
    if (hosts.empty())
        hosts = {"localhost", "127.0.0.1"};
    const auto ca = sync::make_ca("Bundlinje central CA");
    const auto server = sync::make_server_certificate(ca, hosts);
    write_file(d.ca_key(), ca.key_pem, true);
    write_file(d.ca_cert(), ca.certificate_pem, false);
    write_file(d.server_key(), server.key_pem, true);
    write_file(d.server_cert(), server.certificate_pem, false);
    { SqliteCentralStore store(d.db().string()); }
    write_file(d.conf(),
               "# bundlinje-central configuration (written by init)\n"
               "address = " +
                   address + "\nport = " + std::to_string(port) + "\nstore = sqlite:central.db\n",
               false);
    std::cout << "Central store ready in " << d.dir.string() << "\n"
              << "CA certificate for the devices: " << d.ca_cert().string() << "\n";
    return 0;
}

std::shared_ptr<spdlog::logger> make_logger() {
    auto log = spdlog::stdout_logger_mt("central");
    // One line per event, UTC, key=value: easy for journald and for grep.
    log->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ level=%l %v", spdlog::pattern_time_type::utc);
    log->flush_on(spdlog::level::info);
    return log;
}

HandlerContext context_for(const DataDir& d, std::shared_ptr<spdlog::logger> log) {
    HandlerContext ctx;
    ctx.ca = ca_of(d);
    ctx.log = [log](std::string_view level, std::string_view event, std::string_view detail) {
        const auto lvl = level == "alarm"   ? spdlog::level::critical
                         : level == "error" ? spdlog::level::err
                         : level == "warn"  ? spdlog::level::warn
                         : level == "debug" ? spdlog::level::debug
                                            : spdlog::level::info;
        log->log(lvl, "event={} alarm={} detail=\"{}\"", event, level == "alarm",
                 std::string(detail));
    };
    return ctx;
}

int serve(const DataDir& d, std::string address, int port, const std::string& port_file) {
    auto conf = read_conf(d.conf());
    if (address.empty())
        address = conf.count("address") ? conf["address"] : "127.0.0.1";
    if (port < 0)
        port = conf.count("port") ? std::stoi(conf["port"]) : 8443;
    auto log = make_logger();
    SqliteCentralStore store(d.db().string());
    ServerConfig sc;
    sc.address = address;
    sc.port = static_cast<unsigned short>(port);
    sc.certificate_pem = slurp(d.server_cert());
    sc.key_pem = slurp(d.server_key());
    std::unique_ptr<Server> bound;
    try {
        bound = std::make_unique<Server>(sc, store, context_for(d, log));
    } catch (const std::exception& e) {
        log->error("event=cannot_listen address={} port={} detail=\"{}\"", address, port, e.what());
        std::cerr << "Cannot listen on " << address << ":" << port
                  << " (is another server there?)\n";
        return 1;
    }
    Server& server = *bound;
    if (!port_file.empty())
        write_file(port_file, std::to_string(server.port()) + "\n", false);
    log->info("event=listening address={} port={}", address, server.port());
    server.run();
    log->info("event=stopped");
    return 0;
}

int enrol(const DataDir& d, const std::string& role_name, const std::string& shop,
          const std::string& workshop, int minutes) {
    auto role = role_from(role_name);
    if (!role) {
        std::cerr << "--role must be till, workshop or organiser\n";
        return 2;
    }
    if (*role == Role::till && shop.empty()) {
        std::cerr << "a till's code needs --shop (the shop's id)\n";
        return 2;
    }
    if (*role == Role::workshop && workshop.empty()) {
        std::cerr << "a workshop station's code needs --workshop (the workshop's id)\n";
        return 2;
    }
    SqliteCentralStore store(d.db().string());
    const std::string code = new_enrol_code();
    const Timestamp now = now_utc();
    auto added = store.add_enrol_code(EnrolCode{sha256_hex(normal_enrol_code(code)),
                                                Scope{*role, shop, workshop}, format_utc(now),
                                                format_utc(now + std::chrono::minutes(minutes))});
    if (!added) {
        std::cerr << render(added.error()) << "\n";
        return 1;
    }
    std::cout << code << "\n";
    std::cerr << "Single use, valid for " << minutes << " minutes.\n";
    return 0;
}

int devices(const DataDir& d, const std::string& revoke) {
    SqliteCentralStore store(d.db().string());
    if (!revoke.empty()) {
        auto r = store.revoke_device(revoke, format_utc(now_utc()));
        if (!r) {
            std::cerr << render(r.error()) << "\n";
            return 1;
        }
        if (!r.value()) {
            std::cerr << "No device " << revoke << "\n";
            return 1;
        }
        std::cout << "Revoked " << revoke << "\n";
        return 0;
    }
    for (const auto& dev : store.list_devices())
        std::cout << dev.id << "  " << to_string(dev.scope.role) << "  \"" << dev.name
                  << "\"  enrolled " << dev.enrolled_at << "  rows " << dev.acked_seq
                  << (dev.revoked_at ? "  REVOKED " + *dev.revoked_at : "") << "\n";
    return 0;
}

int verify(const DataDir& d) {
    SqliteCentralStore store(d.db().string());
    int bad = 0;
    for (const auto& r : verify_chains(store)) {
        std::cout << (r.ok ? "ok    " : "FAIL  ") << r.device_id << "  \"" << r.device_name
                  << "\"  " << r.rows << " rows";
        if (!r.ok) {
            std::cout << "  " << r.problem;
            ++bad;
        }
        std::cout << "\n";
    }
    std::cout << (bad ? std::to_string(bad) + " journal(s) need attention\n"
                      : "every journal verifies\n");
    return bad ? 1 : 0;
}

int backup(const DataDir& d, const std::string& to) {
    SqliteCentralStore store(d.db().string());
    auto r = store.back_up(to);
    if (!r) {
        std::cerr << render(r.error()) << "\n";
        return 1;
    }
    std::cout << "Backed up to " << to << "\n";
    return 0;
}

int totals(const DataDir& d) {
    SqliteCentralStore store(d.db().string());
    std::int64_t sales = 0, total = 0;
    for (const auto& t : store.totals()) {
        std::cout << "device " << t.device_id << " sales " << t.sales << " total_ore "
                  << t.total_ore << " rows " << t.rows << "\n";
        sales += t.sales;
        total += t.total_ore;
    }
    std::cout << "all sales " << sales << " total_ore " << total << " distinct_sales "
              << store.sale_count() << "\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"bundlinje-central: the central store every till and workshop station syncs "
                 "with"};
    app.require_subcommand(1);
    std::string data;
    auto add_data = [&](CLI::App* c) {
        c->add_option("--data", data, "the central store's folder")->required();
    };
    std::vector<std::string> hosts;
    std::string address, port_file, role, shop, workshop, revoke, to;
    int port = -1, minutes = 15;

    auto* c_init = app.add_subcommand("init", "create a central store, its CA and certificate");
    add_data(c_init);
    c_init->add_option("--host", hosts, "a name or address the server is reached by");
    std::string init_address = "127.0.0.1";
    int init_port = 8443;
    c_init->add_option("--address", init_address, "address to serve on");
    c_init->add_option("--port", init_port, "port to serve on");

    auto* c_serve = app.add_subcommand("serve", "serve HTTPS until SIGINT or SIGTERM");
    add_data(c_serve);
    c_serve->add_option("--address", address, "address to listen on (default from config)");
    c_serve->add_option("--port", port, "port (0: any free port)");
    c_serve->add_option("--port-file", port_file, "write the port listened on to this file");

    auto* c_enrol = app.add_subcommand("enrol", "print a single-use enrolment code");
    add_data(c_enrol);
    c_enrol->add_option("--role", role, "till, workshop or organiser")->required();
    c_enrol->add_option("--shop", shop, "the till's shop id");
    c_enrol->add_option("--workshop", workshop, "the station's workshop id");
    c_enrol->add_option("--minutes", minutes, "how long the code is valid (default 15)");

    auto* c_devices = app.add_subcommand("devices", "list enrolled devices, or revoke one");
    add_data(c_devices);
    c_devices->add_option("--revoke", revoke, "revoke this device id");

    auto* c_verify = app.add_subcommand("verify", "check every device's journal chain");
    add_data(c_verify);
    auto* c_backup = app.add_subcommand("backup", "copy the store while it serves");
    add_data(c_backup);
    c_backup->add_option("--to", to, "the backup file (must not exist)")->required();
    auto* c_totals = app.add_subcommand("totals", "sales and totals per device");
    add_data(c_totals);

    CLI11_PARSE(app, argc, argv);
    const DataDir d{fs::path(data)};
    try {
        if (c_init->parsed())
            return init(d, hosts, init_address, static_cast<unsigned short>(init_port));
        if (!fs::exists(d.conf())) {
            std::cerr << "No central store in " << data << ": run bundlinje-central init.\n";
            return 1;
        }
        if (c_serve->parsed())
            return serve(d, address, port, port_file);
        if (c_enrol->parsed())
            return enrol(d, role, shop, workshop, minutes);
        if (c_devices->parsed())
            return devices(d, revoke);
        if (c_verify->parsed())
            return verify(d);
        if (c_backup->parsed())
            return backup(d, to);
        if (c_totals->parsed())
            return totals(d);
    } catch (const StoreError& e) {
        std::cerr << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "bundlinje-central: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
