// A till that dies where it is told to. It commits STEPS business actions (sales, and a Z
// report every crash::z_every-th step, opening a new shift when none is open), writing one
// line to stdout after each commit: "sale <id> <receipt number>" or "z <shift id>". As the
// till does, the cart of each sale is kept ("cart <tag>-<i>") before the sale commits; its
// lines are marked "#<tag>-<i>". Step STEPS is the fatal one: the child kills itself with
// SIGKILL at the kill point POINT (see kill_points.hpp) of that step's action, writing
// "dying <point> ..." first, so crash_test.cpp knows exactly what the database must hold.
//
// Kills inside a commit are made by a thin SQLite VFS that wraps the default one, forwards
// everything, and counts the writes and syncs of the action being killed.

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include <sqlite3.h>
#include <unistd.h>

#include "kill_points.hpp"
#include "shared/core/cash_rounding.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/kept_carts.hpp"
#include "shared/store/sales.hpp"

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

// --- What the shim is waiting for ------------------------------------------------------------

struct Armed {
    const crash::Point* point = nullptr; // null: count nothing, kill nothing
    int n = 0;                           // for How::write: die before the n-th write or sync
    int calls = 0;                       // writes and syncs since the action was entered
    sqlite3_int64 commit_page_at = -1;   // WAL offset of the commit frame's page, once known
    bool committed = false;              // the commit frame's page is written
};
Armed armed;

std::string describe(const char* what, int amount, sqlite3_int64 offset, const char* file) {
    return std::string(armed.point->name) + " before call " + std::to_string(armed.calls) + ": " +
           what +
           (amount >= 0 ? " " + std::to_string(amount) + " bytes at " + std::to_string(offset)
                        : std::string()) +
           " of " + (file ? file : "a temporary file");
}

// --- The VFS shim ----------------------------------------------------------------------------

sqlite3_vfs* real_vfs = nullptr;

struct File {
    sqlite3_file base;
    sqlite3_file* real; // the default VFS's file, allocated right after this struct
    const char* name;   // valid while the file is open (SQLite keeps it)
    bool wal;
};

sqlite3_file* real(sqlite3_file* f) {
    return reinterpret_cast<File*>(f)->real;
}

std::uint32_t big_endian_u32(const void* p) {
    const auto* b = static_cast<const unsigned char*>(p);
    return std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 |
           std::uint32_t{b[3]};
}

int x_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
    auto* file = reinterpret_cast<File*>(f);
    if (!armed.point)
        return real(f)->pMethods->xWrite(real(f), data, amount, offset);
    ++armed.calls;
    const bool commit_page = file->wal && offset == armed.commit_page_at;
    // The cap: a write kill must leave the action uncommitted whatever N is, so it happens at
    // the commit frame's page at the latest (the header of that frame may already be written:
    // the frame's checksum then fails and recovery drops it).
    if ((armed.point->how == crash::How::write &&
         (armed.calls == armed.n || (commit_page && !armed.committed))) ||
        (armed.point->how == crash::How::torn && commit_page && !armed.committed))
        die(describe(commit_page ? "write the commit frame's page," : "write", amount, offset,
                     file->name));
    if (armed.point->how == crash::How::synced && armed.committed)
        die(describe("write after the commit,", amount, offset, file->name));
    const int rc = real(f)->pMethods->xWrite(real(f), data, amount, offset);
    if (rc != SQLITE_OK)
        return rc;
    // A WAL frame header is the only 24-byte write to a WAL file (its own header is 32 bytes at
    // offset 0). Bytes 4..7 hold the database size after the commit in a commit frame, 0 in any
    // other frame; the frame's page follows right after the header.
    if (file->wal && amount == 24 && offset >= 32 &&
        big_endian_u32(static_cast<const char*>(data) + 4) != 0)
        armed.commit_page_at = offset + 24;
    if (commit_page)
        armed.committed = true;
    return rc;
}

int x_sync(sqlite3_file* f, int flags) {
    auto* file = reinterpret_cast<File*>(f);
    if (armed.point) {
        ++armed.calls;
        if (armed.point->how == crash::How::write && armed.calls == armed.n && !armed.committed)
            die(describe("sync", -1, 0, file->name));
        if (armed.point->how == crash::How::synced && armed.committed)
            die(describe("sync", -1, 0, file->name));
    }
    return real(f)->pMethods->xSync(real(f), flags);
}

