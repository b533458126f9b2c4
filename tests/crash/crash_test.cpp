// Kill -9 trials: a child till (crash_child.cpp) runs a day at the till (sales, a refund, part
// payments, an X report, a batch logged and delivered, a Z with the check and backup after it)
// and dies by SIGKILL; after each death the database is opened (recovering the WAL like a till
// after a power cut) and checked.
//
// How kill points are chosen: by construction, never by the clock. A plan, drawn once from a
// seeded RNG and so the same on every run, gives each trial a number of steps the child
// completes and reports (0..12) and the point where it then kills itself (kill_points.hpp):
//   - <stage>-write: before the N-th write or sync of that action's commit (capped at the
//     commit frame, so it never commits); for the backup, its N-th write or sync anywhere;
//   - <stage>-torn: the commit frame's header written, its page not;
//   - <stage>-synced: every frame written, the WAL not synced;
//   - <stage>-returned: the action returned, the report line not written;
//   - migrate-*: the same, in the commit of the schema step a database one step behind takes
//     when it is opened.
// Each point occurs equally often in the plan, so each is covered on every run however loaded
// the machine is, and the parent knows from the plan alone what every trial must leave
// behind. The parent reads the child's stdout until EOF (the child is dead then); nothing waits
// on time.
//
// The number of trials comes from BL_CRASH_TRIALS (200 in the default run; 10,000 behind the
// label crash-long). Every 50 trials start on a new shop, so a trial's checks cost the same
// however long the run is.

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <map>
#include <random>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "../store/fixture.hpp"
#include "kill_points.hpp"
#include "shared/store/kept_carts.hpp"
#include "shared/store/shifts.hpp"

