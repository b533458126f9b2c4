#include "central/server/handlers.hpp"

#include <charconv>

#include "central/server/ingest.hpp"
#include "central/server/public_page.hpp"
#include "shared/core/sha256.hpp"
#include "shared/rules/journal_hash.hpp"
#include "shared/rules/journal_kind.hpp"
#include "shared/store/database.hpp"
#include "shared/sync/protocol.hpp"

namespace bl::central {

namespace {

using sync::Problem;

Response problem(int status, std::string code, std::string message) {
    return Response{status, sync::to_json(Problem{status, std::move(code), std::move(message)})};
}
Response problem(const Problem& p) {
    return Response{p.status, sync::to_json(p)};
}
Response ok(std::string body) {
    return Response{200, std::move(body)};
}

void tell(const HandlerContext& ctx, std::string_view level, std::string_view event,
          std::string_view detail) {
    if (ctx.log)
        ctx.log(level, event, detail);
}

/// Raises an alarm: in the log and in the store's alarm table (the only thing a refused
/// request writes).
void alarm(CentralStore& store, const HandlerContext& ctx, const std::string& device_id,
           const std::string& code, const std::string& detail) {
    tell(ctx, "alarm", code, "device " + device_id + ": " + detail);
    (void)store.add_alarm(Alarm{format_utc(ctx.clock()), device_id, code, detail});
}

bool is_json_type(std::string_view ct) {
    const auto semi = ct.find(';');
    std::string_view main = ct.substr(0, semi);
    while (!main.empty() && main.back() == ' ')
        main.remove_suffix(1);
    if (main.size() != 16)
        return false;
    for (std::size_t i = 0; i < main.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(main[i])) != "application/json"[i])
            return false;
    return true;
}

/// The device a request speaks for, or the problem with its token.
Result<DeviceRecord, Problem> authenticate(const Request& r, CentralStore& store) {
    constexpr std::string_view bearer = "Bearer ";
    if (r.authorization.empty())
        return err(Problem{401, "token_missing", "this request needs a device token"});
    if (r.authorization.size() > 300 || r.authorization.rfind(bearer, 0) != 0)
        return err(Problem{401, "token_unknown", "the device token is not valid"});
    const std::string token = r.authorization.substr(bearer.size());
    auto d = store.device_by_token(sha256_hex(token));
    if (!d)
        return err(Problem{401, "token_unknown", "the device token is not valid"});
    if (d->revoked_at)
        return err(Problem{403, "device_revoked", "this device has been revoked"});
    return *d;
}

/// Strict "since=N&limit=M&private=1" reader.
struct PullQuery {
    std::int64_t since = 0;
    int limit = 200;
    bool want_private = false;
};
Result<PullQuery, Problem> pull_query(std::string_view q) {
    PullQuery out;
    bool seen_since = false, seen_limit = false, seen_private = false;
    while (!q.empty()) {
        const auto amp = q.find('&');
        std::string_view part = q.substr(0, amp);
        q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
        const auto eq = part.find('=');
        if (eq == std::string_view::npos)
            return err(Problem{400, "invalid_query", "each query parameter needs a value"});
        const std::string_view key = part.substr(0, eq), value = part.substr(eq + 1);
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc{} || end != value.data() + value.size() || n < 0 || value.empty())
            return err(Problem{400, "invalid_query", "query values must be whole numbers"});
        if (key == "since" && !seen_since) {
            seen_since = true;
            out.since = n;
        } else if (key == "limit" && !seen_limit) {
            seen_limit = true;
            if (n < 1 || n > sync::max_pull_page)
                return err(Problem{400, "invalid_query", "limit must be 1 to 500"});
            out.limit = static_cast<int>(n);
        } else if (key == "private" && !seen_private) {
            seen_private = true;
            if (n > 1)
                return err(Problem{400, "invalid_query", "private must be 0 or 1"});
            out.want_private = n == 1;
        } else {
            return err(Problem{400, "invalid_query", "unknown or repeated query parameter"});
        }
    }
    return out;
}

Response health() {
    return ok(R"({"status":"ok","version":1})");
}

