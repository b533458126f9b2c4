#include <cstdint>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "shared/core/text.hpp"

TEST_CASE("names are trimmed and runs of spaces folded") {
    auto r = bl::clean_text("  Anna \t  Holm\xC2\xA0 ", bl::name_rules);
    REQUIRE(r.ok());
    CHECK(r.value() == "Anna Holm");
}

TEST_CASE("length limits count characters, not bytes") {
    const bl::TextRules rules{1, 5, false, "Navnet"};
    CHECK(bl::clean_text("ææææø", rules).ok());
    auto r = bl::clean_text("ææææøå", rules);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(bl::render(r.error()),
               Catch::Contains("Navnet: at most 5 characters (there are 6)"));
    auto empty = bl::clean_text("   ", rules);
    REQUIRE_FALSE(empty.ok());
    CHECK_THAT(bl::render(empty.error()), Catch::Contains("please fill this in"));
    CHECK(bl::clean_text("", bl::note_rules).ok());
}

TEST_CASE("text that hides or reorders itself is refused") {
    struct Case {
        const char* text;
        const char* reason;
    };
    const Case bad[] = {
        {"Anna\x07", "control character"},
        {"Anna\xC2\x85", "control character"},
        {"Anna\x7F", "control character"},
        {"abc\xE2\x80\xAEgnp.exe", "text direction"}, // U+202E RIGHT-TO-LEFT OVERRIDE
        {"ab\xE2\x81\xA6"
         "c",
         "text direction"},                // U+2066 LEFT-TO-RIGHT ISOLATE
        {"An\xE2\x80\x8Bna", "invisible"}, // U+200B ZERO WIDTH SPACE
        {"\xEF\xBB\xBF"
         "Anna",
         "invisible"},                           // U+FEFF
        {"An\xC2\xADna", "invisible"},           // soft hyphen
        {"Anna\xEE\x80\x80", "cannot be shown"}, // private use
        {"line\nbreak", "one line"},
        {"\xC0\xAF", "cannot be read"},         // overlong '/'
        {"\xED\xA0\x80", "cannot be read"},     // surrogate
        {"\xF4\x90\x80\x80", "cannot be read"}, // above U+10FFFF
        {"abc\xE2\x82", "cannot be read"},      // truncated
        {"\xFF", "cannot be read"},
    };
    for (const auto& c : bad) {
        INFO(c.text);
        auto r = bl::clean_text(c.text, bl::name_rules);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(bl::render(r.error()), Catch::Contains(c.reason));
        CHECK_THAT(bl::render(r.error()), Catch::StartsWith("Name: "));
    }
}

TEST_CASE("notes keep their lines but lose trailing spaces and blank ends") {
    auto r = bl::clean_text("\r\n  Første linje  \r\nAnden\r\n\r\n", bl::note_rules);
    REQUIRE(r.ok());
    CHECK(r.value() == "Første linje\nAnden");
}

TEST_CASE("search folding makes Danish spellings meet") {
    CHECK(bl::search_fold("Æblekage") == bl::search_fold("aeblekage"));
    CHECK(bl::search_fold("æble") == "aeble");
    CHECK(bl::search_fold("Skål") == bl::search_fold("skaal"));
    CHECK(bl::search_fold("SMØRKNIV") == bl::search_fold("smoerkniv"));
    CHECK(bl::search_fold("Café") == "cafe");
    CHECK(bl::search_fold("Krus") == "krus");
}

TEST_CASE("UTF-8 length and validity") {
    CHECK(bl::utf8_length("blå") == 3);
    CHECK(bl::is_valid_utf8("Ærø 🏺"));
    CHECK_FALSE(bl::is_valid_utf8("\xC3"));
}

TEST_CASE("text wraps at spaces to a width in characters") {
    CHECK(bl::wrap_words("Krus med hank, blå glasur", 19) ==
          std::vector<std::string>{"Krus med hank, blå", "glasur"});
    CHECK(bl::wrap_words("Bidrag til værkstedernes materialer", 19) ==
          std::vector<std::string>{"Bidrag til", "værkstedernes", "materialer"});
    CHECK(bl::wrap_words("Fuglekassebygningssæt", 10) ==
          std::vector<std::string>{"Fuglekassebygningssæt"});
    CHECK(bl::wrap_words("  to   ord ", 20) == std::vector<std::string>{"to ord"});
    CHECK(bl::wrap_words("", 20).empty());
}

TEST_CASE("split keeps empty pieces; whole numbers are read strictly") {
    using V = std::vector<std::string_view>;
    CHECK(bl::split("a;;b", ';') == V{"a", "", "b"});
    CHECK(bl::split("", ';') == V{""});
    CHECK(bl::split("line;", ';') == V{"line", ""});
    CHECK(bl::split("x\ny", '\n') == V{"x", "y"});
    CHECK(bl::parse_whole_number("18900") == 18900);
    CHECK(bl::parse_whole_number("-5") == -5);
    CHECK(bl::parse_whole_number("9223372036854775807") == INT64_MAX);
    for (const char* bad : {"", " 1", "1 ", "+1", "1.0", "12a", "9223372036854775808", "-"})
        CHECK_FALSE(bl::parse_whole_number(bad));
}
