// The access flow: logging in and out, and an organiser's approval on the spot.

#include "till_rig.hpp"

using test::Rig;

TEST_CASE("till: an organiser approves one action on the spot with their PIN") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mug.barcode);
    till.selling().discount_line(0, "50 %");
    CHECK_THAT(view.problems.back(), Catch::Contains("organiser's approval"));
    till.access().ask_approval();
    CHECK(view.screen == "approval");
    CHECK(view.approvers == 1);
    till.access().approve(s.leader.id, "2468");
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser can approve"));
    till.access().approve(lise.id, "1111");
    CHECK_THAT(view.problems.back(), Catch::Contains("Wrong PIN"));
    till.access().approve(lise.id, "2468");
    REQUIRE_FALSE(view.news.empty());
    CHECK_THAT(view.news.back(), Catch::StartsWith("Lise approved the next action"));
    till.selling().discount_line(0, "50 %");
    CHECK(view.total.ore() == 9450);
    // The approval covered that one action.
    till.shift().open_drawer();
    CHECK_THAT(view.problems.back(), Catch::Contains("Only an organiser"));
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'approval'") == 1);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'login_failed'") == 1);
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
    till.selling().scan(s.cloth.barcode);
    till.selling().park();
    till.shift().set_training(true);
    CHECK_THAT(rig.view.problems.back(), Catch::Contains("parked sales"));
    CHECK_FALSE(till.state().training);
    till.selling().resume();
    till.selling().abort_sale();
    till.shift().set_training(true);
    REQUIRE(till.state().training);
    till.selling().scan(s.cloth.barcode);
    till.access().log_out();
    till.access().log_in(s.clerk.id, "2468");
    CHECK(rig.cart().empty());
    CHECK_FALSE(till.state().training);
}
