#pragma once
/// Checking that a database still says what was recorded: every journal chain (each row's
/// hash, its place after the row before it, its head, the rows that point into it) and every
/// business row against the journal row that recorded it (the journal is the record). Reads
/// only, in one read transaction, so a till writing meanwhile is never mistaken for tampering.
///
/// What it can find and what it cannot is listed in docs/architecture.md ("Checking the
/// data"): in short, anything changed, removed, added or moved with file access, unless the
/// journal's rows from some point on were written again consistently (hashes, head and
/// business rows); that is caught by an anchor held elsewhere (the central store, a printed Z
/// report, the last full check).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/store/database.hpp"
#include "shared/store/journal.hpp"

namespace bl {

/// One thing the check found wrong, named so that a person can find it.
struct Finding {
    std::string device_id; ///< the chain it concerns (empty: the file as a whole)
    std::int64_t seq = 0;  ///< the journal row it concerns (0: none)
    /// The table the wrong (or missing) row belongs to: "journal", "journal_head", "sale",
    /// "sale_line", "sale_allocation", "payment", "shift", "stock_move", "batch",
    /// "contribution", "local_device" or "schema".
    std::string table;
    /// The row's key in that table: a sale's, shift's or batch's id, a stock move's number,
    /// a trigger's or table's name; for journal rows the sequence number as text.
    std::string row;
    Message problem;
};

/// The outcome of checking a whole database.
struct DatabaseCheck {
    /// The first problem of each kind, in the order checked: the structure, each chain, then
    /// the business rows in journal order, then rows no journal row recorded. At most a few
    /// dozen: one broken row often breaks more, and the first says where to look.
    std::vector<Finding> findings;
    std::int64_t chains = 0;        ///< devices whose journal was walked
    std::int64_t journal_rows = 0;  ///< journal rows read
    std::int64_t business_rows = 0; ///< sales, shifts, batches and stock moves held to the journal
    /// Where each chain ended when it was read (what record_full_check keeps).
    std::vector<std::pair<std::string, JournalAnchor>> heads;
    bool ok() const { return findings.empty(); }
};

/// For tests only: runs between the journal's reads and the other tables' reads. Another
/// connection writing there must not be seen (the check reads one snapshot).
struct VerifyHooks {
    std::function<void()> after_journal;
};

/// Checks the whole database in one read transaction; see the header comment.
DatabaseCheck verify_database(Database& db, const VerifyHooks& hooks = {});

/// The cheap check a till makes at every start: each chain from where its last full check
/// ended (that row must still be there, unchanged) to its head, the head itself, that the
/// database's own device still has its chain, and the sales and Z reports journaled in those
/// rows against their rows. Without a full check yet, each chain from its first row.
DatabaseCheck check_journal_tail(Database& db);

/// Keeps where a passed full check ended, so the next start checks only the rows after it.
/// Not a business action: nothing is journaled. Refused when the check did not pass.
[[nodiscard]] Result<Done, Message> record_full_check(Database& db, const DatabaseCheck& passed);

/// The findings as lines for a person, each translated through `t`.
std::vector<std::string> describe(const DatabaseCheck& check, const Translator* t = nullptr);

} // namespace bl
