// Category colours and product pictures in the store: each one journaled business action,
// bad input refused with nothing kept, and the verifier naming a row changed behind its
// journal row's back.

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "shared/core/base64.hpp"
#include "shared/core/sha256.hpp"
#include "shared/model/picture.hpp"
#include "shared/store/catalogue_look.hpp"

using test::count;
using test::exec;

namespace {

std::string picture(unsigned char shade) {
    std::vector<unsigned char> px(64 * 48 * 4, shade);
    for (std::size_t i = 3; i < px.size(); i += 4)
        px[i] = 255;
    return bl::thumbnail_from_rgba(64, 48, px).value();
}

std::string hex_of(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (char c : bytes) {
        const auto b = static_cast<unsigned>(static_cast<unsigned char>(c));
        hex += digits[b >> 4];
        hex += digits[b & 15];
    }
    return hex;
}

bool names(const bl::DatabaseCheck& c, const std::string& table, const std::string& row) {
    for (const auto& f : c.findings)
        if (f.table == table && f.row == row)
            return true;
    return false;
}

} // namespace

TEST_CASE("a category's colour: the palette only, a category that exists, journaled") {
    test::Shop s;
    const auto before = count(*s.db, "SELECT count(*) FROM journal");
    REQUIRE(bl::set_category_colour(*s.db, s.at_till(), "Keramik", "blue").ok());
    CHECK(bl::category_colours(*s.db) == std::map<std::string, std::string>{{"Keramik", "blue"}});
    CHECK(count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'category_colour_set' AND "
                       "payload = '{\"category\":\"Keramik\",\"colour\":\"blue\",\"staff_id\":\"" +
                           s.clerk.id + "\"}'") == 1);
    CHECK(count(*s.db, "SELECT count(*) FROM outbox") >= 1);

    auto red = bl::set_category_colour(*s.db, s.at_till(), "Keramik", "#ff0000");
    REQUIRE_FALSE(red.ok());
    CHECK(bl::render(red.error()) == "There is no colour called #ff0000 in the palette.");
    auto none = bl::set_category_colour(*s.db, s.at_till(), "Glas", "green");
    REQUIRE_FALSE(none.ok());
    CHECK(bl::render(none.error()) == "There is no category called Glas in the catalogue.");
    CHECK(count(*s.db, "SELECT count(*) FROM journal") == before + 1);

    // Taken away: no colour, and the change journaled too.
    REQUIRE(bl::set_category_colour(*s.db, s.at_till(), "Keramik", "").ok());
    CHECK(bl::category_colours(*s.db).empty());
    CHECK(bl::verify_database(*s.db).ok());
}

TEST_CASE("a product's picture: a small PNG only, journaled with its bytes and hash") {
    test::Shop s;
    const std::string png = picture(200);
    REQUIRE(bl::set_product_picture(*s.db, s.at_till(), s.mug.id, png).ok());
    auto kept = bl::find_product_picture(*s.db, s.mug.id);
    REQUIRE(kept);
    CHECK(kept->png == png);
    CHECK(kept->sha256 == bl::sha256_hex(png));
    CHECK(bl::product_picture_versions(*s.db) ==
          std::map<std::string, std::string>{{s.mug.id, bl::sha256_hex(png)}});
    CHECK(count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'product_picture_set' AND "
                       "payload LIKE '%" +
                           bl::base64_encode(png) + "%'") == 1);

    const auto before = count(*s.db, "SELECT count(*) FROM journal");
    auto jpeg_bytes = bl::set_product_picture(*s.db, s.at_till(), s.cloth.id, "\xff\xd8\xff\xe0");
    REQUIRE_FALSE(jpeg_bytes.ok());
    CHECK(bl::render(jpeg_bytes.error()) == "The picture is not a PNG picture.");
    // A PNG larger than what is kept (made here without the scaling).
    std::string large = picture(10);
    large[19] = static_cast<char>(200); // the header's width: 200
    auto wide = bl::set_product_picture(*s.db, s.at_till(), s.cloth.id, large);
    REQUIRE_FALSE(wide.ok());
    CHECK(bl::render(wide.error()).find("at most 128 on a side") != std::string::npos);
    auto unknown = bl::set_product_picture(*s.db, s.at_till(), "no-such-product", png);
    REQUIRE_FALSE(unknown.ok());
    CHECK(count(*s.db, "SELECT count(*) FROM journal") == before);
    CHECK_FALSE(bl::find_product_picture(*s.db, s.cloth.id));

    REQUIRE(bl::set_product_picture(*s.db, s.at_till(), s.mug.id, "").ok());
    CHECK_FALSE(bl::find_product_picture(*s.db, s.mug.id));
    CHECK(bl::product_picture_versions(*s.db).empty());
    CHECK(bl::verify_database(*s.db).ok());
}

TEST_CASE("the verifier names a colour or picture changed behind its journal row's back") {
    test::Shop s;
    REQUIRE(bl::set_category_colour(*s.db, s.at_till(), "Keramik", "blue").ok());
    REQUIRE(bl::set_product_picture(*s.db, s.at_till(), s.mug.id, picture(200)).ok());
    REQUIRE(bl::verify_database(*s.db).ok());

    SECTION("a colour changed") {
        exec(*s.db, "UPDATE category_colour SET colour = 'rose'");
        CHECK(names(bl::verify_database(*s.db), "category_colour", "Keramik"));
    }
    SECTION("a colour's row deleted") {
        exec(*s.db, "DELETE FROM category_colour");
        CHECK(names(bl::verify_database(*s.db), "category_colour", "Keramik"));
    }
    SECTION("a colour added for a category no journal row coloured") {
        exec(*s.db, "INSERT INTO category_colour VALUES ('', 'green', '" + s.till.id +
                        "', 3, '2026-11-01T10:00:00.000Z')");
        CHECK(names(bl::verify_database(*s.db), "category_colour", ""));
    }
    SECTION("a picture replaced, with its hash") {
        const std::string other = picture(20);
        exec(*s.db, "UPDATE product_picture SET png = x'" + hex_of(other) + "', sha256 = '" +
                        bl::sha256_hex(other) + "'");
        CHECK(names(bl::verify_database(*s.db), "product_picture", s.mug.id));
    }
    SECTION("a picture's bytes changed, its hash kept") {
        std::string changed = picture(200);
        changed.back() = static_cast<char>(changed.back() ^ 1);
        exec(*s.db, "UPDATE product_picture SET png = x'" + hex_of(changed) + "'");
        CHECK(names(bl::verify_database(*s.db), "product_picture", s.mug.id));
    }
    SECTION("a picture deleted") {
        exec(*s.db, "DELETE FROM product_picture");
        CHECK(names(bl::verify_database(*s.db), "product_picture", s.mug.id));
    }
}
