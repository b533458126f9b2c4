// Carts not yet paid, kept against a crash: brought back, said once when they cannot be kept.

#include "till_rig.hpp"

using test::Rig;

TEST_CASE("till: carts not yet paid come back after a crash, and a sold one does not") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.cloth.barcode);
    till.selling().park();
    till.selling().scan(s.mug.barcode);
    till.selling().scan(s.mug.barcode);
    till.selling().scan(s.mugs_new.label_code);
    till.selling().set_quantity(1, "3");
    const bl::Money total = rig.cart().totals().total;
    REQUIRE(total.ore() == 5 * 18900);

    // The power goes: nothing is logged out or closed. A new till process starts.
    {
        test::Restarted restart_again(*s.db);
        auto& again = restart_again.till;
        auto& view2 = restart_again.view;
        again.start();
        CHECK(view2.screen == "login");
        again.access().log_in(s.clerk.id, "2468");
        CHECK(view2.screen == "sale");
        CHECK(again.state().cart.totals().total == total);
        REQUIRE(again.state().cart.lines().size() == 2);
        CHECK(again.state().cart.lines()[1].batch_id == std::optional<std::string>(s.mugs_new.id));
        CHECK(view2.parked == 1);
        REQUIRE_FALSE(view2.problems.empty());
        CHECK_THAT(view2.problems.back(), Catch::Contains("items in the open sale: 5") &&
                                              Catch::Contains("parked sales: 1"));
        // Sold after the restart, then the power goes again.
        again.checkout().pay();
        again.checkout().pay_card("");
        CHECK(view2.screen == "done");
    }
    test::Restarted restart_third(*s.db);
    auto& third = restart_third.till;
    auto& view3 = restart_third.view;
    third.start();
    third.access().log_in(s.clerk.id, "2468");
    CHECK(third.state().cart.empty()); // sold, so not brought back
    CHECK(view3.problems.size() == 1);
    CHECK_THAT(view3.problems.back(), Catch::Contains("items in the open sale: 0"));
    CHECK(view3.parked == 1);
    third.selling().resume();
    REQUIRE(third.state().cart.lines().size() == 1);
    CHECK(third.state().cart.lines()[0].product.id == s.cloth.id);
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == 1);
    (void)view;
}

TEST_CASE("till: when the cart cannot be kept on disk the person hears it once and keeps "
          "selling") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    test::exec(*s.db, "CREATE TEMP TRIGGER no_room BEFORE INSERT ON kept_cart BEGIN "
                      "SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END");
    till.selling().scan(s.mug.barcode);
    till.selling().scan(s.mug.barcode);
    till.selling().scan(s.cloth.barcode);
    CHECK(rig.cart().lines().size() == 2);
    std::size_t said = 0;
    for (const auto& p : view.problems)
        if (p.find("could not be kept on disk") != std::string::npos)
            ++said;
    CHECK(said == 1);
    CHECK_THAT(view.problems.back(), Catch::Contains("would be lost if the till stopped"));
    CHECK(bl::kept_carts(*s.db).open.empty());
    // Room again: the next change is kept, without another message.
    test::exec(*s.db, "DROP TRIGGER no_room");
    const std::size_t before = view.problems.size();
    till.selling().scan(s.cloth.barcode);
    CHECK(view.problems.size() == before);
    CHECK_FALSE(bl::kept_carts(*s.db).open.empty());
    till.checkout().pay();
    till.checkout().pay_card("");
    CHECK(view.screen == "done");
}
