// The selling flow: scans, quantities, discounts, new prices, parking; bad input explained.

#include "shared/core/sha256.hpp"
#include "shared/model/picture.hpp"
#include "shared/store/catalogue_look.hpp"
#include "till_rig.hpp"

using test::Rig;

TEST_CASE("till: bad input is explained and changes nothing") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.selling().scan(s.mug.barcode);
    CHECK_THAT(view.problems.back(), Catch::Contains("Log in"));
    till.access().log_in(s.clerk.id, "9999");
    CHECK_THAT(view.problems.back(), Catch::Contains("Wrong PIN"));
    till.access().log_in(s.clerk.id, "2468");
    CHECK(view.screen == "sale");
    till.selling().scan("5701234567899");
    CHECK_THAT(view.problems.back(), Catch::Contains("not in the catalogue"));
    till.selling().scan("12345");
    CHECK_THAT(view.problems.back(), Catch::Contains("8 or 13"));
    till.checkout().pay();
    CHECK_THAT(view.problems.back(), Catch::Contains("no items"));
    till.selling().scan(s.mug.barcode);
    till.selling().set_quantity(0, "0");
    CHECK_THAT(view.problems.back(), Catch::Contains("at least 1"));
    till.selling().set_quantity(0, "-1");
    CHECK_THAT(view.problems.back(), Catch::Contains("not a quantity"));
    till.selling().set_quantity(0, "10000");
    CHECK_THAT(view.problems.back(), Catch::Contains("at most 9999"));
    CHECK(rig.cart().lines()[0].quantity == 1);
    till.checkout().pay();
    till.checkout().pay_cash("100");
    CHECK(view.screen == "payment"); // 100 kr. is a part payment of 189 kr.
    CHECK(view.remaining.ore() == 8900);
    till.checkout().pay_cash("abc");
    CHECK_THAT(view.problems.back(), Catch::Contains("not an amount"));
    till.checkout().pay_cash(s.cloth.barcode); // scanned on the payment screen
    CHECK_THAT(view.problems.back(), Catch::Contains("That is a barcode"));
    CHECK(view.remaining.ore() == 8900);
    till.checkout().pay_card("Nets 1");
    CHECK(view.screen == "done");
    // Z with a cart open, and by someone who is not an organiser.
    till.selling().scan(s.mug.barcode);
    till.shift().begin_close_shift();
    CHECK_THAT(view.problems.back(), Catch::Contains("Finish or empty"));
    till.selling().remove(0);
    till.shift().begin_close_shift();
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == 1);
}

TEST_CASE("till: discounts within the limit, price overrides by organisers, journaled") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mug.barcode); // 189,00
    till.selling().discount_line(0, "10 %");
    CHECK(view.total.ore() == 17010);
    till.selling().discount_line(0, "90 kr."); // an organiser is asked on the spot
    CHECK(view.screen == "approval");
    CHECK_THAT(view.approval_for, Catch::Contains("organiser's approval"));
    till.access().cancel_approval();
    CHECK(view.total.ore() == 17010);
    till.selling().discount_basket("ti kroner");
    CHECK_THAT(view.problems.back(), Catch::Contains("not a discount"));
    till.selling().override_price(0, "100");
    CHECK(view.screen == "approval");
    CHECK_THAT(view.approval_for, Catch::Contains("Only an organiser can change a price"));
    till.access().cancel_approval();
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'price_override'") == 0);
    till.selling().abort_sale();
    view.answer();
    till.access().log_out();
    till.access().log_in(lise.id, "2468");
    till.selling().scan(s.mug.barcode);
    till.selling().override_price(0, "0");
    CHECK_THAT(view.problems.back(), Catch::Contains("more than 0 kr."));
    till.selling().override_price(0, "150");
    CHECK(view.total.ore() == 15000);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'price_override' AND "
                             "payload LIKE '%\"old_price_ore\":18900%'") == 1);
    till.checkout().pay();
    till.checkout().pay_card("");
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale_line WHERE unit_price_ore = 15000") == 1);
}

TEST_CASE("till: park a sale, serve the next customer, resume it") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().resume();
    CHECK_THAT(view.problems.back(), Catch::Contains("No sale is parked"));
    till.selling().scan(s.mug.barcode);
    till.selling().scan(s.mug.barcode);
    till.selling().park();
    CHECK(view.parked == 1);
    CHECK(rig.cart().empty());
    till.selling().scan(s.cloth.barcode);
    till.selling().resume();
    CHECK_THAT(view.problems.back(), Catch::Contains("Park or finish"));
    till.checkout().pay();
    till.checkout().pay_card("");
    till.selling().back_to_sale();
    till.selling().resume();
    CHECK(view.parked == 0);
    REQUIRE(rig.cart().lines().size() == 1);
    CHECK(rig.cart().lines()[0].quantity == 2);
}

