#pragma once
/// Checks the rows of one push that extend a device's chain, and turns them into one Append:
/// the rows, the sales among them (checked with shared/rules through the sale reader), and
/// what devices may pull because of them, each for its audience.

#include <functional>
#include <map>
#include <optional>

#include "central/store/central_store.hpp"
#include "shared/core/time.hpp"
#include "shared/sync/protocol.hpp"

namespace bl::central {

class Ingest {
public:
    Ingest(CentralStore& store, const DeviceRecord& device, std::string ca_certificate_pem);

    /// Checks one row (its hash and place in the chain are already checked) and keeps it.
    /// A problem: the row breaks a rule and nothing of this push may be stored.
    std::optional<sync::Problem> add(const sync::PushRow& row);

    bool empty() const { return m_append.rows.empty(); }
    /// The rows kept so far, as one Append.
    Append take(std::string received_at);

private:
    void maker_changed(const MakerRecord& m);
    std::optional<MakerRecord> maker(const std::string& id);

    CentralStore& m_store;
    const DeviceRecord& m_device;
    std::string m_ca;
    Append m_append;
    std::map<std::string, MakerRecord> m_makers;
};

} // namespace bl::central
