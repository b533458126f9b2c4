// The sync protocol's strict readers (shared/sync/protocol.hpp) and the journaled sale's
// reader (sale_reader.hpp) on any bytes: never a crash or an exception; a refusal is a 4xx
// problem with a code; what a reader takes, its writer writes as JSON that the same reader
// takes again and writes to the very same bytes, within the protocol's limits (hashes and
// device ids as they must be, no more rows or changes than a page holds); a sale the central
// store would take is one the till's store writes exactly so, and its check never throws.
//
// The first byte chooses the reader, the rest is the body.
#include <string>
#include <string_view>

#include "fuzz.hpp"
#include "shared/core/text.hpp"
#include "shared/sync/protocol.hpp"
#include "shared/sync/sale_reader.hpp"

namespace {

using namespace bl;
using namespace bl::sync;

void refused(const Problem& p) {
    FUZZ_CHECK(p.status == 400 || p.status == 413);
    FUZZ_CHECK(p.code == "malformed_json" || p.code == "too_deep" || p.code == "invalid_field" ||
               p.code == "too_large");
    // The problem itself travels as JSON and reads back.
    auto back = parse_problem(to_json(p));
    FUZZ_CHECK(back.ok() && back.value().code == p.code && back.value().message == p.message);
}

template <class T, class Parse>
void round_trip(std::string_view body, Parse parse, void (*check)(const T&)) {
    auto first = parse(body);
    if (!first) {
        refused(first.error());
        return;
    }
    check(first.value());
    const std::string once = to_json(first.value());
    FUZZ_CHECK(once.size() <= 2 * body.size() + 256 || body.size() < 16); // no blow-up
    auto again = parse(once);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(to_json(again.value()) == once);
}

void push_ok(const PushRequest& p) {
    FUZZ_CHECK(p.device_id.empty() || is_uuid(p.device_id));
    FUZZ_CHECK(p.head.seq >= 0);
    FUZZ_CHECK(p.head.hash.empty() ? p.head.seq == 0 : is_hash(p.head.hash));
    FUZZ_CHECK(p.rows.size() <= max_push_rows);
    for (const auto& r : p.rows) {
        FUZZ_CHECK(r.seq >= 1 && is_hash(r.hash) && is_hash(r.prev_hash));
        (void)row_signing_text(p.device_id, r);
    }
    (void)head_signing_text(p.device_id, p.head);
}
void push_response_ok(const PushResponse& p) {
    FUZZ_CHECK(p.acked_seq >= 0 && p.acked_hash.size() <= 64);
}
void enrol_ok(const EnrolRequest& e) {
    FUZZ_CHECK(e.device_id.empty() || is_uuid(e.device_id));
    FUZZ_CHECK(e.code.size() <= 64 && e.device_name.size() <= 80 && e.csr_pem.size() <= 8192);
}
void enrol_response_ok(const EnrolResponse& e) {
    FUZZ_CHECK(e.token.size() <= 256 && e.role.size() <= 20);
}
void pull_ok(const PullResponse& p) {
    FUZZ_CHECK(p.changes.size() <= static_cast<std::size_t>(max_pull_page));
    FUZZ_CHECK(p.next_cursor >= 0);
    for (const auto& c : p.changes)
        FUZZ_CHECK(c.cursor >= 1 && c.entity.size() <= 40 && c.id.size() <= 64);
}
void problem_ok(const Problem&) {}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 8) {
    case 0:
        round_trip<PushRequest>(body, parse_push_request, push_ok);
        break;
    case 1:
        round_trip<PushResponse>(body, parse_push_response, push_response_ok);
        break;
    case 2:
        round_trip<EnrolRequest>(body, parse_enrol_request, enrol_ok);
        break;
    case 3:
        round_trip<EnrolResponse>(body, parse_enrol_response, enrol_response_ok);
        break;
    case 4:
        round_trip<PullResponse>(body, parse_pull_response, pull_ok);
        break;
    case 5:
        round_trip<Problem>(body, parse_problem, problem_ok);
        break;
    case 6: {
        // A sale's journal payload, as the central store reads a pushed one.
        auto sale = sale_from_payload(body);
        if (!sale) {
            FUZZ_CHECK(is_valid_utf8(render(sale.error())));
            FUZZ_CHECK(check_journaled_sale(body).has_value());
            break;
        }
        FUZZ_CHECK(is_valid_utf8(body));
        const auto broken = check_journaled_sale(body);
        if (broken)
            FUZZ_CHECK(is_valid_utf8(render(*broken)));
        // Read twice, the same sale.
        auto again = sale_from_payload(body);
        FUZZ_CHECK(again.ok() && again.value().total() == sale.value().total() &&
                   again.value().lines.size() == sale.value().lines.size());
        break;
    }
    case 7:
        // A change's body: an object or not, never a crash.
        if (is_json_object(body))
            FUZZ_CHECK(!body.empty());
        break;
    }
    return 0;
}