Response enrol(const Request& r, CentralStore& store, const HandlerContext& ctx) {
    auto req = sync::parse_enrol_request(r.body);
    if (!req)
        return problem(req.error());
    const auto& e = req.value();
    if (e.device_id.empty() || e.device_name.empty() || e.code.empty())
        return problem(400, "invalid_field", "enrol: code, device_id and device_name are needed");
    const std::string code = normal_enrol_code(e.code);
    if (code.size() != 10)
        return problem(403, "code_unknown", "the enrolment code is not valid");
    auto cert = sync::sign_certificate_request(ctx.ca, e.csr_pem, e.device_id);
    if (!cert)
        return problem(400, "invalid_csr", cert.error());
    const std::string token = sync::random_hex(32);
    DeviceRecord d;
    d.id = e.device_id;
    d.name = e.device_name;
    d.token_hash = sha256_hex(token);
    d.certificate_pem = cert.value();
    auto done = store.enrol_device(sha256_hex(code), format_utc(ctx.clock()), d);
    if (!done) {
        switch (done.error()) {
        case CodeRefusal::used:
            tell(ctx, "warn", "enrol_refused", "a used enrolment code was tried again");
            return problem(403, "code_used", "this enrolment code has already been used");
        case CodeRefusal::expired:
            return problem(403, "code_expired", "this enrolment code has expired");
        case CodeRefusal::device_taken:
            return problem(409, "device_enrolled", "this device is already enrolled");
        case CodeRefusal::unknown:
            break;
        }
        return problem(403, "code_unknown", "the enrolment code is not valid");
    }
    const DeviceRecord& en = done.value();
    tell(ctx, "info", "enrolled",
         "device " + en.id + " (" + en.name + ") as " + std::string(to_string(en.scope.role)));
    return ok(sync::to_json(sync::EnrolResponse{en.id, token, std::string(to_string(en.scope.role)),
                                                en.scope.shop_id, en.scope.workshop_id,
                                                en.certificate_pem}));
}

bool same_row(const StoredRow& held, const sync::PushRow& r) {
    // A maker's extra (chosen name, private fields) is never kept in the journal, and the
    // device blanks it when the maker is erased: it is outside the hash, so not compared.
    const bool maker_extra = r.kind == "maker_added" || r.kind == "maker_changed";
    return held.hash == r.hash && held.prev_hash == r.prev_hash && held.payload == r.payload &&
           held.kind == r.kind && held.recorded_at == r.recorded_at &&
           (maker_extra || held.extra == r.extra);
}

