// The central store's API through its pure handlers: enrolment, exactly-once push with the
// chain checked, pull by scope, and hostile requests that must each get a 4xx and change
// nothing.

#include <fstream>
#include <iterator>
#include <random>

#include <catch2/catch.hpp>

#include "central/server/ingest.hpp"
#include "shared/core/base64.hpp"
#include "shared/core/sha256.hpp"
#include "shared/model/picture.hpp"
#include "shared/rules/journal_hash.hpp"
#include "shared/store/catalogue_look.hpp"
#include "shared/store/people.hpp"
#include "shared/store/production.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/setup.hpp"
#include "shared/store/shifts.hpp"
#include "shared/store/sync_pull.hpp"
#include "shared/sync/protocol.hpp"
#include "tests/sync/sync_rig.hpp"

using namespace bl;
using namespace bl::central;
using synctest::Central;
using Dev = synctest::Device;

namespace {

std::string error_code(const Response& r) {
    auto p = sync::parse_problem(r.body);
    return p ? p.value().code : "(not an error body: " + r.body + ")";
}

/// A till enrolled for its shop, with a few sales recorded.
std::unique_ptr<Dev> enrolled_till(Central& c, int sales = 3) {
    auto d = Dev::till();
    REQUIRE(d->enrol(c, c.code(Role::till, d->shop->shop.id), "Kasse 1").status == 200);
    for (int i = 0; i < sales; ++i)
        d->shop->sell({test::Shop::line(d->shop->cloth, 1 + i)}, Tender::card);
    return d;
}

/// Re-hashes a row after its payload was changed, and every row after it in the push.
void rehash(sync::PushRequest& p, const std::string& device, std::size_t from) {
    for (std::size_t i = from; i < p.rows.size(); ++i) {
        auto& r = p.rows[i];
        if (i > 0)
            r.prev_hash = p.rows[i - 1].hash;
        r.hash = journal_hash(r.prev_hash, device, r.seq, r.recorded_at, r.kind, r.payload);
    }
}

} // namespace

TEST_CASE("health answers without a token") {
    Central c;
    auto r = c.call("GET", "/api/v1/health");
    CHECK(r.status == 200);
    CHECK(r.body == R"({"status":"ok","version":1})");
}

TEST_CASE("an enrolment code is used once, and not after it expired") {
    Central c;
    auto d = Dev::till();
    const std::string code = c.code(Role::till, d->shop->shop.id);
    auto first = d->enrol(c, code, "Kasse 1");
    REQUIRE(first.status == 200);
    auto e = sync::parse_enrol_response(first.body).value();
    CHECK(e.role == "till");
    CHECK(e.shop_id == d->shop->shop.id);
    CHECK(e.token.size() == 64);
    // The store keeps only the token's hash.
    CHECK(c.store->find_device(d->id())->token_hash == sha256_hex(e.token));

    auto other = Dev::till();
    const auto before = c.state();
    auto again = other->enrol(c, code, "Kasse 2");
    CHECK(again.status == 403);
    CHECK(error_code(again) == "code_used");

    auto late = other->enrol(c, c.code(Role::till, "", "", -1), "Kasse 2");
    CHECK(late.status == 403);
    CHECK(error_code(late) == "code_expired");

    auto unknown = other->enrol(c, "AAAA-BBBB-CC", "Kasse 2");
    CHECK(unknown.status == 403);
    CHECK(error_code(unknown) == "code_unknown");

    // The first device again with the same code (its answer was lost): a new token, and the
    // old one no longer works.
    const std::string first_token = d->token;
    REQUIRE(d->enrol(c, code, "Kasse 1").status == 200);
    CHECK(d->token != first_token);
    CHECK(c.call("GET", "/api/v1/pull?since=0", "", first_token).status == 401);
    CHECK(c.call("GET", "/api/v1/pull?since=0", "", d->token).status == 200);

    auto garbage = other->enrol(c, "x", "Kasse 2");
    CHECK(garbage.status == 403);
    CHECK(c.state() == before);
    CHECK(c.store->list_devices().size() == 1);
}

TEST_CASE("a push stores every row once and answers with the highest contiguous sequence") {
    Central c;
    auto d = enrolled_till(c, 5);
    const auto head = d->local->head();
    std::vector<sync::PendingRow> sent;
    auto p = d->next_push(500, sent);
    REQUIRE(p.rows.size() == static_cast<std::size_t>(head.seq));

    auto r = c.call("POST", "/api/v1/push", sync::to_json(p), d->token);
    REQUIRE(r.status == 200);
    auto ack = sync::parse_push_response(r.body).value();
    CHECK(ack.acked_seq == head.seq);
    CHECK(ack.acked_hash == head.hash);
    CHECK(c.store->sale_count() == 5);

    SECTION("the same push again changes nothing and gets the same answer") {
        const auto before = c.state();
        auto again = c.call("POST", "/api/v1/push", sync::to_json(p), d->token);
        CHECK(again.status == 200);
        CHECK(again.body == r.body);
        CHECK(c.state() == before);
    }
    SECTION("a replay whose content differs gets 409, an alarm, and the original stays") {
        const auto before = c.state();
        auto forged = p;
        forged.rows[2].payload = R"({"forged":true})";
        rehash(forged, d->id(), 2);
        forged.head = {forged.rows.back().seq, forged.rows.back().hash, format_utc(now_utc())};
        forged.head_signature = d->signer->sign(sync::head_signing_text(d->id(), forged.head));
        auto res = c.call("POST", "/api/v1/push", sync::to_json(forged), d->token);
        CHECK(res.status == 409);
        CHECK(error_code(res) == "chain_rewritten");
        CHECK(c.state() == before);
        CHECK(c.store->find_row(d->id(), 3)->payload == p.rows[2].payload);
        REQUIRE_FALSE(c.store->alarms().empty());
        CHECK(c.store->alarms().back().device_id == d->id());
    }
    SECTION("a row sent again with other content (head unchanged) gets replay_differs") {
        d->shop->sell({test::Shop::line(d->shop->mug, 1)});
        std::vector<sync::PendingRow> more;
        auto next = d->next_push(500, more);
        const auto before = c.state();
        next.rows[0].extra = R"({"sneaked":"in"})";
        auto res = c.call("POST", "/api/v1/push", sync::to_json(next), d->token);
        CHECK(res.status == 409);
        CHECK(error_code(res) == "replay_differs");
        CHECK(c.state() == before);
    }
    SECTION("the outbox is emptied by the acknowledgement and the next push carries on") {
        REQUIRE(d->local->acknowledged(*sync::acknowledged_up_to(sent, ack)).ok());
        CHECK(d->local->pending_count() == 0);
        d->shop->sell({test::Shop::line(d->shop->mug, 1)});
        d->push_all(c);
        CHECK(c.store->sale_count() == 6);
        CHECK(c.store->find_device(d->id())->acked_seq == d->local->head().seq);
    }
}

