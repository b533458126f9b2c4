#pragma once
/// The central store's tables behind one interface, so that the request handlers
/// (central/server) never know which database holds them. SQLite is the embedded default
/// (sqlite_central_store.hpp); another database (PostgreSQL, issue 10) is a second
/// implementation of this class and nothing else changes.
///
/// Error policy as in shared/store: writes return a [[nodiscard]] Result (on a refusal of the
/// database nothing was written), reads throw bl::StoreError. Every implementation must keep
/// these guarantees:
/// - append() stores each (device, seq) at most once, and only when the device's anchor is
///   still where the caller read it (an optimistic check, so two servers on one database
///   cannot both extend a chain);
/// - enrol_device() uses a code at most once, whoever asks at the same time;
/// - changes_since() never skips a change committed after an earlier page was read (the
///   cursor is a commit-order sequence, not a time);
/// - every method may be called from several threads at once (the server runs its handlers
///   on a pool of threads).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::central {

/// What a device may see and send.
enum class Role { till, workshop, organiser };
std::string_view to_string(Role r);
std::optional<Role> role_from(std::string_view s);

struct Scope {
    Role role = Role::till;
    std::string shop_id;     ///< a till's shop
    std::string workshop_id; ///< a workshop station's workshop
};

/// An enrolled device.
struct DeviceRecord {
    std::string id;
    std::string name;
    Scope scope;
    std::string token_hash; ///< SHA-256 of the device's secret token; the token is not kept
    std::string certificate_pem;
    std::string enrolled_at;
    std::optional<std::string> revoked_at;
    /// The chain anchor: the highest contiguous row held, and its hash (0 and "": none).
    std::int64_t acked_seq = 0;
    std::string acked_hash;
    /// The newest head time the device signed for a push that reached the anchor.
    std::string head_signed_at;
};

/// A single-use enrolment code, kept only as its hash.
struct EnrolCode {
    std::string code_hash;
    Scope scope;
    std::string created_at;
    std::string expires_at;
};

/// An enrolment code as the store holds it, used or not (for moving a store).
struct EnrolCodeState {
    EnrolCode code;
    std::optional<std::string> used_at;
    std::optional<std::string> used_by;
};

/// Why an enrolment code cannot be used (stable codes, also sent to the device).
enum class CodeRefusal { unknown, used, expired, device_taken };

/// One journal row of a device, as it was pushed.
struct StoredRow {
    std::string device_id;
    std::int64_t seq = 0;
    std::string recorded_at;
    std::string kind;
    std::string payload;
    std::string prev_hash;
    std::string hash;
    std::optional<std::string> extra;
    std::optional<std::string> signature;
    /// When the central store took it (set by the store when reading; append() uses
    /// Append::received_at, import_records() this).
    std::string received_at;
};

/// A sale or refund as the totals count it.
struct SaleFact {
    std::string sale_id;
    std::string device_id;
    std::string shop_id;
    std::int64_t seq = 0;
    std::int64_t total_ore = 0;
    bool training = false;
    bool refund = false;
};

/// Who may pull a change.
enum class Audience {
    everyone,  ///< catalogue, batches, workshops, makers' consented display names
    workshop,  ///< the station of `workshop_id` (and organisers): makers' private fields
    shop,      ///< the tills of `shop_id` (and organisers): the shop's staff, its details
    organiser, ///< organisers only
};

/// Something devices pull: an entity's new state.
struct ChangeRecord {
    std::int64_t cursor = 0; ///< set by the store, in commit order
    std::string entity;
    std::string entity_id;
    Audience audience = Audience::everyone;
    std::string shop_id;
    std::string workshop_id;
    std::string body; ///< canonical JSON object
};

/// What the central store knows of a maker for deciding what tills may see.
struct MakerRecord {
    std::string id;
    std::string workshop_id;
    std::string display_name;
    int receipt_consent = 0; ///< consent level for the receipt channel in force
};

/// A push, as one transaction: the rows that extend a device's chain, the sales among them,
/// what devices may pull because of them, makers as they now stand, and the new anchor.
struct Append {
    std::string device_id;
    std::int64_t expected_acked_seq = 0; ///< where the anchor was when the rows were checked
    std::vector<StoredRow> rows;
    std::vector<SaleFact> sales;
    std::vector<ChangeRecord> changes;
    std::vector<MakerRecord> makers;
    std::string received_at;
    std::string head_signed_at; ///< the push's signed head time
};

