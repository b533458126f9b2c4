#include "shared/sync/sale_reader.hpp"

#include <charconv>

#include <boost/json.hpp>

#include "shared/core/canonical_json.hpp"
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

/// Reads a payload that is already in the one form a till writes (keys in order, no space,
/// the canonical escapes), straight into a Sale, without a parse tree. Gives none at the
/// first thing out of that form; the caller then reads it the thorough way, which says why.
/// Whatever it gives is held to the payload byte for byte by the caller, so it needs no
/// checks of its own but the ranges the thorough reader also refuses.
class CanonicalSaleReader {
public:
    explicit CanonicalSaleReader(std::string_view text) : m_t(text) {}

    std::optional<Sale> read() {
        Sale s;
        if (!lit("{\"lines\":["))
            return std::nullopt;
        if (!list([&] { return line(s); }))
            return std::nullopt;
        if (!lit(",\"payments\":["))
            return std::nullopt;
        if (!list([&] { return payment(s); }))
            return std::nullopt;
        std::int64_t ignored = 0;
        std::optional<std::string> refund_of;
        const bool ok =
            lit(",\"receipt_number\":") && integer(s.receipt_number) && lit(",\"refund_of\":") &&
            opt_text(s.refund_of) && lit(",\"rounding_ore\":") && integer(ignored) &&
            lit(",\"sale_id\":") && text(s.id) && lit(",\"shift_id\":") && text(s.shift_id) &&
            lit(",\"shop_id\":") && text(s.shop_id) && lit(",\"staff_id\":") && text(s.staff_id) &&
            lit(",\"total_ore\":") && integer(ignored) && lit(",\"training\":") &&
            boolean(s.training) && lit(",\"vat\":[") && list([&] {
                return lit("{\"gross_ore\":") && integer(ignored) && lit(",\"vat_ore\":") &&
                       integer(ignored) && lit(",\"vat_rate_bp\":") && integer(ignored) && lit("}");
            }) &&
            lit("}") && m_at == m_t.size();
        if (!ok)
            return std::nullopt;
        return s;
    }

private:
    bool line(Sale& s) {
        SaleLine l;
        std::int64_t no = 0, ignored = 0, price = 0, discount = 0, bp = 0;
        if (!lit("{\"batches\":[") || !list([&] { return batch(l); }))
            return false;
        if (!(lit(",\"description\":") && text(l.description) && lit(",\"discount_ore\":") &&
              integer(discount) && lit(",\"line_no\":") && integer(no) &&
              lit(",\"line_total_ore\":") && integer(ignored) && lit(",\"product_id\":") &&
              text(l.product_id) && lit(",\"quantity\":") && integer(l.quantity)))
            return false;
        if (lit(",\"refund_of_line_no\":")) {
            std::int64_t rl = 0;
            std::string of;
            if (!(integer(rl) && lit(",\"refund_of_sale_id\":") && text(of)) || rl < 1 ||
                rl > 100000)
                return false;
            l.refund_of_line_no = static_cast<int>(rl);
            l.refund_of_sale_id = std::move(of);
        }
        if (!(lit(",\"scanned_batch_id\":") && opt_text(l.scanned_batch_id) &&
              lit(",\"unit_price_ore\":") && integer(price) && lit(",\"vat_rate_bp\":") &&
              integer(bp) && lit("}")))
            return false;
        if (no < 1 || no > 100000 || bp < 0 || bp > 10000)
            return false;
        l.line_no = static_cast<int>(no);
        l.unit_price = Money::from_ore(price);
        l.discount = Money::from_ore(discount);
        l.vat_rate = VatRate{static_cast<std::int32_t>(bp)};
        s.lines.push_back(std::move(l));
        return true;
    }

    bool batch(SaleLine& l) {
        LineAllocation a;
        std::optional<std::string> id;
        if (!(lit("{\"allocated\":") && boolean(a.allocated) && lit(",\"batch_id\":") &&
              opt_text(id) && lit(",\"units\":") && integer(a.units) && lit("}")))
            return false;
        a.batch_id = id.value_or("");
        l.allocations.push_back(std::move(a));
        return true;
    }

    bool payment(Sale& s) {
        Payment p;
        std::int64_t amount = 0, change = 0, rounding = 0, tendered = 0;
        std::string tender;
        if (!(lit("{\"amount_ore\":") && integer(amount) && lit(",\"change_ore\":") &&
              integer(change) && lit(",\"reference\":") && text(p.reference) &&
              lit(",\"rounding_ore\":") && integer(rounding) && lit(",\"tender\":") &&
              text(tender) && lit(",\"tendered_ore\":") && integer(tendered) && lit("}")))
            return false;
        auto t = tender_from(tender);
        if (!t)
            return false;
        p.tender = *t;
        p.amount = Money::from_ore(amount);
        p.change = Money::from_ore(change);
        p.rounding = Money::from_ore(rounding);
        p.tendered = Money::from_ore(tendered);
        s.payments.push_back(std::move(p));
        return true;
    }

    /// Items separated by commas up to the closing ']' (none at all: "]" at once).
    template <class F>
    bool list(F&& item) {
        if (lit("]"))
            return true;
        for (;;) {
            if (!item())
                return false;
            if (lit("]"))
                return true;
            if (!lit(","))
                return false;
        }
    }

    bool lit(std::string_view w) {
        if (m_t.substr(m_at, w.size()) != w)
            return false;
        m_at += w.size();
        return true;
    }

    bool boolean(bool& b) {
        if (lit("true"))
            b = true;
        else if (lit("false"))
            b = false;
        else
            return false;
        return true;
    }

    /// A whole number as canonical JSON writes it (no plus, no leading zero, within int64).
    bool integer(std::int64_t& out) {
        const char* begin = m_t.data() + m_at;
        const char* end = m_t.data() + m_t.size();
        auto [next, ec] = std::from_chars(begin, end, out);
        if (ec != std::errc{} || next == begin)
            return false;
        m_at += static_cast<std::size_t>(next - begin);
        return true;
    }

    /// A string as canonical JSON reads it (shared/core): escapes decoded, valid UTF-8. An
    /// escape a till never writes is read too, and then the payload differs from what the
    /// sale writes.
    bool text(std::string& out) {
        auto s = read_json_string(m_t, m_at);
        if (!s)
            return false;
        out = std::move(*s);
        return true;
    }

    bool opt_text(std::optional<std::string>& out) {
        if (lit("null")) {
            out.reset();
            return true;
        }
        std::string t;
        if (!text(t))
            return false;
        out = std::move(t);
        return true;
    }

    std::string_view m_t;
    std::size_t m_at = 0;
};

} // namespace

Result<Sale, Message> sale_from_payload(std::string_view payload) {
    // Most payloads are exactly what a till wrote: read straight, and held to it byte for
    // byte (so the sale read is the one the payload states). Anything else, or a sale whose
    // sums do not follow, is read the thorough way below, which says what is wrong.
    try {
        // (Each string is held to valid UTF-8 as it is read, as the thorough reader's parser
        // does.)
        if (auto quick = CanonicalSaleReader(payload).read();
            quick && journaled_sale_text(*quick) == payload)
            return std::move(*quick);
    } catch (const std::exception&) {
        // Money overflow and the like: the thorough way says so.
    }
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
