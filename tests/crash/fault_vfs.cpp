#include "fault_vfs.hpp"

#include <cstdio>
#include <cstdlib>

namespace faultvfs {

namespace {

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

// Asks the test about a call, runs it when allowed, and tells the test how it went.
template <class Run>
int watched(sqlite3_file* f, Op op, int amount, sqlite3_int64 offset, const void* data, Run run) {
    const auto* file = reinterpret_cast<File*>(f);
    const Call call{op, file->name, file->wal, amount, offset, data};
    if (before) {
        const int rc = before(call);
        if (rc != SQLITE_OK)
            return rc;
    }
    const int rc = run();
    if (after)
        after(call, rc);
    return rc;
}

int x_read(sqlite3_file* f, void* data, int amount, sqlite3_int64 offset) {
    return watched(f, Op::read, amount, offset, nullptr,
                   [&] { return real(f)->pMethods->xRead(real(f), data, amount, offset); });
}
int x_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
    return watched(f, Op::write, amount, offset, data,
                   [&] { return real(f)->pMethods->xWrite(real(f), data, amount, offset); });
}
int x_sync(sqlite3_file* f, int flags) {
    return watched(f, Op::sync, 0, 0, nullptr,
                   [&] { return real(f)->pMethods->xSync(real(f), flags); });
}

// Everything else is forwarded unchanged.
int x_close(sqlite3_file* f) {
    return real(f)->pMethods->xClose(real(f));
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

} // namespace

void install() {
    if (real_vfs)
        return;
    real_vfs = sqlite3_vfs_find(nullptr);
    if (!real_vfs || real_vfs->iVersion < 3) {
        std::fprintf(stderr, "fault_vfs: no default SQLite VFS of version 3\n");
        std::exit(7);
    }
    shim = *real_vfs;
    shim.szOsFile = static_cast<int>(sizeof(File)) + real_vfs->szOsFile;
    shim.zName = "bundlinje-fault";
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
        std::fprintf(stderr, "fault_vfs: could not register the VFS shim\n");
        std::exit(7);
    }
}

} // namespace faultvfs
