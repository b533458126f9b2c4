#include "shared/sync/local.hpp"

#include "shared/core/time.hpp"

namespace bl::sync {

PushRequest make_push(LocalStore& local, const RecordSigner& signer, int limit,
                      std::vector<PendingRow>& sent) {
    PushRequest p;
    p.device_id = local.device_id();
    // The head first: rows written after it are not in this push, so the head is never
    // behind the rows it vouches for.
    p.head = local.head();
    // Taken after the head was read: a later push of this device never carries an earlier
    // time than a head it read before.
    p.head.signed_at = format_utc(now_utc());
    sent = local.pending(limit);
    for (auto& s : sent) {
        if (s.row.seq > p.head.seq)
            break;
        if (s.row.kind == "z_report")
            s.row.signature = signer.sign(row_signing_text(p.device_id, s.row));
        p.rows.push_back(s.row);
    }
    sent.resize(p.rows.size());
    p.head_signature = signer.sign(head_signing_text(p.device_id, p.head));
    return p;
}

std::optional<std::int64_t> acknowledged_up_to(const std::vector<PendingRow>& sent,
                                               const PushResponse& response) {
    std::optional<std::int64_t> up_to;
    for (const auto& s : sent)
        if (s.row.seq <= response.acked_seq)
            up_to = s.outbox_id;
    return up_to;
}

} // namespace bl::sync
