#include <catch2/catch.hpp>

#include "shared/auth/pin.hpp"

TEST_CASE("PINs are stored as Argon2id and only the right PIN verifies") {
    const std::string h = bl::hash_pin("2468");
    CHECK(h.rfind("$argon2id$", 0) == 0);
    CHECK(h.find("2468") == std::string::npos);
    CHECK(bl::verify_pin("2468", h));
    CHECK_FALSE(bl::verify_pin("2469", h));
    CHECK_FALSE(bl::verify_pin("", h));
    CHECK_FALSE(bl::verify_pin("2468", "not a hash"));
    // The same PIN hashes differently each time (salted).
    CHECK(bl::hash_pin("2468") != h);
}

TEST_CASE("new PINs must be 4-8 digits and not trivially guessable") {
    CHECK(bl::check_new_pin("2468").ok());
    CHECK(bl::check_new_pin("73915").ok());
    for (const char* bad : {"123", "123456789", "12a4", "1111", "1234", "9876", "0000"}) {
        INFO(bad);
        CHECK_FALSE(bl::check_new_pin(bad).ok());
    }
}
