#pragma once
/// The sync protocol, version 1, as plain values: what a device and the central store say to
/// each other under /api/v1, how it is written as JSON and how strictly it is read. Pure: no
/// Asio, no Boost in this header (Boost.JSON reads and writes it inside protocol.cpp).
///
///   GET  /api/v1/health                       -> {"status":"ok","version":1}
///   POST /api/v1/enrol    EnrolRequest        -> EnrolResponse
///   POST /api/v1/push     PushRequest         -> PushResponse      (Bearer token)
///   GET  /api/v1/pull?since=N&limit=M         -> PullResponse      (Bearer token)
///
/// Every error is a JSON object {"error": CODE, "message": TEXT} with a stable CODE.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/result.hpp"

namespace bl::sync {

inline constexpr int protocol_version = 1;
inline constexpr std::string_view api_prefix = "/api/v1";
/// Largest request body the server reads; a larger one is refused before it is parsed.
inline constexpr std::size_t max_body_bytes = 1024 * 1024;
/// Deepest JSON nesting accepted anywhere in the protocol.
inline constexpr int max_json_depth = 16;
/// Most journal rows in one push.
inline constexpr std::size_t max_push_rows = 500;
/// Most changes in one page of a pull.
inline constexpr int max_pull_page = 500;

/// Why a request was refused: an HTTP status and a stable code (documented in
/// docs/architecture.md, "Sync"), with a sentence for the log.
struct Problem {
    int status = 400;
    std::string code;
    std::string message;
};

/// One journal row as the device wrote it, with what its outbox adds.
struct PushRow {
    std::int64_t seq = 0;
    std::string recorded_at; ///< UTC text, exactly as hashed
    std::string kind;
    std::string payload; ///< the journal's canonical JSON, exactly as hashed
    std::string prev_hash;
    std::string hash;
    /// The outbox's payload where it differs from the journal's (a maker's display name and
    /// private details travel to the central store but never into the journal).
    std::optional<std::string> extra;
    /// The device's signature over this row's hash (Z reports).
    std::optional<std::string> signature;
};

/// The newest row of the device's own chain when it pushes.
struct Head {
    std::int64_t seq = 0;
    std::string hash;
    /// When the device read its head (its own clock, UTC text). A device's heads only move
    /// forward in its own time, so an older head signed later means the chain was cut, and
    /// one signed earlier is a delayed copy of an old request.
    std::string signed_at;
};

struct PushRequest {
    std::string device_id;
    Head head;
    /// The device's signature over head_signing_text(device_id, head).
    std::string head_signature;
    std::vector<PushRow> rows; ///< consecutive sequence numbers, oldest first
};

/// The highest contiguous sequence the central store holds for the device, and its hash.
struct PushResponse {
    std::int64_t acked_seq = 0;
    std::string acked_hash;
};

struct EnrolRequest {
    std::string code;
    std::string device_id;   ///< the device's own id (its journal's device)
    std::string device_name; ///< "Kasse 1"
    std::string csr_pem;     ///< a certificate request for the device's signing key
};

struct EnrolResponse {
    std::string device_id;
    std::string token; ///< the secret the device sends as "Authorization: Bearer ..."
    std::string role;  ///< till | workshop | organiser
    std::string shop_id;
    std::string workshop_id;
    std::string certificate_pem; ///< the device's signing certificate from the central CA
};

/// One change a device may pull: an entity and its new state.
struct Change {
    std::int64_t cursor = 0;
    std::string entity; ///< workshop, shop, product, batch, maker, maker_private, consent
    std::string id;
    std::string body; ///< a JSON object, canonical
};

struct PullResponse {
    std::vector<Change> changes;
    std::int64_t next_cursor = 0;
    bool more = false;
};

/// What a device signs for a push: its id, and its head's sequence, hash and time.
std::string head_signing_text(std::string_view device_id, const Head& head);
/// What a device signs for a row it signs (a Z report): its id, sequence and hash.
std::string row_signing_text(std::string_view device_id, const PushRow& row);

std::string to_json(const PushRequest& r);
std::string to_json(const PushResponse& r);
std::string to_json(const EnrolRequest& r);
std::string to_json(const EnrolResponse& r);
std::string to_json(const PullResponse& r);
std::string to_json(const Problem& p);

/// Strict readers: the body must be a JSON object (depth <= max_json_depth) with exactly the
/// known members of the right types; anything else is a 400 Problem with code
/// "malformed_json", "too_deep" or "invalid_field".
Result<PushRequest, Problem> parse_push_request(std::string_view body);
Result<PushResponse, Problem> parse_push_response(std::string_view body);
Result<EnrolRequest, Problem> parse_enrol_request(std::string_view body);
Result<EnrolResponse, Problem> parse_enrol_response(std::string_view body);
Result<PullResponse, Problem> parse_pull_response(std::string_view body);
Result<Problem, Problem> parse_problem(std::string_view body);

/// Whether a JSON text is an object no deeper than max_json_depth (for bodies of changes).
bool is_json_object(std::string_view text);

/// 64 lower-case hex digits.
bool is_hash(std::string_view s);
/// A UUID as the stores write them (36 characters, hex and dashes).
bool is_uuid(std::string_view s);

} // namespace bl::sync
