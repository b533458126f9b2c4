#include "shared/rules/payloads.hpp"

namespace bl {

namespace {

JsonValue opt(const std::optional<std::string>& s) {
    return s ? JsonValue(*s) : JsonValue();
}

JsonArray vat_json(const std::vector<VatGroup>& groups) {
    JsonArray out;
    for (const auto& g : groups)
        out.push_back(JsonObject{{"vat_rate_bp", g.rate.basis_points},
                                 {"gross_ore", g.gross.ore()},
                                 {"vat_ore", g.vat.ore()}});
    return out;
}

} // namespace

VatSummary sale_vat(const Sale& sale) {
    std::vector<VatLine> lines;
    for (const auto& l : sale.lines)
        lines.push_back({l.vat_rate, l.line_total()});
    return summarize_vat(lines);
}

Money sale_rounding(const Sale& sale) {
    Money rounding;
    for (const auto& p : sale.payments)
        rounding += p.rounding;
    return rounding;
}

JsonObject sale_payload(const Sale& sale) {
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
    return JsonObject{{"sale_id", sale.id},
                      {"shop_id", sale.shop_id},
                      {"shift_id", sale.shift_id},
                      {"receipt_number", sale.receipt_number},
                      {"training", sale.training},
                      {"refund_of", opt(sale.refund_of)},
                      {"lines", std::move(jlines)},
                      {"payments", std::move(jpay)},
                      {"vat", vat_json(sale_vat(sale).groups)},
                      {"total_ore", sale.total().ore()},
                      {"rounding_ore", sale_rounding(sale).ore()}};
}

JsonObject z_report_payload(const ZReport& z) {
    const ShiftTotals& t = z.totals;
    return JsonObject{{"shift_id", z.shift_id},
                      {"z_number", z.z_number},
                      {"sales", t.sales},
                      {"refunds", t.refunds},
                      {"gross_ore", t.gross.ore()},
                      {"cash_ore", t.cash.ore()},
                      {"card_ore", t.card.ore()},
                      {"mobilepay_ore", t.mobilepay.ore()},
                      {"rounding_ore", t.rounding.ore()},
                      {"discounts_ore", t.discounts.ore()},
                      {"vat", vat_json(t.vat)},
                      {"opening_float_ore", z.opening_float.ore()},
                      {"expected_cash_ore", t.expected_cash.ore()},
                      {"counted_cash_ore", z.counted_cash.ore()},
                      {"difference_ore", (z.counted_cash - t.expected_cash).ore()},
                      {"refunded_ore", t.refunded.ore()},
                      {"grand_total_ore", t.grand_total.ore()}};
}

} // namespace bl
