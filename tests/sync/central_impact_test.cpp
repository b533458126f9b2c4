// The impact report on the central store: a workshop station and a till sync into a central
// store (through the pure handlers), and the period report computed from the central store's
// journal equals the one computed from the devices' own databases, figure by figure (the same
// facts: production from the station, sales from the till). And the public verification
// page: the impact receipt as HTML, makers named only with their consent for the web, a plain
// 404 for everything else. Run on SQLite, and on PostgreSQL under the postgresql label.

#include <functional>

#include <catch2/catch.hpp>

#include "central/server/impact.hpp"
#include "central/server/public_page.hpp"
#include "receipts/app/report_data.hpp"
#include "receipts/layout/html.hpp"
#include "shared/impact/export.hpp"
#include "shared/impact/period.hpp"
#include "shared/store/impact_source.hpp"
#include "shared/store/people.hpp"
#include "shared/store/production.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/shifts.hpp"
#include "shared/store/transitions.hpp"
#include "shared/sync/protocol.hpp"
#include "shared/sync/wiring/store_local.hpp"
#include "tests/sync/sync_rig.hpp"

using namespace bl;
using namespace bl::central;
using Dev = synctest::Device;

namespace {

std::string day(int days_ago) {
    return format_date(copenhagen_day(now_utc()) - std::chrono::days{days_ago});
}

/// A till of its own shop with nothing but what it pulls from the central store.
std::unique_ptr<Dev> bare_till(synctest::Central& c) {
    auto d = std::make_unique<Dev>();
    d->station_db = std::make_unique<Database>(d->dir.file("till.db"));
    d->db = d->station_db.get();
    auto self = initialise_local_device(
        *d->db, bl::Device{"", "Kasse 1", DeviceRole::till, 1, {}, {}},
        bl::Shop{"", "Vielgut Studio", "Jernbanegade 12", "6000", "Kolding", "12345674"},
        std::nullopt);
    REQUIRE(self.ok());
    auto clerk = add_staff(*d->db, {self.value().id, {}},
                           StaffUser{"", "Mette", StaffRole::staff, test::demo_pin_hash(), true});
    REQUIRE(clerk.ok());
    d->staff_id = clerk.value().id;
    REQUIRE(open_shift(*d->db, {self.value().id, d->staff_id}, Money::from_kroner(500)).ok());
    d->local = sync::store_local(*d->db);
    d->key_pem = sync::make_private_key();
    d->signer = sync::key_signer(d->key_pem);
    REQUIRE(d->enrol(c, c.code(Role::till, *self.value().shop_id), "Kasse 1").status == 200);
    return d;
}

void pull_all(synctest::Central& c, Dev& d) {
    for (int page = 0; page < 100; ++page) {
        auto r = c.call(
            "GET", "/api/v1/pull?since=" + std::to_string(d.local->pull_cursor()) + "&limit=500",
            "", d.token);
        REQUIRE(r.status == 200);
        auto p = sync::parse_pull_response(r.body).value();
        REQUIRE(d.local->apply(p.changes, p.next_cursor).ok());
        if (!p.more)
            return;
    }
}

Sale sell(Dev& till, std::vector<SaleLine> lines) {
    Sale s;
    s.lines = std::move(lines);
    test::Shop::pay(s, Tender::card);
    auto r = record_sale(*till.db, {till.id(), till.staff_id}, s);
    if (!r)
        FAIL(render(r.error()));
    return r.value();
}

/// The devices' facts, each from where it is recorded: production, makers and transitions
/// from the workshop station, sales and shops from the till.
struct DeviceFacts : impact::ImpactSource {
    StoreImpactSource station, till;
    DeviceFacts(Database& s, Database& t) : station(s), till(t) {}
    std::vector<impact::NamedPlace> workshops(const impact::Scope& s) override {
        return station.workshops(s);
    }
    std::vector<impact::NamedPlace> shops(const impact::Scope& s) override { return till.shops(s); }
    std::vector<impact::BatchFact> batches(const impact::Scope& s) override {
        return station.batches(s);
    }
    std::vector<impact::BatchMakerFact> batch_makers(const impact::Scope& s) override {
        return station.batch_makers(s);
    }
    std::vector<impact::WeekMinutesFact> week_minutes(const impact::Period& p,
                                                      const impact::Scope& s) override {
        return station.week_minutes(p, s);
    }
    impact::SalesFacts sales(const impact::Period& p, const impact::Scope& s) override {
        return till.sales(p, s);
    }
    std::vector<impact::MakerFact> makers(const impact::Scope& s) override {
        return station.makers(s);
    }
    std::vector<impact::TransitionFact> transitions(const impact::Period& p,
                                                    const impact::Scope& s) override {
        return station.transitions(p, s);
    }
};

/// A workshop station with 8 makers (real names in their private fields), consents per
/// channel, three products, six batches over four weeks and six documented moves; a till
/// that pulls it all and sells scanned and unscanned units and the shop's own goods, with a
/// refund; both pushed to the central store.
struct Scenario {
    synctest::Central c;
    std::unique_ptr<Dev> st, till;
    std::vector<std::string> makers;
    std::vector<std::string> batches;
    std::vector<Product> products;
    Sale scanned_sale, fifo_sale, refund, unlinked_sale;

