#pragma once
/// The central store on PostgreSQL (15 or newer), through libpqxx: for a municipality that
/// runs the central store for many shops and workshops and wants its database's replicas,
/// point-in-time recovery, backups and BI tools. The same guarantees as the SQLite store
/// (central_store.hpp); no libpqxx type in this header.
///
/// - Ids and money are bigint (øre), times timestamptz. A journal row also keeps its
///   recorded_at exactly as the device hashed it (recorded_at_hashed), since the chain's hash
///   covers those characters.
/// - The journal is append-only twice over: a trigger refuses UPDATE, DELETE and TRUNCATE for
///   everyone, and those privileges are revoked from PUBLIC and from the role that created
///   the schema.
/// - Each (device, seq) and each sale id is stored once: INSERT ... ON CONFLICT DO NOTHING,
///   and a push whose rows were not all new is rolled back (AppendRefusal::duplicate). The
///   device's row is locked (SELECT ... FOR UPDATE) while its anchor is checked and moved, so
///   two servers cannot both extend one chain.
/// - The pull cursor is in commit order: a single-row counter (change_counter) is advanced
///   inside the pushing transaction, as its last statement before COMMIT, and its row lock is
///   held until the commit is visible. A second writer waits for it and takes the next
///   numbers, so a higher cursor is never visible before a lower one, and a reader that saw
///   cursor N has seen every change up to N. (A bigserial is handed out at insert time: with
///   concurrent writers, 7 can commit before 6, and a device that pulled 7 would skip 6
///   forever.) Only pushes that make changes take the lock; sales make none, so sales from
///   many devices are written in parallel.
/// - A pool of connections (PgOptions::pool_size), each call on one of them, so the server's
///   threads work at once; a broken connection is replaced on its next use.
/// - Migrations are numbered steps in bundlinje_central_schema (one row per step, each step
///   and its row in one transaction, under an advisory lock so that two servers starting at
///   once migrate once).
///
/// The URL is libpq's ("postgresql://user:password@host:port/database?param=value", a Unix
/// socket as "?host=/run/postgresql"), plus "schema=NAME" of ours: the store's tables in
/// that schema (created when missing), for a database it shares with other programs.

#include <memory>
#include <string>

#include "central/store/central_store.hpp"

namespace bl::central {

struct PgOptions {
    int pool_size = 4; ///< connections; the server's thread count is a good size
};

class PgCentralStore : public CentralStore {
public:
    /// Connects, checks that the database is UTF-8 and not from a newer Bundlinje, and
    /// migrates. Throws bl::StoreError with a clear message when it cannot (nothing is
    /// changed then).
    explicit PgCentralStore(const std::string& url, PgOptions options = {});
    ~PgCentralStore() override;

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

    /// Says to use PostgreSQL's own tools (pg_dump, pg_basebackup) and copies nothing.
    Result<Done, Message> back_up(const std::string& path) override;

    std::vector<EnrolCodeState> enrol_codes() override;
    std::vector<SaleFact> sales_after(const std::string& after_sale_id, int limit) override;
    std::vector<MakerRecord> makers() override;
    Result<Done, Message> import_records(const StoreImport& part) override;

    struct Impl;

private:
    std::unique_ptr<Impl> m;
};

/// For tests and repair tools only: runs SQL (one or more statements, outside a
/// transaction) on a connection of its own to `url` (the store's URL, "schema=" honoured)
/// and gives the first field of the first row of the last statement ("" when none), or the
/// database's error message.
Result<std::string, std::string> pg_run_sql(const std::string& url, const std::string& sql);

} // namespace bl::central
