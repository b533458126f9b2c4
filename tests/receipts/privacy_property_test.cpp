// Properties of every impact document over random workshops: random numbers of makers with
// random made-up names and random consent on each channel, random batches, sales, refunds and
// documented transitions. Whatever the data:
// - a maker is named on an impact receipt only with consent on the receipt channel, and the
//   period report and its CSV and JSON name nobody;
// - a maker's statement names that maker and no other;
// - no output shows a count of people between 1 and 4, nor the hours, spread or tasks of a
//   group under 5;
// - every estimate is for 5 or more people, carries the label E and a low <= central <= high
//   range in kroner.

#include <random>
#include <set>

#include <catch2/catch.hpp>

#include "../store/fixture.hpp"
#include "receipts/app/report_data.hpp"
#include "receipts/layout/impact_documents.hpp"
#include "receipts/pdf/pdf_document.hpp"
#include "shared/impact/coefficients.hpp"
#include "shared/impact/export.hpp"
#include "shared/store/impact_source.hpp"
#include "shared/store/transitions.hpp"

namespace {

const bl::Timestamp generated = *bl::parse_utc("2026-12-01T08:00:00Z");
const bl::impact::Period year{"2026-01-01", "2026-12-31"};

// The text a reader sees: every piece of text placed on the pages.
std::string text_of(const bl::doc::Document& d) {
    std::string out;
    for (const auto& page : bl::doc::lay_out(d, bl::receipts::pdf_measure()))
        for (const auto& item : page.items)
            if (const auto* t = std::get_if<bl::doc::PlacedText>(&item))
                out += t->text + "\n";
    return out;
}

// A made-up name no document would print by chance: "Zuvrek".
std::string made_up_name(std::mt19937& rng) {
    static const std::string consonants = "bdfgkvxz", vowels = "aeiouy";
    std::string n = "Z";
    for (int i = 0; i < 3; ++i) {
        n += vowels[rng() % vowels.size()];
        n += consonants[rng() % consonants.size()];
    }
    return n;
}

struct Person {
    bl::Maker maker;
    bl::ConsentLevel receipt = bl::ConsentLevel::counted_only;
};

bl::ConsentLevel random_level(std::mt19937& rng) {
    // Half of all makers have not said yes (as in life, most are counted only).
    const auto r = rng() % 8;
    return r < 4 ? bl::ConsentLevel::counted_only : static_cast<bl::ConsentLevel>(1 + r % 3);
}

} // namespace

