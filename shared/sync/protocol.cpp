#include "shared/sync/protocol.hpp"

#include <algorithm>
#include <vector>

#include <boost/json.hpp>

namespace bl::sync {

namespace json = boost::json;

namespace {

Problem invalid(std::string what) {
    return Problem{400, "invalid_field", std::move(what)};
}

/// Reads one JSON object strictly: every member must be asked for, with its type; members
/// nobody asked for make the object invalid (checked by done()).
class Reader {
public:
    explicit Reader(const json::object& o, std::string where) : m_o(o), m_where(std::move(where)) {}

    std::string text(std::string_view key, std::size_t max_len = 4096) {
        const json::value* v = find(key);
        if (!v || !v->is_string()) {
            fail(key, "a string");
            return {};
        }
        const auto& s = v->get_string();
        if (s.size() > max_len) {
            fail(key, "shorter");
            return {};
        }
        return std::string(s.data(), s.size());
    }
    std::optional<std::string> optional_text(std::string_view key, std::size_t max_len = 4096) {
        if (!m_o.contains(key))
            return std::nullopt;
        const json::value* v = find(key);
        if (v->is_null())
            return std::nullopt;
        return text(key, max_len);
    }
    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max) {
        const json::value* v = find(key);
        if (!v || !v->is_int64()) {
            // Boost.JSON stores large positive integers as uint64; those are out of range.
            fail(key, "a whole number");
            return 0;
        }
        const std::int64_t i = v->get_int64();
        if (i < min || i > max) {
            fail(key, "in range");
            return 0;
        }
        return i;
    }
    bool boolean(std::string_view key) {
        const json::value* v = find(key);
        if (!v || !v->is_bool()) {
            fail(key, "true or false");
            return false;
        }
        return v->get_bool();
    }
    const json::array* array(std::string_view key, std::size_t max_len) {
        const json::value* v = find(key);
        if (!v || !v->is_array()) {
            fail(key, "an array");
            return nullptr;
        }
        if (v->get_array().size() > max_len) {
            fail(key, "shorter");
            return nullptr;
        }
        return &v->get_array();
    }
    const json::object* object(std::string_view key) {
        const json::value* v = find(key);
        if (!v || !v->is_object()) {
            fail(key, "an object");
            return nullptr;
        }
        return &v->get_object();
    }

    /// Every member read, all of the right type?
    std::optional<Problem> done() {
        if (m_problem)
            return m_problem;
        for (const auto& kv : m_o)
            if (std::find(m_seen.begin(), m_seen.end(), std::string_view(kv.key())) == m_seen.end())
                return invalid(m_where + ": unknown member \"" + std::string(kv.key()) + "\"");
        return std::nullopt;
    }
    void fail_with(Problem p) {
        if (!m_problem)
            m_problem = std::move(p);
    }

private:
    const json::value* find(std::string_view key) {
        m_seen.push_back(key);
        auto it = m_o.find(key);
        return it == m_o.end() ? nullptr : &it->value();
    }
    void fail(std::string_view key, const char* what) {
        fail_with(invalid(m_where + ": \"" + std::string(key) + "\" must be " + what));
    }

    const json::object& m_o;
    std::string m_where;
    /// The keys asked for: string literals, a handful per object.
    std::vector<std::string_view> m_seen;
    std::optional<Problem> m_problem;
};

Result<json::object, Problem> parse_object(std::string_view body, json::storage_ptr sp = {}) {
    if (body.size() > max_body_bytes)
        return err(Problem{413, "too_large", "the body is larger than 1 MiB"});
    json::parse_options opt;
    opt.max_depth = max_json_depth;
    boost::system::error_code ec;
    json::value v =
        json::parse(json::string_view(body.data(), body.size()), ec, std::move(sp), opt);
    if (ec == json::error::too_deep)
        return err(Problem{400, "too_deep", "the JSON is nested more than 16 levels deep"});
    if (ec)
        return err(Problem{400, "malformed_json", "the body is not JSON: " + ec.message()});
    if (!v.is_object())
        return err(Problem{400, "malformed_json", "the body is not a JSON object"});
    return std::move(v.get_object());
}

template <class T>
Result<T, Problem> finish(Reader& r, T value) {
    if (auto p = r.done())
        return err(*p);
    return value;
}

std::string ser(const json::object& o) {
    return json::serialize(o);
}

} // namespace

