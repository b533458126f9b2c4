#include <catch2/catch.hpp>

#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"

TEST_CASE("EAN-13 and EAN-8 check digits") {
    CHECK(bl::is_valid_ean13("4006381333931"));
    CHECK(bl::is_valid_ean13("5449000000996"));
    CHECK(bl::is_valid_ean13("5790099000375"));
    CHECK_FALSE(bl::is_valid_ean13("4006381333932"));
    CHECK_FALSE(bl::is_valid_ean13("400638133393"));
    CHECK_FALSE(bl::is_valid_ean13("40063813339a1"));
    CHECK(bl::is_valid_ean8("96385074"));
    CHECK(bl::is_valid_ean8("40170725"));
    CHECK_FALSE(bl::is_valid_ean8("96385075"));
    CHECK(bl::gs1_check_digit("400638133393") == 1);
    CHECK(bl::gs1_check_digit("9638507") == 4);
}

TEST_CASE("scanned codes are classified, normalised, or rejected with a reason") {
    auto ean = bl::classify_barcode(" 4006381333931\r\n");
    REQUIRE(ean.ok());
    CHECK(ean.value().kind == bl::BarcodeKind::product_ean);
    CHECK(ean.value().code == "4006381333931");

    auto upc = bl::classify_barcode("036000291452");
    REQUIRE(upc.ok());
    CHECK(upc.value().code == "0036000291452");

    struct Bad {
        const char* code;
        const char* reason;
    };
    const Bad bad[] = {
        {"", "Scan a barcode"},
        {"4006381333932", "last digit does not match"},
        {"40063813339", "has 11 digits"},
        {"ABC123", "only digits"},
    };
    const std::string zero_label =
        "290000000000" + std::to_string(bl::gs1_check_digit("290000000000"));
    auto z = bl::classify_barcode(zero_label);
    REQUIRE_FALSE(z.ok());
    CHECK_THAT(bl::render(z.error()), Catch::Contains("not one that Bundlinje made"));
    for (const auto& b : bad) {
        INFO(b.code);
        auto r = bl::classify_barcode(b.code);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(bl::render(r.error()), Catch::Contains(b.reason));
    }
}

TEST_CASE("batch labels round-trip and stay out of real product ranges") {
    const std::string label = bl::make_batch_label(101, 42);
    CHECK(label.size() == 13);
    CHECK(label.substr(0, 12) == "291010000042");
    CHECK(bl::is_valid_ean13(label));
    auto r = bl::classify_barcode(label);
    REQUIRE(r.ok());
    CHECK(r.value().kind == bl::BarcodeKind::batch_label);
    CHECK(r.value().device_number == 101);
    CHECK(r.value().batch_serial == 42);
    // Two stations never mint the same code, offline or not.
    CHECK(bl::make_batch_label(101, 1) != bl::make_batch_label(102, 1));
    CHECK_THROWS_AS(bl::make_batch_label(0, 1), std::out_of_range);
    CHECK_THROWS_AS(bl::make_batch_label(1000, 1), std::out_of_range);
    CHECK_THROWS_AS(bl::make_batch_label(1, 10'000'000), std::out_of_range);

    const std::string internal = bl::make_internal_product_code(7);
    CHECK(internal.substr(0, 2) == "28");
    auto ir = bl::classify_barcode(internal);
    REQUIRE(ir.ok());
    CHECK(ir.value().kind == bl::BarcodeKind::internal_product);
    // A Danish product EAN is neither.
    CHECK(bl::classify_barcode("5790099000375").value().kind == bl::BarcodeKind::product_ean);
}

TEST_CASE("a barcode error quotes at most 40 characters of what was scanned, as valid UTF-8") {
    // Defect 11: a megabyte of digits came back whole in the message.
    auto digits = bl::classify_barcode(std::string(1 << 20, '5'));
    REQUIRE_FALSE(digits.ok());
    const std::string a = bl::render(digits.error());
    CHECK(a.size() < 300);
    CHECK_THAT(a, Catch::Contains("1048576 digits"));
    // A cut that falls inside 'å' leaves no half character behind.
    auto letters = bl::classify_barcode(std::string(39, '1') + "å" + std::string(100, 'x'));
    REQUIRE_FALSE(letters.ok());
    const std::string b = bl::render(letters.error());
    CHECK(bl::is_valid_utf8(b));
    CHECK(b.size() < 300);
}