TEST_CASE("privacy and suppression hold on every document over random workshops") {
    auto coefficients = bl::impact::Coefficients::load(BL_SOURCE_ASSETS "/impact/coefficients.csv");
    REQUIRE(coefficients.ok());
    std::mt19937 rng(20261130);
    int named_somewhere = 0, small_groups = 0, large_groups = 0, estimates_seen = 0;

    for (int round = 0; round < 12; ++round) {
        INFO("round " << round);
        test::Shop s;
        // The fixture's two makers (Anna and Prik) never consented; add 0 to 8 more.
        std::vector<Person> people{{s.anna, {}}, {s.anon, {}}};
        // Every third round documents a move for every maker, so that estimates appear.
        const bool many_moves = round % 3 == 0;
        const auto extra = many_moves ? 4 + rng() % 5 : rng() % 9;
        std::set<std::string> names{"Anna", "Prik"};
        for (unsigned i = 0; i < extra; ++i) {
            std::string name = made_up_name(rng);
            while (!names.insert(name).second)
                name = made_up_name(rng);
            auto m = bl::add_maker(*s.db, s.at_station(), bl::Maker{"", s.workshop.id, name, true});
            REQUIRE(m.ok());
            Person p{m.value(), random_level(rng)};
            REQUIRE(bl::record_consent(*s.db, s.at_station(), p.maker.id,
                                       bl::ConsentChannel::receipt, p.receipt)
                        .ok());
            // Consent on reports and the web is given at random too; no document here may
            // use it to name anyone.
            REQUIRE(bl::record_consent(*s.db, s.at_station(), p.maker.id,
                                       bl::ConsentChannel::report, random_level(rng))
                        .ok());
            people.push_back(p);
        }
        // Batches of mugs by random groups of makers, delivered to the shop.
        for (int b = 0; b < 5; ++b) {
            bl::Batch batch;
            batch.product_id = s.mug.id;
            batch.workshop_id = s.workshop.id;
            batch.produced_on = "2026-11-1" + std::to_string(b);
            batch.units = 1 + static_cast<std::int64_t>(rng() % 6);
            for (const auto& p : people)
                if (rng() % 2 == 0)
                    batch.contributions.push_back(
                        {"", "", p.maker.id, 20 + static_cast<std::int64_t>(rng() % 300),
                         rng() % 2 ? "drejning" : "glasering", batch.produced_on});
            if (batch.contributions.empty())
                batch.contributions.push_back(
                    {"", "", people[0].maker.id, 45, "drejning", batch.produced_on});
            auto added = bl::add_batch(*s.db, s.at_station(), batch);
            REQUIRE(added.ok());
            REQUIRE(
                bl::deliver_batch(*s.db, s.at_station(), added.value().id, s.shop.id, batch.units)
                    .ok());
        }
        // Documented transitions for some makers who agreed.
        for (const auto& p : people)
            if (many_moves || rng() % 3 == 0)
                REQUIRE(bl::record_transition(*s.db, s.at_station(), p.maker.id,
                                              many_moves || rng() % 2
                                                  ? bl::impact::TransitionKind::job
                                                  : bl::impact::TransitionKind::flex_job,
                                              "2026-11-20", true)
                            .ok());
        // Sales, scanned or not, and a refund now and then.
        const auto batches = bl::list_batches(*s.db, s.mug.id);
        for (int i = 0; i < 8; ++i) {
            std::optional<std::string> scanned;
            if (rng() % 2 && !batches.empty())
                scanned = batches[rng() % batches.size()].id;
            const auto sale = s.sell({test::Shop::line(s.mug, 1 + rng() % 2, scanned)});
            if (rng() % 4 == 0)
                REQUIRE(bl::record_sale(*s.db, s.at_till(), s.refund_of(sale, 1, 1)).ok());
        }

        // Impact receipts: named only with consent on receipts.
        std::string receipts;
        for (const auto& id : bl::report::sales_in(*s.db, year, std::nullopt)) {
            const auto data = bl::report::impact_receipt_data(*s.db, id, generated);
            REQUIRE(data);
            receipts += text_of(bl::doc::impact_receipt(*data));
        }
        for (const auto& p : people) {
            INFO(p.maker.display_name);
            if (p.receipt == bl::ConsentLevel::counted_only)
                CHECK(receipts.find(p.maker.display_name) == std::string::npos);
            else if (receipts.find(p.maker.display_name) != std::string::npos)
                ++named_somewhere;
        }

        // The period report, its CSV and its JSON: nobody by name.
        auto data =
            bl::report::period_report_data(*s.db, year, {}, coefficients.value(), generated);
        REQUIRE(data.ok());
        const auto& m = data.value().metrics;
        const std::string report = text_of(bl::doc::period_report(data.value())) +
                                   bl::impact::export_csv(m) +
                                   bl::impact::export_json(m, "2026-12-01T08:00:00Z");
        for (const auto& p : people) {
            INFO(p.maker.display_name);
            CHECK(report.find(p.maker.display_name) == std::string::npos);
        }

        // No group under 5 in the rows; no hours of a small group; estimates labelled.
        const bool small = m.people.active_makers < 5;
        (small ? small_groups : large_groups) += 1;
        for (const auto& row : bl::impact::export_rows(m)) {
            INFO(row.key);
            if (row.unit == "makers" && row.value && row.key.rfind("estimate.", 0) != 0) {
                CHECK((*row.value == 0 || *row.value >= 5));
            }
            if (small &&
                (row.key == "people.minutes" || row.key == "people.fte" ||
                 row.key.rfind("people.hours_per_maker", 0) == 0 || row.key == "people.task_tags"))
                CHECK_FALSE(row.value.has_value());
            if (row.section == "estimate") {
                CHECK(row.label == (row.unit == "kroner" ? "E" : "S"));
                if (row.unit == "makers")
                    CHECK(row.value.value_or(0) >= 5);
            }
        }
        for (const auto& e : m.society.estimates) {
            ++estimates_seen;
            CHECK(e.people >= 5);
            CHECK(e.low <= e.central);
            CHECK(e.central <= e.high);
        }
        if (small)
            CHECK(m.society.estimates.empty());
        // The report says why there is no estimate, or shows the estimates as a labelled table.
        CHECK((report.find("Hvert skøn er: antal personer") != std::string::npos) ==
              !m.society.estimates.empty());
        CHECK((report.find("Der er ikke dokumenteret mindst 5 overgange") != std::string::npos) ==
              m.society.estimates.empty());

        // Each maker's statement names that maker and nobody else.
        for (const auto& p : people) {
            auto st = bl::report::maker_statement_data(*s.db, p.maker.id, year, generated);
            REQUIRE(st.ok());
            const auto text = text_of(bl::doc::maker_statement(st.value()));
            CHECK(text.find(p.maker.display_name) != std::string::npos);
            for (const auto& other : people)
                if (other.maker.id != p.maker.id) {
                    INFO(p.maker.display_name << " / " << other.maker.display_name);
                    CHECK(text.find(other.maker.display_name) == std::string::npos);
                }
        }
    }
    // The rounds covered both sides of every rule.
    CHECK(named_somewhere > 0);
    CHECK(small_groups > 0);
    CHECK(large_groups > 0);
    CHECK(estimates_seen > 0);
}
