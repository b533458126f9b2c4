#include "shared/rules/payloads.hpp"

#include <stdexcept>

namespace bl {

namespace {

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

namespace {

void write_opt(CanonicalWriter& w, const std::optional<std::string>& s) {
    if (s)
        w.value(*s);
    else
        w.null();
}

} // namespace

// The one definition of a sale's payload. Keys in byte order, as canonical JSON has them.
void write_sale_payload(CanonicalWriter& w, const Sale& sale, const std::string* staff_id) {
    w.begin_object();
    w.key("lines").begin_array();
    for (const auto& l : sale.lines) {
        w.begin_object();
        w.key("batches").begin_array();
        for (const auto& a : l.allocations) {
            w.begin_object();
            w.key("allocated").value(a.allocated);
            w.key("batch_id");
            if (a.batch_id.empty())
                w.null();
            else
                w.value(a.batch_id);
            w.key("units").value(a.units);
            w.end_object();
        }
        w.end_array();
        w.key("description").value(l.description);
        w.key("discount_ore").value(l.discount.ore());
        w.key("line_no").value(l.line_no);
        w.key("line_total_ore").value(l.line_total().ore());
        w.key("product_id").value(l.product_id);
        w.key("quantity").value(l.quantity);
        if (l.refund_of_sale_id) {
            w.key("refund_of_line_no").value(static_cast<std::int64_t>(*l.refund_of_line_no));
            w.key("refund_of_sale_id").value(*l.refund_of_sale_id);
        }
        w.key("scanned_batch_id");
        write_opt(w, l.scanned_batch_id);
        w.key("unit_price_ore").value(l.unit_price.ore());
        w.key("vat_rate_bp").value(l.vat_rate.basis_points);
        w.end_object();
    }
    w.end_array();
    w.key("payments").begin_array();
    for (const auto& p : sale.payments) {
        w.begin_object();
        w.key("amount_ore").value(p.amount.ore());
        w.key("change_ore").value(p.change.ore());
        w.key("reference").value(p.reference);
        w.key("rounding_ore").value(p.rounding.ore());
        w.key("tender").value(to_string(p.tender));
        w.key("tendered_ore").value(p.tendered.ore());
        w.end_object();
    }
    w.end_array();
    w.key("receipt_number").value(sale.receipt_number);
    w.key("refund_of");
    write_opt(w, sale.refund_of);
    w.key("rounding_ore").value(sale_rounding(sale).ore());
    w.key("sale_id").value(sale.id);
    w.key("shift_id").value(sale.shift_id);
    w.key("shop_id").value(sale.shop_id);
    if (staff_id)
        w.key("staff_id").value(*staff_id);
    w.key("total_ore").value(sale.total().ore());
    w.key("training").value(sale.training);
    w.key("vat").begin_array();
    for (const auto& g : sale_vat(sale).groups) {
        w.begin_object();
        w.key("gross_ore").value(g.gross.ore());
        w.key("vat_ore").value(g.vat.ore());
        w.key("vat_rate_bp").value(g.rate.basis_points);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

std::string journaled_sale_text(const Sale& sale) {
    std::string out;
    out.reserve(1024);
    CanonicalWriter w(out);
    write_sale_payload(w, sale, &sale.staff_id);
    return out;
}

JsonObject sale_payload(const Sale& sale) {
    std::string text;
    CanonicalWriter w(text);
    write_sale_payload(w, sale, nullptr);
    auto value = parse_json(text);
    if (!value || !value->as_object())
        throw std::invalid_argument("a sale's text is not valid UTF-8");
    return *value->as_object();
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