// Everything else is forwarded unchanged.
int x_close(sqlite3_file* f) {
    return real(f)->pMethods->xClose(real(f));
}
int x_read(sqlite3_file* f, void* data, int amount, sqlite3_int64 offset) {
    return real(f)->pMethods->xRead(real(f), data, amount, offset);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
    return real(f)->pMethods->xTruncate(real(f), size);
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
    return real(f)->pMethods->xFileSize(real(f), size);
}
int x_lock(sqlite3_file* f, int level) {
    return real(f)->pMethods->xLock(real(f), level);
}
int x_unlock(sqlite3_file* f, int level) {
    return real(f)->pMethods->xUnlock(real(f), level);
}
int x_check_reserved_lock(sqlite3_file* f, int* out) {
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int x_sector_size(sqlite3_file* f) {
    return real(f)->pMethods->xSectorSize(real(f));
}
int x_device_characteristics(sqlite3_file* f) {
    return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int x_shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) {
    real(f)->pMethods->xShmBarrier(real(f));
}
int x_shm_unmap(sqlite3_file* f, int delete_flag) {
    return real(f)->pMethods->xShmUnmap(real(f), delete_flag);
}
int x_fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
    return real(f)->pMethods->xFetch(real(f), offset, amount, out);
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
    return real(f)->pMethods->xUnfetch(real(f), offset, p);
}

const sqlite3_io_methods io_methods = {
    3,
    x_close,
    x_read,
    x_write,
    x_truncate,
    x_sync,
    x_file_size,
    x_lock,
    x_unlock,
    x_check_reserved_lock,
    x_file_control,
    x_sector_size,
    x_device_characteristics,
    x_shm_map,
    x_shm_lock,
    x_shm_barrier,
    x_shm_unmap,
    x_fetch,
    x_unfetch,
};

int v_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
    auto* file = reinterpret_cast<File*>(f);
    file->real = reinterpret_cast<sqlite3_file*>(file + 1);
    file->name = name;
    file->wal = (flags & SQLITE_OPEN_WAL) != 0;
    const int rc = real_vfs->xOpen(real_vfs, name, file->real, flags, out_flags);
    // SQLite closes a file whose pMethods is set, even when the open failed; so is ours.
    file->base.pMethods = file->real->pMethods ? &io_methods : nullptr;
    return rc;
}
int v_delete(sqlite3_vfs*, const char* name, int sync_dir) {
    return real_vfs->xDelete(real_vfs, name, sync_dir);
}
int v_access(sqlite3_vfs*, const char* name, int flags, int* out) {
    return real_vfs->xAccess(real_vfs, name, flags, out);
}
int v_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return real_vfs->xFullPathname(real_vfs, name, n, out);
}
void* v_dl_open(sqlite3_vfs*, const char* name) {
    return real_vfs->xDlOpen(real_vfs, name);
}
void v_dl_error(sqlite3_vfs*, int n, char* out) {
    real_vfs->xDlError(real_vfs, n, out);
}
void (*v_dl_sym(sqlite3_vfs*, void* lib, const char* sym))() {
    return real_vfs->xDlSym(real_vfs, lib, sym);
}
void v_dl_close(sqlite3_vfs*, void* lib) {
    real_vfs->xDlClose(real_vfs, lib);
}
int v_randomness(sqlite3_vfs*, int n, char* out) {
    return real_vfs->xRandomness(real_vfs, n, out);
}
int v_sleep(sqlite3_vfs*, int micros) {
    return real_vfs->xSleep(real_vfs, micros);
}
int v_current_time(sqlite3_vfs*, double* out) {
    return real_vfs->xCurrentTime(real_vfs, out);
}
int v_get_last_error(sqlite3_vfs*, int n, char* out) {
    return real_vfs->xGetLastError(real_vfs, n, out);
}
int v_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
    return real_vfs->xCurrentTimeInt64(real_vfs, out);
}
int v_set_system_call(sqlite3_vfs*, const char* name, sqlite3_syscall_ptr p) {
    return real_vfs->xSetSystemCall(real_vfs, name, p);
}
sqlite3_syscall_ptr v_get_system_call(sqlite3_vfs*, const char* name) {
    return real_vfs->xGetSystemCall(real_vfs, name);
}
const char* v_next_system_call(sqlite3_vfs*, const char* name) {
    return real_vfs->xNextSystemCall(real_vfs, name);
}

sqlite3_vfs shim;