Response push(const Request& r, CentralStore& store, const HandlerContext& ctx) {
    auto dev = authenticate(r, store);
    if (!dev)
        return problem(dev.error());
    const DeviceRecord& d = dev.value();
    auto parsed = sync::parse_push_request(r.body);
    if (!parsed)
        return problem(parsed.error());
    const sync::PushRequest& p = parsed.value();
    if (p.device_id != d.id) {
        alarm(store, ctx, d.id, "wrong_device", "pushed as device " + p.device_id);
        return problem(403, "wrong_device", "a device may push only its own journal");
    }
    // The signed head: the device's chain as it stands, signed with its enrolled key.
    if (!sync::verify_record_signature(ctx.ca.certificate_pem, d.certificate_pem, d.id,
                                       sync::head_signing_text(d.id, p.head), p.head_signature))
        return problem(401, "bad_signature", "the chain head's signature does not verify");
    // The anchor: a device whose chain no longer reaches what it already delivered has lost
    // or rewritten its tail.
    if (!parse_utc(p.head.signed_at))
        return problem(400, "invalid_field", "head: \"signed_at\" must be a UTC time");
    if (p.head.seq < d.acked_seq) {
        // An older head: a delayed copy of an earlier request is harmless (its rows are
        // replays); a head signed after the anchor was reached means the chain was cut.
        auto held = store.find_row(d.id, p.head.seq);
        const bool same = p.head.seq == 0 ? p.head.hash.empty() : held && held->hash == p.head.hash;
        if (!same) {
            alarm(store, ctx, d.id, "chain_rewritten",
                  "row " + std::to_string(p.head.seq) + " differs from the one delivered");
            return problem(409, "chain_rewritten",
                           "the device's journal differs from what it already delivered");
        }
        // Compared as times: a head may be written with or without milliseconds, and a
        // database may give the stored time back in the other form.
        const auto anchor_signed = parse_utc(d.head_signed_at);
        if (!anchor_signed || *parse_utc(p.head.signed_at) > *anchor_signed) {
            alarm(store, ctx, d.id, "chain_rewound",
                  "the device's journal ends at " + std::to_string(p.head.seq) +
                      " but the central store holds it up to " + std::to_string(d.acked_seq));
            return problem(409, "chain_rewound",
                           "the device's journal is shorter than what it already delivered");
        }
    }
    if (p.head.seq == d.acked_seq && p.head.hash != d.acked_hash && d.acked_seq > 0) {
        alarm(store, ctx, d.id, "chain_rewritten",
              "row " + std::to_string(p.head.seq) + " differs from the one delivered");
        return problem(409, "chain_rewritten",
                       "the device's journal differs from what it already delivered");
    }

    Ingest ingest(store, d, ctx.ca.certificate_pem);
    std::int64_t tip = d.acked_seq;
    std::string tip_hash = d.acked_seq > 0 ? d.acked_hash : genesis_hash;
    for (std::size_t i = 0; i < p.rows.size(); ++i) {
        if (i > 0 && p.rows[i].seq != p.rows[i - 1].seq + 1)
            return problem(400, "sequence_order", "rows must have consecutive sequence numbers");
        if (p.rows[i].seq > p.head.seq)
            return problem(400, "sequence_order", "a row lies beyond the device's head");
    }
    for (const sync::PushRow& row : p.rows) {
        if (row.seq <= tip) {
            // A replay: the same row again is fine (a response that never arrived); a
            // different one is refused and the original stays.
            auto held = store.find_row(d.id, row.seq);
            if (!held || !same_row(*held, row)) {
                alarm(store, ctx, d.id, "replay_differs",
                      "row " + std::to_string(row.seq) + " was sent again with other content");
                return problem(409, "replay_differs",
                               "row " + std::to_string(row.seq) +
                                   " is already held with other content");
            }
            continue;
        }
        if (row.seq != tip + 1)
            return problem(409, "sequence_gap",
                           "row " + std::to_string(row.seq) + " does not follow row " +
                               std::to_string(tip) + ": send the rows in between first");
        if (row.prev_hash != tip_hash) {
            alarm(store, ctx, d.id, "chain_broken",
                  "row " + std::to_string(row.seq) + " does not follow the row before it");
            return problem(409, "chain_broken",
                           "row " + std::to_string(row.seq) + " does not follow the row before it");
        }
        if (!parse_utc(row.recorded_at))
            return problem(400, "invalid_field", "row: \"recorded_at\" must be a UTC time");
        if (journal_hash(row.prev_hash, d.id, row.seq, row.recorded_at, row.kind, row.payload) !=
            row.hash) {
            alarm(store, ctx, d.id, "hash_mismatch",
                  "row " + std::to_string(row.seq) + "'s hash does not match its content");
            return problem(422, "hash_mismatch",
                           "row " + std::to_string(row.seq) + "'s hash does not match its content");
        }
        if (auto refused = ingest.add(row))
            return problem(*refused);
        tip = row.seq;
        tip_hash = row.hash;
    }
    if (p.head.seq == tip && p.head.hash != tip_hash) {
        alarm(store, ctx, d.id, "chain_rewritten", "the signed head is not the last row sent");
        return problem(409, "chain_rewritten", "the signed head is not the last row sent");
    }
    if (!ingest.empty()) {
        Append a = ingest.take(format_utc(ctx.clock()));
        a.head_signed_at = p.head.signed_at;
        auto stored = store.append(a);
        if (!stored) {
            switch (stored.error()) {
            case AppendRefusal::moved:
                return problem(409, "retry", "another request stored rows first: send again");
            case AppendRefusal::duplicate:
                alarm(store, ctx, d.id, "duplicate_sale", "a sale id was already held");
                return problem(409, "duplicate", "a sale in these rows is already held");
            case AppendRefusal::failed:
                break;
            }
            return problem(503, "store_unavailable", "the central store cannot save just now");
        }
        tell(ctx, "info", "pushed",
             "device " + d.id + " rows " + std::to_string(d.acked_seq + 1) + ".." +
                 std::to_string(tip));
    }
    return ok(sync::to_json(sync::PushResponse{tip, tip > 0 ? tip_hash : std::string()}));
}

