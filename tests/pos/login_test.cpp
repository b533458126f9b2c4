#include <catch2/catch.hpp>

#include "../store/fixture.hpp"
#include "pos/model/login.hpp"

namespace {

// The app's wiring, over the real store.
struct StoreStaff : bl::pos::StaffAccess {
    bl::Database& db;
    std::string device;
    bl::LockoutPolicy policy;
    StoreStaff(bl::Database& d, std::string dev) : db(d), device(std::move(dev)) {}
    std::optional<bl::StaffUser> find(const std::string& id) override {
        return bl::find_staff(db, id);
    }
    std::optional<bl::Timestamp> locked_until(const std::string& id) override {
        auto st = bl::login_state(db, id);
        return st ? st->locked_until : std::nullopt;
    }
    bl::Result<Recorded, bl::Message> record(const std::string& id, bool success,
                                             bool approval) override {
        auto r = bl::record_login_attempt(db, device, id, success, policy, approval);
        if (!r)
            return bl::err(r.error());
        return Recorded{r.value().failed_attempts, r.value().locked_until};
    }
    int max_failures() const override { return policy.max_failures; }
};

} // namespace

TEST_CASE("the right PIN logs in and is journaled") {
    test::Shop s(false);
    StoreStaff staff(*s.db, s.till.id);
    auto r = bl::pos::log_in(staff, s.clerk.id, "2468", s.db->clock());
    REQUIRE(r.ok());
    CHECK(r.value().name == "Mette");
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'login'") == 1);
}

TEST_CASE("wrong PINs count down, then lock the person out, also after a restart") {
    test::Shop s(false);
    bl::Timestamp now = *bl::parse_utc("2026-11-27T13:00:00Z");
    s.db->clock = [&now] { return now; };
    StoreStaff staff(*s.db, s.till.id);
    for (int i = 1; i <= 3; ++i) {
        auto r = bl::pos::log_in(staff, s.clerk.id, "1111", now);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(bl::render(r.error()),
                   Catch::Contains("(" + std::to_string(5 - i) + " tries left)"));
    }
    CHECK_THAT(bl::render(bl::pos::log_in(staff, s.clerk.id, "1111", now).error()),
               Catch::Contains("One more wrong try"));
    auto locked = bl::pos::log_in(staff, s.clerk.id, "1111", now);
    REQUIRE_FALSE(locked.ok());
    CHECK_THAT(bl::render(locked.error()), Catch::Contains("27.11.2026 14:15"));
    // Even the right PIN is refused while locked, and that is not counted again.
    const std::int64_t journal_rows = test::count(*s.db, "SELECT count(*) FROM journal");
    CHECK_FALSE(bl::pos::log_in(staff, s.clerk.id, "2468", now).ok());
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal") == journal_rows);
    // A restart keeps the lock.
    const std::string path = s.db->path();
    s.db.reset();
    s.db = std::make_unique<bl::Database>(path);
    s.db->clock = [&now] { return now; };
    StoreStaff again(*s.db, s.till.id);
    CHECK_FALSE(bl::pos::log_in(again, s.clerk.id, "2468", now).ok());
    // After the lock time the right PIN works and resets the count.
    now += std::chrono::minutes(16);
    CHECK(bl::pos::log_in(again, s.clerk.id, "2468", now).ok());
    CHECK(bl::login_state(*s.db, s.clerk.id)->failed_attempts == 0);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'login_failed'") == 4);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'staff_locked'") == 1);
    CHECK(bl::verify_journal(*s.db, s.till.id).ok);
}

TEST_CASE("unknown people and empty PINs get a clear message") {
    test::Shop s(false);
    StoreStaff staff(*s.db, s.till.id);
    CHECK_THAT(bl::render(bl::pos::log_in(staff, "nobody", "2468", s.db->clock()).error()),
               Catch::Contains("not a user"));
    CHECK_THAT(bl::render(bl::pos::log_in(staff, s.clerk.id, "", s.db->clock()).error()),
               Catch::Contains("Type your PIN"));
    CHECK(bl::login_state(*s.db, s.clerk.id)->failed_attempts == 0);
}
