// The access flow: logging in and out, and an organiser's approval on the spot.

#include <algorithm>

#include "till_rig.hpp"

using test::Rig;

TEST_CASE("till: an organiser approves one action on the spot with their PIN, and it goes ahead") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mug.barcode);
    // A discount above the limit asks for an organiser there and then, saying why.
    till.selling().discount_line(0, "50 %");
    CHECK(view.screen == "approval");
    CHECK(view.approvers == 1);
    CHECK_THAT(view.approval_for, Catch::Contains("organiser's approval"));
    CHECK(view.total.ore() == 18900);
    till.access().approve(s.leader.id, "2468");
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser can approve"));
    till.access().approve(lise.id, "1111");
    CHECK_THAT(view.problems.back(), Catch::Contains("Wrong PIN"));
    till.access().approve(lise.id, "2468");
    CHECK(view.screen == "sale"); // the discount was given, nothing typed again
    CHECK(view.total.ore() == 9450);
    // The approval covered that one action.
    till.shift().open_drawer();
    CHECK(view.screen == "approval");
    CHECK_THAT(view.approval_for, Catch::Contains("open the drawer"));
    till.access().cancel_approval();
    CHECK(view.screen == "sale");
    CHECK(rig.sink.drawer_kicks == 0);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'approval'") == 1);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'login_failed'") == 1);

    // A refund by staff: approved at the start, it runs to the end (and then is used up).
    till.checkout().pay();
    till.checkout().pay_card("");
    till.selling().back_to_sale();
    till.refunds().begin_refund();
    CHECK(view.screen == "approval");
    CHECK_THAT(view.approval_for, Catch::Contains("refunds"));
    till.access().approve(lise.id, "2468");
    CHECK(view.screen == "refund_lookup");
    till.refunds().find_refund("1");
    till.refunds().refund_more(0);
    till.refunds().refund_pay(bl::Tender::card);
    CHECK(view.screen == "refund_done");
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale WHERE refund_of IS NOT NULL") == 1);
    till.selling().back_to_sale();
    till.refunds().begin_refund();
    CHECK(view.screen == "approval");

    // An approval not used does not stay for something else.
    till.access().approve(lise.id, "2468");
    CHECK(view.screen == "refund_lookup");
    till.selling().back_to_sale();
    till.shift().set_training(true);
    CHECK(view.screen == "approval");
}

TEST_CASE("till: with no organiser to ask, an organiser's action is refused and the menu says so") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().open_menu();
    CHECK(view.screen == "menu");
    CHECK(view.organiser_actions == bl::pos::OrganiserActions::never);
    till.selling().back_to_sale();
    till.shift().open_drawer();
    CHECK(view.screen == "sale");
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    Rig with(true, true);
    with.till.start();
    with.till.access().log_in(with.s.clerk.id, "2468");
    with.till.selling().open_menu();
    CHECK(with.view.organiser_actions == bl::pos::OrganiserActions::with_approval);
    with.till.access().log_out();
    with.till.access().log_in(with.lise->id, "2468");
    with.till.selling().open_menu();
    CHECK(with.view.organiser_actions == bl::pos::OrganiserActions::allowed);
}

TEST_CASE("till: logging out keeps the open sale for whoever logs in next, but not a practice "
          "one") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mug.barcode);
    till.access().log_out();
    till.access().log_in(rig.lise->id, "2468");
    CHECK(rig.cart().lines().size() == 1);
    till.selling().abort_sale(); // training starts with an empty cart
    rig.view.answer();
    till.selling().scan(s.cloth.barcode);
    till.selling().park();
    till.shift().set_training(true);
    CHECK_THAT(rig.view.problems.back(), Catch::Contains("parked sales"));
    CHECK_FALSE(till.state().training);
    till.selling().resume();
    till.selling().abort_sale();
    rig.view.answer();
    till.shift().set_training(true);
    REQUIRE(till.state().training);
    till.selling().scan(s.cloth.barcode);
    till.access().log_out();
    till.access().log_in(s.clerk.id, "2468");
    CHECK(rig.cart().empty());
    CHECK_FALSE(till.state().training);
}

TEST_CASE("till: after a crash the restarted till says which receipt was the last one recorded") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& till = rig.till;
    till.start();
    CHECK(rig.view.news.empty()); // a till with no receipts has nothing to say
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mug.barcode);
    till.checkout().pay();
    till.checkout().pay_card("");
    REQUIRE(rig.view.screen == "done");
    till.selling().back_to_sale();
    // The next customer's sale is interrupted by a power cut before it is paid.
    till.selling().scan(s.cloth.barcode);
    till.checkout().pay();

    test::Restarted again(*s.db);
    again.till.start();
    REQUIRE(again.view.screen == "login");
    REQUIRE_FALSE(again.view.news.empty());
    const std::string said = again.view.news.back();
    CHECK_THAT(said, Catch::Contains("last receipt recorded on this till: no. 1") &&
                         Catch::Contains("189,00 kr."));
    // After the login the cart that was being paid comes back, and says so; the last receipt
    // is not said again at later logins.
    const std::size_t before = again.view.news.size();
    again.till.access().log_in(s.clerk.id, "2468");
    REQUIRE_FALSE(again.view.problems.empty());
    CHECK_THAT(again.view.problems.back(), Catch::Contains("items in the open sale: 1"));
    CHECK(again.cart().lines().size() == 1);
    again.till.access().log_out();
    again.till.access().log_in(s.clerk.id, "2468");
    CHECK(std::count(again.view.news.begin() + static_cast<std::ptrdiff_t>(before),
                     again.view.news.end(), said) == 0);
}
