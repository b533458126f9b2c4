// A till that dies where it is told to. It runs a day at the till (crash::day: sales with their
// carts kept first, a refund, a part payment kept with the cart and one undone, an X report, a
// batch logged and one delivered at the workshop station, a Z report with the check and the
// backup after it), one step after another, opening a shift whenever none is open, and writes
// one line to stdout after each step commits ("sale <id> <receipt>", "refund <id> <receipt>",
// "z <shift id>", "backup", "part", "undo", "x", "batch <id>", "deliver"). Step STEPS is the
// fatal one: the child kills itself with SIGKILL at the kill point POINT (kill_points.hpp) of
// that step's action, writing "dying <point> ..." first, so crash_test.cpp knows exactly what
// the database must hold. A migrate point dies while the database is opened (the parent has
// put it one schema step behind).
//
// Everything the steps write is marked with "#<SEED>-<i>" (line descriptions, batch notes, the
// payloads of X reports and undone part payments, kept carts) so the parent can find the
// fatal step's rows.
//
// Kills inside a commit are made by the fault VFS (fault_vfs.hpp), which counts the writes and
// syncs of the action being killed and finds its commit frame in the WAL.

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>

#include <unistd.h>

#include "fault_vfs.hpp"
#include "kill_points.hpp"
#include "pos/wiring/store_till.hpp"
#include "shared/core/cash_rounding.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/kept_carts.hpp"
#include "shared/store/outbox.hpp"
#include "shared/store/production.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/setup.hpp"