    Scenario() {
        st = Dev::station();
        REQUIRE(st->enrol(c, c.code(Role::workshop, "", st->workshop_id), "Station").status == 200);
        const Actor leader{st->id(), st->staff_id};
        const char* chosen[] = {"Solsikke", "Ravn", "Birk",     "Mos",
                                "Lærke",    "Hyld", "Kastanje", "Æble"};
        for (int i = 0; i < 8; ++i) {
            auto m = add_maker(*st->db, leader, Maker{"", st->workshop_id, chosen[i], true},
                               MakerPrivate{"", "Fulde Navn " + std::to_string(i), "", "", ""});
            REQUIRE(m.ok());
            makers.push_back(m.value().id);
        }
        // Solsikke: every channel; Ravn: receipts only; Birk: the web only; Mos: reports and
        // the web, then the web withdrawn; the others: counted only.
        auto consent = [&](int maker, ConsentChannel ch, ConsentLevel level) {
            REQUIRE(
                record_consent(*st->db, leader, makers[static_cast<std::size_t>(maker)], ch, level)
                    .ok());
        };
        for (auto ch : {ConsentChannel::receipt, ConsentChannel::report, ConsentChannel::web})
            consent(0, ch, ConsentLevel::chosen_name);
        consent(1, ConsentChannel::receipt, ConsentLevel::chosen_name);
        consent(2, ConsentChannel::web, ConsentLevel::first_name);
        consent(3, ConsentChannel::report, ConsentLevel::chosen_name);
        consent(3, ConsentChannel::web, ConsentLevel::chosen_name);
        consent(3, ConsentChannel::web, ConsentLevel::counted_only);

        const char* names[] = {"Krus", "Skål", "Fad"};
        const std::int64_t prices[] = {15000, 22500, 39900};
        for (int i = 0; i < 3; ++i) {
            Product p;
            p.sku = "KER-" + std::to_string(100 + i);
            p.name = names[i];
            p.price = Money::from_ore(prices[i]);
            p.workshop_id = st->workshop_id;
            auto added = add_product(*st->db, leader, p);
            REQUIRE(added.ok());
            products.push_back(added.value());
        }
        // Six batches over four weeks; every maker works at least two hours in the period.
        for (int b = 0; b < 6; ++b) {
            Batch batch;
            batch.product_id = products[static_cast<std::size_t>(b % 3)].id;
            batch.workshop_id = st->workshop_id;
            batch.produced_on = day(26 - 4 * b);
            batch.units = 5 + b;
            batch.material_cost = Money::from_ore(b % 2 == 0 ? 4000 : 0);
            for (int k = 0; k < 3; ++k) {
                const std::string m = makers[static_cast<std::size_t>((b + 3 * k) % 8)];
                batch.contributions.push_back({"", "", m, 55 + 7 * b + 11 * k,
                                               k == 1 ? "glasering" : "drejning",
                                               day(27 - 4 * b - k)});
            }
            auto added = add_batch(*st->db, leader, batch);
            REQUIRE(added.ok());
            batches.push_back(added.value().id);
        }
        // Corrections after the fact: the central store counts each batch as its newest
        // correction says (a maker left out, then back with more time; fewer units).
        auto correct = [&](const std::string& id, std::int64_t units,
                           const std::function<void(std::vector<Contribution>&)>& work) {
            auto was = find_batch(*st->db, id).value();
            BatchFix fix{id,        was.revision,      was.produced_on, units, was.material_cost,
                         was.notes, was.contributions, "talte forkert"};
            for (auto& w : fix.contributions)
                w.id.clear();
            work(fix.contributions);
            REQUIRE(correct_batch(*st->db, leader, fix).ok());
        };
        correct(batches[2], 6, [](auto& work) {
            for (auto& w : work)
                w.minutes -= 20;
        });
        Contribution left_out = find_batch(*st->db, batches[4]).value().contributions.back();
        correct(batches[4], 9, [](auto& work) { work.pop_back(); });
        correct(batches[4], 11, [&](auto& work) {
            left_out.id.clear();
            left_out.minutes += 15;
            work.push_back(left_out);
        });
        for (int i = 0; i < 5; ++i)
            REQUIRE(record_transition(*st->db, leader, makers[static_cast<std::size_t>(i)],
                                      impact::TransitionKind::job, day(3 + i), true)
                        .ok());
        REQUIRE(record_transition(*st->db, leader, makers[5], impact::TransitionKind::education,
                                  day(2), true)
                    .ok());
        st->push_all(c);

        till = bare_till(c);
        pull_all(c, *till);
        Product own; // the shop's own goods: no batch, no workshop
        own.sku = "BUT-1";
        own.name = "Gavekort";
        own.price = Money::from_ore(10000);
        auto shop_item = add_product(*till->db, {till->id(), till->staff_id}, own);
        REQUIRE(shop_item.ok());

        scanned_sale = sell(*till, {test::Shop::line(products[0], 2, batches[0]),
                                    test::Shop::line(products[1], 1, batches[1])});
        fifo_sale = sell(*till, {test::Shop::line(products[0], 4), test::Shop::line(products[2], 1),
                                 test::Shop::line(shop_item.value(), 1)});
        unlinked_sale = sell(*till, {test::Shop::line(shop_item.value(), 3)});
        for (int i = 0; i < 4; ++i)
            sell(*till, {test::Shop::line(products[static_cast<std::size_t>(i % 3)], 1 + i % 2)});
        // Two of the first line's units come back.
        const SaleLine& ol = fifo_sale.lines.at(0);
        SaleLine back = ol;
        back.quantity = -2;
        back.discount = Money{};
        back.scanned_batch_id.reset();
        back.allocations.clear();
        back.refund_of_sale_id = fifo_sale.id;
        back.refund_of_line_no = 1;
        Sale r;
        r.lines = {back};
        test::Shop::pay(r, Tender::card);
        auto recorded = record_sale(*till->db, {till->id(), till->staff_id}, r);
        REQUIRE(recorded.ok());
        refund = recorded.value();
        till->push_all(c);
    }
};

std::string figures(impact::ImpactSource& s, const impact::Period& p, const impact::Scope& scope) {
    const auto c = impact::Coefficients::load(BL_SOURCE_ASSETS "/impact/coefficients.csv");
    REQUIRE(c.ok());
    return impact::export_json(impact::compute_period(s, p, scope, c.value()),
                               "2026-12-01T00:00:00.000Z");
}

} // namespace