TEST_CASE("totals on the server equal the till's") {
    Central c;
    auto d = enrolled_till(c, 0);
    std::int64_t till_total = 0;
    for (int i = 0; i < 20; ++i) {
        auto s = d->shop->sell(
            {test::Shop::line(d->shop->cloth, 1 + i % 3), test::Shop::line(d->shop->donation, 1)},
            i % 2 ? Tender::cash : Tender::card);
        till_total += s.total().ore();
    }
    auto first = d->shop->sell({test::Shop::line(d->shop->cloth, 2)});
    auto refund = d->shop->refund_of(first, 1, 1);
    auto rr = record_sale(*d->db, d->shop->at_till(), refund);
    REQUIRE(rr.ok());
    till_total += first.total().ore() + rr.value().total().ore();
    d->push_all(c);
    auto totals = c.store->totals();
    REQUIRE(totals.size() == 1);
    CHECK(totals[0].sales == 22);
    CHECK(totals[0].total_ore == till_total);
}

TEST_CASE("a Z report must be signed by the device's enrolled key") {
    Central c;
    auto d = enrolled_till(c, 2);
    auto shift = current_shift(*d->db, d->shop->till.id);
    REQUIRE(shift);
    REQUIRE(close_shift(*d->db, d->shop->at_till(), shift->id, Money::from_kroner(1000)).ok());
    std::vector<sync::PendingRow> sent;
    auto p = d->next_push(500, sent);
    REQUIRE(p.rows.back().kind == "z_report");
    REQUIRE(p.rows.back().signature);
    const auto before = c.state();
    auto unsigned_z = p;
    unsigned_z.rows.back().signature.reset();
    auto r = c.call("POST", "/api/v1/push", sync::to_json(unsigned_z), d->token);
    CHECK(r.status == 422);
    CHECK(error_code(r) == "bad_signature");
    CHECK(c.state() == before);
    CHECK(c.call("POST", "/api/v1/push", sync::to_json(p), d->token).status == 200);
}

TEST_CASE("tokens: missing, unknown and revoked are refused") {
    Central c;
    auto d = enrolled_till(c);
    std::vector<sync::PendingRow> sent;
    const std::string body = sync::to_json(d->next_push(500, sent));
    const auto before = c.state();
    auto none = c.call("POST", "/api/v1/push", body);
    CHECK(none.status == 401);
    CHECK(error_code(none) == "token_missing");
    auto unknown = c.call("POST", "/api/v1/push", body, std::string(64, 'a'));
    CHECK(unknown.status == 401);
    CHECK(error_code(unknown) == "token_unknown");
    REQUIRE(c.store->revoke_device(d->id(), format_utc(now_utc())).value());
    auto revoked = c.call("POST", "/api/v1/push", body, d->token);
    CHECK(revoked.status == 403);
    CHECK(error_code(revoked) == "device_revoked");
    CHECK(c.call("GET", "/api/v1/pull?since=0", "", d->token).status == 403);
    CHECK(c.state() == before);
}

TEST_CASE("a device may not push as another device") {
    Central c;
    auto a = enrolled_till(c);
    auto b = enrolled_till(c);
    std::vector<sync::PendingRow> sent;
    auto p = b->next_push(500, sent);
    const auto before = c.state();
    auto r = c.call("POST", "/api/v1/push", sync::to_json(p), a->token);
    CHECK(r.status == 403);
    CHECK(error_code(r) == "wrong_device");
    CHECK(c.state() == before);
}