namespace {

// --- Dying -----------------------------------------------------------------------------------

// Written straight to the pipe (stdout is flushed after every report line, so nothing is
// pending there): the parent checks that the child died at the point it was told, and shows the
// line when a trial fails.
[[noreturn]] void die(const std::string& why) {
    const std::string line = "dying " + why + "\n";
    [[maybe_unused]] const ssize_t n = ::write(STDOUT_FILENO, line.data(), line.size());
    std::raise(SIGKILL);
    std::abort(); // not reached: SIGKILL cannot be caught
}

[[noreturn]] void fail(const std::string& why, int code) {
    std::fprintf(stderr, "crash_child: %s\n", why.c_str());
    std::exit(code);
}

// --- What the shim is waiting for ------------------------------------------------------------

struct Armed {
    const crash::Point* point = nullptr; // null: count nothing, kill nothing
    int n = 0;                           // for How::write: die before the n-th write or sync
    int calls = 0;                       // writes and syncs since the action was entered
    sqlite3_int64 commit_page_at = -1;   // WAL offset of the commit frame's page, once known
    bool committed = false;              // the commit frame's page is written
};
Armed armed;

std::string describe(const char* what, const faultvfs::Call& c) {
    return std::string(armed.point->name) + " before call " + std::to_string(armed.calls) + ": " +
           what +
           (c.op == faultvfs::Op::write
                ? " " + std::to_string(c.amount) + " bytes at " + std::to_string(c.offset)
                : std::string()) +
           " of " + (c.file ? c.file : "a temporary file");
}

std::uint32_t big_endian_u32(const void* p) {
    const auto* b = static_cast<const unsigned char*>(p);
    return std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 |
           std::uint32_t{b[3]};
}

// Decides, before each write or sync reaches the file, whether the child dies there.
int before(const faultvfs::Call& c) {
    if (!armed.point || c.op == faultvfs::Op::read)
        return SQLITE_OK;
    ++armed.calls;
    const crash::How how = armed.point->how;
    // The backup writes a new file besides its commit: a kill there may land anywhere.
    if (armed.point->stage == crash::Stage::backup) {
        if (how == crash::How::write && armed.calls == armed.n)
            die(describe(c.op == faultvfs::Op::write ? "write" : "sync", c));
        return SQLITE_OK;
    }
    if (c.op == faultvfs::Op::sync) {
        if (how == crash::How::write && armed.calls == armed.n && !armed.committed)
            die(describe("sync", c));
        if (how == crash::How::synced && armed.committed)
            die(describe("sync", c));
        return SQLITE_OK;
    }
    const bool commit_page = c.wal && c.offset == armed.commit_page_at;
    // The cap: a write kill must leave the action uncommitted whatever N is, so it happens at
    // the commit frame's page at the latest (the header of that frame may already be written:
    // the frame's checksum then fails and recovery drops it).
    if ((how == crash::How::write &&
         (armed.calls == armed.n || (commit_page && !armed.committed))) ||
        (how == crash::How::torn && commit_page && !armed.committed))
        die(describe(commit_page ? "write the commit frame's page," : "write", c));
    if (how == crash::How::synced && armed.committed)
        die(describe("write after the commit,", c));
    return SQLITE_OK;
}

// Follows the WAL: where the commit frame's page goes, and when it has been written.
void after(const faultvfs::Call& c, int rc) {
    if (!armed.point || c.op != faultvfs::Op::write || rc != SQLITE_OK)
        return;
    // A WAL frame header is the only 24-byte write to a WAL file (its own header is 32 bytes at
    // offset 0). Bytes 4..7 hold the database size after the commit in a commit frame, 0 in any
    // other frame; the frame's page follows right after the header.
    if (c.wal && c.offset == armed.commit_page_at)
        armed.committed = true;
    if (c.wal && c.amount == 24 && c.offset >= 32 &&
        big_endian_u32(static_cast<const char*>(c.data) + 4) != 0)
        armed.commit_page_at = c.offset + 24;
}

// Runs the fatal step's action with the shim watching it. An action that returns has
// committed: for "synced" that means the commit never synced where the shim could see it, which
// still leaves it committed and unreported; for "write" and "torn" it means the kill point
// was never reached, which the parent must hear about (a plain exit, not SIGKILL).
template <class Action>
void fatal(const crash::Point& point, int n, Action action) {
    armed = Armed{};
    armed.point = &point;
    armed.n = n;
    action();
    const int calls = armed.calls;
    armed = Armed{};
    if (point.how == crash::How::write || point.how == crash::How::torn)
        fail(std::string(point.name) + " returned after " + std::to_string(calls) +
                 " writes and syncs without reaching its kill point",
             8);
    die(std::string(point.name) + " after the action returned (" + std::to_string(calls) +
        " writes and syncs)");
}

void report(const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
}

// --- The day ---------------------------------------------------------------------------------

std::string text(bl::Database& db, const std::string& sql) {
    auto v = bl::raw_sql::text(db, sql);
    if (!v)
        fail("nothing found for: " + sql, 3);
    return *v;
}

struct Day {
    bl::Database& db;
    bl::Device till;
    bl::Actor at_till, at_station;
    bl::Product mug;
    // stock, stock2: the batches deliveries come from (the workshop program's delivery note
    // moves several batches in one transaction)
    std::string shop, workshop, maker, stock, stock2;

    explicit Day(bl::Database& d) : db(d) {
        till = *bl::local_device(db);
        shop = *till.shop_id;
        at_till = {till.id, text(db, "SELECT id FROM staff_user WHERE role = 'staff' LIMIT 1")};
        at_station = {text(db, "SELECT id FROM device WHERE role = 'workshop' LIMIT 1"),
                      text(db, "SELECT id FROM staff_user WHERE role = 'workshop_leader' LIMIT 1")};
        mug = *bl::find_product(db, text(db, "SELECT id FROM product WHERE sku = 'KER-001'"));
        workshop = *mug.workshop_id;
        maker = text(db, "SELECT id FROM maker WHERE workshop_id = '" + workshop + "' LIMIT 1");
        stock = text(db, "SELECT id FROM batch WHERE notes = 'crash stock'");
        stock2 = text(db, "SELECT id FROM batch WHERE notes = 'crash stock 2'");
    }

