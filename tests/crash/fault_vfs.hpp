#pragma once
// A thin SQLite VFS that wraps the default one and forwards everything, letting a test look at
// (and fail, or die at) every read, write and sync of every file SQLite opens: the crash
// trials kill themselves at planned points of a commit with it (crash_child.cpp), the I/O
// fault sweep fails the N-th read, write or sync (io_fault_test.cpp). Installed as the default
// VFS before the database is opened (a connection keeps the VFS it was opened with).

#include <functional>

#include <sqlite3.h>

namespace faultvfs {

enum class Op { read, write, sync };

/// One call about to reach the real file.
struct Call {
    Op op;
    const char* file; ///< null for a temporary file
    bool wal;         ///< the file is a write-ahead log
    int amount;       ///< bytes read or written (0 for a sync)
    sqlite3_int64 offset;
    const void* data; ///< what is written (writes only)
};

/// Decides each call before it reaches the real file: SQLITE_OK lets it through, anything
/// else fails it with that code (the real file is not touched). Unset: everything goes
/// through.
inline std::function<int(const Call&)> before;
/// Told each call that went through, with the real file's result.
inline std::function<void(const Call&, int rc)> after;

/// Registers the shim as the default VFS; exits the process if SQLite has no VFS to wrap.
void install();

} // namespace faultvfs