/// Why append() did not store the rows.
enum class AppendRefusal {
    moved,     ///< the anchor moved meanwhile (another request stored rows first): retry
    duplicate, ///< a row or a sale id is already held
    failed,    ///< the database refused (disk full, I/O): nothing was written
};

struct Alarm {
    std::string at;
    std::string device_id;
    std::string code;
    std::string detail;
};

/// Per device: what its pushed sales add up to (training excluded).
struct DeviceTotals {
    std::string device_id;
    std::int64_t sales = 0; ///< receipts (sales and refunds)
    std::int64_t total_ore = 0;
    std::int64_t rows = 0; ///< journal rows held
};

/// A part of another central store's records, copied as they are (migrate-store): devices,
/// codes and makers are set to the states given; rows, sales and changes (with their
/// cursors, which devices hold) must be new to this store; alarms are added.
struct StoreImport {
    std::vector<EnrolCodeState> codes;
    std::vector<DeviceRecord> devices;
    std::vector<StoredRow> rows;
    std::vector<SaleFact> sales;
    std::vector<ChangeRecord> changes;
    std::vector<MakerRecord> makers;
    std::vector<Alarm> alarms;
};

class CentralStore {
public:
    virtual ~CentralStore() = default;

    // Enrolment and devices
    virtual Result<Done, Message> add_enrol_code(const EnrolCode& code) = 0;
    /// Uses the code (unused, not expired at `now`) and enrols the device, in one transaction.
    /// The same device with the same code again, before it pushed anything, gets its token
    /// and certificate replaced (its first answer was lost on the way).
    virtual Result<DeviceRecord, CodeRefusal>
    enrol_device(const std::string& code_hash, const std::string& now, DeviceRecord device) = 0;
    virtual std::optional<DeviceRecord> device_by_token(const std::string& token_hash) = 0;
    virtual std::optional<DeviceRecord> find_device(const std::string& id) = 0;
    virtual std::vector<DeviceRecord> list_devices() = 0;
    /// Revokes a device: its token is refused from now on. False: no such device.
    virtual Result<bool, Message> revoke_device(const std::string& id, const std::string& now) = 0;

    // The journals
    virtual std::optional<StoredRow> find_row(const std::string& device_id, std::int64_t seq) = 0;
    virtual std::vector<StoredRow> rows(const std::string& device_id, std::int64_t from_seq,
                                        int limit) = 0;
    virtual Result<Done, AppendRefusal> append(const Append& a) = 0;
    virtual std::optional<MakerRecord> find_maker(const std::string& id) = 0;
    /// Devices whose journals the store holds (enrolled or not).
    virtual std::vector<std::string> journal_devices() = 0;

    // Pull
    /// Changes after `cursor` that `scope` may see, oldest first, at most `limit`; and the
    /// cursor to continue from (past changes the scope may not see, too).
    virtual std::vector<ChangeRecord> changes_since(std::int64_t cursor, const Scope& scope,
                                                    int limit, std::int64_t& next_cursor) = 0;

    // Alarms and reports
    virtual Result<Done, Message> add_alarm(const Alarm& a) = 0;
    virtual std::vector<Alarm> alarms() = 0;
    virtual std::vector<DeviceTotals> totals() = 0;
    /// How many sales (by id) the store holds; and how many rows, for the tests' accounting.
    virtual std::int64_t sale_count() = 0;

    /// A consistent copy of the whole store, taken while it keeps serving. A store whose
    /// database has its own tools for this (PostgreSQL) says so and copies nothing.
    virtual Result<Done, Message> back_up(const std::string& path) = 0;

    // Moving a store to another database (bundlinje-central migrate-store)
    virtual std::vector<EnrolCodeState> enrol_codes() = 0;
    /// Sales in the order of their ids, after `after_sale_id` ("" for the first), at most
    /// `limit`.
    virtual std::vector<SaleFact> sales_after(const std::string& after_sale_id, int limit) = 0;
    virtual std::vector<MakerRecord> makers() = 0;
    /// Writes one part in one transaction; on an error nothing of it was written.
    virtual Result<Done, Message> import_records(const StoreImport& part) = 0;
};

} // namespace bl::central
