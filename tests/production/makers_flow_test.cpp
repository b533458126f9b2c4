// Makers: the list, adding and editing, consent with its history (a withdrawal holds at
// once), erasure that leaves the name in no byte of the database, its log or a later
// backup, and a maker's own copy of their data.

#include <fstream>
#include <sstream>

#include "shared/store/journal.hpp"
#include "workshop_rig.hpp"

namespace {

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool anywhere(const std::string& path, const std::string& text) {
    return bytes_of(path).find(text) != std::string::npos ||
           bytes_of(path + "-wal").find(text) != std::string::npos;
}

} // namespace

TEST_CASE("the makers list shows the workshop's active makers with their consent") {
    test::WorkshopRig rig;
    rig.workshop.makers().open();
    REQUIRE(rig.view.screen == "makers");
    REQUIRE(rig.view.makers.rows.size() == 2);
    CHECK(rig.view.makers.rows[0].maker.display_name == "Anna");
    CHECK(rig.view.makers.rows[0].receipt == 1);
    CHECK(rig.view.makers.rows[1].maker.display_name == "Prikkeline");
    CHECK(rig.view.makers.rows[1].receipt == 0);
    CHECK(rig.view.makers.workshop_name == "Keramikværkstedet");
}

TEST_CASE("a maker is added counted only, edited, and made inactive") {
    test::WorkshopRig rig;
    rig.workshop.makers().new_maker();
    REQUIRE(rig.view.screen == "maker");
    bl::production::MakerForm f = rig.view.maker_form;
    f.display_name = "Ler-Lotte";
    f.real_name = "Lotte Rasmussen";
    f.phone = "30 40 50 60";
    rig.workshop.makers().save(f);
    CHECK(rig.view.screen == "makers");
    CHECK(rig.view.last_news().find("counted but not named") != std::string::npos);
    REQUIRE(rig.view.makers.rows.size() == 3);
    const auto lotte =
        std::find_if(rig.view.makers.rows.begin(), rig.view.makers.rows.end(),
                     [](const auto& r) { return r.maker.display_name == "Ler-Lotte"; });
    REQUIRE(lotte != rig.view.makers.rows.end());
    CHECK(lotte->receipt == 0);
    CHECK(lotte->report == 0);
    const std::string id = lotte->maker.id;
    // The journal knows the maker by id only.
    CHECK(rig.count("SELECT count(*) FROM journal WHERE payload LIKE '%Lotte%'") == 0);

    rig.workshop.makers().edit(id);
    REQUIRE(rig.view.maker_form.real_name == "Lotte Rasmussen");
    f = rig.view.maker_form;
    f.display_name = "Lotte";
    f.active = false;
    rig.workshop.makers().save(f);
    CHECK(rig.view.last_news() == "The maker's details are saved.");
    CHECK(rig.view.makers.rows.size() == 2); // inactive makers are not listed by default
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'maker_changed'") == 1);
    CHECK(rig.count("SELECT count(*) FROM outbox WHERE kind = 'maker_changed' AND "
                    "payload LIKE '%\"display_name\":\"Lotte\"%'") == 1);
    rig.workshop.makers().show_inactive(true);
    CHECK(rig.view.makers.rows.size() == 3);

    // Bad input: a name with a hidden control character changes nothing.
    rig.workshop.makers().edit(id);
    f = rig.view.maker_form;
    f.display_name = "Lot\x01te";
    rig.workshop.makers().save(f);
    CHECK(rig.view.screen == "maker");
    CHECK_FALSE(rig.view.last_problem().empty());
    CHECK(bl::find_maker(rig.db(), id)->display_name == "Lotte");
}

TEST_CASE("consent is recorded per channel with its history; a withdrawal holds at once") {
    test::WorkshopRig rig;
    rig.workshop.makers().consent(rig.s.prik.id);
    REQUIRE(rig.view.screen == "consent");
    CHECK(rig.view.consent.receipt == 0);
    CHECK(rig.view.consent.history.empty());
    rig.workshop.makers().set_consent(rig.s.prik.id, bl::ConsentChannel::report, 2);
    CHECK(rig.view.consent.report == 2);
    REQUIRE(rig.view.consent.history.size() == 1);
    CHECK(rig.view.consent.history[0].recorded_by == "Jonas");
    CHECK(rig.view.consent.history[0].version == 1);
    rig.workshop.makers().set_consent(rig.s.prik.id, bl::ConsentChannel::report, 0);
    CHECK(rig.view.last_news().find("withdrawal holds from now on") != std::string::npos);
    CHECK(rig.view.consent.report == 0);
    REQUIRE(rig.view.consent.history.size() == 2);
    CHECK(rig.view.consent.history[0].level == 0); // newest first
    CHECK(rig.view.consent.history[0].version == 2);
    CHECK(bl::current_consent(rig.db(), rig.s.prik.id, bl::ConsentChannel::report) ==
          bl::ConsentLevel::counted_only);
    // The withdrawal travels with the next sync.
    CHECK(rig.count("SELECT count(*) FROM outbox WHERE kind = 'consent_recorded'") >= 2);
    // The same level again changes nothing; a level that does not exist neither.
    const auto rows = rig.count("SELECT count(*) FROM maker_consent");
    rig.workshop.makers().set_consent(rig.s.prik.id, bl::ConsentChannel::report, 0);
    CHECK(rig.view.last_problem().find("Nothing was changed") != std::string::npos);
    rig.workshop.makers().set_consent(rig.s.prik.id, bl::ConsentChannel::web, 7);
    CHECK(rig.view.last_problem() == "That consent level does not exist.");
    CHECK(rig.count("SELECT count(*) FROM maker_consent") == rows);
}

