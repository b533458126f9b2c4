// bundlinje-sync-device: a till or workshop station without a window, for the end-to-end and
// fault tests. It uses the real store, the real background client and the real enrolment.
//   sync_device init --db F --role till|workshop --name N --number K [--shop-id ID]
//   sync_device run  --db F --server HOST:PORT --ca FILE [--code C] [--sales N] [--seed S]
//                    [--replay-every-ms M] [--timeout-s T] [--pace-ms P]
// `run` records sales until the till holds N of them (so a till killed half-way carries on
// where it was), closes the shift with a Z report, and waits until the central store holds
// everything; then prints "device ID sales N total_ore X rows R pulled P named M".

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>

#include "shared/auth/pin.hpp"
#include "shared/core/cash_rounding.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/database.hpp"
#include "shared/store/journal.hpp"
#include "shared/store/outbox.hpp"
#include "shared/store/people.hpp"
#include "shared/store/production.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/setup.hpp"
#include "shared/store/shifts.hpp"
#include "shared/sync/client.hpp"
#include "shared/sync/wiring/store_local.hpp"

using namespace bl;
using namespace std::chrono_literals;

namespace {

std::string slurp(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::int64_t count(Database& db, const std::string& sql) {
    return std::stoll(raw_sql::text(db, sql).value_or("0"));
}

int init(const std::string& path, const std::string& role, const std::string& name, int number,
         const std::string& shop_id) {
    Database db(path);
    // A PIN hash made cheaply is refused by the store; one real hash for every staff member.
    const std::string pin = hash_pin("2468");
    if (role == "till") {
        auto self = initialise_local_device(
            db, Device{"", name, DeviceRole::till, number, {}, {}},
            Shop{shop_id, "Vielgut Studio", "Jernbanegade 12", "6000", "Kolding", "12345674"});
        if (!self) {
            std::cerr << render(self.error()) << "\n";
            return 1;
        }
        const Actor setup{self.value().id, {}};
        auto clerk = add_staff(db, setup, StaffUser{"", "Mette", StaffRole::staff, pin, true});
        if (!clerk)
            return 1;
        const char* names[] = {"Viskestykke", "Kort", "Lys", "Bidrag"};
        const std::int64_t prices[] = {11975, 2500, 4950, 2000};
        for (int i = 0; i < 4; ++i) {
            Product p;
            p.sku = "T" + std::to_string(number) + "-" + std::to_string(i);
            p.name = std::string(names[i]) + " " + std::to_string(number);
            p.price = Money::from_ore(prices[i]);
            p.vat_rate = i == 3 ? VatRate::zero() : VatRate::standard();
            if (!add_product(db, setup, p))
                return 1;
        }
        if (!open_shift(db, {self.value().id, clerk.value().id}, Money::from_kroner(1000)))
            return 1;
        std::cout << "device " << self.value().id << " shop " << *self.value().shop_id << "\n";
        return 0;
    }
    auto self =
        initialise_local_device(db, Device{"", name, DeviceRole::workshop, number, {}, {}},
                                std::nullopt, Workshop{"", "Keramikværkstedet", "keramik", ""});
    if (!self) {
        std::cerr << render(self.error()) << "\n";
        return 1;
    }
    const std::string ws = *self.value().workshop_id;
    auto leader = add_staff(db, {self.value().id, {}},
                            StaffUser{"", "Jonas", StaffRole::workshop_leader, pin, true});
    if (!leader)
        return 1;
    const Actor a{self.value().id, leader.value().id};
    std::vector<std::string> makers;
    const char* chosen[] = {"Solsikke", "Ravn", "Birk", "Mos"};
    for (int i = 0; i < 4; ++i) {
        auto m = add_maker(db, a, Maker{"", ws, chosen[i], true},
                           MakerPrivate{"", "Navn " + std::to_string(i), "", "", ""});
        if (!m)
            return 1;
        makers.push_back(m.value().id);
        if (i % 2 == 0 && !record_consent(db, a, m.value().id, ConsentChannel::receipt,
                                          ConsentLevel::chosen_name))
            return 1;
    }
    for (int i = 0; i < 5; ++i) {
        Product p;
        p.sku = "KER-" + std::to_string(100 + i);
        p.name = "Krus " + std::to_string(i);
        p.price = Money::from_ore(15000 + 1000 * i);
        p.workshop_id = ws;
        auto prod = add_product(db, a, p);
        if (!prod)
            return 1;
        Batch b;
        b.product_id = prod.value().id;
        b.workshop_id = ws;
        b.produced_on = "2026-11-0" + std::to_string(1 + i);
        b.units = 10;
        b.contributions = {
            {"", "", makers[static_cast<std::size_t>(i % 4)], 90, "drejning", b.produced_on}};
        if (!add_batch(db, a, b))
            return 1;
    }
    std::cout << "device " << self.value().id << " workshop " << ws << "\n";
    return 0;
}

Sale random_sale(Database& db, const std::string& device, std::mt19937_64& dice) {
    auto products = list_products(db);
    std::vector<Product> own;
    for (auto& p : products)
        if (p.sku.rfind("T", 0) == 0)
            own.push_back(p);
    Sale s;
    const int lines = 1 + static_cast<int>(dice() % 3);
    for (int i = 0; i < lines; ++i) {
        const Product& p = own[dice() % own.size()];
        SaleLine l;
        l.product_id = p.id;
        l.description = p.name;
        l.quantity = 1 + static_cast<std::int64_t>(dice() % 3);
        l.unit_price = p.price;
        l.vat_rate = p.vat_rate;
        s.lines.push_back(l);
    }
    Payment pay;
    const Money total = s.total();
    switch (dice() % 3) {
    case 0:
        pay.tender = Tender::cash;
        pay.amount = round_cash(total);
        pay.rounding = pay.amount - total;
        pay.tendered = pay.amount + Money::from_kroner(static_cast<std::int64_t>(dice() % 50));
        pay.change = pay.tendered - pay.amount;
        break;
    case 1:
        pay.tender = Tender::card;
        pay.amount = total;
        break;
    default:
        pay.tender = Tender::mobilepay;
        pay.amount = total;
    }
    s.payments = {pay};
    (void)device;
    return s;
}

int run(const std::string& path, const std::string& server, const std::string& ca_file,
        const std::string& code, int sales, std::uint64_t seed, int replay_every_ms, int timeout_s,
        int pace_ms) {
    Database db(path);
    auto self = local_device(db);
    if (!self) {
        std::cerr << "not initialised\n";
        return 1;
    }
    const std::string folder = sync::enrolment_folder(path);
    auto enrolment = sync::load_enrolment(folder);
    if (!enrolment) {
        // As a person would: press Enrol again while the network is bad.
        auto e = sync::enrol_device(server, slurp(ca_file), code, self->id, self->name, 5s);
        for (int attempt = 1; !e && attempt < 30; ++attempt) {
            std::cerr << "enrol: " << render(e.error()) << "\n";
            std::this_thread::sleep_for(200ms);
            e = sync::enrol_device(server, slurp(ca_file), code, self->id, self->name, 5s);
        }
        if (!e) {
            std::cerr << "enrol: " << render(e.error()) << "\n";
            return 3;
        }
        if (!sync::save_enrolment(folder, e.value()))
            return 1;
        enrolment = e.value();
    }
    sync::ClientOptions opt;
    opt.poll = 200ms;
    opt.pull_every = 1s;
    opt.backoff_min = 100ms;
    opt.backoff_max = 2s;
    opt.timeout = 5s;
    opt.want_private = self->role != DeviceRole::till;
    opt.seed = seed;
    sync::SyncClient client([path] { return sync::store_local(path); }, *enrolment, opt);
    client.start();

    // Duplicated requests: earlier pushes sent again, while the real client works.
    std::atomic<bool> done{false};
    std::thread replayer;
    if (replay_every_ms > 0) {
        replayer = std::thread([&, seed] {
            Database own(path);
            std::mt19937_64 dice(seed ^ 0x5eed);
            auto signer = sync::key_signer(enrolment->key_pem);
            while (!done) {
                std::this_thread::sleep_for(std::chrono::milliseconds(replay_every_ms));
                const auto acked = count(own, "SELECT coalesce(max(acked_seq), 0) FROM sync_state");
                if (acked < 1)
                    continue;
                const auto from =
                    1 + static_cast<std::int64_t>(dice() % static_cast<std::uint64_t>(acked));
                auto rows = journal_rows(own, self->id, from, 50);
                sync::PushRequest p;
                p.device_id = self->id;
                for (const auto& r : rows) {
                    if (r.seq > acked)
                        break;
                    sync::PushRow row{r.seq,        format_utc(r.recorded_at),
                                      r.kind,       r.payload,
                                      r.prev_hash,  r.hash,
                                      std::nullopt, std::nullopt};
                    p.rows.push_back(row);
                }
                if (p.rows.empty())
                    continue;
                // Rows with an outbox payload of their own carry it: take them from the
                // outbox's history is not possible, so stop before the first such kind.
                while (!p.rows.empty() &&
                       (p.rows.back().kind == "staff_added" ||
                        p.rows.back().kind == "maker_added" || p.rows.back().kind == "z_report"))
                    p.rows.pop_back();
                for (std::size_t i = 0; i < p.rows.size(); ++i)
                    if (p.rows[i].kind == "staff_added" || p.rows[i].kind == "maker_added" ||
                        p.rows[i].kind == "z_report") {
                        p.rows.resize(i);
                        break;
                    }
                if (p.rows.empty())
                    continue;
                // A delayed copy of an earlier request: its time is taken before its head is
                // read, as any request sent earlier would carry.
                const std::string at = format_utc(now_utc());
                auto h = journal_head(own, self->id);
                p.head = {h->seq, h->hash, at};
                p.head_signature = signer->sign(sync::head_signing_text(self->id, p.head));
                auto answer =
                    sync::call_central(*enrolment, "POST", "/api/v1/push", sync::to_json(p), 5s);
                if (answer && answer.value().status != 200 && answer.value().status != 409)
                    std::cerr << "replay refused: " << answer.value().status << " "
                              << answer.value().body << "\n";
            }
        });
    }

    std::mt19937_64 dice(seed);
    if (self->role == DeviceRole::till) {
        auto shift = current_shift(db, self->id);
        const std::string clerk = list_staff(db).front().id;
        const Actor at{self->id, clerk};
        while (shift && last_receipt_number(db, self->id) < sales) {
            auto r = record_sale(db, at, random_sale(db, self->id, dice));
            if (!r) {
                std::cerr << "sale: " << render(r.error()) << "\n";
                return 1;
            }
            client.nudge();
            // Pacing, so that a run lasts long enough for the faults to meet it.
            if (pace_ms > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(pace_ms));
        }
        if (shift && last_receipt_number(db, self->id) >= sales) {
            const Money expected = shift_totals(db, shift->id).expected_cash;
            if (!close_shift(db, at, shift->id, expected))
                return 1;
            client.nudge();
        }
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
    for (;;) {
        auto st = client.status();
        const bool pulled = st.pulls > 0;
        if (outbox_pending_count(db) == 0 && st.last_success && pulled)
            break;
        if (std::chrono::steady_clock::now() > deadline) {
            std::cerr << "not synced in time: " << outbox_pending_count(db) << " pending; "
                      << (st.last_error ? render(*st.last_error) : "no error") << "\n";
            done = true;
            if (replayer.joinable())
                replayer.join();
            return 4;
        }
        std::this_thread::sleep_for(50ms);
    }
    done = true;
    if (replayer.joinable())
        replayer.join();
    client.stop();
    std::cout << "device " << self->id << " sales "
              << count(db, "SELECT count(*) FROM sale WHERE training = 0 AND device_id = '" +
                               self->id + "'")
              << " total_ore "
              << count(db, "SELECT coalesce(sum(total_ore), 0) FROM sale WHERE training = 0 "
                           "AND device_id = '" +
                               self->id + "'")
              << " rows " << journal_head(db, self->id)->seq << " pulled "
              << client.status().changes_pulled << " products "
              << count(db, "SELECT count(*) FROM product") << " named "
              << count(db, "SELECT count(*) FROM maker WHERE display_name <> ''") << "\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"a headless Bundlinje device for the sync tests"};
    app.require_subcommand(1);
    std::string db, role = "till", name = "Kasse", shop_id, server, ca, code;
    int number = 1, sales = 0, replay = 0, timeout = 120, pace = 0;
    std::uint64_t seed = 1;
    auto* i = app.add_subcommand("init");
    i->add_option("--db", db)->required();
    i->add_option("--role", role);
    i->add_option("--name", name);
    i->add_option("--number", number);
    i->add_option("--shop-id", shop_id);
    auto* r = app.add_subcommand("run");
    r->add_option("--db", db)->required();
    r->add_option("--server", server)->required();
    r->add_option("--ca", ca)->required();
    r->add_option("--code", code);
    r->add_option("--sales", sales);
    r->add_option("--seed", seed);
    r->add_option("--replay-every-ms", replay);
    r->add_option("--timeout-s", timeout);
    r->add_option("--pace-ms", pace);
    CLI11_PARSE(app, argc, argv);
    try {
        if (i->parsed())
            return init(db, role, name, number, shop_id);
        return run(db, server, ca, code, sales, seed, replay, timeout, pace);
    } catch (const std::exception& e) {
        std::cerr << "sync_device: " << e.what() << "\n";
        return 1;
    }
}
