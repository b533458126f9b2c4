// The protocol's strict JSON, the sale reader the central store checks sales with, and the
// certificates and signatures.

#include <array>
#include <random>

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

namespace {

/// A sale's payload as the till wrote it before the payload had a writer of its own (built as
/// a JsonObject): the oracle that journal rows already written still hash and verify the same.
JsonObject payload_as_before(const Sale& sale) {
    auto opt = [](const std::optional<std::string>& s) { return s ? JsonValue(*s) : JsonValue(); };
    JsonArray jlines;
    for (const auto& l : sale.lines) {
        JsonArray jparts;
        for (const auto& a : l.allocations)
            jparts.push_back(
                JsonObject{{"batch_id", a.batch_id.empty() ? JsonValue() : JsonValue(a.batch_id)},
                           {"units", a.units},
                           {"allocated", a.allocated}});
        JsonObject jl{{"line_no", l.line_no},
                      {"product_id", l.product_id},
                      {"description", l.description},
                      {"quantity", l.quantity},
                      {"unit_price_ore", l.unit_price.ore()},
                      {"discount_ore", l.discount.ore()},
                      {"vat_rate_bp", l.vat_rate.basis_points},
                      {"line_total_ore", l.line_total().ore()},
                      {"scanned_batch_id", opt(l.scanned_batch_id)},
                      {"batches", std::move(jparts)}};
        if (l.refund_of_sale_id) {
            jl.emplace("refund_of_sale_id", *l.refund_of_sale_id);
            jl.emplace("refund_of_line_no", static_cast<std::int64_t>(*l.refund_of_line_no));
        }
        jlines.push_back(std::move(jl));
    }
    JsonArray jpay;
    for (const auto& p : sale.payments)
        jpay.push_back(JsonObject{{"tender", std::string(to_string(p.tender))},
                                  {"amount_ore", p.amount.ore()},
                                  {"tendered_ore", p.tendered.ore()},
                                  {"change_ore", p.change.ore()},
                                  {"rounding_ore", p.rounding.ore()},
                                  {"reference", p.reference}});
    JsonArray jvat;
    for (const auto& g : sale_vat(sale).groups)
        jvat.push_back(JsonObject{{"vat_rate_bp", g.rate.basis_points},
                                  {"gross_ore", g.gross.ore()},
                                  {"vat_ore", g.vat.ore()}});
    return JsonObject{{"sale_id", sale.id},
                      {"shop_id", sale.shop_id},
                      {"shift_id", sale.shift_id},
                      {"receipt_number", sale.receipt_number},
                      {"training", sale.training},
                      {"refund_of", opt(sale.refund_of)},
                      {"lines", std::move(jlines)},
                      {"payments", std::move(jpay)},
                      {"vat", std::move(jvat)},
                      {"total_ore", sale.total().ore()},
                      {"rounding_ore", sale_rounding(sale).ore()}};
}

Sale random_sale(std::mt19937_64& dice) {
    auto pick = [&](int n) { return static_cast<int>(dice() % static_cast<std::uint64_t>(n)); };
    const std::vector<std::string> texts = {"",           "Krus",         "Vase 12\" høj",
                                            "tab\there",  "linje\nto",    "\\sti\\",
                                            "blå glasur", "\x01\x1f ctl", "ÆØÅ æøå é"};
    Sale s;
    s.id = "sale-" + std::to_string(dice() % 100000);
    s.shop_id = texts[static_cast<std::size_t>(pick(9))] + "shop";
    s.shift_id = "shift-" + std::to_string(pick(50));
    s.staff_id = texts[static_cast<std::size_t>(pick(9))];
    s.receipt_number = pick(100000);
    s.training = pick(4) == 0;
    const bool refund = pick(3) == 0;
    if (refund)
        s.refund_of = "original-" + std::to_string(pick(1000));
    for (int i = 1, n = 1 + pick(4); i <= n; ++i) {
        SaleLine l;
        l.line_no = i;
        l.product_id = "product-" + std::to_string(pick(30));
        l.description = texts[static_cast<std::size_t>(pick(9))];
        l.quantity = (1 + pick(5)) * (refund ? -1 : 1);
        l.unit_price = Money::from_ore(pick(100000));
        l.discount = Money::from_ore(pick(3) == 0 ? pick(1000) : 0);
        l.vat_rate = VatRate{pick(2) ? 2500 : 0};
        if (pick(2))
            l.scanned_batch_id = "batch-" + std::to_string(pick(9));
        if (refund && pick(2)) {
            l.refund_of_sale_id = *s.refund_of;
            l.refund_of_line_no = 1 + pick(4);
        }
        for (int a = 0, m = pick(3); a < m; ++a)
            l.allocations.push_back({pick(3) ? "batch-" + std::to_string(pick(9)) : std::string(),
                                     1 + pick(3), pick(2) == 0});
        s.lines.push_back(l);
    }
    for (int i = 0, n = 1 + pick(3); i < n; ++i) {
        Payment p;
        p.tender = std::array{Tender::cash, Tender::card,
                              Tender::mobilepay}[static_cast<std::size_t>(pick(3))];
        p.amount = Money::from_ore(pick(50000) - (refund ? 50000 : 0));
        p.tendered = Money::from_ore(pick(60000));
        p.change = Money::from_ore(pick(1000));
        p.rounding = Money::from_ore(pick(50) - 25);
        p.reference = texts[static_cast<std::size_t>(pick(9))];
        s.payments.push_back(p);
    }
    return s;
}

} // namespace