TEST_CASE("till: the scan field tells a barcode from a name: digits are scanned, words "
          "searched") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().enter(s.mug.barcode);
    CHECK(rig.cart().lines().size() == 1);
    till.selling().enter("kru"); // part of "Krus"
    CHECK(rig.cart().lines().size() == 1);
    REQUIRE_FALSE(rig.view.found.empty());
    CHECK(rig.view.found.front().id == s.mug.id);
    till.selling().enter("zebra");
    CHECK(rig.view.found.empty());
    CHECK_THAT(rig.view.problems.back(), Catch::Contains("No item is called \"zebra\""));
    till.selling().enter("5701234567899");
    CHECK_THAT(rig.view.problems.back(), Catch::Contains("not in the catalogue"));
    CHECK(rig.cart().lines().size() == 1);
}

TEST_CASE("till: a new price or an emptied cart the journal cannot take changes nothing") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& till = rig.till;
    till.start();
    till.access().log_in(rig.lise->id, "2468");
    till.selling().scan(s.mug.barcode);
    test::journal_refuses(*s.db, true);
    till.selling().override_price(0, "150");
    CHECK_THAT(rig.view.problems.back(), Catch::Contains("nothing was recorded"));
    CHECK(rig.cart().lines()[0].unit_price.ore() == 18900);
    till.selling().abort_sale();
    rig.view.answer();
    CHECK(rig.cart().lines().size() == 1);
    test::journal_refuses(*s.db, false);
    till.selling().override_price(0, "150");
    CHECK(rig.cart().lines()[0].unit_price.ore() == 15000);
    CHECK(test::journaled(*s.db, "price_override") == 1);
    till.selling().abort_sale();
    rig.view.answer();
    CHECK(rig.cart().empty());
    CHECK(test::journaled(*s.db, "sale_aborted") == 1);
}

TEST_CASE("till: a message stays until the next action that makes it stale") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "9999");
    const std::size_t before_login = view.cleared;
    till.access().log_in(s.clerk.id, "2468");
    CHECK(view.cleared == before_login + 1); // the wrong PIN is stale once someone is in
    till.selling().enter("xyzzy");
    CHECK_THAT(view.problems.back(), Catch::Contains("No item is called \"xyzzy\""));
    std::size_t cleared = view.cleared;
    till.selling().enter("5701234567899"); // another problem keeps the bar (with its text)
    CHECK(view.cleared == cleared);
    till.selling().enter(s.mug.name.substr(0, 3));
    CHECK(view.cleared == cleared + 1); // found: "no item called ..." is stale
    CHECK_FALSE(view.found.empty());
    cleared = view.cleared;
    till.selling().scan(s.mug.barcode);
    CHECK(view.cleared == cleared + 1);
}

TEST_CASE("till: a quantity typed first, a single match added on Enter, a barcode typed whole") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");

    CHECK(bl::pos::read_typed(" 3 * 5790099000375 ").quantity == 3);
    CHECK(bl::pos::read_typed("3*5790099000375").rest == "5790099000375");
    CHECK_FALSE(bl::pos::read_typed("krus").quantity);
    CHECK_FALSE(bl::pos::read_typed("0*krus").valid);
    CHECK_FALSE(bl::pos::read_typed("10000*krus").valid);
    CHECK_FALSE(bl::pos::read_typed("-2*krus").valid);

    till.selling().enter("3*" + s.mug.barcode); // a quantity, then the scan
    REQUIRE(rig.cart().lines().size() == 1);
    CHECK(rig.cart().lines()[0].quantity == 3);
    till.selling().enter("krus m"); // the only match is added at once
    CHECK(rig.cart().lines()[0].quantity == 4);
    till.selling().enter("2*visk");
    REQUIRE(rig.cart().lines().size() == 2);
    CHECK(rig.cart().lines()[1].quantity == 2);

    // Several matches: the quantity waits for the tile that is chosen, and says so.
    till.selling().enter("5*r");
    CHECK(view.found.size() == 3);
    CHECK(view.next_quantity == 5);
    CHECK(rig.cart().lines().size() == 2);
    till.selling().add_product(s.donation.id);
    REQUIRE(rig.cart().lines().size() == 3);
    CHECK(rig.cart().lines()[2].quantity == 5);
    CHECK(view.next_quantity == 1);
    till.selling().enter("4*"); // for whatever comes next
    CHECK(view.next_quantity == 4);
    till.selling().cancel_quantity();
    CHECK(view.next_quantity == 1);
    till.selling().enter("0*krus");
    CHECK_THAT(view.problems.back(), Catch::Contains("not a quantity"));

    // Typing: words show what they match, with nothing said while typing; a whole barcode of
    // a known item adds itself and empties the field; part of one waits.
    const std::size_t problems = view.problems.size();
    till.selling().type_ahead("hør");
    CHECK(view.found.size() == 1);
    till.selling().type_ahead("xyzzy");
    CHECK(view.found.empty());
    CHECK(view.problems.size() == problems);
    till.selling().type_ahead(s.mug.barcode.substr(0, 12));
    CHECK(rig.cart().lines()[0].quantity == 4);
    till.selling().type_ahead("5701234567899"); // whole, but no such item: Enter explains
    CHECK(view.typed_cleared == 0);
    till.selling().type_ahead("2*" + s.mug.barcode);
    CHECK(rig.cart().lines()[0].quantity == 6);
    CHECK(view.typed_cleared == 1);
}