TEST_CASE("consent recorded by someone without the role is refused and changes nothing") {
    test::Station s;
    const auto before = test::count(*s.db, "SELECT count(*) FROM maker_consent");
    auto r = bl::record_consent(*s.db, {s.station.id, s.clerk.id}, s.prik.id,
                                bl::ConsentChannel::receipt, bl::ConsentLevel::chosen_name);
    REQUIRE_FALSE(r.ok());
    CHECK(bl::render(r.error()).find("Only a workshop leader or an organiser") !=
          std::string::npos);
    CHECK(test::count(*s.db, "SELECT count(*) FROM maker_consent") == before);
}

TEST_CASE("a maker from another workshop is out of a workshop leader's reach") {
    test::WorkshopRig rig;
    rig.workshop.makers().edit(rig.s.sofie.id);
    CHECK(rig.view.last_problem() == "That maker belongs to another workshop.");
    rig.workshop.makers().confirm_erase(rig.s.sofie.id);
    CHECK_FALSE(bl::find_maker(rig.db(), rig.s.sofie.id)->erased);
}

TEST_CASE("erasure: the name is in no byte of the file, its log or a later backup") {
    test::WorkshopRig rig;
    // Work logged with Prikkeline, which stays counted without a name.
    auto form = rig.mug_form("6", {{&rig.s.prik, "2"}, {&rig.s.anna, "1:30"}});
    rig.workshop.quick().save(form);
    REQUIRE(rig.view.screen == "labels");
    const std::string batch = rig.view.labels.selected;
    const std::string path = rig.db().path();
    CHECK(anywhere(path, "Pernille Lundtoft"));

    rig.workshop.makers().erase(rig.s.prik.id);
    REQUIRE(rig.view.screen == "erase");
    CHECK(rig.view.erase.minutes == 120);
    CHECK(rig.view.erase.has_private);
    rig.workshop.makers().confirm_erase(rig.s.prik.id);
    REQUIRE(rig.view.erased);
    CHECK(rig.view.erased->checked);
    CHECK(rig.view.erased->log_emptied);
    CHECK(rig.view.erased->texts_checked == 4);
    CHECK(rig.view.erased->still_found.empty());
    for (const char* text :
         {"Prikkeline", "Pernille Lundtoft", "pernille@example.dk", "Jeg drejer krus."})
        CHECK_FALSE(anywhere(path, text));
    const std::string backup = rig.s.dir.file("backup.db");
    REQUIRE(bl::back_up(rig.db(), backup).ok());
    CHECK(bytes_of(backup).find("Prikkeline") == std::string::npos);
    CHECK(bytes_of(backup).find("Pernille") == std::string::npos);

    // The pseudonymous id stays: the hours add up and the journal verifies.
    CHECK(bl::batch_minutes(rig.db(), batch) == 210);
    CHECK(bl::verify_journal(rig.db(), rig.s.station.id).ok);
    CHECK(bl::find_maker(rig.db(), rig.s.prik.id)->erased);

    // Erasing twice is refused and changes nothing.
    const auto rows = rig.count("SELECT count(*) FROM journal");
    rig.workshop.makers().confirm_erase(rig.s.prik.id);
    CHECK(rig.view.last_problem().find("already been erased") != std::string::npos);
    CHECK(rig.count("SELECT count(*) FROM journal") == rows);
    rig.workshop.makers().edit(rig.s.prik.id);
    CHECK(rig.view.last_problem().find("has been erased") != std::string::npos);
}

TEST_CASE("export my data: the maker's own data as JSON and a readable PDF") {
    test::WorkshopRig rig;
    rig.workshop.quick().save(rig.mug_form("4", {{&rig.s.anna, "2"}}));
    rig.workshop.makers().export_data(rig.s.anna.id);
    REQUIRE(rig.view.last_news().find("Give it only to the maker") != std::string::npos);
    const std::string json = rig.workshop.makers().data_json(rig.s.anna.id);
    CHECK(json.find("\"real_name\":\"Anna Holmegaard\"") != std::string::npos);
    CHECK(json.find("\"minutes\":120") != std::string::npos);
    CHECK(json.find("\"channel\":\"receipt\"") != std::string::npos);
    CHECK(json.find("Prikkeline") == std::string::npos); // nobody else's data
    std::string pdf;
    for (const auto& e : std::filesystem::directory_iterator(rig.s.documents()))
        if (e.path().extension() == ".pdf")
            pdf = e.path().string();
    REQUIRE_FALSE(pdf.empty());
    const std::string text = test::pdf_text(pdf);
    CHECK(text.find("Dine data i Bundlinje") != std::string::npos);
    CHECK(text.find("Anna Holmegaard") != std::string::npos);
    CHECK(text.find("CPR-nummer") != std::string::npos);
    CHECK(text.find("Prikkeline") == std::string::npos);
}
