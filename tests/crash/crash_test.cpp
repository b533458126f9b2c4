// Kill -9 trials: a child till (crash_child.cpp) commits sales and Z reports, and dies by
// SIGKILL; after each death the database is opened (recovering the WAL like a till after a power
// cut) and checked.
//
// How kill points are chosen: by construction, never by the clock. A plan, drawn once from a
// seeded RNG and so the same on every run, gives each trial a number of steps the child
// completes and reports (0..12) and the point where it then kills itself (kill_points.hpp):
//   - keep-returned: the cart is kept, record_sale not entered;
//   - sale-write / keep-write / z-write: before the N-th write or sync of that action's commit
//     (capped at the commit frame, so it never commits);
//   - sale-torn / keep-torn / z-torn: the commit frame's header written, its page not;
//   - sale-synced / keep-synced / z-synced: every frame written, the WAL not synced;
//   - sale-returned: record_sale returned, the report line not written.
// Each point occurs equally often in the plan, so each is covered on every run however loaded
// the machine is, and the parent knows from the plan alone what every trial must leave
// behind: which sales and Z reports are there, which cart is kept, how many shifts are open.
// The parent reads the child's stdout until EOF (the child is dead then); nothing waits on time.

#include <algorithm>
#include <csignal>
#include <map>
#include <random>
#include <sstream>

#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "../store/fixture.hpp"
#include "kill_points.hpp"
#include "shared/store/kept_carts.hpp"

namespace {

struct Trial {
    std::string seed;                    // also the child's mark prefix: unique in the plan
    int steps = 0;                       // actions completed and reported before the fatal one
    const crash::Point* point = nullptr; // where the fatal action dies
    int n = 1;                           // for How::write: the write or sync to die before
};

constexpr int per_point = 5;
constexpr int max_steps = 12;

std::vector<Trial> make_plan() {
    std::mt19937 rng(20181201);
    std::vector<const crash::Point*> order;
    for (const auto& p : crash::points)
        order.insert(order.end(), per_point, &p);
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<Trial> plan;
    for (std::size_t t = 0; t < order.size(); ++t) {
        Trial trial;
        // The trial number in front keeps marks unique without relying on the RNG.
        trial.seed = std::to_string((t + 1) * 100000 + rng() % 100000);
        trial.steps = static_cast<int>(rng() % (max_steps + 1));
        trial.point = order[t];
        // N is drawn below the fewest writes and syncs that action's commit makes before its
        // commit frame's page (in these trials keep_carts writes 1 WAL frame, a Z 7 to 10, a
        // sale 10 to 23, each frame a header and a page), so the kill lands inside the commit
        // before its commit frame. Should the store come to write fewer, the cap turns a kill
        // past the end into a torn commit frame: still uncommitted, so the expectations below
        // hold either way.
        const int max_n = trial.point->stage == crash::Stage::keep ? 1
                          : trial.point->stage == crash::Stage::z  ? 8
                                                                   : 16;
        trial.n = 1 + static_cast<int>(rng() % static_cast<unsigned>(max_n));
        plan.push_back(trial);
    }
    return plan;
}

// What the database must hold after a trial, carried from trial to trial.
struct Expected {
    std::int64_t sales = 0;  // sales recorded
    std::int64_t z = 0;      // shifts closed with a Z report
    std::string kept;        // the kept open cart, empty for none
    bool shift_open = false; // a shift is open
    int reported_sales = 0;  // "sale" lines of this trial
    int reported_z = 0;      // "z" lines of this trial
    bool fatal_sale = false; // the fatal action's sale is committed (never reported)
};

Expected expect_after(Expected e, const Trial& t) {
    e.reported_sales = 0;
    e.reported_z = 0;
    e.fatal_sale = false;
    for (int i = 0; i < t.steps; ++i) {
        if (crash::is_z_step(i)) {
            ++e.reported_z;
        } else {
            ++e.reported_sales;
            e.kept.clear(); // the sale takes its kept cart away in its commit
        }
    }
    e.sales += e.reported_sales;
    e.z += e.reported_z;
    // The child opens a shift before every action when none is open.
    e.shift_open = true;
    const std::string cart = "cart " + t.seed + "-" + std::to_string(t.steps);
    const bool committed = t.point->committed();
    switch (t.point->stage) {
    case crash::Stage::keep:
        if (committed)
            e.kept = cart;
        break;
    case crash::Stage::sale:
        // keep_carts returned before record_sale was entered.
        e.kept = committed ? std::string() : cart;
        e.fatal_sale = committed;
        e.sales += committed ? 1 : 0;
        break;
    case crash::Stage::z:
        e.z += committed ? 1 : 0;
        e.shift_open = !committed;
        break;
    }
    return e;
}

struct Reported {
    std::vector<std::pair<std::string, std::int64_t>> sales;
    std::vector<std::string> z;
    std::string dying; // the child's last line: where it killed itself
    std::string output;
};

// Runs the child with its plan and returns what it wrote before it killed itself.
Reported run(const test::Shop& s, const std::string& db_path, const Trial& t) {
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
        execl(CRASH_CHILD, CRASH_CHILD, db_path.c_str(), s.till.id.c_str(), s.clerk.id.c_str(),
              s.mug.id.c_str(), t.seed.c_str(), steps.c_str(), point.c_str(), n.c_str(),
              static_cast<char*>(nullptr));
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
        if (kind == "sale") {
            std::int64_t number = 0;
            f >> number;
            r.sales.emplace_back(id, number);
        } else if (kind == "z") {
            r.z.push_back(id);
        } else if (kind == "dying") {
            r.dying = line;
        } else {
            FAIL("unexpected line from the child: " << line);
        }
    }
    return r;
}

} // namespace