TEST_CASE("till: a quantity typed in the scan field goes with the tile pressed next") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().type_ahead("3*");
    CHECK(view.next_quantity == 3);
    till.selling().add_product(s.cloth.id);
    REQUIRE(rig.cart().lines().size() == 1);
    CHECK(rig.cart().lines()[0].quantity == 3);
    CHECK(view.typed_cleared == 1);
    CHECK(view.next_quantity == 1);
    till.selling().type_ahead("2*"); // typed, then taken back
    till.selling().type_ahead("");
    till.selling().add_product(s.cloth.id);
    CHECK(rig.cart().lines()[0].quantity == 4);
}

TEST_CASE("till: nothing destructive without a way back: emptying and removing several ask") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().enter("3*" + s.mug.barcode);
    till.selling().scan(s.cloth.barcode);
    till.selling().abort_sale();
    CHECK_THAT(view.question, Catch::Contains("Empty the cart with 4 items?"));
    till.selling().scan(s.cloth.barcode); // doing something else drops the question
    CHECK_FALSE(view.answer());
    CHECK(rig.cart().lines().size() == 2);
    till.selling().remove(0); // three mugs
    CHECK_THAT(view.question, Catch::Contains("Remove all 3 of \"Krus med hank\""));
    CHECK(rig.cart().lines().size() == 2);
    CHECK(view.answer());
    REQUIRE(rig.cart().lines().size() == 1);
    CHECK(rig.cart().lines()[0].product.id == s.cloth.id);
    // A question answered after the cart changed does not take the wrong line.
    till.selling().remove(0); // two cloths
    auto later = view.asked;
    till.selling().decrement(0);
    later();
    CHECK_THAT(view.problems.back(), Catch::Contains("has changed"));
    CHECK(rig.cart().lines().size() == 1);
    till.selling().remove(0); // one left: no question
    CHECK(rig.cart().empty());
}

TEST_CASE("tiles: a category's colour and a product's picture, as the sale screen draws them") {
    Rig rig;
    std::vector<unsigned char> px(80 * 80 * 4, 120);
    const std::string png = bl::thumbnail_from_rgba(80, 80, px).value();
    REQUIRE(bl::set_category_colour(*rig.s.db, rig.s.at_till(), rig.s.mug.category, "peach").ok());
    REQUIRE(bl::set_product_picture(*rig.s.db, rig.s.at_till(), rig.s.mug.id, png).ok());
    auto& tiles = rig.till.tiles();
    CHECK(tiles.category_colours() ==
          std::map<std::string, std::string>{{rig.s.mug.category, "#f9dcc4"}});
    const auto looks = tiles.looks({rig.s.mug, rig.s.cloth});
    REQUIRE(looks.size() == 2);
    CHECK(looks[0].colour == "#f9dcc4");
    CHECK(looks[0].picture == bl::sha256_hex(png));
    CHECK(looks[1].colour.empty()); // a category with no colour: a plain tile
    CHECK(looks[1].picture.empty());
    CHECK(tiles.picture(rig.s.mug.id) == png);
    CHECK(tiles.picture(rig.s.cloth.id).empty());
    // A new picture is a new version: the screen draws it again.
    std::vector<unsigned char> other(80 * 80 * 4, 30);
    REQUIRE(bl::set_product_picture(*rig.s.db, rig.s.at_till(), rig.s.mug.id,
                                    bl::thumbnail_from_rgba(80, 80, other).value())
                .ok());
    CHECK(tiles.looks({rig.s.mug})[0].picture != looks[0].picture);
}
