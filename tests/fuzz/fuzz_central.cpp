// The central store's request handling (central/server/handlers.hpp: everything the Beast
// server does with a request once it is read, without sockets) on any request: never an
// exception (handle() promises that for anything a client sends), never a 5xx while the store
// is healthy; every answer under /api/v1 is JSON the device's readers take (a problem with a
// code, or the enrol, push or pull response), every public page is valid UTF-8 HTML that does
// not echo the address (a page other than a receipt is the same for every address); a refused
// request changes nothing the store holds for the device.
//
// One SQLite central store per process (in a temporary folder), with one till enrolled whose
// token the input may use. The input: a flags byte (method, content type, which token), the
// target up to the first line break, then the body.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <unistd.h>

#include "central/server/handlers.hpp"
#include "central/store/open_store.hpp"
#include "fuzz.hpp"
#include "shared/core/sha256.hpp"
#include "shared/core/text.hpp"
#include "shared/sync/pki.hpp"
#include "shared/sync/protocol.hpp"

namespace {

using namespace bl;
using namespace bl::central;

struct World {
    std::filesystem::path dir;
    std::unique_ptr<CentralStore> store;
    HandlerContext ctx;
    std::string token; ///< the enrolled till's
    std::string device_id = "0190f0aa-0000-7000-8000-000000000001";

    World() {
        std::string tmpl =
            (std::filesystem::temp_directory_path() / "fuzz-central-XXXXXX").string();
        FUZZ_CHECK(::mkdtemp(tmpl.data()) != nullptr);
        dir = tmpl;
        store = open_central_store(parse_store_url("sqlite:central.db", dir).value());
        ctx.ca = sync::make_ca("Bundlinje fuzz CA");
        // A fixed clock: the same input gets the same answer, whenever it runs.
        ctx.clock = [] {
            using namespace std::chrono;
            return Timestamp(sys_days(year(2026) / 11 / 30) + hours(12));
        };
        // Two codes: one the till below uses, one the seed corpus's enrolment may use.
        for (const char* code : {"AAAAAAAAAA", "K7QFM2XW9D"}) {
            FUZZ_CHECK(
                store
                    ->add_enrol_code(EnrolCode{sha256_hex(code), Scope{Role::till, "shop-1", ""},
                                               "2026-01-01T00:00:00Z", "2036-01-01T00:00:00Z"})
                    .ok());
        }
        const std::string key = sync::make_private_key();
        sync::EnrolRequest e{"AAAA-AAAA-AA", device_id, "Kasse 1",
                             sync::make_certificate_request(key, device_id)};
        const Response r = handle(
            {"POST", "/api/v1/enrol", "application/json", "", sync::to_json(e)}, *store, ctx);
        FUZZ_CHECK(r.status == 200);
        token = sync::parse_enrol_response(r.body).value().token;
    }
    ~World() {
        store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

World& world() {
    static World w;
    return w;
}

// The public pages' addresses (the rest is the API, answered in JSON).
bool is_public(std::string_view target) {
    return target == "/v" || target.rfind("/v/", 0) == 0 || target.rfind("/v?", 0) == 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    World& w = world();
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto nl = rest.find('\n');
    Request r;
    static const char* methods[] = {"GET", "POST", "PUT", ""};
    r.method = methods[data[0] & 3];
    r.content_type = (data[0] & 4) ? "application/json" : "text/plain";
    switch ((data[0] >> 3) & 3) {
    case 0:
        break;
    case 1:
        r.authorization = "Bearer " + w.token;
        break;
    case 2:
        r.authorization = "Bearer " + std::string(64, '0');
        break;
    case 3:
        r.authorization = std::string(rest.substr(0, 300));
        break;
    }
    r.target = std::string(rest.substr(0, nl));
    r.body = nl == std::string_view::npos ? std::string() : std::string(rest.substr(nl + 1));

    const auto device_before = w.store->find_device(w.device_id);
    const std::int64_t sales_before = w.store->sale_count();

    const Response a = handle(r, *w.store, w.ctx);

    FUZZ_CHECK(a.status >= 200 && a.status < 500);
    if (a.content_type == "application/json") {
        FUZZ_CHECK(!is_public(r.target) || r.body.size() > sync::max_body_bytes);
        FUZZ_CHECK(sync::is_json_object(a.body));
        if (a.status != 200) {
            auto p = sync::parse_problem(a.body);
            FUZZ_CHECK(p.ok() && !p.value().code.empty());
        }
    } else {
        FUZZ_CHECK(is_public(r.target));
        FUZZ_CHECK(a.content_type.rfind("text/html", 0) == 0);
        FUZZ_CHECK(is_valid_utf8(a.body));
        // The address is never echoed into the page (no markup from it): a page that is not a
        // receipt is the same whatever the address was.
        if (a.status != 200) {
            Request neutral = r;
            neutral.target = "/v/x";
            const Response same = handle(neutral, *w.store, w.ctx);
            FUZZ_CHECK(same.status == a.status && same.body == a.body);
        }
    }
    const bool api = r.target.rfind("/api/v1/", 0) == 0;
    if (api && a.status == 200) {
        if (r.target.rfind("/api/v1/push", 0) == 0)
            FUZZ_CHECK(sync::parse_push_response(a.body).ok());
        else if (r.target.rfind("/api/v1/pull", 0) == 0)
            FUZZ_CHECK(sync::parse_pull_response(a.body).ok());
        else if (r.target.rfind("/api/v1/enrol", 0) == 0)
            FUZZ_CHECK(sync::parse_enrol_response(a.body).ok());
    }
    // A refusal changes nothing: the till's chain and the sales stay as they were.
    if (a.status >= 400) {
        const auto device_after = w.store->find_device(w.device_id);
        FUZZ_CHECK(device_before.has_value() == device_after.has_value());
        if (device_before) {
            FUZZ_CHECK(device_before->acked_seq == device_after->acked_seq);
            FUZZ_CHECK(device_before->acked_hash == device_after->acked_hash);
            FUZZ_CHECK(device_before->token_hash == device_after->token_hash);
            FUZZ_CHECK(device_before->revoked_at == device_after->revoked_at);
        }
        FUZZ_CHECK(w.store->sale_count() == sales_before);
    }
    return 0;
}
