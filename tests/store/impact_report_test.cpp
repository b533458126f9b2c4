// The period report's numbers against the raw rows: every headline figure is computed again
// here by plain SQL from the demo database, the way a sceptical finance officer would, and
// must match. And properties over random batches, sales and refunds: hours are conserved.

#include <cmath>
#include <map>
#include <random>

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "shared/core/csv.hpp"
#include "shared/demo/demo.hpp"
#include "shared/impact/export.hpp"
#include "shared/impact/period.hpp"
#include "shared/store/impact_source.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/store/transitions.hpp"

namespace {

double real(bl::Database& db, const std::string& sql) {
    const auto v = bl::raw_sql::text(db, sql);
    return v ? std::stod(*v) : 0.0;
}

double as_double(const bl::WorkMinutes& w) {
    return static_cast<double>(w.numerator()) / static_cast<double>(w.denominator());
}

bl::impact::Coefficients coefficients() {
    auto c = bl::impact::Coefficients::load(BL_SOURCE_ASSETS "/impact/coefficients.csv");
    REQUIRE(c.ok());
    return c.value();
}

// The demo loaded up to 26 November, and the autumn period in it.
struct Demo {
    test::TempDir dir;
    bl::Database db{dir.file("demo.db")};
    const bl::impact::Period p{"2026-09-01", "2026-11-26"};
    Demo() {
        bl::DemoOptions o;
        o.until = "2026-11-26";
        REQUIRE(bl::load_demo(db, o).ok());
    }
    /// SQL over `sale s`: not training, sold within the period's Copenhagen days (their
    /// midnights as UTC text, like sale.sold_at).
    std::string from() const {
        return bl::format_utc(bl::copenhagen_day_start(*bl::parse_date(p.from)));
    }
    std::string to() const {
        return bl::format_utc(
            bl::copenhagen_day_start(*bl::parse_date(p.to) + std::chrono::days{1}));
    }
    std::string in_period() const {
        return " s.training = 0 AND s.sold_at >= '" + from() + "' AND s.sold_at < '" + to() + "'";
    }
};

} // namespace

