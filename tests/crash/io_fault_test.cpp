// I/O faults in the till: the till's own flows (with fake screens and a fake printer, as in
// tests/pos) on a real database whose N-th read, write or sync fails, once or from then on,
// through the fault VFS (fault_vfs.hpp). For every N during one checkout, one refund and one
// Z (with the check and the backup after it), each of these must hold:
//   - all or nothing: the action is recorded whole or not at all, and never twice, however
//     often the person presses on;
//   - nothing printed and no drawer opened for a sale or refund that was not recorded, and no
//     Z report printed for a day that was not closed;
//   - the person is told, in a sentence that says nothing was recorded or changed; and a fault
//     after the commit (the receipt, the check after a Z, its backup) is said too, unless all
//     it cost is a row the till keeps quietly by design (the record that the check after a Z
//     passed; the journal row of the logout that ends the day);
//   - once the fault clears, the same action goes through on the same till, as it would for
//     the person trying again;
//   - the file holds together: the full check (verify_database) and SQLite's integrity check
//     pass, and the files alone, opened as after a power cut, hold what the till showed.
// Each trial starts a till on a fresh copy of the database as it was just before the action,
// so every N meets the same calls; the first N the action no longer reaches ends that sweep.
// Nothing depends on time.

#include <cstdlib>
#include <functional>
#include <map>

#include <catch2/catch.hpp>
#include <sodium.h>

#include "../pos/till_rig.hpp"
#include "fault_vfs.hpp"
#include "shared/store/shifts.hpp"

namespace {

using faultvfs::Op;

// --- The fault -------------------------------------------------------------------------------

struct Fault {
    bool armed = false;
    Op op = Op::write;
    int n = 0;           // the call of `op` that fails (1-based)
    bool sticky = false; // and every one after it
    int calls = 0;       // calls of `op` since armed
    int failed = 0;      // calls failed
    std::string file;    // the file of the first call failed
};
Fault fault;

int fail_nth(const faultvfs::Call& c) {
    if (!fault.armed || c.op != fault.op)
        return SQLITE_OK;
    ++fault.calls;
    if (fault.calls == fault.n || (fault.sticky && fault.calls > fault.n)) {
        if (fault.failed++ == 0)
            fault.file = c.file ? std::filesystem::path(c.file).filename().string() : "(temporary)";
        switch (c.op) {
        case Op::read:
            return SQLITE_IOERR_READ;
        case Op::write:
            return SQLITE_IOERR_WRITE;
        case Op::sync:
            return SQLITE_IOERR_FSYNC;
        }
    }
    return SQLITE_OK;
}

// Before any database is opened: a connection keeps the VFS it was opened with.
const bool installed = [] {
    faultvfs::install();
    faultvfs::before = fail_nth;
    return true;
}();

const char* name(Op op) {
    return op == Op::read ? "read" : op == Op::write ? "write" : "sync";
}

// --- The till --------------------------------------------------------------------------------

// An organiser whose PIN hash is as cheap as Argon2id allows: the sweep logs in after every
// Z, and a real hash is slow on purpose.
std::string cheap_hash(const std::string& pin) {
    REQUIRE(sodium_init() >= 0);
    char out[crypto_pwhash_STRBYTES];
    REQUIRE(crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_MIN,
                              crypto_pwhash_MEMLIMIT_MIN) == 0);
    return out;
}

// The shop every trial starts from: built once (the fixture's products and staff, and an
// organiser), its file copied for each trial.
struct Base {
    test::Shop s;
    bl::StaffUser boss;
    Base() {
        boss = bl::add_staff(
                   *s.db, {s.till.id, {}},
                   bl::StaffUser{"", "Sanne", bl::StaffRole::organiser, cheap_hash("2468"), true})
                   .value();
    }
};

// The till on a database of its own (a copy of the state before the action), with fake
// screens and a fake printer, as the till program would start on it: started, the organiser
// logged in.
struct Till {
    const test::Shop& s;
    const bl::StaffUser& boss;
    std::filesystem::path dir;
    std::unique_ptr<bl::Database> db;
    test::FakeView view;
    test::Sink sink;
    bl::pos::StoreTill store;
    bl::pos::Till till;
    std::vector<std::string> said; // problems shown and faults caught at the edge, in order

    Till(const Base& base, const std::filesystem::path& file)
        : s(base.s), boss(base.boss), dir(file.parent_path()),
          db(std::make_unique<bl::Database>(file.string())), store(*db),
          till(store.ports(sink), view.views()) {
        till.start();
        till.access().log_in(boss.id, "2468");
        REQUIRE(view.screen == "sale");
    }

