// Logging in to the workshop program: the till's PINs and lockout; workshop leaders work
// with their own workshop, organisers with any; shop staff use the till.

#include "workshop_rig.hpp"

TEST_CASE("the login shows workshop leaders and organisers, not shop staff") {
    test::WorkshopRig rig("");
    CHECK(rig.view.screen == "login");
    std::vector<std::string> names;
    for (const auto& u : rig.view.login)
        names.push_back(u.name);
    CHECK(names == std::vector<std::string>{"Jonas", "Lise"});
    rig.log_in(rig.s.clerk);
    CHECK(rig.view.screen == "login");
    CHECK(rig.view.last_problem().find("Shop staff use the till") != std::string::npos);
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'login'") == 0);
}

TEST_CASE("a workshop leader logs in to their own workshop, with the PIN counted") {
    test::WorkshopRig rig("");
    rig.log_in(rig.s.leader, "1111");
    CHECK(rig.view.screen == "login");
    CHECK(rig.view.last_problem().find("tries left") != std::string::npos);
    rig.log_in(rig.s.leader);
    CHECK(rig.view.screen == "home");
    CHECK_FALSE(rig.view.home.organiser);
    CHECK(rig.view.home.workshop_id == rig.s.workshop.id);
    REQUIRE(rig.view.home.workshops.size() == 1);
    CHECK(rig.view.workshop_name == "Keramikværkstedet");
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'login_failed'") == 1);
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'login'") == 1);
    // A leader cannot switch to another workshop, nor open the organisers' pages.
    rig.workshop.access().choose_workshop(rig.s.textiles.id);
    CHECK(rig.workshop.state().workshop_id == rig.s.workshop.id);
    CHECK(rig.view.last_problem().find("own workshop") != std::string::npos);
    rig.workshop.catalogue().open();
    CHECK(rig.view.screen == "home");
    CHECK(rig.view.last_problem() == "Only an organiser can change the catalogue.");
    rig.workshop.reports().open();
    CHECK(rig.view.last_problem() == "Only an organiser can make reports.");
}

TEST_CASE("five wrong PINs lock the person out, as at the till") {
    test::WorkshopRig rig("");
    for (int i = 0; i < 5; ++i)
        rig.log_in(rig.s.leader, "0000");
    CHECK(rig.view.last_problem().find("Too many wrong PINs") != std::string::npos);
    rig.log_in(rig.s.leader);
    CHECK(rig.view.screen == "login");
    CHECK(rig.view.last_problem().find("Too many wrong PINs") != std::string::npos);
}

TEST_CASE("an organiser may work with any workshop") {
    test::WorkshopRig rig("Lise");
    CHECK(rig.view.home.organiser);
    CHECK(rig.view.home.workshops.size() == 2);
    rig.workshop.access().choose_workshop(rig.s.textiles.id);
    CHECK(rig.workshop.state().workshop_id == rig.s.textiles.id);
    CHECK(rig.view.workshop_name == "Tekstilværkstedet");
    rig.workshop.makers().open();
    REQUIRE(rig.view.makers.rows.size() == 1);
    CHECK(rig.view.makers.rows[0].maker.display_name == "Sofie");
    rig.workshop.access().log_out();
    CHECK(rig.view.screen == "login");
    CHECK_FALSE(rig.workshop.state().staff);
    rig.workshop.makers().open();
    CHECK(rig.view.last_problem() == "Log in first.");
}
