// bundlinje-demo: creates a Vielgut Studio demo database, or describes an existing one.

#include <cstdio>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "shared/core/catalog.hpp"
#include "shared/demo/demo.hpp"
#include "shared/store/journal.hpp"
#include "shared/store/setup.hpp"
#include "shared/store/verify.hpp"

namespace {

// The roles as the tills say them (the demo's staff file names them in English).
std::string role_da(const std::string& role) {
    if (role == "staff")
        return "butikspersonale";
    if (role == "workshop_leader")
        return "værkstedsleder";
    if (role == "organiser")
        return "organisator, kan lukke dagen";
    return role;
}

void print(const bl::DemoSummary& s, const std::string& path) {
    std::cout << "Demodatabase: " << path << "\n"
              << "  Enhed:        " << s.device << "\n";
    if (!s.shop.empty())
        std::cout << "  Butik:        " << s.shop << "\n";
    std::cout << "  Værksteder:   " << s.workshops << "\n"
              << "  Producenter:  " << s.makers << " (" << s.named_on_receipts
              << " har sagt ja til at blive nævnt på kvitteringer)\n"
              << "  Varer:        " << s.products << "\n"
              << "  Partier:      " << s.batches << " med " << s.logged_minutes / 60
              << " timers arbejde\n"
              << "  Salg:         " << s.sales << " salg og " << s.refunds << " returneringer, "
              << bl::format_dkk(bl::Money::from_ore(s.revenue_ore)) << " i alt\n"
              << "  Periode:      " << s.first_sale << " – " << s.last_sale << "\n"
              << "  Lukkede dage: " << s.shifts << " (Z-rapporter)\n"
              << "  Journal:      " << s.journal_rows << " rækker, " << s.outbox_pending
              << " endnu ikke sendt til centralen\n"
              << "  Log ind som:\n";
    for (const auto& l : s.logins)
        std::cout << "    " << l.name << " (" << role_da(l.role) << "), PIN " << l.pin << "\n";
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Opretter eller beskriver en Bundlinje-demodatabase (Vielgut Studio)."};
    std::string path;
    std::string role = "till";
    bl::DemoOptions o;
    bool verify = false;
    std::string lang = "da";
    app.add_option("--db", path, "Databasefilen")->required();
    app.add_option("--role", role, "till eller workshop")
        ->check(CLI::IsMember({"till", "workshop"}));
    app.add_option("--until", o.until, "Sidste salgsdag, ÅÅÅÅ-MM-DD (standard: i går)");
    app.add_option("--seed", o.seed, "Frø til den simulerede data");
    app.add_option("--assets", o.assets_dir, "Mappen med demo/*.csv");
    app.add_flag("--verify", verify, "Kontrollér journalens hashkæder");
    app.add_option("--lang", lang, "Sprog for fejlbeskeder: da eller en")
        ->check(CLI::IsMember({"da", "en"}));
    CLI11_PARSE(app, argc, argv);
    // An installed bundlinje-demo (PREFIX/bin) finds the demo's files in PREFIX/share/bundlinje
    // when the source tree it was built from is not there.
    if (std::error_code ec; !std::filesystem::exists(o.assets_dir + "/demo/products.csv", ec)) {
        const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
        const auto installed = exe.parent_path().parent_path() / "share" / "bundlinje" / "assets";
        if (!ec && std::filesystem::exists(installed / "demo" / "products.csv", ec))
            o.assets_dir = installed.string();
    }
    o.role = role == "workshop" ? bl::DemoRole::workshop : bl::DemoRole::till;
    const bl::Translator* tr = bl::translator_for(lang);

    try {
        const bool is_new = !std::filesystem::exists(path);
        bl::Database db(path);
        bl::DemoSummary s;
        if (is_new || bl::local_device_id(db).empty()) {
            std::cout << "Opretter demodata (det tager et øjeblik) ...\n";
            auto r = bl::load_demo(db, o);
            if (!r) {
                std::cerr << "Fejl: " << bl::render(r.error(), tr) << "\n";
                return 1;
            }
            s = r.value();
        } else {
            s = bl::summarize(db, o.assets_dir);
        }
        print(s, path);
        if (verify) {
            // Every chain and every sale, refund, Z report and stock move against the journal
            // row that recorded it, in one read.
            const bl::DatabaseCheck check = bl::verify_database(db);
            for (const auto& [device, head] : check.heads)
                std::cout << "  Journal " << device << ": " << head.seq << " rækker\n";
            std::cout << "  Kontrol:      " << check.journal_rows << " journalrækker og "
                      << check.business_rows << " salg, vagter, partier og lagerbevægelser "
                      << "holdt op mod journalen\n";
            if (!check.ok()) {
                for (const auto& line : bl::describe(check, tr))
                    std::cout << "  FEJL: " << line << "\n";
                return 2;
            }
            std::cout << "  Alt stemmer med journalen.\n";
        }
    } catch (const bl::StoreError& e) {
        std::cerr << "Fejl: " << bl::render(e.message(), tr) << "\n";
        return 1;
    } catch (const std::exception& e) {
        // A fault we did not foresee (disk, memory): say so plainly, never half-silently.
        std::cerr << "Uventet fejl: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