    // What the program's edge does (OnExceptionInMainLoop): a fault that escapes a flow is
    // shown as its message, and the till goes on.
    void edge(const std::function<void()>& act) {
        try {
            act();
        } catch (const bl::StoreError& e) {
            said.push_back(bl::render(e.message()));
        }
    }
    std::vector<std::string> messages_since(std::size_t problems, std::size_t caught) const {
        std::vector<std::string> out(view.problems.begin() + static_cast<long>(problems),
                                     view.problems.end());
        out.insert(out.end(), said.begin() + static_cast<long>(caught), said.end());
        return out;
    }

    std::int64_t count(const std::string& sql) { return test::count(*db, sql); }
    int drawer() const {
        int n = sink.drawer_kicks;
        for (const auto& r : sink.printed)
            n += r.open_drawer ? 1 : 0;
        return n;
    }
    int printed(const std::string& prefix) const {
        int n = 0;
        for (const auto& r : sink.printed)
            n += r.name.rfind(prefix, 0) == 0 ? 1 : 0;
        return n;
    }
    const bl::pos::Cart& cart() const { return till.state().cart; }
    bool paying() const { return std::holds_alternative<bl::pos::Paying>(till.state().mode); }
    bool refunding() const { return std::holds_alternative<bl::pos::Refunding>(till.state().mode); }
};

// A sentence that tells the person nothing was kept (write and read failures say so).
bool says_nothing_kept(const std::vector<std::string>& messages) {
    for (const auto& m : messages)
        if (m.find("nothing was recorded") != std::string::npos ||
            m.find("Nothing was changed") != std::string::npos ||
            m.find("was not saved") != std::string::npos)
            return true;
    return false;
}

// The database and its write-ahead log copied as a power cut leaves them (no shared-memory
// index) and opened: SQLite rebuilds the index from the log alone.
std::int64_t after_power_cut(Till& t, const std::string& sql) {
    namespace fs = std::filesystem;
    const fs::path cut = t.dir / "cut";
    fs::remove_all(cut);
    fs::create_directories(cut);
    const std::string db = t.db->path();
    fs::copy_file(db, cut / "till.db");
    if (fs::exists(db + "-wal"))
        fs::copy_file(db + "-wal", cut / "till.db-wal");
    bl::Database copy((cut / "till.db").string());
    return test::count(copy, sql);
}

// --- The actions -------------------------------------------------------------------------------

// One action at the till, as a person does it: what it does, how to tell it was recorded, how
// a person carries on until it is, and what must be printed for it.
struct Action {
    const char* name;
    std::function<void(Till&)> prepare; // before the fault is armed
    std::function<void(Till&)> act;     // with the fault armed
    std::function<void(Till&)> go_on;   // the person trying again, the fault cleared
    std::string recorded_sql;           // counts the records the action makes
    std::string printed_prefix;         // the name of what it prints
    bool opens_drawer;
    // Whether a fault after the action's commit only cost a row the till keeps without a
    // word by design (empty: none may be lost so). After a Z: the record that the full check
    // passed (the next start checks from the previous one) and the logout's journal row (a
    // logout always logs out).
    std::function<bool(Till&)> lost_quietly = {};
};

std::string receipt_to_refund;