    bl::Sale sale(std::mt19937_64& rng, const std::string& mark) const {
        bl::Sale s;
        const int lines = 1 + static_cast<int>(rng() % 5);
        for (int l = 0; l < lines; ++l) {
            bl::SaleLine line;
            line.product_id = mug.id;
            line.description = mug.name + " #" + mark;
            line.quantity = 1 + static_cast<std::int64_t>(rng() % 2);
            line.unit_price = mug.price;
            line.vat_rate = mug.vat_rate;
            s.lines.push_back(line);
        }
        bl::Payment p;
        p.tender = bl::Tender::cash;
        p.amount = bl::round_cash(s.total());
        p.rounding = p.amount - s.total();
        p.tendered = p.amount;
        s.payments = {p};
        return s;
    }

    // One unit of the newest sale line that still has units to give back.
    bl::Sale refund(const std::string& mark) const {
        const auto rows = bl::raw_sql::rows(
            db, "SELECT l.sale_id, l.line_no, l.unit_price_ore, l.vat_rate_bp FROM sale_line l "
                "JOIN sale s ON s.id = l.sale_id WHERE s.refund_of IS NULL AND s.training = 0 AND "
                "l.quantity > coalesce((SELECT -sum(r.quantity) FROM sale_line r WHERE "
                "r.refund_of_sale_id = l.sale_id AND r.refund_of_line_no = l.line_no), 0) "
                "ORDER BY s.receipt_number DESC, l.line_no LIMIT 1");
        if (rows.empty())
            fail("no sale left to refund", 3);
        bl::SaleLine line;
        line.product_id = mug.id;
        line.description = "refund #" + mark;
        line.quantity = -1;
        line.unit_price = bl::Money::from_ore(std::stoll(*rows[0][2]));
        line.vat_rate = bl::VatRate{std::stoi(*rows[0][3])};
        line.refund_of_sale_id = *rows[0][0];
        line.refund_of_line_no = std::stoi(*rows[0][1]);
        bl::Sale s;
        s.lines = {line};
        bl::Payment p;
        p.tender = bl::Tender::cash;
        p.amount = bl::round_cash(s.total());
        p.rounding = p.amount - s.total();
        s.payments = {p};
        return s;
    }

