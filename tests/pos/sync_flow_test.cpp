// The enrolment screen's flow and the sync's state on the status bar, with a fake port.

#include <catch2/catch.hpp>

#include "pos/model/sync_flow.hpp"

using namespace bl;
using namespace bl::pos;

namespace {

struct FakePort : SyncPort {
    std::optional<std::string> server;
    std::vector<std::string> asked;
    std::optional<std::string> enrolled_server() override { return server; }
    void enrol(const std::string& s, const std::string& ca, const std::string& code) override {
        asked.push_back(s + "|" + ca + "|" + code);
    }
};

struct FakeViews : EnrolView, StatusView {
    std::vector<EnrolmentState> shown;
    std::int64_t unsent = -1;
    std::optional<Message> problem;
    bool problem_shown = false;
    void show_enrolment(const EnrolmentState& s) override { shown.push_back(s); }
    void show_status(const std::string&, std::int64_t n, std::optional<Timestamp>,
                     const std::string&) override {
        unsent = n;
    }
    void show_sync_problem(const std::optional<Message>& p) override {
        problem = p;
        problem_shown = true;
    }
};

struct FakeJournal : TillJournal {
    std::int64_t pending = 7;
    std::optional<Message> journal(const std::string&, JournalKind, JsonObject) override {
        return std::nullopt;
    }
    std::int64_t unsent() override { return pending; }
    std::optional<Timestamp> last_sync() override { return std::nullopt; }
    Timestamp now() override { return now_utc(); }
};

} // namespace

TEST_CASE("enrolment: the fields are checked before the port is asked") {
    FakePort port;
    FakeViews views;
    FakeJournal journal;
    SyncFlow flow(
        port, views, views, journal, [] { return std::string("Mette"); }, "Kasse 1");
    flow.start();
    REQUIRE(views.problem);
    CHECK(std::string(views.problem->msgid).find("double-click") != std::string::npos);
    flow.open();
    REQUIRE_FALSE(views.shown.back().enrolled);

    flow.enrol("", "/x/ca.pem", "ABCD-EFGH-JK");
    REQUIRE(views.shown.back().problem);
    CHECK(std::string(views.shown.back().problem->msgid).rfind("Server address:", 0) == 0);
    flow.enrol("central:8443", " ", "ABCD-EFGH-JK");
    CHECK(std::string(views.shown.back().problem->msgid).rfind("Certificate file:", 0) == 0);
    flow.enrol("central:8443", "/x/ca.pem", "");
    CHECK(std::string(views.shown.back().problem->msgid).rfind("Enrolment code:", 0) == 0);
    CHECK(port.asked.empty());

    flow.enrol(" central:8443 ", "/x/ca.pem", "ABCD-EFGH-JK\n");
    REQUIRE(port.asked.size() == 1);
    CHECK(port.asked[0] == "central:8443|/x/ca.pem|ABCD-EFGH-JK");
    CHECK(views.shown.back().busy);
    // A second press while busy does not send the code twice.
    flow.enrol("central:8443", "/x/ca.pem", "ABCD-EFGH-JK");
    CHECK(port.asked.size() == 1);

    SECTION("refused: the reason is shown and the person may try again") {
        flow.enrolled(err(Message("This enrolment code has expired. Ask the organiser for a "
                                  "new one.")));
        CHECK_FALSE(views.shown.back().busy);
        REQUIRE(views.shown.back().problem);
        flow.enrol("central:8443", "/x/ca.pem", "NEW1-CODE-22");
        CHECK(port.asked.size() == 2);
    }
    SECTION("enrolled: news, the server, and the status bar refreshed") {
        port.server = "central:8443";
        flow.enrolled(Done{});
        CHECK(views.shown.back().enrolled);
        CHECK(views.shown.back().server == "central:8443");
        CHECK(views.shown.back().news);
        CHECK(views.unsent == 7);
    }
}

TEST_CASE("the client's news reaches the status bar: the count and the last error in words") {
    FakePort port;
    FakeViews views;
    FakeJournal journal;
    SyncFlow flow(
        port, views, views, journal, [] { return std::string(); }, "Kasse 1");
    flow.synced(Message("The central store cannot be reached (%s).", {"timeout"}));
    CHECK(views.problem_shown);
    REQUIRE(views.problem);
    journal.pending = 0;
    flow.synced(std::nullopt);
    CHECK_FALSE(views.problem);
    CHECK(views.unsent == 0);
}