Response pull(const Request& r, std::string_view query, CentralStore& store,
              const HandlerContext& ctx) {
    auto dev = authenticate(r, store);
    if (!dev)
        return problem(dev.error());
    auto q = pull_query(query);
    if (!q)
        return problem(q.error());
    const DeviceRecord& d = dev.value();
    if (q.value().want_private && d.scope.role == Role::till) {
        tell(ctx, "warn", "scope_refused", "till " + d.id + " asked for makers' private fields");
        return problem(403, "scope_forbidden", "a till never receives makers' private fields");
    }
    std::int64_t next = q.value().since;
    auto changes = store.changes_since(q.value().since, d.scope, q.value().limit, next);
    sync::PullResponse out;
    // A page stays well within the 1 MiB a device reads (product pictures make changes of up
    // to about 130 KB): it ends before the change that would take it past the budget, and
    // always holds one change.
    constexpr std::size_t page_budget = 768 * 1024;
    std::size_t bytes = 0;
    bool cut = false;
    for (auto& c : changes) {
        bytes += c.body.size() + c.entity_id.size() + 64;
        if (!out.changes.empty() && bytes > page_budget) {
            cut = true;
            break;
        }
        out.changes.push_back({c.cursor, c.entity, c.entity_id, std::move(c.body)});
    }
    out.next_cursor = cut ? out.changes.back().cursor : next;
    out.more = cut || static_cast<int>(out.changes.size()) >= q.value().limit;
    return ok(sync::to_json(out));
}

} // namespace

std::string new_enrol_code() {
    static constexpr std::string_view alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const std::string raw = sync::random_hex(10);
    std::string code;
    for (std::size_t i = 0; i < 10; ++i) {
        const int byte = std::stoi(raw.substr(2 * i, 2), nullptr, 16);
        code += alphabet[static_cast<std::size_t>(byte) % alphabet.size()];
        if (i == 3 || i == 7)
            code += '-';
    }
    return code;
}

std::string normal_enrol_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ')
            continue;
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return {};
        out += c;
    }
    return out;
}

Response handle(const Request& r, CentralStore& store, const HandlerContext& ctx) {
    try {
        if (r.body.size() > sync::max_body_bytes)
            return problem(413, "too_large", "the body is larger than 1 MiB");
        if (is_public_path(r.target))
            return public_page(r, store, ctx);
        const auto qpos = r.target.find('?');
        const std::string path = r.target.substr(0, qpos);
        const std::string_view query = qpos == std::string::npos
                                           ? std::string_view{}
                                           : std::string_view(r.target).substr(qpos + 1);
        struct Route {
            const char* path;
            const char* method;
        };
        static const Route routes[] = {{"/api/v1/health", "GET"},
                                       {"/api/v1/enrol", "POST"},
                                       {"/api/v1/push", "POST"},
                                       {"/api/v1/pull", "GET"}};
        const Route* route = nullptr;
        for (const auto& rt : routes)
            if (path == rt.path)
                route = &rt;
        if (!route)
            return problem(404, "not_found", "no such endpoint");
        if (r.method != route->method)
            return problem(405, "method_not_allowed", "use " + std::string(route->method));
        if (std::string_view(route->method) == "POST" && !is_json_type(r.content_type))
            return problem(415, "unsupported_media_type", "send Content-Type: application/json");
        if (std::string_view(route->method) == "GET" && !r.body.empty())
            return problem(400, "unexpected_body", "this request takes no body");
        if (path == "/api/v1/health")
            return query.empty() ? health()
                                 : problem(400, "invalid_query", "health takes no query");
        if (!query.empty() && path != "/api/v1/pull")
            return problem(400, "invalid_query", "this request takes no query");
        if (path == "/api/v1/enrol")
            return enrol(r, store, ctx);
        if (path == "/api/v1/push")
            return push(r, store, ctx);
        return pull(r, query, store, ctx);
    } catch (const StoreError& e) {
        tell(ctx, "error", "store_unavailable", e.what());
        return problem(503, "store_unavailable", "the central store cannot be read just now");
    }
}

} // namespace bl::central
