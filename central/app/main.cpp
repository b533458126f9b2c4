// bundlinje-central: the central store every till and workshop station syncs with.
//   bundlinje-central init    --data DIR [--host NAME]... [--address A] [--port P]
//                             [--store sqlite:FILE|postgresql://...] [--threads N]
//   bundlinje-central serve   --data DIR [--address A] [--port P] [--port-file F]
//                             [--threads N]
//   bundlinje-central enrol   --data DIR --role till|workshop|organiser [--shop ID]
//                             [--workshop ID] [--minutes N]
//   bundlinje-central devices --data DIR [--revoke ID]
//   bundlinje-central verify  --data DIR
//   bundlinje-central backup  --data DIR --to FILE
//   bundlinje-central totals  --data DIR
//   bundlinje-central migrate-store --from sqlite:FILE|postgresql://...
//                             --to postgresql://...|sqlite:FILE [--pool N]
// central.conf names the store ("store = sqlite:central.db" or "store = postgresql://...");
// init takes it from --store, else from $BUNDLINJE_CENTRAL_STORE, else sqlite:central.db.
// See README.md ("The central store") and docs/architecture.md ("Sync").

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <tuple>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include "central/server/handlers.hpp"
#include "central/server/migrate.hpp"
#include "central/server/server.hpp"
#include "central/server/verify.hpp"
#include "central/store/open_store.hpp"
#include "shared/core/sha256.hpp"
#include "shared/store/database.hpp"
#include "shared/sync/pki.hpp"

namespace fs = std::filesystem;
using namespace bl;
using namespace bl::central;