const std::vector<Action>& actions() {
    static const std::vector<Action> all = {
        {"checkout", [](Till&) {},
         [](Till& t) {
             t.edge([&] { t.till.selling().scan(t.s.mug.barcode); });
             t.edge([&] { t.till.checkout().pay(); });
             t.edge([&] { t.till.checkout().pay_cash("500"); });
         },
         [](Till& t) {
             if (t.paying()) {
                 t.edge([&] { t.till.checkout().pay_cash("500"); });
                 return;
             }
             if (t.cart().empty())
                 t.edge([&] { t.till.selling().scan(t.s.mug.barcode); });
             t.edge([&] { t.till.checkout().pay(); });
             t.edge([&] { t.till.checkout().pay_cash("500"); });
         },
         "SELECT count(*) FROM sale WHERE refund_of IS NULL", "", true},
        {"refund",
         [](Till& t) {
             // A sale of two mugs to bring one back from.
             t.till.selling().scan(t.s.mug.barcode);
             t.till.selling().scan(t.s.mug.barcode);
             t.till.checkout().pay();
             t.till.checkout().pay_card("");
             REQUIRE(t.view.screen == "done");
             receipt_to_refund = std::to_string(
                 t.count("SELECT max(receipt_number) FROM sale WHERE refund_of IS NULL"));
         },
         [](Till& t) {
             t.edge([&] { t.till.refunds().begin_refund(); });
             t.edge([&] { t.till.refunds().find_refund(receipt_to_refund); });
             t.edge([&] { t.till.refunds().refund_more(0); });
             t.edge([&] { t.till.refunds().refund_pay(bl::Tender::cash); });
         },
         [](Till& t) {
             if (!t.refunding())
                 t.edge([&] { t.till.refunds().begin_refund(); });
             if (t.view.screen != "refund")
                 t.edge([&] { t.till.refunds().find_refund(receipt_to_refund); });
             if (t.view.refund_total.is_zero())
                 t.edge([&] { t.till.refunds().refund_more(0); });
             t.edge([&] { t.till.refunds().refund_pay(bl::Tender::cash); });
         },
         "SELECT count(*) FROM sale WHERE refund_of IS NOT NULL", "", true},
        {"Z",
         [](Till& t) {
             // A day with a sale in it, the till open.
             if (!bl::current_shift(*t.db, t.s.till.id)) {
                 t.till.access().log_in(t.boss.id, "2468");
                 t.till.shift().open_shift("1.000,00");
             }
             if (t.view.screen == "login")
                 t.till.access().log_in(t.boss.id, "2468");
             t.till.selling().scan(t.s.cloth.barcode);
             t.till.checkout().pay();
             t.till.checkout().pay_card("");
             t.till.selling().back_to_sale();
             REQUIRE(t.view.screen == "sale");
         },
         [](Till& t) {
             t.edge([&] { t.till.shift().begin_close_shift(); });
             t.edge([&] { t.till.shift().close_shift({}, "1.000,00"); });
             if (t.view.screen == "z_report")
                 t.edge([&] { t.till.shift().finish_day(); });
         },
         [](Till& t) {
             if (t.view.screen == "login")
                 t.edge([&] { t.till.access().log_in(t.boss.id, "2468"); });
             t.edge([&] { t.till.shift().begin_close_shift(); });
             t.edge([&] { t.till.shift().close_shift({}, "1.000,00"); });
             if (t.view.screen == "z_report")
                 t.edge([&] { t.till.shift().finish_day(); });
         },
         "SELECT count(*) FROM shift WHERE z_number IS NOT NULL", "Z-", false,
         [](Till& t) {
             const std::string z = "(SELECT max(seq) FROM journal WHERE kind = 'z_report')";
             return t.count("SELECT count(*) FROM journal_check WHERE seq >= " + z) == 0 ||
                    t.count("SELECT count(*) FROM journal WHERE kind = 'logout' AND seq > " + z) ==
                        0;
         }},
    };
    return all;
}

struct Tally {
    int trials = 0, failed_whole = 0, recorded_anyway = 0;
};