TEST_CASE("SIGKILL at planned points loses no reported sale and leaves nothing half-written") {
    test::Shop s(false);
    const std::string path = s.db->path();
    s.db.reset(); // the child owns the file while it runs
    const std::vector<Trial> plan = make_plan();

    // The plan itself: every point a few times, some runs long enough to report a Z.
    std::map<std::string_view, int> per_point_count;
    int planned_reported_z = 0;
    {
        Expected e;
        for (const auto& t : plan) {
            ++per_point_count[t.point->name];
            e = expect_after(e, t);
            planned_reported_z += e.reported_z;
        }
    }
    REQUIRE(per_point_count.size() == crash::points.size());
    for (const auto& [name, n] : per_point_count) {
        INFO(name);
        CHECK(n >= 4);
    }
    CHECK(planned_reported_z >= 5);

    Expected expected;
    std::int64_t reported_total = 0, planned_reported_total = 0;
    int carts_kept = 0, planned_carts_kept = 0;
    for (std::size_t trial = 0; trial < plan.size(); ++trial) {
        const Trial& t = plan[trial];
        INFO("trial " << trial << ": " << t.steps << " steps, then " << t.point->name
                      << " (n = " << t.n << "), seed " << t.seed);
        expected = expect_after(expected, t);
        const Reported rep = run(s, path, t);
        INFO(rep.dying);
        reported_total += static_cast<std::int64_t>(rep.sales.size());
        planned_reported_total += expected.reported_sales;
        if (!expected.kept.empty())
            ++planned_carts_kept;

        // It died where it was told, after reporting every action before that.
        CHECK(rep.dying.rfind("dying " + std::string(t.point->name) + " ", 0) == 0);
        const bool at_commit_page = rep.dying.find("the commit frame's page") != std::string::npos;
        if (t.point->how == crash::How::torn)
            CHECK(at_commit_page);
        if (t.point->how == crash::How::write)
            CHECK((rep.dying.find(" before call " + std::to_string(t.n) + ": ") !=
                       std::string::npos ||
                   at_commit_page));
        CHECK(rep.sales.size() == static_cast<std::size_t>(expected.reported_sales));
        CHECK(rep.z.size() == static_cast<std::size_t>(expected.reported_z));

        bl::Database db(path); // recovers the WAL like a till after a power cut
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
        CHECK(test::count(db, "SELECT count(DISTINCT sale_id) FROM sale_line WHERE description "
                              "LIKE '% #" +
                                  mark + "'") == (expected.fatal_sale ? 1 : 0));
        if (expected.fatal_sale)
            // Committed, never reported: it took the next receipt number.
            CHECK(test::count(db, "SELECT max(s.receipt_number) FROM sale s JOIN sale_line l ON "
                                  "l.sale_id = s.id WHERE l.description LIKE '% #" +
                                      mark + "'") == expected.sales);
        CHECK(test::count(db, "SELECT count(*) FROM sale") == expected.sales);
        CHECK(test::count(db, "SELECT count(*) FROM shift WHERE z_number IS NOT NULL") ==
              expected.z);
        CHECK(test::count(db, "SELECT coalesce(max(z_number), 0) FROM shift") == expected.z);
        CHECK(test::count(db, "SELECT count(*) FROM shift WHERE closed_at IS NULL") ==
              (expected.shift_open ? 1 : 0));
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
        // Stock kept on each batch matches its moves less the units its sales took.
        CHECK(test::count(db,
                          "SELECT count(*) FROM batch b WHERE b.on_hand <> (SELECT "
                          "coalesce(sum(units), 0) FROM stock_move m WHERE m.batch_id = b.id) - "
                          "(SELECT coalesce(sum(a.units), 0) FROM sale_allocation a JOIN sale s "
                          "ON s.id = a.sale_id WHERE a.batch_id = b.id AND s.training = 0)") == 0);
        CHECK(test::count(
                  db, "SELECT count(*) FROM sale s WHERE NOT EXISTS (SELECT 1 FROM "
                      "journal j WHERE j.device_id = s.device_id AND j.seq = "
                      "s.journal_seq AND j.kind = 'sale' AND instr(j.payload, s.id) > 0)") == 0);
        CHECK(test::count(db, "SELECT count(*) FROM journal j WHERE j.device_id = '" + s.till.id +
                                  "' AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.device_id = "
                                  "j.device_id AND o.journal_seq = j.seq)") == 0);
        // A kept cart is never one that was also sold: the sale takes it away in its commit.
        const std::string kept = kept_now.open;
        if (!kept.empty()) {
            REQUIRE(kept.rfind("cart ", 0) == 0);
            CHECK(test::count(db, "SELECT count(*) FROM sale_line WHERE description LIKE '% #" +
                                      kept.substr(5) + "'") == 0);
            ++carts_kept;
        }
        // Gapless receipt numbers.
        CHECK(test::count(db, "SELECT coalesce(max(receipt_number), 0) - count(*) FROM sale") == 0);
        CHECK(test::count(db, "SELECT count(*) FROM pragma_integrity_check WHERE "
                              "integrity_check <> 'ok'") == 0);
        auto chain = bl::verify_journal(db, s.till.id);
        INFO(bl::render(chain.problem));
        CHECK(chain.ok);
    }
    // The trials interrupted exactly the work the plan says, so every check above was made
    // with something at stake: reported sales to find, and kept carts that were not sold.
    CHECK(reported_total == planned_reported_total);
    CHECK(reported_total >= 100);
    CHECK(carts_kept == planned_carts_kept);
    CHECK(carts_kept >= 3 * per_point);
}