TEST_CASE("central impact: the period report from the central store equals the devices'") {
    Scenario s;
    JournalProjection projection(true);
    projection.catch_up(*s.c.store);
    CentralImpactSource central(projection);
    DeviceFacts devices(*s.st->db, *s.till->db);

    const impact::Period month{day(29), day(0)};
    const auto ours = impact::compute_period(
        central, month, {},
        impact::Coefficients::load(BL_SOURCE_ASSETS "/impact/coefficients.csv").value());
    // Not an empty comparison: work, makers, sales, a refund, moves and all three links.
    CHECK(ours.people.active_makers == 8);
    CHECK(ours.people.minutes > 0);
    CHECK(ours.business.sales.sales == 7);
    CHECK(ours.business.sales.refunds == 1);
    CHECK(ours.people.transitions_job == 5);
    CHECK(ours.completeness.scanned == 3);
    // (A till holds no stock of batches it pulled, so its unscanned units of workshop goods
    // find no open batch and are counted as unlinked, as on the till.)
    CHECK(ours.completeness.none > 4);

    for (const impact::Scope& scope :
         {impact::Scope{}, impact::Scope{std::nullopt, s.st->workshop_id},
          impact::Scope{devices.shops({}).at(0).id, std::nullopt},
          impact::Scope{devices.shops({}).at(0).id, s.st->workshop_id}}) {
        for (const impact::Period& p :
             {month, impact::Period{day(10), day(0)}, impact::Period{day(60), day(31)}}) {
            INFO("period " << p.from << " to " << p.to << ", workshop "
                           << scope.workshop_id.value_or("all"));
            CHECK(figures(central, p, scope) == figures(devices, p, scope));
        }
    }
    // The places, as the report names them.
    CHECK(central.shops({}).size() == 1);
    CHECK(central.shops({}).at(0).name == "Vielgut Studio");
    CHECK(central.workshops({}).at(0).name == "Keramikværkstedet");

    SECTION("the report's makers are named by their consent for reports only, never by their "
            "real names") {
        for (const auto& m : central.makers({})) {
            CHECK(m.report_name.find("Fulde Navn") == std::string::npos);
            const bool named = m.id == s.makers[0] || m.id == s.makers[3];
            CHECK(m.report_name.empty() != named);
        }
    }
    SECTION("a projection that catches up again reads only what is new, and counts it once") {
        projection.catch_up(*s.c.store);
        CHECK(projection.sales.size() == 8);
        sell(*s.till, {test::Shop::line(s.products[1], 1)});
        s.till->push_all(s.c);
        projection.catch_up(*s.c.store);
        CHECK(projection.sales.size() == 9);
    }
}