TEST_CASE("the chain anchor: a device whose journal no longer reaches what it delivered") {
    Central c;
    auto d = enrolled_till(c, 3);
    d->push_all(c);
    const auto anchor = c.store->find_device(d->id())->acked_seq;

    SECTION("a replaced database (a new chain under the same token) is refused") {
        auto replaced = Dev::till();
        // Same device id and key, a different history: push it with the old token.
        std::vector<sync::PendingRow> sent;
        auto p = replaced->next_push(500, sent);
        p.device_id = d->id();
        rehash(p, d->id(), 0);
        p.head = {p.rows.back().seq, p.rows.back().hash, format_utc(now_utc())};
        p.head_signature = d->signer->sign(sync::head_signing_text(d->id(), p.head));
        const auto before = c.state();
        auto r = c.call("POST", "/api/v1/push", sync::to_json(p), d->token);
        CHECK(r.status == 409);
        CHECK(c.state() == before);
        CHECK_FALSE(c.store->alarms().empty());
    }
    SECTION("a journal cut short is refused") {
        sync::PushRequest p;
        p.device_id = d->id();
        p.head = {anchor - 2, c.store->find_row(d->id(), anchor - 2)->hash,
                  format_utc(now_utc() + std::chrono::seconds(1))};
        p.head_signature = d->signer->sign(sync::head_signing_text(d->id(), p.head));
        const auto before = c.state();
        auto r = c.call("POST", "/api/v1/push", sync::to_json(p), d->token);
        CHECK(r.status == 409);
        CHECK(error_code(r) == "chain_rewound");
        CHECK(c.state() == before);
    }
    SECTION("a delayed copy of an earlier push is answered, not alarmed") {
        auto fresh = Dev::till();
        REQUIRE(fresh->enrol(c, c.code(Role::till, fresh->shop->shop.id), "Kasse 9").status == 200);
        std::vector<sync::PendingRow> sent;
        const std::string early = sync::to_json(fresh->next_push(3, sent));
        fresh->push_all(c);
        const auto before = c.state();
        const auto alarms = c.store->alarms().size();
        auto r = c.call("POST", "/api/v1/push", early, fresh->token);
        CHECK(r.status == 200);
        CHECK(sync::parse_push_response(r.body).value().acked_seq == fresh->local->head().seq);
        CHECK(c.state() == before);
        CHECK(c.store->alarms().size() == alarms);
    }
}

TEST_CASE("hostile requests each get their 4xx and change nothing") {
    Central c;
    auto d = enrolled_till(c, 3);
    d->push_all(c);
    d->shop->sell({test::Shop::line(d->shop->cloth, 2)});
    d->shop->sell({test::Shop::line(d->shop->mug, 1)});
    std::vector<sync::PendingRow> sent;
    const sync::PushRequest good = d->next_push(500, sent);
    REQUIRE(good.rows.size() == 2);
    const std::string tok = d->token;
    const auto before = c.state();

    auto signed_push = [&](sync::PushRequest p) {
        p.head_signature = d->signer->sign(sync::head_signing_text(d->id(), p.head));
        return sync::to_json(p);
    };
    std::string deep = "{\"a\":";
    for (int i = 0; i < 40; ++i)
        deep += "[";
    deep += "1";
    for (int i = 0; i < 40; ++i)
        deep += "]";
    deep += "}";

    struct Case {
        const char* name;
        std::string method, target, body, content_type;
        int status;
        const char* code;
    };
    const std::string push = "/api/v1/push";
    std::vector<Case> cases = {
        {"oversized body", "POST", push, std::string(sync::max_body_bytes + 1, ' '),
         "application/json", 413, "too_large"},
        {"not JSON", "POST", push, "{\"device_id\":", "application/json", 400, "malformed_json"},
        {"a JSON array", "POST", push, "[1,2]", "application/json", 400, "malformed_json"},
        {"nested too deep", "POST", push, deep, "application/json", 400, "too_deep"},
        {"wrong content type", "POST", push, sync::to_json(good), "text/plain", 415,
         "unsupported_media_type"},
        {"wrong method", "PUT", push, sync::to_json(good), "application/json", 405,
         "method_not_allowed"},
        {"unknown endpoint", "POST", "/api/v1/delete-everything", "{}", "application/json", 404,
         "not_found"},
        {"older API version", "POST", "/api/v0/push", sync::to_json(good), "application/json", 404,
         "not_found"},
        {"query on a push", "POST", push + "?x=1", sync::to_json(good), "application/json", 400,
         "invalid_query"},
        {"pull with a body", "GET", "/api/v1/pull?since=0", "{}", "", 400, "unexpected_body"},
        {"pull with a bad cursor", "GET", "/api/v1/pull?since=-1", "", "", 400, "invalid_query"},
        {"pull with a huge page", "GET", "/api/v1/pull?since=0&limit=100000", "", "", 400,
         "invalid_query"},
        {"pull with an unknown parameter", "GET", "/api/v1/pull?since=0&drop=1", "", "", 400,
         "invalid_query"},
    };
    {
        // Wrong types and unknown members.
        std::string wrong_type = sync::to_json(good);
        const auto pos = wrong_type.find("\"seq\":");
        wrong_type.replace(pos, 6, "\"seq\":\"1\",\"x\":");
        cases.push_back({"a sequence number as text", "POST", push, wrong_type, "application/json",
                         400, "invalid_field"});
        std::string extra_member = sync::to_json(good);
        extra_member.insert(1, "\"admin\":true,");
        cases.push_back({"an unknown member", "POST", push, extra_member, "application/json", 400,
                         "invalid_field"});
        std::string missing = R"({"device_id":")" + d->id() + R"(","rows":[]})";
        cases.push_back(
            {"a missing member", "POST", push, missing, "application/json", 400, "invalid_field"});
    }
    {
        auto p = good;
        p.rows.erase(p.rows.begin());
        cases.push_back({"a gap in the sequence", "POST", push, signed_push(p), "application/json",
                         409, "sequence_gap"});
    }
    {
        auto p = good;
        std::swap(p.rows[0], p.rows[1]);
        cases.push_back({"rows out of order", "POST", push, signed_push(p), "application/json", 400,
                         "sequence_order"});
    }
    {
        auto p = good;
        p.rows[1].hash = std::string(64, 'f');
        p.head.hash = p.rows[1].hash;
        cases.push_back({"a hash that does not match", "POST", push, signed_push(p),
                         "application/json", 422, "hash_mismatch"});
    }
    {
        auto p = good;
        p.rows[0].prev_hash = std::string(64, '0');
        p.rows[0].hash = journal_hash(p.rows[0].prev_hash, d->id(), p.rows[0].seq,
                                      p.rows[0].recorded_at, p.rows[0].kind, p.rows[0].payload);
        cases.push_back({"a rewritten chain (row does not follow the held one)", "POST", push,
                         signed_push(p), "application/json", 409, "chain_broken"});
    }
    {
        // A sale whose lines no longer add up to its total, re-hashed so the chain holds.
        auto p = good;
        auto& row = p.rows[0];
        const auto pos = row.payload.find("\"total_ore\":");
        REQUIRE(pos != std::string::npos);
        row.payload.insert(pos + 12, "1");
        rehash(p, d->id(), 0);
        p.head = {p.rows.back().seq, p.rows.back().hash, format_utc(now_utc())};
        cases.push_back({"a sale that breaks the rules", "POST", push, signed_push(p),
                         "application/json", 422, "sale_rules"});
    }
    {
        auto p = good;
        p.rows[0].kind = "free_money";
        rehash(p, d->id(), 0);
        p.head = {p.rows.back().seq, p.rows.back().hash, format_utc(now_utc())};
        cases.push_back({"an unknown kind", "POST", push, signed_push(p), "application/json", 422,
                         "unknown_kind"});
    }
    {
        auto p = good;
        p.head_signature = d->signer->sign("something else");
        cases.push_back({"a head signed over something else", "POST", push, sync::to_json(p),
                         "application/json", 401, "bad_signature"});
        auto other_key = sync::key_signer(sync::make_private_key());
        p.head_signature = other_key->sign(sync::head_signing_text(d->id(), p.head));
        cases.push_back({"a head signed by another key", "POST", push, sync::to_json(p),
                         "application/json", 401, "bad_signature"});
    }
    {
        auto p = good;
        p.rows[1].seq = p.head.seq + 5;
        cases.push_back({"a row beyond the head", "POST", push, signed_push(p), "application/json",
                         400, "sequence_order"});
    }
    {
        auto p = good;
        p.device_id = "not-a-device";
        cases.push_back({"a device id that is not one", "POST", push, signed_push(p),
                         "application/json", 400, "invalid_field"});
    }

    REQUIRE(cases.size() >= 15);
    for (const auto& k : cases) {
        INFO(k.name);
        Request r{k.method, k.target, k.content_type, "Bearer " + tok, k.body};
        auto res = handle(r, *c.store, c.ctx);
        CHECK(res.status == k.status);
        CHECK(error_code(res) == k.code);
        CHECK(res.status >= 400);
        CHECK(res.status < 500);
        CHECK(c.state() == before);
    }
    // And the honest push still goes through afterwards.
    CHECK(c.call("POST", push, sync::to_json(good), tok).status == 200);
}

