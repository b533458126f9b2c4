#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "shared/core/catalog.hpp"
#include "shared/core/plural_forms.hpp"

namespace {

// A .mo file as msgfmt writes it (little-endian, no hash table), from msgid/msgstr pairs.
std::string mo_file(const std::vector<std::pair<std::string, std::string>>& entries) {
    auto u32 = [](std::string& out, std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            out += static_cast<char>((v >> (8 * i)) & 0xff);
    };
    const auto n = static_cast<std::uint32_t>(entries.size());
    const std::uint32_t orig = 28, trans = orig + 8 * n;
    std::uint32_t data = trans + 8 * n;
    std::string head, tables, strings;
    u32(head, 0x950412deu);
    u32(head, 0);
    u32(head, n);
    u32(head, orig);
    u32(head, trans);
    u32(head, 0);
    u32(head, 0);
    std::string orig_table, trans_table;
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& [id, text] : entries) {
            const std::string& s = pass == 0 ? id : text;
            u32(pass == 0 ? orig_table : trans_table, static_cast<std::uint32_t>(s.size()));
            u32(pass == 0 ? orig_table : trans_table, data);
            strings += s;
            strings += '\0';
            data += static_cast<std::uint32_t>(s.size()) + 1;
        }
    return head + orig_table + trans_table + strings;
}

std::size_t form(const char* rule, std::int64_t n) {
    auto r = bl::PluralRule::parse(rule);
    REQUIRE(r.ok());
    return r.value().form(n);
}

} // namespace

TEST_CASE("plural rules: Danish and English have two forms, one for 1") {
    const bl::PluralRule english;
    CHECK(english.forms() == 2);
    CHECK(english.form(1) == 0);
    CHECK(english.form(0) == 1);
    CHECK(english.form(2) == 1);
    CHECK(english.form(-1) == 0);
    CHECK(form("nplurals=2; plural=(n != 1);", 1) == 0);
    CHECK(form("nplurals=2; plural=(n != 1);", 21) == 1);
    CHECK(form(" plural = n > 1 ; nplurals = 2 ;", 1) == 0); // French, in the other order
    CHECK(form("nplurals=2; plural=n > 1;", 0) == 0);
}

TEST_CASE("plural rules: longer rules (Polish, Russian, Arabic) are read as C") {
    const char* polish = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
                         "n%100>=20) ? 1 : 2);";
    CHECK(form(polish, 1) == 0);
    CHECK(form(polish, 2) == 1);
    CHECK(form(polish, 4) == 1);
    CHECK(form(polish, 5) == 2);
    CHECK(form(polish, 12) == 2);
    CHECK(form(polish, 22) == 1);
    CHECK(form(polish, 25) == 2);
    const char* russian = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
                          "&& (n%100<10 || n%100>=20) ? 1 : 2);";
    CHECK(form(russian, 21) == 0);
    CHECK(form(russian, 11) == 2);
    CHECK(form(russian, 23) == 1);
    const char* arabic = "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
                         "n%100<=10 ? 3 : n%100>=11 ? 4 : 5);";
    CHECK(form(arabic, 0) == 0);
    CHECK(form(arabic, 2) == 2);
    CHECK(form(arabic, 105) == 3);
    CHECK(form(arabic, 111) == 4);
    CHECK(form(arabic, 100) == 5);
    CHECK(form("nplurals=1; plural=0;", 7) == 0);
    CHECK(form("nplurals=2; plural=!(n == 1);", 1) == 0);
    CHECK(form("nplurals=2; plural=n/0 + n%0;", 5) == 0); // no crash on division by zero
}

TEST_CASE("plural rules: a rule that cannot be read is refused, never run") {
    for (const char* bad :
         {"", "nplurals=2;", "plural=n != 1;", "nplurals=x; plural=n != 1;",
          "nplurals=2; plural=n != ;", "nplurals=2; plural=(n != 1;", "nplurals=2; plural=m;",
          "nplurals=2; plural=n ? 1;", "nplurals=0; plural=0;", "nplurals=2; plural=n n;"})
        CHECK_FALSE(bl::PluralRule::parse(bad).ok());
    std::string deep =
        "nplurals=2; plural=" + std::string(500, '(') + "n" + std::string(500, ')') + ";";
    CHECK_FALSE(bl::PluralRule::parse(deep).ok());
    // A form outside the rule's count is the first.
    CHECK(form("nplurals=2; plural=n;", 5) == 0);
}

TEST_CASE("a catalogue's sentences about a count take the form its rule chooses") {
    auto mo = bl::MoCatalog::parse(mo_file(
        {{"", "Language: pl\nPlural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && "
              "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"},
         {std::string("%s item\0%s items", 16), std::string("%s rzecz\0%s rzeczy\0%s rzeczy!", 29)},
         {"Hello", "Cześć"}}));
    REQUIRE(mo.ok());
    const bl::MoCatalog& pl = mo.value();
    auto items = [](std::int64_t n) {
        return bl::Message::plural("%s item", "%s items", n, {std::to_string(n)});
    };
    CHECK(bl::render(items(1), &pl) == "1 rzecz");
    CHECK(bl::render(items(3), &pl) == "3 rzeczy");
    CHECK(bl::render(items(5), &pl) == "5 rzeczy!");
    CHECK(bl::render(bl::Message("Hello"), &pl) == "Cześć");
    CHECK(bl::render(bl::Message::plural("%s box", "%s boxes", 2, {"2"}), &pl) == "2 boxes");
}
