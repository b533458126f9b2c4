#include "tests/sync/sync_rig.hpp"

#include <atomic>
#include <cstdlib>

#include <catch2/catch.hpp>
#include <unistd.h>

#include "central/store/open_store.hpp"
#include "shared/core/sha256.hpp"
#include "shared/store/people.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/store/setup.hpp"
#include "shared/sync/protocol.hpp"
#include "shared/sync/wiring/store_local.hpp"

namespace synctest {

using namespace bl;
using namespace bl::central;

const sync::Credentials& test_ca() {
    static const sync::Credentials ca = sync::make_ca("Bundlinje test CA");
    return ca;
}

std::string fresh_pg_url() {
    const char* base = std::getenv("BL_TEST_POSTGRES");
    if (!base || !*base)
        return {};
    // A schema per store: the test cases share one database and never see each other's.
    static std::atomic<int> n{0};
    const std::string schema = "t" + std::to_string(::getpid()) + "_" + std::to_string(++n);
    const std::string url = base;
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "schema=" + schema;
}

std::string test_store_url(const test::TempDir& dir) {
    const std::string pg = fresh_pg_url();
    return pg.empty() ? "sqlite:" + dir.file("central.db") : pg;
}

Central::Central(std::string store_url) {
    url = store_url.empty() ? test_store_url(dir) : std::move(store_url);
    store = open_central_store(parse_store_url(url, dir.path).value());
    ctx.ca = test_ca();
    ctx.log = [this](std::string_view level, std::string_view event, std::string_view detail) {
        log.push_back(std::string(level) + " " + std::string(event) + " " + std::string(detail));
    };
}

std::string Central::code(Role role, const std::string& shop_id, const std::string& workshop_id,
                          int minutes) {
    const std::string c = new_enrol_code();
    const Timestamp now = now_utc();
    REQUIRE(store
                ->add_enrol_code(EnrolCode{sha256_hex(normal_enrol_code(c)),
                                           Scope{role, shop_id, workshop_id}, format_utc(now),
                                           format_utc(now + std::chrono::minutes(minutes))})
                .ok());
    return c;
}

Response Central::call(const std::string& method, const std::string& target,
                       const std::string& body, const std::string& token,
                       const std::string& content_type) {
    Request r;
    r.method = method;
    r.target = target;
    r.body = body;
    r.content_type = content_type;
    if (!token.empty())
        r.authorization = "Bearer " + token;
    return handle(r, *store, ctx);
}

Central::State Central::state() {
    State s;
    for (const auto& t : store->totals())
        s.rows += t.rows;
    s.sales = store->sale_count();
    std::int64_t next = 0;
    s.changes = static_cast<std::int64_t>(
        store->changes_since(0, Scope{Role::organiser, {}, {}}, 100000, next).size());
    for (const auto& d : store->list_devices())
        s.anchors.push_back(d.acked_seq);
    return s;
}

std::unique_ptr<Device> Device::till() {
    auto owned = std::make_unique<Device>();
    Device& d = *owned;
    d.shop = std::make_unique<test::Shop>();
    d.db = d.shop->db.get();
    d.local = sync::store_local(*d.db);
    d.key_pem = sync::make_private_key();
    d.signer = sync::key_signer(d.key_pem);
    return owned;
}

std::unique_ptr<Device> Device::station() {
    auto owned = std::make_unique<Device>();
    Device& d = *owned;
    d.station_db = std::make_unique<Database>(d.dir.file("station.db"));
    d.db = d.station_db.get();
    // Number 102: the tills' own databases (test::Shop) know a station 101, whose batch label
    // codes would collide with this one's.
    auto self = initialise_local_device(
        *d.db, bl::Device{"", "Station keramik", DeviceRole::workshop, 102, {}, {}}, std::nullopt,
        Workshop{"", "Keramikværkstedet", "keramik", ""});
    REQUIRE(self.ok());
    d.workshop_id = *self.value().workshop_id;
    auto leader =
        add_staff(*d.db, {self.value().id, {}},
                  StaffUser{"", "Jonas", StaffRole::workshop_leader, test::demo_pin_hash(), true});
    REQUIRE(leader.ok());
    d.staff_id = leader.value().id;
    d.local = sync::store_local(*d.db);
    d.key_pem = sync::make_private_key();
    d.signer = sync::key_signer(d.key_pem);
    return owned;
}

Response Device::enrol(Central& c, const std::string& code, const std::string& name) {
    sync::EnrolRequest e{code, id(), name, sync::make_certificate_request(key_pem, id())};
    Response r = c.call("POST", "/api/v1/enrol", sync::to_json(e));
    if (r.status == 200) {
        auto parsed = sync::parse_enrol_response(r.body);
        REQUIRE(parsed.ok());
        token = parsed.value().token;
        certificate_pem = parsed.value().certificate_pem;
    }
    return r;
}

sync::PushRequest Device::next_push(int limit, std::vector<sync::PendingRow>& sent) {
    return sync::make_push(*local, *signer, limit, sent);
}

void Device::push_all(Central& c) {
    for (int round = 0; round < 1000 && local->pending_count() > 0; ++round) {
        std::vector<sync::PendingRow> sent;
        auto p = next_push(200, sent);
        Response r = c.call("POST", "/api/v1/push", sync::to_json(p), token);
        INFO(r.body);
        REQUIRE(r.status == 200);
        auto ack = sync::parse_push_response(r.body);
        REQUIRE(ack.ok());
        auto up_to = sync::acknowledged_up_to(sent, ack.value());
        REQUIRE(up_to.has_value());
        REQUIRE(local->acknowledged(*up_to).ok());
    }
    REQUIRE(local->pending_count() == 0);
}

} // namespace synctest