TEST_CASE("impact report: every headline number on the demo data matches plain SQL over the "
          "raw rows") {
    Demo demo;
    auto& db = demo.db;
    const auto& p = demo.p;
    bl::StoreImpactSource source(db);
    const auto m = bl::impact::compute_period(source, p, {}, coefficients());
    const std::string in_period = demo.in_period();
    const std::string worked = " worked_on BETWEEN '" + p.from + "' AND '" + p.to + "'";

    // People (production basis).
    CHECK(m.people.minutes ==
          test::count(db, "SELECT sum(minutes) FROM contribution WHERE" + worked));
    CHECK(m.people.active_makers ==
          test::count(db, "SELECT count(*) FROM (SELECT maker_id FROM contribution WHERE" + worked +
                              " GROUP BY maker_id HAVING sum(minutes) >= 60)"));
    CHECK(m.people.active_makers >= 5);
    CHECK(m.people.fte == Approx(real(db, "SELECT sum(minutes) / 60.0 / 1924 FROM contribution "
                                          "WHERE" +
                                              worked)));
    CHECK(m.people.task_tags == test::count(db, "SELECT count(DISTINCT task_tag) FROM "
                                                "contribution WHERE task_tag <> '' AND" +
                                                    worked));
    CHECK(m.people.transitions_job == test::count(db, "SELECT count(*) FROM transition WHERE "
                                                      "kind = 'job' AND happened_on BETWEEN '" +
                                                          p.from + "' AND '" + p.to + "'"));
    CHECK(m.people.transitions_job == 5);
    CHECK(m.people.transitions_flex_job == 1);

    // Business (sales basis), net of refunds.
    CHECK(m.business.sales.sales ==
          test::count(db, "SELECT count(*) FROM sale s WHERE refund_of IS NULL AND" + in_period));
    CHECK(m.business.sales.refunds == test::count(db, "SELECT count(*) FROM sale s WHERE "
                                                      "refund_of IS NOT NULL AND" +
                                                          in_period));
    CHECK(m.business.sales.net_ex_vat.ore() ==
          test::count(db, "SELECT sum(total_ore - vat_ore) FROM sale s WHERE" + in_period));
    CHECK(m.business.sales.units == test::count(db, "SELECT sum(l.quantity) FROM sale_line l "
                                                    "JOIN sale s ON s.id = l.sale_id WHERE" +
                                                        in_period));
    const std::string batch_minutes = "(SELECT sum(minutes) FROM contribution c WHERE "
                                      "c.batch_id = b.id)";
    CHECK(as_double(m.business.sold_work) ==
          Approx(real(db, "SELECT sum(a.units * 1.0 * " + batch_minutes +
                              " / b.units) FROM sale_allocation a JOIN sale s ON s.id = "
                              "a.sale_id JOIN batch b ON b.id = a.batch_id WHERE" +
                              in_period)));
    CHECK(as_double(m.business.unsold_work) ==
          Approx(real(db, "SELECT sum(max(b.units - coalesce((SELECT sum(a.units) FROM "
                          "sale_allocation a JOIN sale s ON s.id = a.sale_id WHERE a.batch_id = "
                          "b.id AND s.training = 0 AND s.sold_at < '" +
                              demo.to() + "'), 0), 0) * 1.0 * " + batch_minutes +
                              " / b.units) FROM batch b WHERE b.produced_on <= '" + p.to + "'")));

    // Data completeness: units by how they were tied to a batch.
    CHECK(m.completeness.scanned ==
          test::count(db, "SELECT coalesce(sum(a.units), 0) FROM sale_allocation a JOIN sale s "
                          "ON s.id = a.sale_id WHERE a.batch_id IS NOT NULL AND a.allocated = 0 "
                          "AND" +
                              in_period));
    CHECK(m.completeness.fifo ==
          test::count(db, "SELECT coalesce(sum(a.units), 0) FROM sale_allocation a JOIN sale s "
                          "ON s.id = a.sale_id WHERE a.batch_id IS NOT NULL AND a.allocated = 1 "
                          "AND" +
                              in_period));
    CHECK(m.completeness.none == test::count(db, "SELECT coalesce(sum(a.units), 0) FROM "
                                                 "sale_allocation a JOIN sale s ON s.id = "
                                                 "a.sale_id WHERE a.batch_id IS NULL AND" +
                                                     in_period));
    CHECK(m.completeness.scanned + m.completeness.fifo + m.completeness.none ==
          m.business.sales.units);

    // Society: reach, and estimates only for the kind of move documented for at least five:
    // the five jobs (gain and budget effect), not the one flex job.
    CHECK(m.society.reach == m.people.active_makers);
    CHECK(m.society.reach_share == Approx(static_cast<double>(m.people.active_makers) / 5000));
    REQUIRE(m.society.estimates.size() == 2);
    for (const auto& e : m.society.estimates) {
        CHECK(e.kind == bl::impact::TransitionKind::job);
        CHECK(e.people == 5);
    }
}