namespace {

/// The data folder: central.conf, the CA and the server's certificate, and central.db when the
/// store is the SQLite default.
struct DataDir {
    fs::path dir;
    fs::path conf() const { return dir / "central.conf"; }
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

/// Says a Message on standard error (English; the central store's messages are translated
/// where a person reads them in Danish, on the devices and in the reports).
void say_error(const Message& m) {
    std::cerr << render(m) << "\n";
}

/// The store a data folder's central.conf names (the SQLite default when it names none).
StoreUrl store_of(const DataDir& d, std::map<std::string, std::string>& conf) {
    const std::string text = conf.count("store") ? conf["store"] : "sqlite:central.db";
    auto where = parse_store_url(text, d.dir);
    if (!where)
        throw StoreError(where.error());
    return where.value();
}

int positive(std::map<std::string, std::string>& conf, const std::string& key, int fallback) {
    if (!conf.count(key))
        return fallback;
    try {
        const int n = std::stoi(conf[key]);
        if (n >= 1 && n <= 256)
            return n;
    } catch (const std::exception&) {
    }
    throw StoreError(
        Message(BL_N_("%s in central.conf must be a whole number from 1 to 256."), {key}));
}

std::unique_ptr<CentralStore> open_store(const DataDir& d) {
    auto conf = read_conf(d.conf());
    const int threads = positive(conf, "threads", 4);
    return open_central_store(store_of(d, conf), StoreOptions{positive(conf, "pool", threads)});
}

int init(const DataDir& d, std::vector<std::string> hosts, const std::string& address,
         unsigned short port, std::string store_text, int threads) {
    if (fs::exists(d.conf())) {
        std::cerr << d.conf().string() << " exists already: this folder holds a central store.\n";
        return 1;
    }
    if (store_text.empty()) {
        const char* env = std::getenv("BUNDLINJE_CENTRAL_STORE");
        store_text = env && *env ? env : "sqlite:central.db";
    }
    auto where = parse_store_url(store_text, d.dir);
    if (!where) {
        say_error(where.error());
        return 2;
    }
    // Whatever this makes is taken away again when a later step fails, so a failed init
    // leaves the folder as it was.
    std::vector<fs::path> made;
    const bool made_dir = !fs::exists(d.dir);
    auto undo = [&] {
        for (auto it = made.rbegin(); it != made.rend(); ++it) {
            std::error_code ignored;
            fs::remove(*it, ignored);
        }
        if (made_dir) {
            std::error_code ignored;
            fs::remove(d.dir, ignored);
        }
    };
    try {
        fs::create_directories(d.dir);
        ::chmod(d.dir.c_str(), 0700);
        if (where.value().kind == StoreKind::sqlite) {
            const fs::path db = where.value().sqlite_path;
            if (!fs::exists(db))
                for (const char* ext : {"", "-wal", "-shm"})
                    made.push_back(db.string() + ext);
        }
        {
            auto store = open_central_store(where.value(), StoreOptions{1});
            // A new CA cannot sign for devices another one enrolled: a store that holds
            // devices or journals already belongs to another data folder (copy that one).
            if (!store->list_devices().empty() || !store->journal_devices().empty()) {
                undo();
                say_error(Message(BL_N_("The store %s already holds enrolled devices or "
                                        "journals: it belongs to another central store's data "
                                        "folder. Copy that folder (its CA and certificate) to "
                                        "serve the same store from here."),
                                  {masked_store_url(store_text)}));
                return 1;
            }
        }
        if (hosts.empty())
            hosts = {"localhost", "127.0.0.1"};
        const auto ca = sync::make_ca("Bundlinje central CA");
        const auto server = sync::make_server_certificate(ca, hosts);
        for (const auto& [path, content, secret] :
             {std::tuple{d.ca_key(), ca.key_pem, true},
              std::tuple{d.ca_cert(), ca.certificate_pem, false},
              std::tuple{d.server_key(), server.key_pem, true},
              std::tuple{d.server_cert(), server.certificate_pem, false}}) {
            made.push_back(path);
            write_file(path, content, secret);
        }
        // central.conf may hold the database's password: only the service's user reads it.
        made.push_back(d.conf());
        write_file(d.conf(),
                   "# bundlinje-central configuration (written by init)\n"
                   "address = " +
                       address + "\nport = " + std::to_string(port) + "\nstore = " + store_text +
                       "\n# Threads answering requests; pool: PostgreSQL connections "
                       "(default: threads)\nthreads = " +
                       std::to_string(threads) + "\n",
                   true);
    } catch (...) {
        undo();
        throw;
    }
    std::cout << "Central store ready in " << d.dir.string() << " (store "
              << masked_store_url(store_text) << ")\n"
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

int serve(const DataDir& d, std::string address, int port, const std::string& port_file,
          int threads) {
    auto conf = read_conf(d.conf());
    if (address.empty())
        address = conf.count("address") ? conf["address"] : "127.0.0.1";
    if (port < 0)
        port = conf.count("port") ? std::stoi(conf["port"]) : 8443;
    if (threads < 1)
        threads = positive(conf, "threads", 4);
    auto log = make_logger();
    const StoreUrl where = store_of(d, conf);
    const std::string shown = where.kind == StoreKind::sqlite ? "sqlite:" + where.sqlite_path
                                                              : masked_store_url(where.url);
    std::unique_ptr<CentralStore> opened;
    try {
        opened = open_central_store(where, StoreOptions{positive(conf, "pool", threads)});
    } catch (const StoreError& e) {
        log->error("event=store_unavailable store=\"{}\" detail=\"{}\"", shown, e.what());
        throw;
    }
    CentralStore& store = *opened;
    ServerConfig sc;
    sc.address = address;
    sc.port = static_cast<unsigned short>(port);
    sc.threads = threads;
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
    log->info("event=listening address={} port={} threads={} store=\"{}\"", address, server.port(),
              threads, shown);
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
    auto opened = open_store(d);
    CentralStore& store = *opened;
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
    auto opened = open_store(d);
    CentralStore& store = *opened;
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
    auto opened = open_store(d);
    CentralStore& store = *opened;
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
    auto opened = open_store(d);
    auto r = opened->back_up(to);
    if (!r) {
        std::cerr << render(r.error()) << "\n";
        return 1;
    }
    std::cout << "Backed up to " << to << "\n";
    return 0;
}

int totals(const DataDir& d) {
    auto opened = open_store(d);
    CentralStore& store = *opened;
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

std::string count_text(const MoveCounts& c) {
    return std::to_string(c.devices) + " devices, " + std::to_string(c.codes) +
           " enrolment codes, " + std::to_string(c.makers) + " makers, " + std::to_string(c.rows) +
           " journal rows, " + std::to_string(c.sales) + " sales, " + std::to_string(c.changes) +
           " changes, " + std::to_string(c.alarms) + " alarms";
}

int migrate_store(const std::string& from_text, const std::string& to_text, int pool) {
    const fs::path here = fs::current_path();
    auto from = parse_store_url(from_text, here);
    if (!from) {
        say_error(from.error());
        return 2;
    }
    auto to = parse_store_url(to_text, here);
    if (!to) {
        say_error(to.error());
        return 2;
    }
    const auto& f = from.value();
    const auto& t = to.value();
    if (f.kind == t.kind &&
        (f.kind == StoreKind::sqlite ? f.sqlite_path == t.sqlite_path : f.url == t.url)) {
        say_error(Message(BL_N_("The source and the target are the same store.")));
        return 2;
    }
    // The source is only read: a SQLite file that is not there is not made.
    if (f.kind == StoreKind::sqlite && !fs::exists(f.sqlite_path)) {
        say_error(Message(BL_N_("There is no central store at %s."), {f.sqlite_path}));
        return 1;
    }
    std::unique_ptr<CentralStore> source = open_central_store(f, StoreOptions{pool});
    // A SQLite store that keeps serving is copied from a snapshot (SQLite's online backup),
    // so that the copy is of one moment; the snapshot is removed afterwards.
    fs::path snapshot;
    struct Remove {
        fs::path& p;
        ~Remove() {
            if (!p.empty()) {
                std::error_code ignored;
                fs::remove(p, ignored);
            }
        }
    } remove_snapshot{snapshot};
    if (f.kind == StoreKind::sqlite) {
        snapshot = f.sqlite_path + ".migrate-snapshot";
        fs::remove(snapshot);
        auto copied = source->back_up(snapshot.string());
        if (!copied) {
            say_error(copied.error());
            return 1;
        }
        source = open_central_store(StoreUrl{StoreKind::sqlite, snapshot.string(), {}});
    }
    std::unique_ptr<CentralStore> target = open_central_store(t, StoreOptions{pool});
    auto moved = copy_central_store(*source, *target);
    if (!moved) {
        say_error(moved.error());
        return 1;
    }
    const MoveReport& r = moved.value();
    const std::string shown_to =
        t.kind == StoreKind::sqlite ? "sqlite:" + t.sqlite_path : masked_store_url(t.url);
    std::cout << "Copied to " << shown_to << ": " << count_text(r.copied) << " (new or updated)\n"
              << "The target holds " << count_text(r.target) << "\n";
    for (const auto& c : r.target_chains)
        if (!c.ok)
            std::cout << "FAIL  " << c.device_id << "  \"" << c.device_name << "\"  " << c.rows
                      << " rows  " << c.problem << "\n";
    if (!r.differences.empty()) {
        for (const auto& d : r.differences)
            std::cout << "DIFFERS  " << d << "\n";
        say_error(Message(BL_N_("The target does not hold the same as the source: see the lines "
                                "above. Keep serving from the source.")));
        return 1;
    }
    std::cout << r.target_chains.size()
              << " journal chains verified on the target, each as on the source.\n";
    std::cout << render(Message(BL_N_("Next: stop the server, run this command again to copy "
                                      "what arrived meanwhile, set \"store = %s\" in "
                                      "central.conf and start the server."),
                                {t.kind == StoreKind::sqlite ? "sqlite:" + t.sqlite_path
                                                             : masked_store_url(t.url)}))
              << "\n";
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
    int port = -1, minutes = 15, threads = 0;

    auto* c_init = app.add_subcommand("init", "create a central store, its CA and certificate");
    add_data(c_init);
    c_init->add_option("--host", hosts, "a name or address the server is reached by");
    std::string init_address = "127.0.0.1";
    int init_port = 8443;
    c_init->add_option("--address", init_address, "address to serve on");
    c_init->add_option("--port", init_port, "port to serve on");
    std::string init_store;
    c_init->add_option("--store", init_store,
                       "sqlite:FILE (in the data folder) or postgresql://... (default: "
                       "$BUNDLINJE_CENTRAL_STORE, else sqlite:central.db)");
    int init_threads = 4;
    c_init->add_option("--threads", init_threads, "threads answering requests (default 4)")
        ->check(CLI::Range(1, 256));

    auto* c_serve = app.add_subcommand("serve", "serve HTTPS until SIGINT or SIGTERM");
    add_data(c_serve);
    c_serve->add_option("--address", address, "address to listen on (default from config)");
    c_serve->add_option("--port", port, "port (0: any free port)");
    c_serve->add_option("--port-file", port_file, "write the port listened on to this file");
    c_serve->add_option("--threads", threads, "threads answering requests (default from config)")
        ->check(CLI::Range(1, 256));

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
    auto* c_migrate = app.add_subcommand(
        "migrate-store", "copy a central store to another database and verify every chain");
    std::string migrate_from, migrate_to;
    int migrate_pool = 2;
    c_migrate->add_option("--from", migrate_from, "sqlite:FILE or postgresql://...")->required();
    c_migrate->add_option("--to", migrate_to, "postgresql://... or sqlite:FILE")->required();
    c_migrate->add_option("--pool", migrate_pool, "PostgreSQL connections (default 2)")
        ->check(CLI::Range(1, 64));

    CLI11_PARSE(app, argc, argv);
    const DataDir d{fs::path(data)};
    try {
        if (c_migrate->parsed())
            return migrate_store(migrate_from, migrate_to, migrate_pool);
        if (c_init->parsed())
            return init(d, hosts, init_address, static_cast<unsigned short>(init_port), init_store,
                        init_threads);
        if (!fs::exists(d.conf())) {
            std::cerr << "No central store in " << data << ": run bundlinje-central init.\n";
            return 1;
        }
        if (c_serve->parsed())
            return serve(d, address, port, port_file, threads);
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
