#include <catch2/catch.hpp>

#include "fixture.hpp"

using test::count;

TEST_CASE("a till never stores makers' real names") {
    test::Shop s(false);
    auto r = bl::add_maker(*s.db, s.at_station(), bl::Maker{"", s.workshop.id, "Sol", true},
                           bl::MakerPrivate{"", "Solveig Hansen", "", "", ""});
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(bl::render(r.error()), Catch::Contains("never stores makers' real names"));
    CHECK(count(*s.db, "SELECT count(*) FROM maker WHERE display_name = 'Sol'") == 0);
    // Not even through raw SQL.
    CHECK_THROWS_WITH(test::exec(*s.db, "INSERT INTO maker_private(maker_id, real_name) VALUES ('" +
                                            s.anna.id + "', 'Anna Holm')"),
                      Catch::Contains("never stored on a till"));
}

TEST_CASE("makers are counted, not named, until they consent; consent is versioned") {
    test::Shop s(false);
    auto& db = *s.db;
    CHECK(bl::current_consent(db, s.anna.id, bl::ConsentChannel::receipt) ==
          bl::ConsentLevel::counted_only);
    auto c1 = bl::record_consent(db, s.at_station(), s.anna.id, bl::ConsentChannel::receipt,
                                 bl::ConsentLevel::chosen_name);
    REQUIRE(c1.ok());
    CHECK(c1.value().version == 1);
    CHECK(bl::current_consent(db, s.anna.id, bl::ConsentChannel::receipt) ==
          bl::ConsentLevel::chosen_name);
    CHECK(bl::current_consent(db, s.anna.id, bl::ConsentChannel::report) ==
          bl::ConsentLevel::counted_only);
    auto c2 = bl::record_consent(db, s.at_station(), s.anna.id, bl::ConsentChannel::receipt,
                                 bl::ConsentLevel::counted_only);
    REQUIRE(c2.ok());
    CHECK(c2.value().version == 2);
    CHECK(bl::current_consent(db, s.anna.id, bl::ConsentChannel::receipt) ==
          bl::ConsentLevel::counted_only);
    CHECK(bl::consent_history(db, s.anna.id).size() == 2);
    // Consent needs a person to record it.
    CHECK_FALSE(bl::record_consent(db, {s.station.id, {}}, s.anna.id, bl::ConsentChannel::receipt,
                                   bl::ConsentLevel::chosen_name)
                    .ok());
}

TEST_CASE("the journal knows makers by id only") {
    test::Shop s(false);
    CHECK(count(*s.db, "SELECT count(*) FROM journal WHERE payload LIKE '%Anna%'") == 0);
    CHECK(count(*s.db, "SELECT count(*) FROM journal WHERE payload LIKE '%" + s.anna.id + "%'") >
          0);
}

TEST_CASE("erasing a maker wipes personal data but keeps hours and the journal intact") {
    test::TempDir dir;
    bl::Database db(dir.file("station.db"));
    auto st = bl::initialise_local_device(
        db, bl::Device{"", "Station", bl::DeviceRole::workshop, 101, {}, {}}, std::nullopt,
        bl::Workshop{"", "Tekstilværkstedet", "tekstil", ""});
    REQUIRE(st.ok());
    auto leader = bl::add_staff(
        db, {st.value().id, {}},
        bl::StaffUser{"", "Jonas", bl::StaffRole::workshop_leader, test::demo_pin_hash(), true});
    const bl::Actor actor{st.value().id, leader.value().id};
    auto m = bl::add_maker(db, actor, bl::Maker{"", *st.value().workshop_id, "Uglen", true},
                           bl::MakerPrivate{"", "Ulla Nielsen", "20 30 40 50", "", "Jeg væver."});
    REQUIRE(m.ok());
    REQUIRE(bl::record_consent(db, actor, m.value().id, bl::ConsentChannel::receipt,
                               bl::ConsentLevel::first_name_story)
                .ok());
    bl::Product p;
    p.sku = "TEK-006";
    p.name = "Tørklæde";
    p.price = bl::Money::from_ore(44900);
    p.workshop_id = *st.value().workshop_id;
    auto prod = bl::add_product(db, actor, p);
    bl::Batch b;
    b.product_id = prod.value().id;
    b.workshop_id = *st.value().workshop_id;
    b.produced_on = "2026-11-02";
    b.units = 4;
    b.contributions = {{"", "", m.value().id, 240, "vævning", ""}};
    auto batch = bl::add_batch(db, actor, b);
    REQUIRE(batch.ok());
    CHECK(count(db, "SELECT count(*) FROM outbox WHERE payload LIKE '%Ulla%'") == 1);

    auto e = bl::erase_maker(db, actor, m.value().id);
    REQUIRE(e.ok());
    CHECK(bl::find_maker(db, m.value().id)->display_name.empty());
    CHECK_FALSE(bl::find_maker_private(db, m.value().id).has_value());
    CHECK(bl::current_consent(db, m.value().id, bl::ConsentChannel::receipt) ==
          bl::ConsentLevel::counted_only);
    CHECK(count(db, "SELECT count(*) FROM outbox WHERE payload LIKE '%Ulla%' OR payload LIKE "
                    "'%Uglen%' OR payload LIKE '%20 30 40 50%'") == 0);
    CHECK(bl::batch_minutes(db, batch.value().id) == 240);
    CHECK(bl::verify_journal(db, st.value().id).ok);
    // An erased record cannot be given a name again.
    CHECK_FALSE(bl::record_consent(db, actor, m.value().id, bl::ConsentChannel::receipt,
                                   bl::ConsentLevel::chosen_name)
                    .ok());
}

TEST_CASE("bad names and PIN hashes are refused with a reason and change nothing") {
    test::Shop s(false);
    const std::int64_t before = count(*s.db, "SELECT count(*) FROM journal");
    auto r = bl::add_staff(
        *s.db, {s.till.id, {}},
        bl::StaffUser{"", "Mette\xE2\x80\xAE", bl::StaffRole::staff, test::demo_pin_hash(), true});
    REQUIRE_FALSE(r.ok());
    auto plain = bl::add_staff(*s.db, {s.till.id, {}},
                               bl::StaffUser{"", "Bo", bl::StaffRole::staff, "2468", true});
    REQUIRE_FALSE(plain.ok());
    CHECK(count(*s.db, "SELECT count(*) FROM journal") == before);
    CHECK(count(*s.db, "SELECT count(*) FROM staff_user") == 2);
}
