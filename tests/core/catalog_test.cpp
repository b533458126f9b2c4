#include <catch2/catch.hpp>

#include "shared/core/catalog.hpp"
#include "shared/core/text.hpp"

TEST_CASE("the Danish catalogue turns core messages into Danish, fields included") {
    const bl::Translator* da = bl::translator_for("da");
    REQUIRE(da != nullptr);
    CHECK(bl::render(bl::Message("Journal row %s is missing.", {"7"}), da) ==
          "Journalrække 7 mangler.");
    auto r = bl::clean_text("", bl::name_rules);
    REQUIRE_FALSE(r.ok());
    CHECK(bl::render(r.error(), da) == "Navn: skal udfyldes.");
    CHECK(bl::render(r.error()) == "Name: please fill this in.");
    CHECK(bl::translator_for("en") == nullptr);
    CHECK(bl::translator_for("xx") == nullptr);
}

TEST_CASE("a damaged catalogue is refused, not half-loaded") {
    CHECK_FALSE(bl::MoCatalog::parse("").ok());
    CHECK_FALSE(bl::MoCatalog::parse(std::string(40, '\x7f')).ok());
    // A valid header whose tables point past the end of the file.
    std::string bad("\xde\x12\x04\x95\0\0\0\0\x05\0\0\0\x1c\0\0\0\x44\0\0\0\0\0\0\0\0\0\0\0", 28);
    bad += std::string(8, '\xff');
    CHECK_FALSE(bl::MoCatalog::parse(bad).ok());
    CHECK_FALSE(bl::MoCatalog::load("/nonexistent/bundlinje.mo").ok());
}

TEST_CASE("the Danish catalogue says \"1 vare\" and \"2 varer\"") {
    const bl::Translator* da = bl::translator_for("da");
    REQUIRE(da != nullptr);
    auto added = [da](std::int64_t n) {
        return bl::render(bl::Message::plural("%s item was added to the catalogue.",
                                              "%s items were added to the catalogue.", n,
                                              {std::to_string(n)}),
                          da);
    };
    CHECK(added(1) == "1 vare er lagt ind i sortimentet.");
    CHECK(added(2) == "2 varer er lagt ind i sortimentet.");
    CHECK(added(0) == "0 varer er lagt ind i sortimentet.");
}