TEST_CASE("impact report: one workshop's report counts its goods, its batches and its makers' "
          "hours, as plain SQL does; the weeks add up to the period") {
    Demo demo;
    auto& db = demo.db;
    const auto& p = demo.p;
    const std::string in_period = demo.in_period();
    bl::StoreImpactSource source(db);

    // The whole shop: the weeks' revenue is every line's revenue without VAT.
    const auto all = bl::impact::compute_period(source, p, {}, coefficients());
    bl::Money weeks;
    for (const auto& w : all.weeks)
        weeks += w.revenue;
    CHECK(weeks.ore() == test::count(db, "SELECT sum(l.line_total_ore * 10000 / (10000 + "
                                         "l.vat_rate_bp)) FROM sale_line l JOIN sale s ON s.id "
                                         "= l.sale_id WHERE" +
                                             in_period));

    const auto ws = bl::raw_sql::text(db, "SELECT id FROM workshop WHERE name LIKE 'Keramik%'");
    REQUIRE(ws);
    const auto m = bl::impact::compute_period(source, p, {std::nullopt, *ws}, coefficients());
    const std::string own_goods = " AND l.product_id IN (SELECT id FROM product WHERE "
                                  "workshop_id = '" +
                                  *ws + "')";
    CHECK(m.business.sales.units == test::count(db, "SELECT sum(l.quantity) FROM sale_line l "
                                                    "JOIN sale s ON s.id = l.sale_id WHERE" +
                                                        in_period + own_goods));
    CHECK(m.business.sales.units > 0);
    CHECK(m.business.sales.units < all.business.sales.units);
    CHECK(m.people.minutes ==
          test::count(db, "SELECT sum(c.minutes) FROM contribution c JOIN batch b ON b.id = "
                          "c.batch_id WHERE b.workshop_id = '" +
                              *ws + "' AND c.worked_on BETWEEN '" + p.from + "' AND '" + p.to +
                              "'"));
    CHECK(m.completeness.scanned + m.completeness.fifo + m.completeness.none ==
          test::count(db, "SELECT sum(a.units) FROM sale_allocation a JOIN sale s ON s.id = "
                          "a.sale_id JOIN sale_line l ON l.sale_id = a.sale_id AND l.line_no = "
                          "a.line_no JOIN product p ON p.id = l.product_id LEFT JOIN batch b ON "
                          "b.id = a.batch_id WHERE coalesce(b.workshop_id, p.workshop_id) = '" +
                              *ws + "' AND" + in_period));
    bl::Money ws_weeks;
    for (const auto& w : m.weeks)
        ws_weeks += w.revenue;
    CHECK(ws_weeks.ore() == test::count(db, "SELECT sum(l.line_total_ore * 10000 / (10000 + "
                                            "l.vat_rate_bp)) FROM sale_line l JOIN sale s ON "
                                            "s.id = l.sale_id WHERE" +
                                                in_period + own_goods));
}

TEST_CASE("impact report: the CSV and JSON exports carry each figure with its unit, basis, "
          "label and why it is missing") {
    Demo demo;
    auto& db = demo.db;
    bl::StoreImpactSource source(db);
    const auto m =
        bl::impact::compute_period(source, {"2026-09-01", "2026-11-26"}, {}, coefficients());

    const auto csv = bl::impact::export_csv(m);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0); // a spreadsheet opens it as UTF-8
    const auto rows = bl::parse_csv(csv);
    REQUIRE(rows.ok());
    REQUIRE(rows.value().size() > 20);
    CHECK(rows.value()[0].fields == std::vector<std::string>{"key", "section", "value", "unit",
                                                             "basis", "label", "iris", "missing",
                                                             "period_from", "period_to"});
    std::map<std::string, std::vector<std::string>> by_key;
    for (std::size_t i = 1; i < rows.value().size(); ++i) {
        const auto& f = rows.value()[i].fields;
        REQUIRE(f.size() == 10);
        CHECK(f[8] == "2026-09-01");
        CHECK(f[9] == "2026-11-26");
        CHECK((f[2].empty() != f[7].empty())); // a value, or a reason why not
        by_key[f[0]] = f;
    }
    CHECK(by_key["business.receipts"] ==
          std::vector<std::string>{"business.receipts", "business",
                                   std::to_string(m.business.sales.sales), "receipts", "sales", "M",
                                   "", "", "2026-09-01", "2026-11-26"});
    CHECK(by_key["people.minutes"][2] == std::to_string(m.people.minutes));
    CHECK(by_key["business.net_ex_vat"][2] == std::to_string(m.business.sales.net_ex_vat.ore()));
    CHECK(by_key["business.units"][6] == "PI1263");
    // One documented move to a flex job: a group of one, not given out.
    CHECK(by_key["people.transitions_flex_job"][2].empty());
    CHECK(by_key["people.transitions_flex_job"][7] == "suppressed");
    CHECK(by_key["people.transitions_job"][5] == "S");
    // Five moves to a job: estimates with their label, for 5 people.
    CHECK(by_key["estimate.societal_job.people"][2] == "5");
    CHECK(by_key["estimate.societal_job.central"][5] == "E");
    CHECK(std::stoll(by_key["estimate.societal_job.low"][2]) <=
          std::stoll(by_key["estimate.societal_job.high"][2]));
    CHECK(by_key.count("estimate.budget_job.central") == 1);

    // The JSON has the same figures, as canonical objects.
    const auto json = bl::impact::export_json(m, "2026-11-27T09:00:00Z");
    CHECK(json.find("\"period\":{\"from\":\"2026-09-01\",\"to\":\"2026-11-26\"}") !=
          std::string::npos);
    CHECK(json.find("{\"basis\":\"sales\",\"iris\":null,\"key\":\"business.receipts\","
                    "\"label\":\"M\",\"missing\":null,\"section\":\"business\",\"unit\":"
                    "\"receipts\",\"value\":" +
                    std::to_string(m.business.sales.sales) + "}") != std::string::npos);
    CHECK(json.find("\"key\":\"people.transitions_flex_job\",\"label\":\"S\",\"missing\":"
                    "\"suppressed\"") != std::string::npos);
}