namespace {

using crash::Stage;

struct Trial {
    std::string seed;                    // also the child's mark prefix: unique in the plan
    int steps = 0;                       // actions completed and reported before the fatal one
    const crash::Point* point = nullptr; // where the fatal action dies
    int n = 1;                           // for How::write: the write or sync to die before
};

constexpr int max_steps = 12;
constexpr int trials_per_shop = 50;

int planned_trials() {
    const char* env = std::getenv("BL_CRASH_TRIALS");
    const int n = env ? std::atoi(env) : 200;
    return n > 0 ? n : 200;
}

// N is drawn below the fewest writes and syncs that action makes before its commit frame's
// page (keep_carts writes 1 WAL frame; an event 2 to 3; a Z 7 to 10; a sale 10 to 23; a batch
// about 10; a delivery of two batches about 8; the migration step 3 to 4; each frame a header and a
// page), so the kill lands inside the commit before its commit frame. Should the store come to
// write fewer, the cap turns a kill past the end into a torn commit frame: still uncommitted, so
// the expectations hold either way. The backup writes its check's commit and a whole new file.
int max_n(Stage s) {
    switch (s) {
    case Stage::keep:
    case Stage::part:
        return 1;
    case Stage::undo:
    case Stage::x:
    case Stage::migrate:
        return 4;
    case Stage::deliver:
    case Stage::z:
        return 8;
    case Stage::batch:
        return 12;
    case Stage::sale:
    case Stage::refund:
        return 16;
    case Stage::backup:
        return 24;
    }
    return 1;
}

std::vector<Trial> make_plan(int trials) {
    std::mt19937 rng(20181201);
    std::vector<const crash::Point*> order;
    for (int t = 0; t < trials; ++t)
        order.push_back(&crash::points[static_cast<std::size_t>(t) % crash::points.size()]);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<Trial> plan;
    for (std::size_t t = 0; t < order.size(); ++t) {
        Trial trial;
        // The trial number in front keeps marks unique without relying on the RNG.
        trial.seed = std::to_string((t + 1) * 100000 + rng() % 100000);
        trial.steps = static_cast<int>(rng() % (max_steps + 1));
        trial.point = order[t];
        trial.n = 1 + static_cast<int>(rng() % static_cast<unsigned>(max_n(trial.point->stage)));
        // A migration is taken when the database is opened, before any step.
        if (trial.point->stage == Stage::migrate)
            trial.steps = 0;
        plan.push_back(trial);
    }
    return plan;
}

// What the database must hold after a trial, carried from trial to trial.
struct Expected {
    std::int64_t sales = 0;   // sale rows (sales and refunds)
    std::int64_t z = 0;       // shifts closed with a Z report
    std::int64_t batches = 0; // batch rows
    std::int64_t moves = 0;   // stock moves
    std::int64_t x = 0;       // X reports journaled
    std::int64_t undo = 0;    // part payments undone, journaled
    std::string kept;         // the kept open cart, empty for none
    bool shift_open = false;  // a shift is open
    // This trial's report lines, by kind.
    std::map<std::string, int> reported;
    bool fatal_committed = false; // the fatal action committed (never reported)
};

Expected expect_after(Expected e, const Trial& t) {
    e.reported.clear();
    for (int i = 0; i < t.steps; ++i) {
        e.shift_open = true; // opened before every step when none is open
        const std::string mark = t.seed + "-" + std::to_string(i);
        switch (crash::step(i)) {
        case Stage::sale:
            ++e.reported["sale"];
            ++e.sales;
            e.kept.clear(); // the sale takes its kept cart away in its commit
            break;
        case Stage::refund:
            ++e.reported["refund"];
            ++e.sales;
            break;
        case Stage::part:
            ++e.reported["part"];
            e.kept = "cart " + mark + "\npaid card 50,00";
            break;
        case Stage::undo:
            ++e.reported["undo"];
            ++e.undo;
            break;
        case Stage::x:
            ++e.reported["x"];
            ++e.x;
            break;
        case Stage::batch:
            ++e.reported["batch"];
            ++e.batches;
            ++e.moves;
            break;
        case Stage::deliver:
            ++e.reported["deliver"];
            e.moves += 4;
            break;
        case Stage::z:
            ++e.reported["z"];
            ++e.reported["backup"];
            ++e.z;
            e.shift_open = false;
            break;
        default:
            break;
        }
    }
    const std::string mark = t.seed + "-" + std::to_string(t.steps);
    const bool committed = t.point->committed();
    e.fatal_committed = committed;
    if (t.point->stage != Stage::migrate)
        e.shift_open = true;
    switch (t.point->stage) {
    case Stage::keep:
        if (committed)
            e.kept = "cart " + mark;
        break;
    case Stage::part:
        if (committed)
            e.kept = "cart " + mark + "\npaid card 50,00";
        break;
    case Stage::sale:
        // keep_carts returned before record_sale was entered.
        e.kept = committed ? std::string() : "cart " + mark;
        e.sales += committed ? 1 : 0;
        break;
    case Stage::refund:
        e.sales += committed ? 1 : 0;
        break;
    case Stage::undo:
        e.undo += committed ? 1 : 0;
        break;
    case Stage::x:
        e.x += committed ? 1 : 0;
        break;
    case Stage::batch:
        e.batches += committed ? 1 : 0;
        e.moves += committed ? 1 : 0;
        break;
    case Stage::deliver:
        e.moves += committed ? 4 : 0;
        break;
    case Stage::z:
        e.z += committed ? 1 : 0;
        e.shift_open = !committed;
        break;
    case Stage::backup:
        // The Z before it committed and was reported.
        ++e.reported["z"];
        ++e.z;
        e.shift_open = false;
        break;
    case Stage::migrate:
        break;
    }
    return e;
}

struct Reported {
    std::vector<std::pair<std::string, std::int64_t>> sales; // sales and refunds
    std::vector<std::string> z;
    std::map<std::string, int> kinds;
    std::string dying; // the child's last line: where it killed itself
    std::string output;
};

// Runs the child with its plan and returns what it wrote before it killed itself.
Reported run(const std::string& db_path, const Trial& t) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        const std::string steps = std::to_string(t.steps), n = std::to_string(t.n);
        const std::string point(t.point->name);
        execl(CRASH_CHILD, CRASH_CHILD, db_path.c_str(), t.seed.c_str(), steps.c_str(),
              point.c_str(), n.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    // EOF comes when the child is gone (it holds the only write end), so this read is the
    // whole trial: no deadline, no polling.
    Reported r;
    char buf[4096];
    ssize_t got;
    while ((got = read(fds[0], buf, sizeof buf)) > 0)
        r.output.append(buf, static_cast<std::size_t>(got));
    close(fds[0]);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    INFO("child output:\n" << r.output);
    if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
        FAIL("the child did not kill itself at its point: status " << status);
    // Every line is written whole (report lines are flushed one by one, the last one with a
    // single write before the kill), so none may be cut off.
    REQUIRE((!r.output.empty() && r.output.back() == '\n'));

    std::istringstream lines(r.output);
    std::string line;
    while (std::getline(lines, line)) {
        REQUIRE(r.dying.empty()); // nothing after the last words
        std::istringstream f(line);
        std::string kind, id;
        f >> kind >> id;
        if (kind == "dying") {
            r.dying = line;
            continue;
        }
        if (kind != "sale" && kind != "refund" && kind != "z" && kind != "backup" &&
            kind != "part" && kind != "undo" && kind != "x" && kind != "batch" && kind != "deliver")
            FAIL("unexpected line from the child: " << line);
        ++r.kinds[kind];
        if (kind == "sale" || kind == "refund") {
            std::int64_t number = 0;
            f >> number;
            r.sales.emplace_back(id, number);
        } else if (kind == "z") {
            r.z.push_back(id);
        }
    }
    return r;
}

// Puts the database one schema step behind, as an older Bundlinje left it: the next open
// takes the step again (and the child dies in its commit). The last step is the tiles' (the
// category colours and product pictures); when a step is added, this undoes that one.
void one_step_behind(const std::string& path) {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("DROP TABLE category_colour; DROP TABLE product_picture; "
             "PRAGMA user_version = " +
             std::to_string(bl::latest_schema_version() - 1));
}

// A shop for a run of trials: the fixture's, with sales to refund and a batch at the workshop
// that deliveries come from.
std::unique_ptr<test::Shop> new_shop(Expected& e) {
    auto s = std::make_unique<test::Shop>(true);
    for (int i = 0; i < 3; ++i)
        s->sell({test::Shop::line(s->mug, 2), test::Shop::line(s->mug, 1)});
    bl::Batch b;
    b.product_id = s->mug.id;
    b.workshop_id = s->workshop.id;
    b.produced_on = "2026-10-20";
    b.units = 5000;
    b.notes = "crash stock";
    b.contributions = {{"", "", s->anna.id, 600, "drejning", ""}};
    REQUIRE(bl::add_batch(*s->db, s->at_station(), b).ok());
    b.notes = "crash stock 2";
    b.produced_on = "2026-10-21"; // Anna's hours on one day are capped
    b.id.clear();
    REQUIRE(bl::add_batch(*s->db, s->at_station(), b).ok());
    e = Expected{};
    e.sales = test::count(*s->db, "SELECT count(*) FROM sale");
    e.batches = test::count(*s->db, "SELECT count(*) FROM batch");
    e.moves = test::count(*s->db, "SELECT count(*) FROM stock_move");
    e.shift_open = true;
    s->db.reset(); // the child owns the file while it runs
    return s;
}

std::int64_t journaled(bl::Database& db, const std::string& kind, const std::string& mark = {}) {
    return test::count(db,
                       "SELECT count(*) FROM journal WHERE kind = '" + kind + "'" +
                           (mark.empty() ? std::string()
                                         : " AND instr(payload, '\"mark\":\"" + mark + "\"') > 0"));
}

} // namespace

