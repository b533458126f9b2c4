#pragma once
/// The electronic journal: one row per action, gapless sequence per device, canonical JSON
/// payload, SHA-256 hash chain (shared/rules/journal_hash.hpp). Rows are only ever appended
/// (triggers refuse UPDATE and DELETE). Makers appear in payloads by their pseudonymous id
/// only. Business actions write their rows themselves; this header is for reading and
/// checking the journal.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/rules/journal_hash.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// A journal position known from elsewhere (a printed Z report, the central store's receipt
/// of a push) that the journal must still contain unchanged.
struct JournalAnchor {
    std::int64_t seq = 0;
    std::string hash;
};

/// The outcome of checking one device's chain.
struct JournalCheck {
    bool ok = true;
    std::int64_t rows = 0;          ///< rows read
    std::int64_t first_bad_seq = 0; ///< where the first problem is (0 when ok)
    Message problem;                ///< what is wrong there, for a person
};

/// Walks the chain of `device_id` from the first row and names the first broken link:
/// a changed row, a missing row, rows out of order, or a missing tail (against the head
/// record, the rows that point into the journal, and the optional anchor).
JournalCheck verify_journal(Database& db, const std::string& device_id,
                            const std::optional<JournalAnchor>& anchor = std::nullopt);

/// Every device that has journal rows in this database.
std::vector<std::string> journal_devices(Database& db);

/// The newest row of a device, if any.
std::optional<JournalAnchor> journal_head(Database& db, const std::string& device_id);

/// The rows of a device from `from_seq` on, oldest first (at most `limit`).
std::vector<JournalEntry> journal_rows(Database& db, const std::string& device_id,
                                       std::int64_t from_seq = 1, int limit = 1000);

} // namespace bl
