// A batch as it is logged: times as people type them, each maker's own hours (never
// multiplied by the number of makers), the sums shown as the form fills in, and the bad
// input the form refuses with a reason.

#include <catch2/catch.hpp>

#include "production/model/batch_draft.hpp"
#include "shared/rules/work_rules.hpp"

using bl::production::parse_work_time;
using bl::production::QuickForm;
using bl::production::QuickRow;
using bl::production::read_quick;

namespace {

QuickForm form(const std::string& units, std::vector<QuickRow> rows) {
    QuickForm f;
    f.product_id = "p";
    f.units = units;
    f.date = "2026-11-20";
    f.rows = std::move(rows);
    return f;
}

std::int64_t minutes(const std::string& typed) {
    auto r = parse_work_time(typed, "Anna");
    REQUIRE(r.ok());
    return r.value();
}

std::string refusal(const std::string& typed) {
    auto r = parse_work_time(typed, "Anna");
    REQUIRE_FALSE(r.ok());
    return bl::render(r.error());
}

} // namespace

TEST_CASE("times are read as workshop leaders type them") {
    CHECK(minutes("2") == 120);
    CHECK(minutes(" 2 ") == 120);
    CHECK(minutes("1:30") == 90);
    CHECK(minutes("0:45") == 45);
    CHECK(minutes("2,5") == 150);
    CHECK(minutes("1.25") == 75);
    CHECK(minutes("45 min") == 45);
    CHECK(minutes("45min") == 45);
    CHECK(minutes("2 t") == 120);
    CHECK(minutes("2 t 15 min") == 135);
    CHECK(minutes("3 timer") == 180);
    CHECK(minutes("1 h 5 m") == 65);
}

TEST_CASE("a time that cannot be read names the maker and says what to type") {
    CHECK(refusal("").find("Anna: type how long") != std::string::npos);
    CHECK(refusal("to timer").find("for example 2") != std::string::npos);
    CHECK(refusal("-2").find("cannot be negative") != std::string::npos);
    CHECK(refusal("0").find("more than 0 minutes") != std::string::npos);
    CHECK(refusal("0:00").find("more than 0 minutes") != std::string::npos);
    CHECK(refusal("1:75").find("for example") != std::string::npos);
    CHECK(refusal("1,33").find("whole minutes") != std::string::npos);
    CHECK(refusal("2 kg").find("for example") != std::string::npos);
    CHECK(refusal("250").find("more than anyone works") != std::string::npos);
    CHECK(refusal("99999999999999999999").find("for example") != std::string::npos);
}

TEST_CASE("three makers with 2 hours each are 6 hours in all, never 2 or 18") {
    auto r = read_quick(form("12", {{"a", "Anna", "2", false, "drejning", ""},
                                    {"b", "Bo", "", true, "drejning", ""},
                                    {"c", "Cai", "", true, "glasering", ""}}),
                        "w", "2026-11-30");
    REQUIRE(r.batch);
    CHECK(r.sums.makers == 3);
    CHECK(r.sums.minutes == 360);
    REQUIRE(r.sums.per_unit);
    CHECK(*r.sums.per_unit == 30); // "3 makers, 6 t in all, 30 min per unit"
    std::int64_t sum = 0;
    for (const auto& c : r.batch->contributions) {
        CHECK(c.minutes == 120); // each maker's own time
        CHECK(c.worked_on == "2026-11-20");
        sum += c.minutes;
    }
    CHECK(sum == r.sums.minutes);
    CHECK(r.batch->units == 12);
}

TEST_CASE("the sums follow the form as it fills in, and say calmly what is missing") {
    auto empty = read_quick(form("", {}), "w", "2026-11-30");
    CHECK_FALSE(empty.batch);
    CHECK(empty.sums.makers == 0);
    REQUIRE(empty.sums.hint);
    auto half = read_quick(form("", {{"a", "Anna", "1:30", false, "", ""}}), "w", "2026-11-30");
    CHECK(half.sums.makers == 1);
    CHECK(half.sums.minutes == 90);
    CHECK_FALSE(half.sums.per_unit); // no units yet
    CHECK(bl::render(*half.sums.hint).find("Units") != std::string::npos);
}