// Must run before the database is opened: a connection keeps the VFS it was opened with.
void install_shim() {
    real_vfs = sqlite3_vfs_find(nullptr);
    if (!real_vfs || real_vfs->iVersion < 3) {
        std::fprintf(stderr, "crash_child: no default SQLite VFS of version 3\n");
        std::exit(7);
    }
    shim = *real_vfs;
    shim.szOsFile = static_cast<int>(sizeof(File)) + real_vfs->szOsFile;
    shim.zName = "bundlinje-crash";
    shim.pNext = nullptr;
    shim.pAppData = nullptr;
    shim.xOpen = v_open;
    shim.xDelete = v_delete;
    shim.xAccess = v_access;
    shim.xFullPathname = v_full_pathname;
    shim.xDlOpen = v_dl_open;
    shim.xDlError = v_dl_error;
    shim.xDlSym = v_dl_sym;
    shim.xDlClose = v_dl_close;
    shim.xRandomness = v_randomness;
    shim.xSleep = v_sleep;
    shim.xCurrentTime = v_current_time;
    shim.xGetLastError = v_get_last_error;
    shim.xCurrentTimeInt64 = v_current_time_int64;
    shim.xSetSystemCall = v_set_system_call;
    shim.xGetSystemCall = v_get_system_call;
    shim.xNextSystemCall = v_next_system_call;
    if (sqlite3_vfs_register(&shim, 1) != SQLITE_OK) {
        std::fprintf(stderr, "crash_child: could not register the VFS shim\n");
        std::exit(7);
    }
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
    if (point.how == crash::How::write || point.how == crash::How::torn) {
        std::fprintf(stderr,
                     "crash_child: %s returned after %d writes and syncs without reaching the "
                     "commit frame\n",
                     std::string(point.name).c_str(), calls);
        std::exit(8);
    }
    die(std::string(point.name) + " after the action returned (" + std::to_string(calls) +
        " writes and syncs)");
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 9) {
        std::fprintf(stderr,
                     "usage: crash_child DB TILL_ID STAFF_ID PRODUCT_ID SEED STEPS POINT N\n");
        return 2;
    }
    // A watchdog for a child that hangs instead of reaching its kill point: SIGALRM ends it,
    // and the parent fails the trial because the child did not die by SIGKILL. Never reached
    // otherwise (a run is a dozen commits).
    alarm(120);
    const std::string seed = argv[5];
    const int steps = std::atoi(argv[6]);
    const crash::Point* point = crash::find_point(argv[7]);
    const int n = std::atoi(argv[8]);
    if (!point || steps < 0 || n < 1) {
        std::fprintf(stderr, "crash_child: bad plan\n");
        return 2;
    }
    install_shim();

    bl::Database db(argv[1]);
    const bl::Actor actor{argv[2], argv[3]};
    const auto product = bl::find_product(db, argv[4]);
    if (!product)
        return 3;
    std::mt19937_64 rng(std::strtoull(seed.c_str(), nullptr, 10));
    for (int i = 0;; ++i) {
        if (!bl::current_shift(db, actor.device_id)) {
            if (!bl::open_shift(db, actor, bl::Money::from_kroner(1000)))
                return 4;
        }
        const bool dies = i == steps;
        if (dies ? point->stage == crash::Stage::z : crash::is_z_step(i)) {
            const auto shift = *bl::current_shift(db, actor.device_id);
            const auto t = bl::shift_totals(db, shift.id);
            auto close = [&] {
                if (!bl::close_shift(db, actor, shift.id, t.expected_cash))
                    std::exit(5);
            };
            if (dies)
                fatal(*point, n, close);
            close();
            std::printf("z %s\n", shift.id.c_str());
            std::fflush(stdout);
            continue;
        }
        const std::string mark = seed + "-" + std::to_string(i); // unique per test run
        auto keep = [&] {
            if (!bl::keep_carts(db, bl::KeptCarts{"cart " + mark, {}})) {
                std::fprintf(stderr, "the cart could not be kept\n");
                std::exit(7);
            }
        };
        if (dies && point->stage == crash::Stage::keep)
            fatal(*point, n, keep);
        keep();
        bl::Sale sale;
        const int lines = 1 + static_cast<int>(rng() % 5);
        for (int l = 0; l < lines; ++l) {
            bl::SaleLine line;
            line.product_id = product->id;
            line.description = product->name + " #" + mark;
            line.quantity = 1 + static_cast<std::int64_t>(rng() % 2);
            line.unit_price = product->price;
            line.vat_rate = product->vat_rate;
            sale.lines.push_back(line);
        }
        bl::Payment p;
        p.tender = bl::Tender::cash;
        p.amount = bl::round_cash(sale.total());
        p.rounding = p.amount - sale.total();
        p.tendered = p.amount;
        sale.payments = {p};
        auto record = [&] {
            auto r = bl::record_sale(db, actor, sale);
            if (!r) {
                std::fprintf(stderr, "%s\n", bl::render(r.error()).c_str());
                std::exit(6);
            }
            return r.value();
        };
        if (dies)
            fatal(*point, n, record);
        const bl::Sale done = record();
        // Reported only after the commit returned: the parent may count on every line.
        std::printf("sale %s %lld\n", done.id.c_str(), static_cast<long long>(done.receipt_number));
        std::fflush(stdout);
    }
}