TEST_CASE("pull: a till gets the catalogue and consented names, never private fields") {
    Central c;
    auto st = Dev::station();
    REQUIRE(st->enrol(c, c.code(Role::workshop, "", st->workshop_id), "Station").status == 200);
    const Actor leader{st->id(), st->staff_id};
    auto maker = add_maker(*st->db, leader, Maker{"", st->workshop_id, "Solsikke", true},
                           MakerPrivate{"", "Birthe Hansen", "12345674", "", ""});
    REQUIRE(maker.ok());
    REQUIRE(record_consent(*st->db, leader, maker.value().id, ConsentChannel::receipt,
                           ConsentLevel::chosen_name)
                .ok());
    Product p;
    p.sku = "KER-100";
    p.name = "Skål";
    p.price = Money::from_ore(25000);
    p.workshop_id = st->workshop_id;
    auto product = add_product(*st->db, leader, p);
    REQUIRE(product.ok());
    Batch b;
    b.product_id = product.value().id;
    b.workshop_id = st->workshop_id;
    b.produced_on = "2026-11-01";
    b.units = 4;
    b.contributions = {{"", "", maker.value().id, 120, "drejning", "2026-11-01"}};
    REQUIRE(add_batch(*st->db, leader, b).ok());
    st->push_all(c);

    auto till = enrolled_till(c, 0);
    auto page = c.call("GET", "/api/v1/pull?since=0&limit=500", "", till->token);
    REQUIRE(page.status == 200);
    CHECK(page.body.find("Birthe") == std::string::npos);
    CHECK(page.body.find("Solsikke") != std::string::npos);
    CHECK(page.body.find("maker_private") == std::string::npos);

    auto asks = c.call("GET", "/api/v1/pull?since=0&private=1", "", till->token);
    CHECK(asks.status == 403);
    CHECK(error_code(asks) == "scope_forbidden");

    auto own = c.call("GET", "/api/v1/pull?since=0&private=1", "", st->token);
    REQUIRE(own.status == 200);
    CHECK(own.body.find("Birthe") != std::string::npos);

    // The till applies the page: the product, the batch and the maker's chosen name.
    auto parsed = sync::parse_pull_response(page.body).value();
    REQUIRE(till->local->apply(parsed.changes, parsed.next_cursor).ok());
    CHECK(till->local->pull_cursor() == parsed.next_cursor);
    CHECK(find_product(*till->db, product.value().id));
    CHECK(find_maker(*till->db, maker.value().id)->display_name == "Solsikke");
    CHECK_FALSE(find_maker_private(*till->db, maker.value().id));

    SECTION("a consent withdrawal removes the name at the till's next pull") {
        REQUIRE(record_consent(*st->db, leader, maker.value().id, ConsentChannel::receipt,
                               ConsentLevel::counted_only)
                    .ok());
        st->push_all(c);
        auto next = c.call("GET", "/api/v1/pull?since=" + std::to_string(parsed.next_cursor), "",
                           till->token);
        REQUIRE(next.status == 200);
        auto np = sync::parse_pull_response(next.body).value();
        REQUIRE_FALSE(np.changes.empty());
        REQUIRE(till->local->apply(np.changes, np.next_cursor).ok());
        CHECK(find_maker(*till->db, maker.value().id)->display_name.empty());
        // The station keeps the name it knows.
        CHECK(find_maker(*st->db, maker.value().id)->display_name == "Solsikke");
    }
    SECTION("a batch corrected at the station reaches the till; why, only the workshop") {
        auto logged = list_batches(*st->db, product.value().id).at(0);
        REQUIRE(find_batch(*till->db, logged.id)); // the till has the batch as logged
        BatchFix fix{logged.id,
                     0,
                     logged.produced_on,
                     3,
                     logged.material_cost,
                     logged.notes,
                     logged.contributions,
                     "Birthe tabte en skål"};
        fix.contributions[0].id.clear();
        fix.contributions[0].minutes = 90;
        REQUIRE(correct_batch(*st->db, leader, fix).ok());
        st->push_all(c);
        auto next = c.call("GET", "/api/v1/pull?since=" + std::to_string(parsed.next_cursor), "",
                           till->token);
        REQUIRE(next.status == 200);
        CHECK(next.body.find("tabte") == std::string::npos);
        CHECK(next.body.find("batch_correction") == std::string::npos);
        auto np = sync::parse_pull_response(next.body).value();
        REQUIRE(till->local->apply(np.changes, np.next_cursor).ok());
        auto at_till = find_batch(*till->db, logged.id).value();
        CHECK(at_till.units == 3);
        CHECK(at_till.revision == 1);
        REQUIRE(at_till.contributions.size() == 1);
        CHECK(at_till.contributions[0].minutes == 90);
        CHECK(raw_sql::integer(*till->db, "SELECT count(*) FROM batch_correction") == 0);
        // Pulled twice (a crash before the cursor moved): the same state, nothing doubled.
        REQUIRE(till->local->apply(np.changes, np.next_cursor).ok());
        CHECK(find_batch(*till->db, logged.id)->contributions.size() == 1);

        // The workshop's own pull carries the correction record, reason and all, first; an
        // organiser's or another station's database applying it keeps the batch's history.
        auto own_pull = c.call("GET", "/api/v1/pull?since=0&limit=500&private=1", "", st->token);
        REQUIRE(own_pull.status == 200);
        CHECK(own_pull.body.find("batch_correction") != std::string::npos);
        CHECK(own_pull.body.find("tabte") != std::string::npos);
        CHECK(own_pull.body.find("\"entity\":\"batch_correction\"") <
              own_pull.body.rfind("\"entity\":\"batch\""));
        auto op = sync::parse_pull_response(own_pull.body).value();
        auto other = Dev::station();
        REQUIRE(other->local->apply(op.changes, op.next_cursor).ok());
        const auto history = batch_corrections(*other->db, logged.id);
        REQUIRE(history.size() == 1);
        CHECK(history[0].reason == "Birthe tabte en skål");
        CHECK(history[0].units_before == 4);
        CHECK(history[0].units_after == 3);
        CHECK(history[0].minutes_before == 120);
        CHECK(history[0].minutes_after == 90);
        CHECK(find_batch(*other->db, logged.id)->units == 3);
        CHECK(find_batch(*other->db, logged.id)->revision == 1);
        // The till never keeps a correction's record, even when one is sent to it.
        std::vector<sync::Change> records;
        for (const auto& change : op.changes)
            if (change.entity == "batch_correction")
                records.push_back(change);
        REQUIRE(records.size() == 1);
        REQUIRE(till->local->apply(records, np.next_cursor).ok());
        CHECK(raw_sql::integer(*till->db, "SELECT count(*) FROM batch_correction") == 0);
        // The batch as logged, pulled again, does not undo the correction.
        REQUIRE(till->local->apply(parsed.changes, np.next_cursor).ok());
        CHECK(find_batch(*till->db, logged.id)->units == 3);
    }
    SECTION("pages: a small limit walks the same changes") {
        std::int64_t cursor = 0;
        std::size_t seen = 0;
        for (int i = 0; i < 100; ++i) {
            auto r = c.call("GET", "/api/v1/pull?since=" + std::to_string(cursor) + "&limit=2", "",
                            till->token);
            REQUIRE(r.status == 200);
            auto pr = sync::parse_pull_response(r.body).value();
            seen += pr.changes.size();
            cursor = pr.next_cursor;
            if (!pr.more)
                break;
        }
        CHECK(seen == parsed.changes.size());
    }
}