// The database as it is just before the action: the base shop's file, a till started on a
// copy of it and the action's preparation done there, then closed (SQLite folds the log into
// the file). Every trial starts from a copy of this file, so each N meets the same calls and
// each trial costs the same, however many came before.
std::filesystem::path prepared(const Base& base, const Action& a) {
    namespace fs = std::filesystem;
    test::exec(*base.s.db, "PRAGMA wal_checkpoint(TRUNCATE)");
    const fs::path dir = base.s.dir.path / (std::string("before-") + a.name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(base.s.db->path(), dir / "till.db");
    {
        Till t(base, dir / "till.db");
        a.prepare(t);
        t.till.access().log_out();
    }
    REQUIRE_FALSE(fs::exists(dir / "till.db-wal"));
    return dir / "till.db";
}

// A trial's own folder with a copy of the prepared file.
std::filesystem::path fresh_copy(const Base& base, const std::filesystem::path& before) {
    namespace fs = std::filesystem;
    const fs::path dir = base.s.dir.path / "trial";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(before, dir / "till.db");
    return dir / "till.db";
}

// Every N of one action, for one kind of call, failing once or from then on.
Tally sweep(const Base& base, const std::filesystem::path& before, const Action& a, Op op,
            bool sticky) {
    Tally tally;
    for (int n = 1;; ++n) {
        INFO(a.name << ": the " << n << "th " << name(op) << " fails"
                    << (sticky ? ", and every one after it" : ", once"));
        Till t(base, fresh_copy(base, before));
        const std::int64_t recorded_before = t.count(a.recorded_sql);
        const int printed = t.printed(a.printed_prefix);
        const int drawer = t.drawer();
        const std::size_t problems = t.view.problems.size(), caught = t.said.size();

        // A cold cache, as after another connection's write (the sync client's), so the action
        // reads from the files too.
        test::exec(*t.db, "PRAGMA shrink_memory");
        fault = Fault{true, op, n, sticky, 0, 0, {}};
        a.act(t);
        const Fault seen = fault;
        fault = Fault{};
        std::vector<std::string> told = t.messages_since(problems, caught);
        for (const auto& step : t.view.z_steps) // the steps after a Z: its check, its backup
            if (!step.second.empty())
                told.push_back(step.second);
        INFO("failed in: " << seen.file);
        INFO("told: " << (told.empty() ? std::string("nothing") : told.front()));

        const std::int64_t recorded = t.count(a.recorded_sql) - recorded_before;
        CHECK((recorded == 0 || recorded == 1));
        if (recorded == 0) {
            // Not recorded: nothing printed, no drawer, and the person told so.
            CHECK(t.printed(a.printed_prefix) == printed);
            CHECK(t.drawer() == drawer);
            CHECK(says_nothing_kept(told));
            ++tally.failed_whole;
        } else {
            // Recorded: printed at most once (a fault after the commit may stop the printing,
            // and then the person is told), the drawer opened at most once.
            CHECK(t.printed(a.printed_prefix) - printed <= 1);
            CHECK(t.drawer() - drawer <= (a.opens_drawer ? 1 : 0));
            if (t.printed(a.printed_prefix) == printed)
                CHECK_FALSE(told.empty());
            // A fault after the commit (the receipt, the check after a Z, its backup) is said,
            // unless all it cost is a row kept quietly by design.
            if (seen.failed > 0) {
                CHECK((!told.empty() || (a.lost_quietly && a.lost_quietly(t))));
                ++tally.recorded_anyway;
            }
        }

        // The fault cleared: the person carries on until it is done, and it is done once.
        for (int attempt = 0; attempt < 3 && t.count(a.recorded_sql) == recorded_before; ++attempt)
            a.go_on(t);
        CHECK(t.count(a.recorded_sql) == recorded_before + 1);
        if (recorded == 0) {
            CHECK(t.printed(a.printed_prefix) == printed + 1);
            CHECK(t.drawer() == drawer + (a.opens_drawer ? 1 : 0));
        }
        // The till is back at the start, as for the next customer.
        if (t.view.screen == "login")
            t.edge([&] { t.till.access().log_in(t.boss.id, "2468"); });
        if (!bl::current_shift(*t.db, t.s.till.id))
            t.edge([&] { t.till.shift().open_shift("1.000,00"); });
        t.edge([&] { t.till.selling().back_to_sale(); });
        CHECK(t.cart().empty());
        CHECK(bl::kept_carts(*t.db).open.empty());

        // The file holds together, in the till and after a power cut.
        const auto check = bl::verify_database(*t.db);
        INFO(test::findings(check));
        CHECK(check.ok());
        CHECK(t.count("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> "
                      "'ok'") == 0);
        CHECK(after_power_cut(t, a.recorded_sql) == t.count(a.recorded_sql));
        ++tally.trials;
        if (seen.calls < n)
            break; // the action no longer reaches the N-th call: every N has been tried
    }
    return tally;
}

void sweep_all(const Action& a) {
    Base base;
    const std::filesystem::path before = prepared(base, a);
    std::map<std::string, Tally> tallies;
    for (Op op : {Op::write, Op::sync, Op::read})
        for (bool sticky : {false, true})
            tallies[std::string(name(op)) + (sticky ? " from then on" : " once")] =
                sweep(base, before, a, op, sticky);
    int failed = 0;
    for (const auto& [what, tally] : tallies) {
        INFO(a.name << ", " << what << ": " << tally.trials << " trials");
        WARN(a.name << ", " << what << ": " << tally.trials << " trials, " << tally.failed_whole
                    << " not recorded, " << tally.recorded_anyway << " recorded despite the fault");
        CHECK(tally.trials >= 2);
        failed += tally.failed_whole;
    }
    // Every sweep was made with something at stake: faults that stopped the action.
    CHECK(failed >= 10);
}

} // namespace

TEST_CASE("I/O faults in one checkout: all or nothing, nothing printed for a failed sale, "
          "said, and the till works again") {
    REQUIRE(installed);
    sweep_all(actions()[0]);
}

TEST_CASE("I/O faults in one refund: all or nothing, nothing printed and no drawer opened for "
          "a failed refund, said, and the till works again") {
    REQUIRE(installed);
    sweep_all(actions()[1]);
}

TEST_CASE("I/O faults in one Z, its check and its backup: the day closed whole or not at all, "
          "no Z report printed for a day not closed, said, and the till works again") {
    REQUIRE(installed);
    sweep_all(actions()[2]);
}
