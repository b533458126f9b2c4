#include <cstdint>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "shared/core/canonical_json.hpp"
#include "shared/core/sha256.hpp"

TEST_CASE("canonical JSON sorts keys, has no spaces and escapes only what it must") {
    bl::JsonObject o{{"b", 2},
                     {"a", bl::JsonArray{1, "x", nullptr, true}},
                     {"æ", "blå \"glasur\"\n\t\x01"},
                     {"A", bl::JsonObject{{"z", false}, {"y", std::int64_t{-9007199254740993}}}}};
    CHECK(bl::JsonValue(o).dump() ==
          "{\"A\":{\"y\":-9007199254740993,\"z\":false},\"a\":[1,\"x\",null,true],\"b\":2,"
          "\"æ\":\"blå \\\"glasur\\\"\\n\\t\\u0001\"}");
    // Escapes at the start and end of a string, back to back, and the extreme integers.
    CHECK(bl::JsonValue(bl::JsonArray{"\\a\\", "\"\"", "\x1f", "", std::int64_t{INT64_MIN},
                                      std::int64_t{INT64_MAX}, 0})
              .dump() == "[\"\\\\a\\\\\",\"\\\"\\\"\",\"\\u001f\",\"\","
                         "-9223372036854775808,9223372036854775807,0]");
}

TEST_CASE("the same data gives the same bytes however it was built") {
    bl::JsonObject a;
    a.emplace("units", 3);
    a.emplace("batch_id", "x");
    bl::JsonObject b{{"batch_id", "x"}, {"units", 3}};
    CHECK(bl::JsonValue(a).dump() == bl::JsonValue(b).dump());
}

TEST_CASE("SHA-256 matches the published test vectors") {
    CHECK(bl::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(bl::sha256_hex("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // In pieces, as the journal hashes its fields: the same as the whole.
    CHECK(bl::sha256_hex({"a", "", "bc"}) ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const std::string long_text(1000, 'q');
    CHECK(bl::sha256_hex({std::string_view(long_text).substr(0, 333),
                          std::string_view(long_text).substr(333)}) == bl::sha256_hex(long_text));
}

TEST_CASE("JSON reads back what dump() wrote, and nothing loose") {
    const bl::JsonValue v(bl::JsonObject{
        {"b", bl::JsonArray{1, -2, std::int64_t{9223372036854775807}, "x", nullptr, true, false}},
        {"a", bl::JsonObject{{"æ", "blå \"glasur\"\n\t\x01\\/"}, {"e", bl::JsonArray{}}}},
        {"c", bl::JsonObject{}}});
    const std::string text = v.dump();
    auto back = bl::parse_json(text);
    REQUIRE(back);
    CHECK(*back == v);
    CHECK(back->dump() == text);
    CHECK(*back->find("a")->find("æ")->as_string() == "blå \"glasur\"\n\t\x01\\/");
    CHECK(back->find("b")->as_array()->size() == 7);
    CHECK(back->find("nope") == nullptr);
    CHECK(back->find("b")->find("x") == nullptr);

    // Escapes and spaces other writers use are read too.
    auto loose = bl::parse_json(" { \"k\" : [ \"\\u00e6\\ud83d\\ude00\\/\" , -0 ] } ");
    REQUIRE(loose);
    CHECK(loose->dump() == "{\"k\":[\"æ😀/\",0]}");

    for (const char* bad : {"",
                            "{",
                            "[1,]",
                            "{\"a\":1,}",
                            "01",
                            "1.5",
                            "1e3",
                            "+1",
                            "--1",
                            "\"\\ud800\"",
                            "\"\\udc00x\"",
                            "\"a\x01\"",
                            "\"\xff\"",
                            "\"\\x\"",
                            "{\"a\":1,\"a\":2}",
                            "nul",
                            "true false",
                            "9223372036854775808",
                            "{1:2}",
                            "[1 2]",
                            "\"abc"}) {
        INFO(bad);
        CHECK_FALSE(bl::parse_json(bad));
    }
    CHECK(bl::parse_json(std::string(64, '[') + std::string(64, ']')));
    CHECK_FALSE(bl::parse_json(std::string(65, '[') + std::string(65, ']')));
}

TEST_CASE("the canonical writer writes what dump() writes, and refuses keys out of order") {
    std::string out;
    bl::CanonicalWriter w(out);
    w.begin_object();
    w.key("A").begin_object();
    w.key("y").value(std::int64_t{-9007199254740993});
    w.key("z").value(false);
    w.end_object();
    w.key("a").begin_array();
    w.value(1);
    w.value("x");
    w.null();
    w.value(true);
    w.begin_array();
    w.end_array();
    w.begin_object();
    w.end_object();
    w.end_array();
    w.key("b").value(2);
    w.key("æ").value("blå \"glasur\"\n\t\x01");
    w.end_object();
    const bl::JsonObject same{
        {"b", 2},
        {"a", bl::JsonArray{1, "x", nullptr, true, bl::JsonArray{}, bl::JsonObject{}}},
        {"æ", "blå \"glasur\"\n\t\x01"},
        {"A", bl::JsonObject{{"z", false}, {"y", std::int64_t{-9007199254740993}}}}};
    CHECK(out == bl::JsonValue(same).dump());

    // Not canonical, so not written: a key after a greater one, the same key twice, a member
    // without a key, a key in an array, an object closed as an array.
    std::string t;
    bl::CanonicalWriter bad(t);
    bad.begin_object();
    bad.key("b").value(1);
    CHECK_THROWS_AS(bad.key("a"), std::logic_error);
    CHECK_THROWS_AS(bad.key("b"), std::logic_error);
    CHECK_THROWS_AS(bad.value(3), std::logic_error);
    CHECK_THROWS_AS(bad.end_array(), std::logic_error);
    bad.key("c").begin_array();
    CHECK_THROWS_AS(bad.key("d"), std::logic_error);
    CHECK_THROWS_AS(bad.end_object(), std::logic_error);
}

TEST_CASE("one string literal is read where it stands, as parse_json reads strings") {
    const std::string text = R"({"a":"bl\u00e5 \"glasur\"\n","b":"\ud800"})";
    std::size_t at = 5;
    auto s = bl::read_json_string(text, at);
    REQUIRE(s);
    CHECK(*s == "blå \"glasur\"\n");
    CHECK(text.substr(at, 5) == ",\"b\":");
    at = text.find("\"\\ud800");
    CHECK_FALSE(bl::read_json_string(text, at)); // a lone surrogate
    std::size_t key = 1;
    CHECK(bl::read_json_string(text, key) == "a"); // a key is a string too
    std::size_t colon = 4;
    CHECK_FALSE(bl::read_json_string(text, colon));
    std::size_t broken = 0;
    CHECK_FALSE(bl::read_json_string(std::string("\"\xC3\x28\""), broken));
}
