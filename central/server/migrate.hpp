#pragma once
/// `bundlinje-central migrate-store`: copies one central store into another (SQLite to
/// PostgreSQL, or back), over the CentralStore interface only, and verifies every chain
/// after. Records keep what devices rely on: each journal row as it was hashed, each change
/// with its cursor (devices hold it as their pull cursor), each device with its token, its
/// certificate and its anchor.
///
/// It may run more than once: a run copies only what the target does not hold yet, so the
/// first run can copy a snapshot of a store that keeps serving, and a second run, with the
/// old server stopped, copies what arrived meanwhile. Before writing anything it checks that
/// everything the target holds is the source's (the same rows, sales, changes, alarms and
/// devices); a target that has taken pushes of its own, or holds another store, is refused
/// and nothing is copied.

#include <cstdint>
#include <vector>

#include "central/server/verify.hpp"
#include "central/store/central_store.hpp"

namespace bl::central {

struct MoveCounts {
    std::int64_t devices = 0;
    std::int64_t codes = 0;
    std::int64_t makers = 0;
    std::int64_t rows = 0;
    std::int64_t sales = 0;
    std::int64_t changes = 0;
    std::int64_t alarms = 0;
    bool operator==(const MoveCounts&) const = default;
};

struct MoveReport {
    MoveCounts copied; ///< new in the target from this run
    MoveCounts source; ///< what the source holds
    MoveCounts target; ///< what the target holds after the run
    /// Every chain as the target holds it, and as the source does: the move is right when
    /// they say the same (a chain the source already had a problem with keeps it).
    std::vector<ChainReport> target_chains;
    std::vector<ChainReport> source_chains;
    /// Where source and target still differ after the copy (English, for the terminal); empty
    /// when the target holds exactly the source's records.
    std::vector<std::string> differences;
};

/// Copies what `to` does not hold of `from`; refuses, copying nothing, when `to` holds
/// anything `from` does not. The source should not take pushes while this runs (copy a
/// snapshot of a serving store).
Result<MoveReport, Message> copy_central_store(CentralStore& from, CentralStore& to);

} // namespace bl::central
