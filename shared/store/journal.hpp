#pragma once
/// The electronic journal: one row per action, gapless sequence per device, canonical JSON
/// payload, SHA-256 hash chain. Rows are only ever appended (triggers refuse UPDATE and
/// DELETE). Makers appear in payloads by their pseudonymous id only.
///
/// hash = SHA-256(prev_hash "\n" device_id "\n" seq "\n" recorded_at "\n" kind "\n" payload)
/// where prev_hash of the first row is 64 zeros. The device and time are part of the hash
/// so that neither can be edited unnoticed.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/canonical_json.hpp"
#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/store/database.hpp"

namespace bl {

inline const std::string genesis_hash(64, '0');

/// The hash of a row from its parts (see above).
std::string journal_hash(const std::string& prev_hash, const std::string& device_id,
                         std::int64_t seq, const std::string& recorded_at, const std::string& kind,
                         const std::string& payload);

/// Appends a row for `device_id` inside the caller's open transaction and returns it.
JournalEntry append_journal(Database& db, const std::string& device_id, const std::string& kind,
                            const JsonObject& payload, Timestamp at);

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

} // namespace bl