TEST_CASE("a sale's payload is written byte for byte as the journal has always held it") {
    // One fixed sale, its bytes spelt out: a row journaled by any earlier till still verifies.
    Sale s;
    s.id = "0190f5c2-7b1e-7c3a-9d2f-1a2b3c4d5e6f";
    s.shop_id = "shop-1";
    s.shift_id = "shift-7";
    s.staff_id = "staff-2";
    s.receipt_number = 42;
    SaleLine mug;
    mug.line_no = 1;
    mug.product_id = "mug";
    mug.description = "Krus \"Bølge\"";
    mug.scanned_batch_id = "batch-9";
    mug.quantity = 2;
    mug.unit_price = Money::from_ore(18900);
    mug.discount = Money::from_ore(1000);
    mug.allocations = {{"batch-9", 1, true}, {"", 1, false}};
    SaleLine card;
    card.line_no = 2;
    card.product_id = "card";
    card.description = "Kort";
    card.quantity = 1;
    card.unit_price = Money::from_ore(2500);
    card.vat_rate = VatRate{0};
    s.lines = {mug, card};
    Payment cash;
    cash.tender = Tender::cash;
    cash.amount = Money::from_ore(20000);
    cash.tendered = Money::from_ore(20000);
    cash.rounding = Money::from_ore(-2);
    Payment mp;
    mp.tender = Tender::mobilepay;
    mp.amount = Money::from_ore(19298);
    mp.reference = "MP-1";
    s.payments = {cash, mp};
    const std::string golden =
        R"({"lines":[{"batches":[{"allocated":true,"batch_id":"batch-9","units":1},)"
        R"({"allocated":false,"batch_id":null,"units":1}],"description":"Krus \"Bølge\"",)"
        R"("discount_ore":1000,"line_no":1,"line_total_ore":36800,"product_id":"mug",)"
        R"("quantity":2,"scanned_batch_id":"batch-9","unit_price_ore":18900,"vat_rate_bp":2500},)"
        R"({"batches":[],"description":"Kort","discount_ore":0,"line_no":2,)"
        R"("line_total_ore":2500,"product_id":"card","quantity":1,"scanned_batch_id":null,)"
        R"("unit_price_ore":2500,"vat_rate_bp":0}],"payments":[{"amount_ore":20000,)"
        R"("change_ore":0,"reference":"","rounding_ore":-2,"tender":"cash","tendered_ore":20000},)"
        R"({"amount_ore":19298,"change_ore":0,"reference":"MP-1","rounding_ore":0,)"
        R"("tender":"mobilepay","tendered_ore":0}],"receipt_number":42,"refund_of":null,)"
        R"("rounding_ore":-2,"sale_id":"0190f5c2-7b1e-7c3a-9d2f-1a2b3c4d5e6f",)"
        R"("shift_id":"shift-7","shop_id":"shop-1","staff_id":"staff-2","total_ore":39300,)"
        R"("training":false,"vat":[{"gross_ore":36800,"vat_ore":7360,"vat_rate_bp":2500},)"
        R"({"gross_ore":2500,"vat_ore":0,"vat_rate_bp":0}]})";
    CHECK(journaled_sale_text(s) == golden);
    JsonObject before = payload_as_before(s);
    before.emplace("staff_id", s.staff_id);
    CHECK(JsonValue(before).dump() == golden);

    // Any sale, refund or training sale, with any text in it: the same bytes as before, with
    // and without the staff id, and the reader takes back exactly what was written.
    std::mt19937_64 dice(20261130);
    for (int i = 0; i < 2000; ++i) {
        const Sale r = random_sale(dice);
        JsonObject old = payload_as_before(r);
        REQUIRE(JsonValue(sale_payload(r)).dump() == JsonValue(old).dump());
        old.emplace("staff_id", r.staff_id);
        const std::string text = journaled_sale_text(r);
        REQUIRE(text == JsonValue(old).dump());
        auto back = sync::sale_from_payload(text);
        REQUIRE(back.ok());
        CHECK(journaled_sale_text(back.value()) == text);
    }
}

TEST_CASE("the sale reader takes exactly what a till writes, whichever way it reads it") {
    // A payload as written is read straight (no parse tree); anything else goes the thorough
    // way. Both must give the same verdict: the sale itself, or a refusal.
    std::mt19937_64 dice(7);
    for (int i = 0; i < 500; ++i) {
        Sale s = random_sale(dice);
        s.payments.front().reference = i % 2 ? "ÆØÅ" : "ref";
        const std::string text = journaled_sale_text(s);
        auto back = sync::sale_from_payload(text);
        REQUIRE(back.ok());
        REQUIRE(journaled_sale_text(back.value()) == text);
        // Not as a till writes it: a space between members, a member too many, a key's case, a
        // number written another way, an escape a till does not use, a broken UTF-8 byte, a sum
        // that does not follow, or a line number out of range. Each refused.
        std::vector<std::string> wrong = {text.substr(0, text.size() - 1) + ",\"x\":1}"};
        for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
                 {"\"lines\":[", "\"lines\": ["},
                 {",\"payments\":", ", \"payments\":"},
                 {"\"line_no\":1,", "\"line_no\":01,"},
                 {"\"line_no\":1,", "\"line_no\":0,"},
                 {"\"receipt_number\":", "\"Receipt_number\":"},
                 {"ÆØÅ", "\\u00c6ØÅ"},
                 {"ÆØÅ", std::string("\xC3\x28") + "ØÅ"},
                 {"\"total_ore\":", "\"total_ore\":1"},
                 {"\"tender\":\"", "\"tender\":\"x"}}) {
            if (auto at = text.find(from); at != std::string::npos) {
                std::string t = text;
                t.replace(at, from.size(), to);
                wrong.push_back(t);
            }
        }
        for (const auto& w : wrong) {
            INFO(w);
            CHECK_FALSE(sync::sale_from_payload(w).ok());
        }
    }
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
