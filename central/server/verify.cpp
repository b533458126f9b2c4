#include "central/server/verify.hpp"

#include <set>

#include "shared/rules/journal_hash.hpp"

namespace bl::central {

std::vector<ChainReport> verify_chains(CentralStore& store) {
    std::set<std::string> ids;
    for (const auto& id : store.journal_devices())
        ids.insert(id);
    for (const auto& d : store.list_devices())
        ids.insert(d.id);
    const auto alarms = store.alarms();
    std::vector<ChainReport> out;
    for (const auto& id : ids) {
        ChainReport r;
        r.device_id = id;
        auto device = store.find_device(id);
        if (device)
            r.device_name = device->name;
        auto bad = [&](std::int64_t seq, std::string why) {
            if (r.ok) {
                r.ok = false;
                r.first_bad_seq = seq;
                r.problem = std::move(why);
            }
        };
        std::int64_t expected = 1;
        std::string prev = genesis_hash;
        for (;;) {
            auto rows = store.rows(id, expected, 1000);
            if (rows.empty())
                break;
            for (const auto& row : rows) {
                if (row.seq != expected) {
                    bad(expected, "row " + std::to_string(expected) + " is missing");
                    break;
                }
                if (row.prev_hash != prev)
                    bad(row.seq,
                        "row " + std::to_string(row.seq) + " does not follow the row before it");
                else if (journal_hash(row.prev_hash, id, row.seq, row.recorded_at, row.kind,
                                      row.payload) != row.hash)
                    bad(row.seq, "row " + std::to_string(row.seq) + " was changed");
                prev = row.hash;
                ++expected;
                ++r.rows;
            }
            if (!r.ok)
                break;
        }
        if (device && r.ok) {
            if (device->acked_seq != r.rows)
                bad(r.rows + 1, "the chain ends at " + std::to_string(r.rows) +
                                    " but the device delivered up to " +
                                    std::to_string(device->acked_seq));
            else if (r.rows > 0 && device->acked_hash != prev)
                bad(r.rows, "the chain's head differs from what the device delivered");
        }
        for (const auto& a : alarms)
            if (a.device_id == id)
                r.alarms.push_back(a);
        if (r.ok && !r.alarms.empty()) {
            r.ok = false;
            r.problem = "alarm: " + r.alarms.back().code + " (" + r.alarms.back().detail + ")";
        }
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace bl::central
