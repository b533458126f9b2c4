#include <map>

#include <catch2/catch.hpp>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"

namespace {
struct Danish : bl::Translator {
    std::map<std::string, std::string> table;
    std::string_view translate(const char* id) const override {
        auto it = table.find(id);
        return it == table.end() ? std::string_view() : std::string_view(it->second);
    }
};
} // namespace

TEST_CASE("messages fill their %s arguments in order and by position") {
    CHECK(bl::format_message("%s of %s", {"2", "5"}) == "2 of 5");
    CHECK(bl::format_message("%2$s før %1$s", {"a", "b"}) == "b før a");
    CHECK(bl::format_message("100 %% sure %s", {"x"}) == "100 % sure x");
    CHECK(bl::format_message("missing %s and %s", {"one"}) == "missing one and %s");
    CHECK(bl::format_message("%9$s stays", {"a"}) == "%9$s stays");
}

TEST_CASE("messages are translated at the edge, with English as the fallback") {
    Danish da;
    da.table["Journal row %s is missing."] = "Journalrække %s mangler.";
    CHECK(bl::render(bl::Message("Journal row %s is missing.", {"7"}), &da) ==
          "Journalrække 7 mangler.");
    CHECK(bl::render(bl::Message("Untranslated %s", {"x"}), &da) == "Untranslated x");
}

TEST_CASE("CVR numbers pass the modulus-11 check") {
    CHECK(bl::is_valid_cvr("24256790"));
    CHECK(bl::is_valid_cvr("12345674"));
    CHECK_FALSE(bl::is_valid_cvr("24256791"));
    CHECK_FALSE(bl::is_valid_cvr("2425679"));
    CHECK_FALSE(bl::is_valid_cvr("2425679a"));
    CHECK_FALSE(bl::is_valid_cvr("02425679"));
}

TEST_CASE("roles rank organiser over workshop leader over staff") {
    using bl::StaffRole;
    CHECK(bl::role_at_least(StaffRole::organiser, StaffRole::staff));
    CHECK(bl::role_at_least(StaffRole::workshop_leader, StaffRole::workshop_leader));
    CHECK_FALSE(bl::role_at_least(StaffRole::staff, StaffRole::workshop_leader));
    CHECK(bl::staff_role_from("organiser") == StaffRole::organiser);
    CHECK_FALSE(bl::staff_role_from("admin").has_value());
    CHECK(bl::to_string(bl::Tender::mobilepay) == "mobilepay");
}

TEST_CASE("sentences about a count choose their form: English's rule without a translation") {
    auto items = [](std::int64_t n) {
        return bl::Message::plural("%s item", "%s items", n, {std::to_string(n)});
    };
    CHECK(bl::render(items(1)) == "1 item");
    CHECK(bl::render(items(0)) == "0 items");
    CHECK(bl::render(items(2)) == "2 items");
    Danish none; // a catalogue without this sentence: English
    CHECK(bl::render(items(3), &none) == "3 items");
}