TEST_CASE("a maker erased at a station is erased at the central store too") {
    Central c;
    auto st = Dev::station();
    REQUIRE(st->enrol(c, c.code(Role::workshop, "", st->workshop_id), "Station").status == 200);
    const Actor leader{st->id(), st->staff_id};
    auto maker = add_maker(
        *st->db, leader, Maker{"", st->workshop_id, "Solsikke", true},
        MakerPrivate{"", "Birthe Hansen", "12345674", "birthe@example.dk", "Drejer skåle"});
    REQUIRE(maker.ok());
    REQUIRE(record_consent(*st->db, leader, maker.value().id, ConsentChannel::receipt,
                           ConsentLevel::chosen_name)
                .ok());
    // A push whose answer never arrived: the station sends the same rows again, maker rows
    // with their extra, which the central store does not keep. That is a replay, not a
    // different row.
    std::vector<sync::PendingRow> sent;
    auto lost = st->next_push(500, sent);
    REQUIRE(c.call("POST", "/api/v1/push", sync::to_json(lost), st->token).status == 200);
    st->push_all(c);
    CHECK(c.store->alarms().empty());
    const auto private_pull = [&] {
        auto r = c.call("GET", "/api/v1/pull?since=0&limit=500&private=1", "", st->token);
        REQUIRE(r.status == 200);
        return r.body;
    };
    REQUIRE(private_pull().find("Birthe Hansen") != std::string::npos);
    const auto journal_holds = [&](const std::string& text) {
        for (const auto& r : c.store->rows(st->id(), 1, 100000))
            if (r.payload.find(text) != std::string::npos ||
                (r.extra && r.extra->find(text) != std::string::npos))
                return true;
        return false;
    };
    // Never in the append-only journal, where erasure could not reach it.
    CHECK_FALSE(journal_holds("Birthe"));
    CHECK_FALSE(journal_holds("12345674"));

    REQUIRE(erase_maker(*st->db, leader, maker.value().id).ok());
    st->push_all(c);

    // The station's own pull, and so any other station of the workshop, finds no personal
    // data and no chosen name; what it pulls blanks a copy it held.
    const std::string body = private_pull();
    for (const char* gone : {"Birthe", "12345674", "birthe@example.dk", "Drejer", "Solsikke"}) {
        INFO(gone);
        CHECK(body.find(gone) == std::string::npos);
        CHECK_FALSE(journal_holds(gone));
    }
    CHECK(c.store->find_maker(maker.value().id)->display_name.empty());
    auto pulled = sync::parse_pull_response(body).value();
    bool blanked = false;
    for (const auto& ch : pulled.changes)
        blanked = blanked || (ch.entity == "maker_private" && ch.id == maker.value().id);
    CHECK(blanked);
    // The hours stay: the erasure row and the maker's other rows are all still held.
    CHECK(c.state().rows == static_cast<std::int64_t>(c.store->rows(st->id(), 1, 100000).size()));

    if (c.url.rfind("sqlite:", 0) == 0) {
        // On SQLite: a backup made from now on holds none of it, in any byte.
        const std::string copy = c.dir.file("after.db");
        REQUIRE(c.store->back_up(copy).ok());
        std::ifstream in(copy, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
        REQUIRE(bytes.size() > 4096);
        CHECK(bytes.find("Birthe") == std::string::npos);
        CHECK(bytes.find("Solsikke") == std::string::npos);
    }
}

TEST_CASE("pull: a till's staff reach the other tills of its shop, and no other shop's") {
    Central c;
    auto first = enrolled_till(c, 0);
    first->push_all(c);
    auto second = Dev::till();
    // The same shop: the second till was set up with its own shop record, but its code
    // names the first till's shop.
    REQUIRE(second->enrol(c, c.code(Role::till, first->shop->shop.id), "Kasse 2").status == 200);
    auto page = c.call("GET", "/api/v1/pull?since=0&limit=500", "", second->token);
    REQUIRE(page.status == 200);
    auto pr = sync::parse_pull_response(page.body).value();
    REQUIRE(second->local->apply(pr.changes, pr.next_cursor).ok());
    auto mette = find_staff(*second->db, first->shop->clerk.id);
    REQUIRE(mette);
    CHECK(mette->name == "Mette");

    auto elsewhere = Dev::till();
    REQUIRE(elsewhere->enrol(c, c.code(Role::till, "another-shop"), "Kasse 3").status == 200);
    auto other = c.call("GET", "/api/v1/pull?since=0&limit=500", "", elsewhere->token);
    REQUIRE(other.status == 200);
    CHECK(other.body.find("pin_hash") == std::string::npos);
}

TEST_CASE("pull: a shop's details and its own settings reach its other tills, never a till's "
          "printer") {
    Central c;
    auto first = enrolled_till(c, 0);
    auto second = Dev::till();
    REQUIRE(second->enrol(c, c.code(Role::till, first->shop->shop.id), "Kasse 2").status == 200);
    auto elsewhere = Dev::till();
    REQUIRE(elsewhere->enrol(c, c.code(Role::till, "another-shop"), "Kasse 3").status == 200);
    REQUIRE(set_setting(*second->db, second->shop->at_till(), "printer", "tcp:10.0.0.9:9100"));
    REQUIRE(set_setting(*elsewhere->db, elsewhere->shop->at_till(), "receipt_footer", "Hej"));

    // The organiser at the first till moves the shop and changes its receipts and limit.
    SettingsChange change;
    Shop moved = first->shop->shop;
    moved.address = "Jernbanegade 7";
    moved.city = "Kolding";
    change.shop = moved;
    change.settings = {{"receipt_footer", "Tak fordi du handler lokalt"},
                       {"discount_limit", "75,00"},
                       {"printer", "tcp:192.168.1.50:9100"},
                       {"language", "en"}};
    REQUIRE(save_settings(*first->db, first->shop->at_till(), change));
    first->push_all(c);

    auto pull_into = [&](Dev& d) {
        auto page = c.call("GET", "/api/v1/pull?since=0&limit=500", "", d.token);
        REQUIRE(page.status == 200);
        auto pr = sync::parse_pull_response(page.body).value();
        REQUIRE(d.local->apply(pr.changes, pr.next_cursor).ok());
        return page.body;
    };
    const std::string to_second = pull_into(*second);
    CHECK(to_second.find("192.168.1.50") == std::string::npos); // a printer never travels
    CHECK(get_setting(*second->db, "receipt_footer") == "Tak fordi du handler lokalt");
    CHECK(get_setting(*second->db, "discount_limit") == "75,00");
    // A till's own: its printer and language stay.
    CHECK(get_setting(*second->db, "printer") == "tcp:10.0.0.9:9100");
    CHECK_FALSE(get_setting(*second->db, "language"));
    auto shop = find_shop(*second->db, first->shop->shop.id);
    REQUIRE(shop);
    CHECK(shop->address == "Jernbanegade 7");
    CHECK(shop->city == "Kolding");

    // Another shop's till: the shop's new address (printed on its receipts, public), but not
    // its settings; its own footer stays.
    const std::string body = pull_into(*elsewhere);
    CHECK(body.find("handler lokalt") == std::string::npos);
    CHECK(get_setting(*elsewhere->db, "receipt_footer") == "Hej");
    CHECK(find_shop(*elsewhere->db, first->shop->shop.id)->address == "Jernbanegade 7");

    // A till may move only its own shop: the other shop's till renaming the first shop
    // changes its own copy, nobody else's.
    Shop renamed = *find_shop(*elsewhere->db, first->shop->shop.id);
    renamed.name = "Ikke vores butik";
    SettingsChange foreign;
    foreign.shop = renamed;
    REQUIRE(save_settings(*elsewhere->db, elsewhere->shop->at_till(), foreign));
    elsewhere->push_all(c);
    pull_into(*second);
    CHECK(find_shop(*second->db, first->shop->shop.id)->name == first->shop->shop.name);
}

TEST_CASE("only a shop's own tills and organisers speak for the shop, with its six fields") {
    // Devices take a pulled shop as its newest details, so ingest publishes a shop (new or
    // changed) only from the shop's own till or an organiser, only the fields a receipt
    // prints, and only with a CVR a till accepts.
    Central c; // the store only answers lookups here
    auto changes_for = [&](Role role, const std::string& shop, const std::string& kind,
                           const std::string& payload) {
        DeviceRecord d;
        d.id = "dev";
        d.scope = {role, shop, role == Role::workshop ? "ws-1" : ""};
        Ingest in(*c.store, d, "");
        sync::PushRow row;
        row.seq = 1;
        row.recorded_at = "2026-11-30T10:00:00.000Z";
        row.kind = kind;
        row.payload = payload;
        REQUIRE_FALSE(in.add(row));
        return in.take("2026-11-30T10:00:01.000Z").changes;
    };
    const std::string details =
        R"({"address":"Jernbanegade 7","city":"Kolding","cvr":"12345674","name":"Vielgut",)"
        R"("postcode":"6000","shop_id":"shop-S","staff_id":"staff-9"})";
    const std::string created = R"({"new_shop":)" + details + "}";
    for (const std::string kind : {"shop_changed", "device_added"}) {
        const std::string payload = kind == "shop_changed" ? details : created;
        INFO(kind);
        auto own = changes_for(Role::till, "shop-S", kind, payload);
        REQUIRE(own.size() == 1);
        CHECK(own[0].entity == "shop");
        CHECK(own[0].body == R"({"address":"Jernbanegade 7","city":"Kolding","cvr":"12345674",)"
                             R"("name":"Vielgut","postcode":"6000","shop_id":"shop-S"})");
        CHECK(changes_for(Role::organiser, "", kind, payload).size() == 1);
        CHECK(changes_for(Role::till, "shop-T", kind, payload).empty());
        CHECK(changes_for(Role::workshop, "", kind, payload).empty());
    }
    std::string bad_cvr = details;
    bad_cvr.replace(bad_cvr.find("12345674"), 8, "12345678"); // the check digit is wrong
    CHECK(changes_for(Role::till, "shop-S", "shop_changed", bad_cvr).empty());
}

TEST_CASE("a pulled page never sets a till's own setting nor a shop no till would accept") {
    auto d = Dev::till();
    REQUIRE(set_setting(*d->db, d->shop->at_till(), "printer", "tcp:10.0.0.9:9100"));
    PulledPage page;
    page.settings = {{"printer", "tcp:6.6.6.6:9100"},
                     {"language", "en"},
                     {"receipt_footer", std::string(300, 'x')},
                     {"mobilepay_name", "Butikkens MobilePay"}};
    Shop bad = d->shop->shop;
    bad.cvr = "123";
    bad.name = "Forkert";
    page.shops = {bad};
    page.next_cursor = 7;
    REQUIRE(apply_pulled_page(*d->db, page));
    CHECK(get_setting(*d->db, "printer") == "tcp:10.0.0.9:9100");
    CHECK_FALSE(get_setting(*d->db, "language"));
    CHECK_FALSE(get_setting(*d->db, "receipt_footer"));
    CHECK(get_setting(*d->db, "mobilepay_name") == "Butikkens MobilePay");
    CHECK(find_shop(*d->db, bad.id)->name == d->shop->shop.name);
    CHECK(pull_cursor(*d->db) == 7);
}

TEST_CASE("pull: category colours and product pictures reach the tills, pages under 1 MiB") {
    Central c;
    auto st = Dev::station();
    REQUIRE(st->enrol(c, c.code(Role::workshop, "", st->workshop_id), "Station").status == 200);
    const Actor organiser{st->id(), st->staff_id};
    // Twelve products, each with a picture that does not compress (about 66 KB as a PNG, 88
    // KB in its row): together more than one request or page may carry.
    std::mt19937 noise(12);
    std::vector<std::string> ids, pictures;
    for (int i = 0; i < 12; ++i) {
        Product p;
        p.sku = "KER-" + std::to_string(200 + i);
        p.name = "Fad nr. " + std::to_string(i + 1);
        p.category = "Keramik";
        p.price = Money::from_ore(30000);
        auto added = add_product(*st->db, organiser, p);
        REQUIRE(added.ok());
        std::vector<unsigned char> px(128 * 128 * 4);
        for (auto& b : px)
            b = static_cast<unsigned char>(noise());
        pictures.push_back(thumbnail_from_rgba(128, 128, px).value());
        REQUIRE(set_product_picture(*st->db, organiser, added.value().id, pictures.back()).ok());
        ids.push_back(added.value().id);
    }
    REQUIRE(set_category_colour(*st->db, organiser, "Keramik", "mint").ok());
    st->push_all(c); // each push within the central store's 1 MiB

    auto till = enrolled_till(c, 0);
    std::int64_t cursor = 0;
    int pages = 0;
    for (bool more = true; more && pages < 50; ++pages) {
        auto r = c.call("GET", "/api/v1/pull?since=" + std::to_string(cursor) + "&limit=500", "",
                        till->token);
        REQUIRE(r.status == 200);
        CHECK(r.body.size() <= sync::max_body_bytes);
        auto page = sync::parse_pull_response(r.body);
        REQUIRE(page.ok());
        REQUIRE(till->local->apply(page.value().changes, page.value().next_cursor).ok());
        cursor = page.value().next_cursor;
        more = page.value().more;
    }
    CHECK(pages >= 2);
    CHECK(category_colours(*till->db) == std::map<std::string, std::string>{{"Keramik", "mint"}});
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto kept = find_product_picture(*till->db, ids[i]);
        REQUIRE(kept);
        CHECK(kept->png == pictures[i]);
    }
    CHECK(verify_database(*till->db).ok());

    SECTION("a picture taken away and a new colour follow at the next pull") {
        REQUIRE(set_product_picture(*st->db, organiser, ids[0], "").ok());
        REQUIRE(set_category_colour(*st->db, organiser, "Keramik", "sand").ok());
        st->push_all(c);
        auto r = c.call("GET", "/api/v1/pull?since=" + std::to_string(cursor), "", till->token);
        REQUIRE(r.status == 200);
        auto page = sync::parse_pull_response(r.body).value();
        REQUIRE(till->local->apply(page.changes, page.next_cursor).ok());
        CHECK_FALSE(find_product_picture(*till->db, ids[0]));
        CHECK(find_product_picture(*till->db, ids[1]));
        CHECK(category_colours(*till->db).at("Keramik") == "sand");
    }
    SECTION("the station's own settings come back and keep their journal rows") {
        auto r = c.call("GET", "/api/v1/pull?since=0&limit=500", "", st->token);
        REQUIRE(r.status == 200);
        auto page = sync::parse_pull_response(r.body).value();
        REQUIRE(st->local->apply(page.changes, page.next_cursor).ok());
        CHECK(category_colours(*st->db).at("Keramik") == "mint");
        const auto check = verify_database(*st->db);
        INFO(test::findings(check));
        CHECK(check.ok());
    }
}