TEST_CASE("impact report: hours are conserved over random batches, sales and refunds, and no "
          "group under five is shown") {
    std::mt19937 rng(20181201);
    for (int round = 0; round < 5; ++round) {
        INFO("round " << round);
        test::Shop s;
        // A few more batches of mugs with random units and minutes, by one or both makers.
        for (int i = 0; i < 4; ++i) {
            bl::Batch b;
            b.product_id = s.mug.id;
            b.workshop_id = s.workshop.id;
            b.produced_on = "2026-11-0" + std::to_string(2 + i);
            b.units = 2 + static_cast<std::int64_t>(rng() % 9);
            b.contributions = {{"", "", s.anna.id, 15 + static_cast<std::int64_t>(rng() % 400),
                                "drejning", b.produced_on}};
            if (rng() % 2)
                b.contributions.push_back({"", "", s.anon.id,
                                           7 + static_cast<std::int64_t>(rng() % 200), "glasering",
                                           b.produced_on});
            auto added = bl::add_batch(*s.db, s.at_station(), b);
            REQUIRE(added.ok());
            REQUIRE(bl::deliver_batch(*s.db, s.at_station(), added.value().id, s.shop.id, b.units)
                        .ok());
        }
        // Random sales, and refunds of some of them.
        std::vector<bl::Sale> sold;
        for (int i = 0; i < 12; ++i) {
            const std::int64_t on_hand = test::count(*s.db, "SELECT sum(on_hand) FROM batch");
            if (on_hand < 1)
                break;
            const std::int64_t q = 1 + static_cast<std::int64_t>(rng() % 3);
            bl::Sale sale;
            sale.lines = {test::Shop::line(s.mug, std::min(q, on_hand))};
            test::Shop::pay(sale, bl::Tender::card);
            auto r = bl::record_sale(*s.db, s.at_till(), sale);
            REQUIRE(r.ok());
            sold.push_back(r.value());
            if (rng() % 3 == 0) {
                const std::int64_t back =
                    1 + static_cast<std::int64_t>(rng() %
                                                  static_cast<unsigned>(sale.lines[0].quantity));
                REQUIRE(bl::record_sale(*s.db, s.at_till(), s.refund_of(r.value(), 1, back)).ok());
            }
        }
        bl::StoreImpactSource source(*s.db);
        const bl::impact::Period p{"2026-01-01", "2030-12-31"}; // everything
        const auto m = bl::impact::compute_period(source, p, {}, coefficients());
        // Sold (net of refunds) + still in stock = everything logged, batch by batch summed.
        const double logged = real(*s.db, "SELECT sum(minutes) FROM contribution");
        CHECK(as_double(m.business.sold_work + m.business.unsold_work) == Approx(logged));
        // Two makers in all: no spread, retention or per-workshop count is shown.
        CHECK_FALSE(m.people.hours_per_maker.has_value());
        CHECK_FALSE(m.people.retention.has_value());
        for (const auto& w : m.workshops)
            CHECK_FALSE(w.makers.has_value());
        CHECK(m.society.estimates.empty());
    }
}
