#pragma once
/// The sync client's port to its device's own database, and the pure steps between that
/// database and the protocol: which rows to push (signed), how far a response acknowledges
/// them. The port is implemented over bl_store in shared/sync/wiring; the client calls it on
/// its own thread only.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/sync/pki.hpp"
#include "shared/sync/protocol.hpp"

namespace bl::sync {

/// An outbox row waiting to be sent, as the protocol carries it.
struct PendingRow {
    std::int64_t outbox_id = 0;
    PushRow row;
};

class LocalStore {
public:
    virtual ~LocalStore() = default;
    /// This database's device.
    virtual std::string device_id() = 0;
    /// The oldest rows not yet acknowledged, in order.
    virtual std::vector<PendingRow> pending(int limit) = 0;
    virtual std::int64_t pending_count() = 0;
    /// The newest row of the device's own journal (0 and "" before the first).
    virtual Head head() = 0;
    /// The central store holds every row up to and including outbox row `outbox_id`.
    virtual Result<Done, Message> acknowledged(std::int64_t outbox_id) = 0;
    /// Where the next pull starts.
    virtual std::int64_t pull_cursor() = 0;
    /// Applies one pulled page and its cursor in one transaction.
    virtual Result<Done, Message> apply(const std::vector<Change>& changes,
                                        std::int64_t next_cursor) = 0;
};

/// The push of the oldest pending rows (at most `limit`): the head signed, each Z report
/// signed.
PushRequest make_push(LocalStore& local, const RecordSigner& signer, int limit,
                      std::vector<PendingRow>& sent);

/// The last outbox row a response acknowledges among those sent, if any.
std::optional<std::int64_t> acknowledged_up_to(const std::vector<PendingRow>& sent,
                                               const PushResponse& response);

} // namespace bl::sync
