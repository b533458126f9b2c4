#include <map>

#include <catch2/catch.hpp>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/text.hpp"

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

TEST_CASE("echoed input is cut at a character boundary, kept short, and always valid UTF-8") {
    // Defect 11: a cut at 40 bytes split the 'ø' at bytes 39-40, and wx showed nothing.
    const std::string typed = std::string(39, 'a') + "øre og mere tekst efter";
    REQUIRE(typed.substr(0, 40).size() == 40);
    CHECK_FALSE(bl::is_valid_utf8(typed.substr(0, 40)));
    const std::string shown = bl::echo_input(typed);
    CHECK(bl::is_valid_utf8(shown));
    CHECK(bl::utf8_length(shown) == 40);
    CHECK(shown == std::string(39, 'a') + "…");
    // Short input is shown whole; exactly 40 characters are not cut.
    CHECK(bl::echo_input("blå kop") == "blå kop");
    const std::string forty = std::string(38, 'x') + "æø";
    CHECK(bl::echo_input(forty) == forty);
    // A megabyte is echoed as 40 characters.
    CHECK(bl::echo_input(std::string(1 << 20, '7')).size() == 39 + std::string("…").size());
    // Broken bytes, control characters and direction overrides become U+FFFD.
    CHECK(bl::echo_input("a\xff"
                         "b") == "a\xEF\xBF\xBD"
                                 "b");
    CHECK(bl::echo_input("a\nb\x7f") == "a\xEF\xBF\xBD"
                                        "b\xEF\xBF\xBD");
    CHECK(bl::echo_input("ab\xE2\x80\xAE"
                         "cd") == "ab\xEF\xBF\xBD"
                                  "cd");
    CHECK(bl::echo_input("\xC3") == "\xEF\xBF\xBD"); // a character cut off by the input's end
    CHECK(bl::echo_input("abc", 0).empty());
}

TEST_CASE("a field is shortened without cutting a character in two") {
    const std::string ref = std::string(39, '1') + "øx";
    CHECK(bl::utf8_prefix(ref, 40) == std::string(39, '1') + "ø");
    CHECK(bl::utf8_prefix("æøå", 2) == "æø");
    CHECK(bl::utf8_prefix("abc", 10) == "abc");
    CHECK(bl::utf8_prefix("abc", 0).empty());
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
