// The catalogue import (shared/model, both programs): defects 1, 7 and 8 of issue 11. The
// preview never guesses: a row of another shape is refused with its line, a stray inch mark
// takes no other line with it, and a row the preview calls valid passes every check the
// store's commit runs (check_product, the same code).

#include <set>

#include <catch2/catch.hpp>

#include "shared/core/barcode.hpp"
#include "shared/model/catalogue_import.hpp"
#include "shared/rules/product_rules.hpp"

namespace {

// A catalogue holding one product (item number KER-001, barcode 5790099000375) and one
// workshop.
bl::CatalogueLookups catalogue() {
    bl::CatalogueLookups c;
    c.workshops = {{"keramikvaerkstedet", "w1"}};
    c.barcode_taken = [](const std::string& code) { return code == "5790099000375"; };
    c.sku_taken = [](const std::string& sku) { return sku == "KER-001"; };
    return c;
}

bl::ImportPlan plan(const std::string& text) {
    auto p = bl::plan_catalogue_import(text, catalogue());
    REQUIRE(p.ok());
    return p.value();
}

std::string rejection(const bl::ImportPlan& p, std::size_t i) {
    REQUIRE(i < p.rejected.size());
    return std::to_string(p.rejected[i].line) + ": " + bl::render(p.rejected[i].reason);
}

} // namespace

TEST_CASE("defect 1: a decimal comma in a comma-separated file is refused, named as a split "
          "price, never stored as 12,00") {
    const auto p = plan("navn,pris\nKop,12,50\nSkål,75\n");
    REQUIRE(p.valid.size() == 1);
    CHECK(p.valid[0].name == "Skål");
    CHECK(p.lines == std::vector<std::size_t>{3});
    REQUIRE(p.rejected.size() == 1);
    CHECK_THAT(rejection(p, 0), Catch::StartsWith("2: The row has 3 fields, but the first row "
                                                  "names 2 columns") &&
                                    Catch::Contains("split") && Catch::Contains("\"12,50\""));
}

TEST_CASE("defect 1: a row with more or fewer fields than the header is refused with its line") {
    const auto p = plan("navn;pris;kategori\n"
                        "Kop;10;Keramik;ekstra\n" // a column beyond the header
                        "Skål;20\n"               // one short
                        "Vase;30;Keramik\n");
    REQUIRE(p.valid.size() == 1);
    CHECK(p.valid[0].name == "Vase");
    REQUIRE(p.rejected.size() == 2);
    CHECK_THAT(rejection(p, 0), Catch::StartsWith("2: The row has 4 fields, but the first row "
                                                  "names 3 columns: each row"));
    CHECK_THAT(rejection(p, 1), Catch::StartsWith("3: The row has 2 fields"));
    // Semicolons with decimal commas are what Danish spreadsheets write: read as they are.
    const auto danish = plan("navn;pris\nKop;12,50\n");
    REQUIRE(danish.valid.size() == 1);
    CHECK(danish.valid[0].price.ore() == 1250);
    // And a comma-separated file with the price quoted.
    const auto quoted = plan("navn,pris\nKop,\"12,50\"\n");
    REQUIRE(quoted.valid.size() == 1);
    CHECK(quoted.valid[0].price.ore() == 1250);
}

TEST_CASE("defect 7: the preview refuses what the commit refuses: item numbers already used, "
          "with control characters or too long, prices too high, names too long") {
    const std::string long_sku(41, 'A');
    const auto p = plan("navn;pris;varenummer\n"
                        "Kop;10;KER-001\n" // already in the catalogue
                        "Skål;10;AB\x01"
                        "C\n" // a control character
                        "Vase;10;" +
                        long_sku +
                        "\n"              // 41 characters
                        "Fad;20000000;\n" // above what the till takes
                        + std::string(81, 'x') +
                        ";10;\n" // an 81-character name
                        "Krus;10;KER-002\n");
    REQUIRE(p.valid.size() == 1);
    CHECK(p.valid[0].sku == "KER-002");
    REQUIRE(p.rejected.size() == 5);
    CHECK_THAT(rejection(p, 0), Catch::StartsWith("2: ") && Catch::Contains("already"));
    CHECK_THAT(rejection(p, 1), Catch::StartsWith("3: Item number"));
    CHECK_THAT(rejection(p, 2), Catch::StartsWith("4: Item number"));
    // (the money reader refuses it already, as the store's check would)
    CHECK_THAT(rejection(p, 3), Catch::StartsWith("5: ") &&
                                    (Catch::Contains("too high") || Catch::Contains("too large")));
    CHECK_THAT(rejection(p, 4), Catch::StartsWith("6: Name"));
}

