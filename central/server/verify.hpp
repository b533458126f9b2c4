#pragma once
/// `bundlinje-central verify`: every device's journal chain as the central store holds it,
/// and each chain's head against the anchor (what the device last delivered), with the alarms
/// raised for it.

#include <string>
#include <vector>

#include "central/store/central_store.hpp"

namespace bl::central {

struct ChainReport {
    std::string device_id;
    std::string device_name; ///< empty for a journal of a device not enrolled here
    std::int64_t rows = 0;
    bool ok = true;
    std::int64_t first_bad_seq = 0;
    std::string problem; ///< for the log and the terminal (English)
    std::vector<Alarm> alarms;
};

std::vector<ChainReport> verify_chains(CentralStore& store);

} // namespace bl::central