bool is_hash(std::string_view s) {
    if (s.size() != 64)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

bool is_uuid(std::string_view s) {
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

bool is_json_object(std::string_view text) {
    return parse_object(text).ok();
}

std::string head_signing_text(std::string_view device_id, const Head& head) {
    return "bundlinje-head-v1\n" + std::string(device_id) + "\n" + std::to_string(head.seq) + "\n" +
           head.hash + "\n" + head.signed_at;
}

std::string row_signing_text(std::string_view device_id, const PushRow& row) {
    return "bundlinje-row-v1\n" + std::string(device_id) + "\n" + std::to_string(row.seq) + "\n" +
           row.hash;
}

std::string to_json(const PushRequest& r) {
    json::array rows;
    for (const auto& row : r.rows) {
        json::object o{
            {"seq", row.seq},         {"recorded_at", row.recorded_at}, {"kind", row.kind},
            {"payload", row.payload}, {"prev_hash", row.prev_hash},     {"hash", row.hash}};
        if (row.extra)
            o["extra"] = *row.extra;
        if (row.signature)
            o["signature"] = *row.signature;
        rows.push_back(std::move(o));
    }
    return ser({{"device_id", r.device_id},
                {"head", json::object{{"seq", r.head.seq},
                                      {"hash", r.head.hash},
                                      {"signed_at", r.head.signed_at}}},
                {"head_signature", r.head_signature},
                {"rows", std::move(rows)}});
}

std::string to_json(const PushResponse& r) {
    return ser({{"acked_seq", r.acked_seq}, {"acked_hash", r.acked_hash}});
}

std::string to_json(const EnrolRequest& r) {
    return ser({{"code", r.code},
                {"device_id", r.device_id},
                {"device_name", r.device_name},
                {"csr_pem", r.csr_pem}});
}

std::string to_json(const EnrolResponse& r) {
    return ser({{"device_id", r.device_id},
                {"token", r.token},
                {"role", r.role},
                {"shop_id", r.shop_id},
                {"workshop_id", r.workshop_id},
                {"certificate_pem", r.certificate_pem}});
}

std::string to_json(const PullResponse& r) {
    json::array changes;
    for (const auto& c : r.changes)
        changes.push_back(json::object{
            {"cursor", c.cursor}, {"entity", c.entity}, {"id", c.id}, {"body", c.body}});
    return ser({{"changes", std::move(changes)}, {"next_cursor", r.next_cursor}, {"more", r.more}});
}

std::string to_json(const Problem& p) {
    return ser({{"error", p.code}, {"message", p.message}});
}

Result<PushRequest, Problem> parse_push_request(std::string_view body) {
    // A push is up to 1 MiB of rows, copied out as they are read: its tree lives in one
    // arena, freed at once.
    json::monotonic_resource arena;
    auto o = parse_object(body, &arena);
    if (!o)
        return err(o.error());
    Reader r(o.value(), "push");
    PushRequest p;
    p.device_id = r.text("device_id", 64);
    if (const json::object* h = r.object("head")) {
        Reader hr(*h, "head");
        p.head.seq = hr.integer("seq", 0, INT64_MAX);
        p.head.hash = hr.text("hash", 64);
        p.head.signed_at = hr.text("signed_at", 40);
        if (auto bad = hr.done())
            r.fail_with(*bad);
        else if (!(p.head.seq == 0 ? p.head.hash.empty() || is_hash(p.head.hash)
                                   : is_hash(p.head.hash)))
            r.fail_with(invalid("head: \"hash\" must be 64 hex digits"));
    }
    p.head_signature = r.text("head_signature", 1024);
    if (const json::array* rows = r.array("rows", max_push_rows)) {
        for (const json::value& v : *rows) {
            if (!v.is_object()) {
                r.fail_with(invalid("rows: each row must be an object"));
                break;
            }
            Reader rr(v.get_object(), "row");
            PushRow row;
            row.seq = rr.integer("seq", 1, INT64_MAX);
            row.recorded_at = rr.text("recorded_at", 40);
            row.kind = rr.text("kind", 40);
            row.payload = rr.text("payload", max_body_bytes);
            row.prev_hash = rr.text("prev_hash", 64);
            row.hash = rr.text("hash", 64);
            row.extra = rr.optional_text("extra", max_body_bytes);
            row.signature = rr.optional_text("signature", 1024);
            if (auto bad = rr.done()) {
                r.fail_with(*bad);
                break;
            }
            if (!is_hash(row.hash) || !is_hash(row.prev_hash)) {
                r.fail_with(invalid("row: \"hash\" and \"prev_hash\" must be 64 hex digits"));
                break;
            }
            p.rows.push_back(std::move(row));
        }
    }
    if (!p.device_id.empty() && !is_uuid(p.device_id))
        r.fail_with(invalid("push: \"device_id\" must be a device id"));
    return finish(r, std::move(p));
}

Result<PushResponse, Problem> parse_push_response(std::string_view body) {
    auto o = parse_object(body);
    if (!o)
        return err(o.error());
    Reader r(o.value(), "push response");
    PushResponse p;
    p.acked_seq = r.integer("acked_seq", 0, INT64_MAX);
    p.acked_hash = r.text("acked_hash", 64);
    return finish(r, std::move(p));
}

Result<EnrolRequest, Problem> parse_enrol_request(std::string_view body) {
    auto o = parse_object(body);
    if (!o)
        return err(o.error());
    Reader r(o.value(), "enrol");
    EnrolRequest e;
    e.code = r.text("code", 64);
    e.device_id = r.text("device_id", 64);
    e.device_name = r.text("device_name", 80);
    e.csr_pem = r.text("csr_pem", 8192);
    if (!e.device_id.empty() && !is_uuid(e.device_id))
        r.fail_with(invalid("enrol: \"device_id\" must be a device id"));
    return finish(r, std::move(e));
}

Result<EnrolResponse, Problem> parse_enrol_response(std::string_view body) {
    auto o = parse_object(body);
    if (!o)
        return err(o.error());
    Reader r(o.value(), "enrol response");
    EnrolResponse e;
    e.device_id = r.text("device_id", 64);
    e.token = r.text("token", 256);
    e.role = r.text("role", 20);
    e.shop_id = r.text("shop_id", 64);
    e.workshop_id = r.text("workshop_id", 64);
    e.certificate_pem = r.text("certificate_pem", 16384);
    return finish(r, std::move(e));
}

Result<PullResponse, Problem> parse_pull_response(std::string_view body) {
    auto o = parse_object(body);
    if (!o)
        return err(o.error());
    Reader r(o.value(), "pull response");
    PullResponse p;
    if (const json::array* changes = r.array("changes", max_pull_page)) {
        for (const json::value& v : *changes) {
            if (!v.is_object()) {
                r.fail_with(invalid("changes: each change must be an object"));
                break;
            }
            Reader cr(v.get_object(), "change");
            Change c;
            c.cursor = cr.integer("cursor", 1, INT64_MAX);
            c.entity = cr.text("entity", 40);
            c.id = cr.text("id", 64);
            c.body = cr.text("body", max_body_bytes);
            if (auto bad = cr.done()) {
                r.fail_with(*bad);
                break;
            }
            p.changes.push_back(std::move(c));
        }
    }
    p.next_cursor = r.integer("next_cursor", 0, INT64_MAX);
    p.more = r.boolean("more");
    return finish(r, std::move(p));
}

Result<Problem, Problem> parse_problem(std::string_view body) {
    auto o = parse_object(body);
    if (!o)
        return err(o.error());
    Reader r(o.value(), "error");
    Problem p;
    p.code = r.text("error", 64);
    p.message = r.text("message", 4096);
    return finish(r, std::move(p));
}

} // namespace bl::sync