TEST_CASE("'same as the others' needs the others to agree on one time") {
    auto r = read_quick(form("4", {{"a", "Anna", "2", false, "", ""},
                                   {"b", "Bo", "3", false, "", ""},
                                   {"c", "Cai", "", true, "", ""}}),
                        "w", "2026-11-30");
    CHECK_FALSE(r.batch);
    CHECK(bl::render(*r.problem).find("Cai: \"same as the others\"") != std::string::npos);
    auto alone = read_quick(form("4", {{"c", "Cai", "", true, "", ""}}), "w", "2026-11-30");
    CHECK_FALSE(alone.batch);
}

TEST_CASE("bad batches are refused with a reason: no units, absurd hours, a future date") {
    auto none = read_quick(form("0", {{"a", "Anna", "2", false, "", ""}}), "w", "2026-11-30");
    CHECK(bl::render(*none.problem) == "A batch has at least one unit.");
    auto letters = read_quick(form("tolv", {{"a", "Anna", "2", false, "", ""}}), "w", "2026-11-30");
    CHECK(bl::render(*letters.problem).find("not a whole number") != std::string::npos);
    // 13 hours for one maker on one day: most likely everyone's hours added together.
    auto day = read_quick(form("10", {{"a", "Anna", "13", false, "", ""}}), "w", "2026-11-30");
    REQUIRE(day.problem);
    CHECK(bl::render(*day.problem).find("Anna: 13:00 hours on 2026-11-20 is more than 12") !=
          std::string::npos);
    CHECK(bl::render(*day.problem).find("each maker's own") != std::string::npos);
    auto future = read_quick(form("10", {{"a", "Anna", "2", false, "", ""}}), "w", "2026-11-19");
    CHECK(bl::render(*future.problem).find("after today") != std::string::npos);
    auto nobody = read_quick(form("10", {}), "w", "2026-11-30");
    CHECK(bl::render(*nobody.problem) == "Pick the makers who worked on it.");
}

TEST_CASE("the work rules: 12 hours a day over all batches, 24 hours on one batch") {
    std::vector<bl::Contribution> work{{"", "", "m", 300, "", "2026-11-20"},
                                       {"", "", "m", 300, "", "2026-11-21"}};
    CHECK_FALSE(bl::check_work(work));
    // With 7 hours on another batch that day, 5 more are 12: allowed; 6 more are not.
    auto elsewhere = [](const std::string&, const std::string& day) {
        return day == "2026-11-20" ? std::int64_t{420} : std::int64_t{0};
    };
    CHECK_FALSE(bl::check_work(work, elsewhere));
    work[0].minutes = 301;
    CHECK(bl::check_work(work, elsewhere));
    std::vector<bl::Contribution> long_batch;
    for (int d = 10; d < 13; ++d)
        long_batch.push_back({"", "", "m", 9 * 60, "", "2026-11-" + std::to_string(d)});
    auto p = bl::check_work(long_batch);
    REQUIRE(p);
    CHECK(bl::render(*p).find("27:00 hours on one batch is more than 24") != std::string::npos);
}

TEST_CASE("every product gets a picture symbol") {
    bl::Product mug;
    mug.name = "Krus med hank";
    mug.category = "Keramik";
    CHECK(bl::production::pictogram_for(mug) == "\u2615");
    bl::Product cloth;
    cloth.name = "Viskestykke";
    cloth.category = "Tekstil";
    CHECK(bl::production::pictogram_for(cloth) == "\u2702");
    bl::Product odd;
    odd.name = "Noget";
    CHECK_FALSE(bl::production::pictogram_for(odd).empty());
}
