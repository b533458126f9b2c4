#include <catch2/catch.hpp>

#include "shared/core/csv.hpp"

TEST_CASE("CSV from Danish spreadsheets: semicolons, quotes, BOM, CR LF") {
    auto r = bl::parse_csv(
        "\xEF\xBB\xBFnavn;pris\r\n\"Krus; blå\";189,00\r\n\"Sagt \"\"hej\"\"\";5\r\n");
    REQUIRE(r.ok());
    const auto& rows = r.value();
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == std::vector<std::string>{"Krus; blå", "189,00"});
    CHECK(rows[2].fields == std::vector<std::string>{"Sagt \"hej\"", "5"});
    CHECK(rows[2].line == 3);
}

TEST_CASE("CSV with commas, empty fields, multi-line fields and blank lines") {
    auto r = bl::parse_csv("a,b,c\n1,,3\n\n\"two\nlines\",x,\n");
    REQUIRE(r.ok());
    const auto& rows = r.value();
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == std::vector<std::string>{"1", "", "3"});
    CHECK(rows[2].fields == std::vector<std::string>{"two\nlines", "x", ""});
    CHECK(rows[2].line == 4);
}

TEST_CASE("broken CSV says where") {
    auto r = bl::parse_csv("a;b\n\"open;2\n3;4\n");
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(bl::render(r.error()), Catch::Contains("line 2"));
    auto latin1 = bl::parse_csv("navn\nbl\xE5\n");
    REQUIRE_FALSE(latin1.ok());
    CHECK_THAT(bl::render(latin1.error()), Catch::Contains("UTF-8"));
}