TEST_CASE("push: a colour outside the palette or a picture that is not what is kept is refused") {
    Central c;
    auto st = Dev::station();
    REQUIRE(st->enrol(c, c.code(Role::workshop, "", st->workshop_id), "Station").status == 200);
    const Actor organiser{st->id(), st->staff_id};
    Product p;
    p.sku = "KER-300";
    p.name = "Skål";
    p.category = "Keramik";
    p.price = Money::from_ore(25000);
    REQUIRE(add_product(*st->db, organiser, p).ok());
    REQUIRE(set_category_colour(*st->db, organiser, "Keramik", "blue").ok());
    std::vector<sync::PendingRow> sent;
    auto push = st->next_push(200, sent);
    auto& row = push.rows.back();
    REQUIRE(row.kind == "category_colour_set");
    SECTION("a colour of its own") {
        row.payload =
            R"({"category":"Keramik","colour":"#000000","staff_id":")" + st->staff_id + "\"}";
    }
    SECTION("a picture too large") {
        row.kind = "product_picture_set";
        std::string big(200 * 1024, 'x');
        row.payload = R"({"png_base64":")" + base64_encode(big) +
                      R"(","product_id":"p","sha256":")" + sha256_hex(big) + "\"}";
    }
    rehash(push, st->id(), push.rows.size() - 1);
    push.head.seq = push.rows.back().seq;
    push.head.hash = push.rows.back().hash;
    push.head_signature = st->signer->sign(sync::head_signing_text(st->id(), push.head));
    auto r = c.call("POST", "/api/v1/push", sync::to_json(push), st->token);
    CHECK(r.status == 422);
    CHECK(error_code(r) == "invalid_payload");
    std::int64_t next = 0;
    for (const auto& change : c.store->changes_since(0, Scope{Role::organiser, {}, {}}, 1000, next))
        CHECK(change.entity != "category_colour");
}