TEST_CASE("defect 7: every row the preview calls valid passes the store's own product check") {
    // Hostile and borderline rows; whatever the preview keeps, check_product (the store's
    // commit runs it on every product) must take unchanged.
    std::string file = "navn;kategori;pris;moms;ean;varenummer\n";
    const std::vector<std::string> names = {"Kop",
                                            " Kop  med  hank ",
                                            "\xE2\x80\xAE"
                                            "evil",
                                            "Tab\there",
                                            "Æ",
                                            std::string(80, 'z'),
                                            ""};
    const std::vector<std::string> prices = {"0", "10", "-1", "9.999.999,99", "10000000,01", "1e3"};
    const std::vector<std::string> codes = {"", "5701234567899", "2900100000018", "2800000000015",
                                            "123"};
    int i = 0;
    for (const auto& n : names)
        for (const auto& pr : prices)
            for (const auto& c : codes)
                file += n + ";Keramik;" + pr + ";25;" + c + ";S-" + std::to_string(++i) + "\n";
    const auto p = plan(file);
    CHECK(p.valid.size() + p.rejected.size() == names.size() * prices.size() * codes.size());
    CHECK_FALSE(p.valid.empty());
    for (const auto& product : p.valid) {
        auto again = bl::check_product(product);
        INFO(product.name << " " << product.sku << " " << product.barcode);
        REQUIRE(again.ok());
        CHECK(again.value().name == product.name);
        CHECK(again.value().barcode == product.barcode);
    }
}

TEST_CASE("defect 7: a row the commit refuses after all is named with its line") {
    auto p = plan("navn;pris;varenummer\nKop;10;A-1\nSkål;10;A-2\nVase;10;A-3\n");
    REQUIRE(p.valid.size() == 3);
    const bl::Message said = bl::refuse_at_commit(
        p, 1, bl::Message(BL_N_("The item number %s is already used by \"%s\"."), {"A-2", "X"}));
    CHECK_THAT(bl::render(said), Catch::Contains("line 3"));
    CHECK(p.valid.size() == 2);
    CHECK(p.lines == std::vector<std::size_t>{2, 4});
    REQUIRE(p.rejected.size() == 1);
    CHECK_THAT(rejection(p, 0), Catch::StartsWith("3: The item number A-2 is already used"));
}

TEST_CASE("defect 8: an inch mark inside a field takes no other line with it") {
    const auto p = plan("navn;pris\nVase 12\" høj;100\nKop;50\nSkål 5\";75\n");
    REQUIRE(p.rejected.empty());
    REQUIRE(p.valid.size() == 3);
    CHECK(p.valid[0].name == "Vase 12\" høj");
    CHECK(p.valid[1].name == "Kop");
    CHECK(p.valid[2].name == "Skål 5\"");
    CHECK(p.lines == std::vector<std::size_t>{2, 3, 4});
}

TEST_CASE("defect 8: a quote that swallows lines says which lines and why") {
    const auto p = plan("navn;pris\n\"Vase 12 høj;100\nKop;50\nSkål 5\" stor;75\nFad;80\n");
    REQUIRE(p.valid.size() == 1);
    CHECK(p.valid[0].name == "Fad");
    REQUIRE(p.rejected.size() == 1);
    CHECK_THAT(rejection(p, 0), Catch::StartsWith("2: Lines 2 to 4 were read as one row: a quote "
                                                  "at the start of a field on line 2 is closed "
                                                  "only on line 4"));
}
