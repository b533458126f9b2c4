#include <set>

#include <catch2/catch.hpp>

#include "shared/core/uuid.hpp"

TEST_CASE("UUIDv7 ids are well-formed, unique and sort in creation order") {
    bl::UuidGenerator gen;
    std::set<std::string> seen;
    std::string prev;
    for (int i = 0; i < 5000; ++i) {
        const std::string id = gen.next();
        REQUIRE(bl::is_uuid(id));
        CHECK(id[14] == '7');
        CHECK((id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b'));
        CHECK(id > prev);
        prev = id;
        seen.insert(id);
    }
    CHECK(seen.size() == 5000);
}

TEST_CASE("UUIDv7 carries its millisecond and keeps order when the clock stands still or "
          "steps back") {
    std::int64_t now = 1'790'000'000'000;
    bl::UuidGenerator gen(42, [&now] { return now; });
    const std::string a = gen.next();
    CHECK(bl::uuid7_millis(a) == now);
    const std::string b = gen.next();
    now -= 5000; // the clock is set back
    const std::string c = gen.next();
    CHECK(a < b);
    CHECK(b < c);
}

TEST_CASE("a seeded generator with a fixed clock repeats itself exactly") {
    bl::UuidGenerator g1(7, [] { return std::int64_t{1'790'000'000'000}; });
    bl::UuidGenerator g2(7, [] { return std::int64_t{1'790'000'000'000}; });
    for (int i = 0; i < 10; ++i)
        CHECK(g1.next() == g2.next());
    CHECK_FALSE(bl::is_uuid("not-a-uuid"));
    CHECK_FALSE(bl::is_uuid("0190F5C2-7B1E-7C3A-9D2F-1A2B3C4D5E6F"));
    CHECK(bl::uuid7_millis("0190f5c2-7b1e-4c3a-9d2f-1a2b3c4d5e6f") == -1);
}
