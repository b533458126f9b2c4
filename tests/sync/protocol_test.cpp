// The protocol's strict JSON, the sale reader the central store checks sales with, and the
// certificates and signatures.

#include <catch2/catch.hpp>

#include "shared/rules/payloads.hpp"
#include "shared/sync/pki.hpp"
#include "shared/sync/protocol.hpp"
#include "shared/sync/sale_reader.hpp"
#include "tests/store/fixture.hpp"

using namespace bl;

TEST_CASE("a push survives writing and reading, and unknown members are refused") {
    sync::PushRequest p;
    p.device_id = "01890a5d-ac96-774b-bcce-b302099a8057";
    p.head = {2, std::string(64, 'b'), "2026-11-27T13:35:13.000Z"};
    p.head_signature = "c2ln";
    p.rows.push_back({1, "2026-11-27T13:35:12.123Z", "login", R"({"a":"\"q\""})",
                      std::string(64, '0'), std::string(64, 'a'), std::nullopt, std::nullopt});
    p.rows.push_back({2, "2026-11-27T13:35:13.000Z", "z_report", "{}", std::string(64, 'a'),
                      std::string(64, 'b'), R"({"x":1})", "c2ln"});
    auto back = sync::parse_push_request(sync::to_json(p));
    REQUIRE(back.ok());
    CHECK(back.value().rows.size() == 2);
    CHECK(back.value().rows[0].payload == R"({"a":"\"q\""})");
    CHECK(back.value().rows[1].extra == R"({"x":1})");
    CHECK(back.value().head.hash == p.head.hash);

    std::string body = sync::to_json(p);
    body.insert(1, R"("more":1,)");
    auto bad = sync::parse_push_request(body);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "invalid_field");
}

TEST_CASE("limits: depth and size") {
    std::string deep;
    for (int i = 0; i < 17; ++i)
        deep += "{\"a\":";
    deep += "1";
    for (int i = 0; i < 17; ++i)
        deep += "}";
    CHECK(sync::parse_push_request(deep).error().code == "too_deep");
    CHECK(sync::parse_push_request(std::string(sync::max_body_bytes + 1, ' ')).error().status ==
          413);
    CHECK(sync::parse_push_request("nope").error().code == "malformed_json");
}

TEST_CASE("a journaled sale reads back and is checked with the till's rules") {
    test::Shop shop;
    auto sale =
        shop.sell({test::Shop::line(shop.mug, 2), test::Shop::line(shop.cloth, 1)}, Tender::cash);
    JsonObject payload = sale_payload(sale);
    payload.emplace("staff_id", shop.clerk.id);
    const std::string text = JsonValue(payload).dump();
    auto back = sync::sale_from_payload(text);
    REQUIRE(back.ok());
    CHECK(back.value().total() == sale.total());
    CHECK_FALSE(sync::check_journaled_sale(text));

    // A total that does not follow from the lines.
    std::string forged = text;
    forged.replace(forged.find("\"total_ore\":") + 12, 1, "9");
    CHECK(sync::check_journaled_sale(forged));
    CHECK(sync::check_journaled_sale("{}"));
    CHECK(sync::check_journaled_sale("[]"));
}

TEST_CASE("certificates from the CA, and record signatures") {
    const auto ca = sync::make_ca("Test CA");
    const std::string key = sync::make_private_key();
    const std::string csr = sync::make_certificate_request(key, "whatever");
    auto cert = sync::sign_certificate_request(ca, csr, "device-1");
    REQUIRE(cert.ok());
    auto signer = sync::key_signer(key);
    const std::string sig = signer->sign("hello");
    CHECK(
        sync::verify_record_signature(ca.certificate_pem, cert.value(), "device-1", "hello", sig));
    CHECK_FALSE(
        sync::verify_record_signature(ca.certificate_pem, cert.value(), "device-1", "hullo", sig));
    CHECK_FALSE(
        sync::verify_record_signature(ca.certificate_pem, cert.value(), "device-2", "hello", sig));
    const auto other_ca = sync::make_ca("Other CA");
    CHECK_FALSE(sync::verify_record_signature(other_ca.certificate_pem, cert.value(), "device-1",
                                              "hello", sig));
    CHECK_FALSE(sync::sign_certificate_request(ca, "not a csr", "x").ok());
    CHECK(sync::random_hex(16).size() == 32);
}