TEST_CASE("central impact: the public page shows the impact receipt, names by web consent") {
    Scenario s;
    auto get = [&](const std::string& target, const std::string& method = "GET",
                   const std::string& body = {}) { return s.c.call(method, target, body, "", ""); };
    const auto before = s.c.state();

    auto page = get("/v/" + s.scanned_sale.id);
    REQUIRE(page.status == 200);
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK(page.body.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.body.find("lang=\"da\"") != std::string::npos);
    CHECK(page.body.find("Bag om tingene") != std::string::npos);
    CHECK(page.body.find("Keramikværkstedet") != std::string::npos);
    CHECK(page.body.find("Kontrol-id " + s.scanned_sale.id) != std::string::npos);
    // The device's own receipt for the same sale says the same, but for the names.
    auto device_receipt = report::impact_receipt_data(*s.till->db, s.scanned_sale.id, {});
    REQUIRE(device_receipt);
    JournalProjection projection(false);
    projection.catch_up(*s.c.store);
    auto central_receipt =
        central_impact_receipt(*s.c.store, projection, s.scanned_sale.id, "receipt", {});
    REQUIRE(central_receipt);
    CHECK(central_receipt->impact.makers == device_receipt->impact.makers);
    CHECK(central_receipt->impact.work == device_receipt->impact.work);
    CHECK(central_receipt->impact.approximate == device_receipt->impact.approximate);
    CHECK(central_receipt->impact.workshops == device_receipt->impact.workshops);
    CHECK(central_receipt->receipt_number == device_receipt->receipt_number);
    CHECK(central_receipt->sold_at == device_receipt->sold_at);

    // Names: a consent for the web names the maker; one for receipts only does not; a
    // withdrawn one does not; real names never.
    auto all_pages = page.body + get("/v/" + s.fifo_sale.id).body;
    CHECK(all_pages.find("Fulde Navn") == std::string::npos);
    CHECK(all_pages.find("Ravn") == std::string::npos);
    CHECK(all_pages.find("Mos") == std::string::npos);
    const bool solsikke_or_birk = all_pages.find("Solsikke") != std::string::npos ||
                                  all_pages.find("Birk") != std::string::npos;
    CHECK(solsikke_or_birk);

    SECTION("a consent for the web withdrawn takes the name off the page at once") {
        const Actor leader{s.st->id(), s.st->staff_id};
        for (const int m : {0, 2})
            REQUIRE(record_consent(*s.st->db, leader, s.makers[static_cast<std::size_t>(m)],
                                   ConsentChannel::web, ConsentLevel::counted_only)
                        .ok());
        s.st->push_all(s.c);
        const auto again = get("/v/" + s.scanned_sale.id).body + get("/v/" + s.fifo_sale.id).body;
        CHECK(again.find("Solsikke") == std::string::npos);
        CHECK(again.find("Birk") == std::string::npos);
    }

    SECTION("nothing else: unknown, malformed and hostile ids get the plain 404 page") {
        const std::string id = s.scanned_sale.id;
        std::string upper = id;
        for (auto& ch : upper)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        const std::string unknown = "0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b";
        const std::vector<std::string> targets = {
            "/v",
            "/v/",
            "/v?list=1",
            "/v/" + unknown,
            "/v/" + s.refund.id,     // a refund has no impact receipt
            "/v/" + upper,           // ids are lower case
            "/v/" + id + "/",        // nothing after the id
            "/v/" + id + "?x=1",     // no query
            "/v/" + id + "#top",     // no fragment
            "/v//" + id,             // one slash
            "/v/" + id.substr(1),    // too short
            "/v/" + id + "0",        // too long
            "/v/%30" + id.substr(1), // no percent-encoding
            "/v/../api/v1/health",   // no way out
            "/v/" + std::string(36, '-'),
            "/v/" + std::string(5000, 'a'),
            "/v/" + id.substr(0, 35) + "\n",
            "/v/" + id.substr(0, 35) + std::string(1, '\0'),
            "/v/<script>alert(1)</script>",
            "/v/' OR '1'='1",
            "/v/*",
        };
        for (const auto& t : targets) {
            INFO(t);
            const auto r = get(t);
            CHECK(r.status == 404);
            CHECK(r.content_type == "text/html; charset=utf-8");
            CHECK(r.body.find("Siden findes ikke") != std::string::npos);
            CHECK(r.body.find("<script") == std::string::npos);
            CHECK(r.body.find("Bag om tingene") == std::string::npos);
        }
        CHECK(get("/v/" + id, "POST", "{}").status == 405);
        CHECK(get("/v/" + id, "DELETE").status == 405);
        CHECK(get("/v/" + id, "GET", "x").status == 400);
        // The API is where it was.
        CHECK(get("/api/v1/health").status == 200);
        CHECK(get("/").status == 404);
        CHECK(s.c.state() == before);
    }
}

TEST_CASE("central impact: ids are read strictly") {
    CHECK(verification_id("/v/0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b") ==
          "0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b");
    CHECK_FALSE(verification_id("/v/0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5"));
    CHECK_FALSE(verification_id("/v/0190a2b3c-4d5-7e6f-8a9b-0c1d2e3f4a5b"));
    CHECK_FALSE(verification_id("/v/0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5g"));
    CHECK_FALSE(verification_id("/x/0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b"));
    CHECK(doc::html_escape("<a href=\"x\">'&'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}
