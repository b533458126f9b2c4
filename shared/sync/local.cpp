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
    // A push stays well within the 1 MiB the central store reads (a product picture's row is
    // up to about 130 KB): it ends before the row that would take it past the budget, and
    // always carries one row.
    constexpr std::size_t push_budget = 768 * 1024;
    std::size_t bytes = 0;
    for (auto& s : sent) {
        if (s.row.seq > p.head.seq)
            break;
        bytes += s.row.payload.size() + (s.row.extra ? s.row.extra->size() : 0) + 512;
        if (!p.rows.empty() && bytes > push_budget)
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