TEST_CASE("SIGKILL at planned points loses nothing reported and leaves nothing half-written") {
    const std::vector<Trial> plan = make_plan(planned_trials());

    // The plan itself: every point a few times.
    std::map<std::string_view, int> per_point_count;
    for (const auto& t : plan)
        ++per_point_count[t.point->name];
    REQUIRE(per_point_count.size() == crash::points.size());
    for (const auto& [name, n] : per_point_count) {
        INFO(name);
        CHECK(n >= 4);
    }

    Expected expected;
    std::unique_ptr<test::Shop> shop;
    std::string path;
    std::map<std::string, int> reported_total, planned_total;
    int carts_kept = 0, backups_checked = 0;
    for (std::size_t trial = 0; trial < plan.size(); ++trial) {
        if (trial % trials_per_shop == 0) {
            shop = new_shop(expected);
            path = shop->dir.file("till.db");
        }
        const Trial& t = plan[trial];
        INFO("trial " << trial << ": " << t.steps << " steps, then " << t.point->name
                      << " (n = " << t.n << "), seed " << t.seed);
        expected = expect_after(expected, t);
        if (t.point->stage == Stage::migrate)
            one_step_behind(path);
        const Reported rep = run(path, t);
        INFO(rep.dying);
        for (const auto& [kind, n] : rep.kinds)
            reported_total[kind] += n;
        for (const auto& [kind, n] : expected.reported)
            planned_total[kind] += n;

        // It died where it was told, after reporting every action before that.
        CHECK(rep.dying.rfind("dying " + std::string(t.point->name) + " ", 0) == 0);
        const bool at_commit_page = rep.dying.find("the commit frame's page") != std::string::npos;
        if (t.point->how == crash::How::torn)
            CHECK(at_commit_page);
        if (t.point->how == crash::How::write)
            CHECK((rep.dying.find(" before call " + std::to_string(t.n) + ": ") !=
                       std::string::npos ||
                   at_commit_page));
        CHECK(rep.kinds == expected.reported);

        bl::Database db(path); // recovers the WAL like a till after a power cut
        CHECK(db.schema_version() == bl::latest_schema_version());
        for (const auto& [id, number] : rep.sales) {
            auto sale = bl::find_sale(db, id);
            REQUIRE(sale);
            CHECK(sale->receipt_number == number);
        }
        for (const auto& z : rep.z)
            CHECK(test::count(db, "SELECT count(*) FROM shift WHERE id = '" + z +
                                      "' AND z_number IS NOT NULL") == 1);

        // Exactly what the kill point implies: the fatal action committed whole or not at all.
        const std::string mark = t.seed + "-" + std::to_string(t.steps);
        const bool fatal = expected.fatal_committed;
        switch (t.point->stage) {
        case Stage::sale:
        case Stage::refund:
            CHECK(test::count(db, "SELECT count(DISTINCT sale_id) FROM sale_line WHERE "
                                  "description LIKE '% #" +
                                      mark + "'") == (fatal ? 1 : 0));
            if (fatal) // committed, never reported: it took the next receipt number
                CHECK(test::count(db, "SELECT max(s.receipt_number) FROM sale s JOIN sale_line l "
                                      "ON l.sale_id = s.id WHERE l.description LIKE '% #" +
                                          mark + "'") == expected.sales);
            break;
        case Stage::batch:
            CHECK(test::count(db, "SELECT count(*) FROM batch WHERE notes = '#" + mark + "'") ==
                  (fatal ? 1 : 0));
            break;
        case Stage::x:
            CHECK(journaled(db, "x_report", mark) == (fatal ? 1 : 0));
            break;
        case Stage::undo:
            CHECK(journaled(db, "part_payment_undone", mark) == (fatal ? 1 : 0));
            break;
        default:
            break;
        }
        CHECK(test::count(db, "SELECT count(*) FROM sale") == expected.sales);
        CHECK(test::count(db, "SELECT count(*) FROM shift WHERE z_number IS NOT NULL") ==
              expected.z);
        CHECK(test::count(db, "SELECT coalesce(max(z_number), 0) FROM shift") == expected.z);
        CHECK(test::count(db, "SELECT count(*) FROM shift WHERE closed_at IS NULL") ==
              (expected.shift_open ? 1 : 0));
        CHECK(test::count(db, "SELECT count(*) FROM batch") == expected.batches);
        CHECK(test::count(db, "SELECT count(*) FROM stock_move") == expected.moves);
        CHECK(journaled(db, "x_report") == expected.x);
        CHECK(journaled(db, "part_payment_undone") == expected.undo);
        const bl::KeptCarts kept_now = bl::kept_carts(db);
        CHECK(kept_now.open == expected.kept);
        CHECK(kept_now.parked.empty());

        // Nothing half-written: every sale has lines, allocations, payments that settle it,
        // stock moves, and its journal and outbox rows.
        CHECK(test::count(db, "SELECT count(*) FROM sale s WHERE NOT EXISTS (SELECT 1 FROM "
                              "sale_line l WHERE l.sale_id = s.id)") == 0);
        CHECK(test::count(
                  db, "SELECT count(*) FROM sale s WHERE s.total_ore + s.rounding_ore "
                      "<> (SELECT sum(amount_ore) FROM payment p WHERE p.sale_id = s.id)") == 0);
        CHECK(test::count(db, "SELECT count(*) FROM sale_line l WHERE l.quantity <> (SELECT "
                              "sum(units) FROM sale_allocation a WHERE a.sale_id = l.sale_id AND "
                              "a.line_no = l.line_no)") == 0);
        // No unit refunded twice.
        CHECK(test::count(db, "SELECT count(*) FROM sale_line l WHERE l.quantity > 0 AND "
                              "l.quantity < (SELECT coalesce(-sum(r.quantity), 0) FROM sale_line "
                              "r WHERE r.refund_of_sale_id = l.sale_id AND r.refund_of_line_no = "
                              "l.line_no)") == 0);
        // Stock kept on each batch matches its moves less the units its sales took.
        CHECK(test::count(db,
                          "SELECT count(*) FROM batch b WHERE b.on_hand <> (SELECT "
                          "coalesce(sum(units), 0) FROM stock_move m WHERE m.batch_id = b.id) - "
                          "(SELECT coalesce(sum(a.units), 0) FROM sale_allocation a JOIN sale s "
                          "ON s.id = a.sale_id WHERE a.batch_id = b.id AND s.training = 0)") == 0);
        CHECK(test::count(db, "SELECT count(*) FROM journal j WHERE j.device_id = '" +
                                  shop->till.id +
                                  "' AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.device_id = "
                                  "j.device_id AND o.journal_seq = j.seq)") == 0);
        // A kept cart is never one that was also sold: the sale takes it away in its commit.
        const std::string kept = kept_now.open;
        if (!kept.empty()) {
            REQUIRE(kept.rfind("cart ", 0) == 0);
            const std::string kept_mark = kept.substr(5, kept.find('\n') - 5);
            CHECK(test::count(db, "SELECT count(*) FROM sale_line WHERE description LIKE '% #" +
                                      kept_mark + "'") == 0);
            ++carts_kept;
        }
        // Gapless receipt numbers.
        CHECK(test::count(db, "SELECT coalesce(max(receipt_number), 0) - count(*) FROM sale") == 0);
        CHECK(test::count(db, "SELECT count(*) FROM pragma_integrity_check WHERE "
                              "integrity_check <> 'ok'") == 0);
        // And the whole file still says what was recorded: every chain, its head, the schema
        // (a migration half taken would show), every business row against its journal row.
        const auto check = bl::verify_database(db);
        INFO(test::findings(check));
        CHECK(check.ok());

        // A backup that has its name is whole: it opens and passes the same check.
        if (expected.reported.count("z") || t.point->stage == Stage::backup) {
            namespace fs = std::filesystem;
            std::vector<fs::path> backups;
            const fs::path folder = fs::path(path).parent_path() / "backups";
            std::error_code ec; // none yet: the first backup died before making its folder
            for (const auto& f : fs::directory_iterator(folder, ec))
                if (f.path().extension() == ".db")
                    backups.push_back(f.path());
            if (!backups.empty()) {
                std::sort(backups.begin(), backups.end());
                const fs::path copy = shop->dir.path / "backup-check.db";
                fs::remove(copy);
                fs::copy_file(backups.back(), copy);
                bl::Database b(copy.string());
                const auto bc = bl::verify_database(b);
                INFO(backups.back().string() << "\n" << test::findings(bc));
                CHECK(bc.ok());
                CHECK(test::count(b, "SELECT count(*) FROM shift WHERE z_number IS NOT NULL") >= 1);
                ++backups_checked;
            }
        }
    }
    // The trials interrupted exactly the work the plan says, so every check above was made
    // with something at stake: reported sales to find, and kept carts that were not sold.
    CHECK(reported_total == planned_total);
    CHECK(reported_total["sale"] >= static_cast<int>(plan.size()) / 2);
    CHECK(reported_total["z"] >= 5);
    CHECK(carts_kept >= 10);
    CHECK(backups_checked >= 5);
}