    bl::Batch batch(const std::string& mark) const {
        bl::Batch b;
        b.product_id = mug.id;
        b.workshop_id = workshop;
        // A day of its own for each batch (the n-th since 2020-01-01): a maker's hours on one
        // day are capped (check_work), and a shop takes many trials' batches.
        const auto n = bl::raw_sql::integer(db, "SELECT count(*) FROM batch");
        const std::chrono::year_month_day day{
            std::chrono::sys_days{std::chrono::year{2020} / 1 / 1} + std::chrono::days{n}};
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(day.year()),
                      static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
        b.produced_on = date;
        b.units = 5;
        b.notes = "#" + mark;
        b.contributions = {{"", "", maker, 30, "drejning", ""}};
        return b;
    }
};

} // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: crash_child DB SEED STEPS POINT N\n");
        return 2;
    }
    // A watchdog for a child that hangs instead of reaching its kill point: SIGALRM ends it,
    // and the parent fails the trial because the child did not die by SIGKILL. Never reached
    // otherwise (a run is a dozen commits).
    alarm(120);
    const std::string path = argv[1];
    const std::string seed = argv[2];
    const int steps = std::atoi(argv[3]);
    const crash::Point* point = crash::find_point(argv[4]);
    const int n = std::atoi(argv[5]);
    if (!point || steps < 0 || n < 1)
        fail("bad plan", 2);
    faultvfs::install();
    faultvfs::before = before;
    faultvfs::after = after;

    std::unique_ptr<bl::Database> opened;
    if (point->stage == crash::Stage::migrate)
        fatal(*point, n, [&] { opened = std::make_unique<bl::Database>(path); });
    opened = std::make_unique<bl::Database>(path);
    bl::Database& db = *opened;
    const Day day(db);
    std::mt19937_64 rng(std::strtoull(seed.c_str(), nullptr, 10));
    auto dies_in = [&](bool dies, crash::Stage stage) { return dies && point->stage == stage; };

    for (int i = 0;; ++i) {
        if (!bl::current_shift(db, day.till.id)) {
            if (!bl::open_shift(db, day.at_till, bl::Money::from_kroner(1000)))
                fail("a shift could not be opened", 4);
        }
        const bool dies = i == steps;
        const std::string mark = seed + "-" + std::to_string(i); // unique per test run
        crash::Stage stage = crash::step(i);
        if (dies)
            stage = point->stage == crash::Stage::keep     ? crash::Stage::sale
                    : point->stage == crash::Stage::backup ? crash::Stage::z
                                                           : point->stage;
        // Runs a step's action: fatally when this is the step and the action the plan names.
        auto run = [&](bool fatal_here, auto action) {
            if (fatal_here)
                fatal(*point, n, action);
            action();
        };
        switch (stage) {
        case crash::Stage::sale: {
            run(dies_in(dies, crash::Stage::keep), [&] {
                if (!bl::keep_carts(db, bl::KeptCarts{"cart " + mark, {}}))
                    fail("the cart could not be kept", 7);
            });
            const bl::Sale sale = day.sale(rng, mark);
            bl::Sale done;
            run(dies_in(dies, crash::Stage::sale), [&] {
                auto r = bl::record_sale(db, day.at_till, sale);
                if (!r)
                    fail(bl::render(r.error()), 6);
                done = r.value();
            });
            report("sale " + done.id + " " + std::to_string(done.receipt_number));
            break;
        }
        case crash::Stage::refund: {
            const bl::Sale refund = day.refund(mark);
            bl::Sale done;
            run(dies, [&] {
                auto r = bl::record_sale(db, day.at_till, refund);
                if (!r)
                    fail(bl::render(r.error()), 6);
                done = r.value();
            });
            report("refund " + done.id + " " + std::to_string(done.receipt_number));
            break;
        }
        case crash::Stage::part:
            run(dies, [&] {
                if (!bl::keep_carts(db, bl::KeptCarts{"cart " + mark + "\npaid card 50,00", {}}))
                    fail("the part payment could not be kept", 7);
            });
            report("part");
            break;
        case crash::Stage::undo:
        case crash::Stage::x: {
            const bool undo = stage == crash::Stage::undo;
            run(dies, [&] {
                if (!bl::record_event(db, day.at_till,
                                      undo ? bl::JournalKind::part_payment_undone
                                           : bl::JournalKind::x_report,
                                      bl::JsonObject{{"mark", mark}}))
                    fail("the event could not be journaled", 7);
            });
            report(undo ? "undo" : "x");
            break;
        }
        case crash::Stage::batch: {
            std::string id;
            run(dies, [&] {
                auto r = bl::add_batch(db, day.at_station, day.batch(mark));
                if (!r)
                    fail(bl::render(r.error()), 6);
                id = r.value().id;
            });
            report("batch " + id);
            break;
        }
        case crash::Stage::deliver:
            run(dies, [&] {
                auto r = bl::deliver_batches(db, day.at_station, day.shop,
                                             {{day.stock, 1}, {day.stock2, 1}});
                if (!r)
                    fail(bl::render(r.error()), 6);
            });
            report("deliver");
            break;
        case crash::Stage::z: {
            const auto shift = *bl::current_shift(db, day.till.id);
            const auto t = bl::shift_totals(db, shift.id);
            std::int64_t z_number = 0;
            run(dies_in(dies, crash::Stage::z), [&] {
                auto r = bl::close_shift(db, day.at_till, shift.id, t.expected_cash);
                if (!r)
                    fail(bl::render(r.error()), 5);
                z_number = r.value().z_number.value_or(0);
            });
            report("z " + shift.id);
            // As the till does after every Z: the whole database checked, then copied.
            // No UI to post to: the check and the backup run at once, on this thread.
            bl::pos::StoreShifts shifts(db, day.till, {});
            run(dies_in(dies, crash::Stage::backup), [&] {
                std::optional<bl::Message> problem;
                shifts.back_up_after_z(
                    z_number, [&](std::optional<bl::Message> p) { problem = std::move(p); });
                if (problem)
                    fail("after the Z: " + bl::render(*problem), 9);
            });
            report("backup");
            break;
        }
        case crash::Stage::keep:
        case crash::Stage::backup:
        case crash::Stage::migrate:
            fail("not a step", 2);
        }
    }
}
