#pragma once
/// The central store in one SQLite file: the embedded default. WAL, synchronous=FULL,
/// foreign keys on, numbered migrations (each step with its user_version in one
/// transaction). One connection writes, shared by the server's threads one call at a time (a
/// mutex; SQLite writes one transaction at a time anyway), and pushes waiting for it are
/// written together (group commit, a savepoint each); reads go to connections of their own;
/// the WAL is checkpointed on a thread of its own. Several processes may open the same file.
/// No SQLite type in this header.

#include <memory>
#include <string>

#include "central/store/central_store.hpp"

namespace bl::central {

class SqliteCentralStore : public CentralStore {
public:
    /// Opens (creating when missing) and migrates. Throws bl::StoreError when the file
    /// cannot be opened or is not a central store.
    explicit SqliteCentralStore(const std::string& path);
    ~SqliteCentralStore() override;

    Result<Done, Message> add_enrol_code(const EnrolCode& code) override;
    Result<DeviceRecord, CodeRefusal> enrol_device(const std::string& code_hash,
                                                   const std::string& now,
                                                   DeviceRecord device) override;
    std::optional<DeviceRecord> device_by_token(const std::string& token_hash) override;
    std::optional<DeviceRecord> find_device(const std::string& id) override;
    std::vector<DeviceRecord> list_devices() override;
    Result<bool, Message> revoke_device(const std::string& id, const std::string& now) override;

    std::optional<StoredRow> find_row(const std::string& device_id, std::int64_t seq) override;
    std::vector<StoredRow> rows(const std::string& device_id, std::int64_t from_seq,
                                int limit) override;
    Result<Done, AppendRefusal> append(const Append& a) override;
    std::optional<MakerRecord> find_maker(const std::string& id) override;
    std::vector<std::string> journal_devices() override;

    std::vector<ChangeRecord> changes_since(std::int64_t cursor, const Scope& scope, int limit,
                                            std::int64_t& next_cursor) override;

    Result<Done, Message> add_alarm(const Alarm& a) override;
    std::vector<Alarm> alarms() override;
    std::vector<DeviceTotals> totals() override;
    std::int64_t sale_count() override;

    Result<Done, Message> back_up(const std::string& path) override;

    std::vector<EnrolCodeState> enrol_codes() override;
    std::vector<SaleFact> sales_after(const std::string& after_sale_id, int limit) override;
    std::optional<SaleFact> find_sale(const std::string& sale_id) override;
    std::vector<MakerRecord> makers() override;
    Result<Done, Message> import_records(const StoreImport& part) override;

    struct Impl;

private:
    std::unique_ptr<Impl> m;
};

} // namespace bl::central
