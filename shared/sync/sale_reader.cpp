#include "shared/sync/sale_reader.hpp"

#include <boost/json.hpp>

#include "shared/rules/payloads.hpp"
#include "shared/rules/sale_rules.hpp"
#include "shared/sync/protocol.hpp"

namespace bl::sync {

namespace json = boost::json;

namespace {

struct Bad {};

const json::value& at(const json::object& o, std::string_view k) {
    auto it = o.find(k);
    if (it == o.end())
        throw Bad{};
    return it->value();
}
std::string text(const json::object& o, std::string_view k) {
    const auto& v = at(o, k);
    if (!v.is_string())
        throw Bad{};
    return std::string(v.get_string());
}
std::optional<std::string> opt_text(const json::object& o, std::string_view k) {
    const auto& v = at(o, k);
    if (v.is_null())
        return std::nullopt;
    return text(o, k);
}
std::int64_t integer(const json::object& o, std::string_view k) {
    const auto& v = at(o, k);
    if (!v.is_int64())
        throw Bad{};
    return v.get_int64();
}
const json::array& array(const json::object& o, std::string_view k) {
    const auto& v = at(o, k);
    if (!v.is_array())
        throw Bad{};
    return v.get_array();
}
const json::object& object(const json::value& v) {
    if (!v.is_object())
        throw Bad{};
    return v.get_object();
}

} // namespace

Result<Sale, Message> sale_from_payload(std::string_view payload) {
    const Message malformed(BL_N_("The sale's journal entry cannot be read."));
    json::parse_options opt;
    opt.max_depth = max_json_depth;
    boost::system::error_code ec;
    // The parsed tree lives only while the sale is read: one arena, freed at once (a central
    // store reads thousands of these a second).
    unsigned char arena[8192];
    json::monotonic_resource mr(arena, sizeof arena);
    json::value v = json::parse(json::string_view(payload.data(), payload.size()), ec, &mr, opt);
    if (ec || !v.is_object())
        return err(malformed);
    Sale s;
    try {
        const json::object& o = v.get_object();
        s.id = text(o, "sale_id");
        s.shop_id = text(o, "shop_id");
        s.shift_id = text(o, "shift_id");
        s.staff_id = text(o, "staff_id");
        s.receipt_number = integer(o, "receipt_number");
        const auto& tr = at(o, "training");
        if (!tr.is_bool())
            throw Bad{};
        s.training = tr.get_bool();
        s.refund_of = opt_text(o, "refund_of");
        for (const auto& lv : array(o, "lines")) {
            const json::object& l = object(lv);
            SaleLine line;
            const std::int64_t no = integer(l, "line_no");
            if (no < 1 || no > 100000)
                throw Bad{};
            line.line_no = static_cast<int>(no);
            line.product_id = text(l, "product_id");
            line.description = text(l, "description");
            line.quantity = integer(l, "quantity");
            line.unit_price = Money::from_ore(integer(l, "unit_price_ore"));
            line.discount = Money::from_ore(integer(l, "discount_ore"));
            const std::int64_t bp = integer(l, "vat_rate_bp");
            if (bp < 0 || bp > 10000)
                throw Bad{};
            line.vat_rate = VatRate{static_cast<std::int32_t>(bp)};
            line.scanned_batch_id = opt_text(l, "scanned_batch_id");
            if (l.contains("refund_of_sale_id")) {
                line.refund_of_sale_id = text(l, "refund_of_sale_id");
                const std::int64_t rl = integer(l, "refund_of_line_no");
                if (rl < 1 || rl > 100000)
                    throw Bad{};
                line.refund_of_line_no = static_cast<int>(rl);
            }
            for (const auto& bv : array(l, "batches")) {
                const json::object& b = object(bv);
                LineAllocation a;
                a.batch_id = opt_text(b, "batch_id").value_or("");
                a.units = integer(b, "units");
                const auto& al = at(b, "allocated");
                if (!al.is_bool())
                    throw Bad{};
                a.allocated = al.get_bool();
                line.allocations.push_back(std::move(a));
            }
            s.lines.push_back(std::move(line));
        }
        for (const auto& pv : array(o, "payments")) {
            const json::object& p = object(pv);
            Payment pay;
            auto t = tender_from(text(p, "tender"));
            if (!t)
                throw Bad{};
            pay.tender = *t;
            pay.amount = Money::from_ore(integer(p, "amount_ore"));
            pay.tendered = Money::from_ore(integer(p, "tendered_ore"));
            pay.change = Money::from_ore(integer(p, "change_ore"));
            pay.rounding = Money::from_ore(integer(p, "rounding_ore"));
            pay.reference = text(p, "reference");
            s.payments.push_back(std::move(pay));
        }
        // The payload must be exactly what the till's store writes for this sale: then its
        // totals, VAT and rounding follow from the lines and payments, and nothing was added.
        if (journaled_sale_text(s) != payload)
            return err(Message(BL_N_("The sale's journal entry does not add up: its totals "
                                     "differ from its lines and payments.")));
    } catch (const Bad&) {
        return err(malformed);
    } catch (const std::exception&) {
        // Money overflow and the like: a payload no till writes.
        return err(malformed);
    }
    return s;
}

Result<Sale, Message> checked_sale_from_payload(std::string_view payload) {
    auto sale = sale_from_payload(payload);
    if (!sale)
        return sale;
    if (auto m = check_sale_lines(sale.value()))
        return err(*m);
    if (auto m = check_payments(sale.value()))
        return err(*m);
    return sale;
}

std::optional<Message> check_journaled_sale(std::string_view payload) {
    auto sale = checked_sale_from_payload(payload);
    if (!sale)
        return sale.error();
    return std::nullopt;
}

} // namespace bl::sync
