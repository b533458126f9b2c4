#include "receipts/layout/sales_receipt.hpp"

#include <cstdio>

#include "shared/core/text.hpp"
#include "shared/core/vat.hpp"

namespace bl::receipts {

namespace {

using Align = TextLine::Align;

// The first n characters (code points) of UTF-8 text.
std::string utf8_prefix(const std::string& s, std::size_t n) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (count == n)
                return s.substr(0, i);
            ++count;
        }
    }
    return s;
}

std::string rule() {
    return std::string(receipt_columns, '-');
}

std::string tender_name(Tender t, const std::string& mobilepay) {
    switch (t) {
    case Tender::cash:
        return "Kontant";
    case Tender::card:
        return "Kort";
    case Tender::mobilepay:
        return mobilepay;
    }
    return "?";
}

} // namespace

std::string two_columns(const std::string& left, const std::string& right, std::size_t width) {
    const std::size_t r = utf8_length(right);
    std::string l = left;
    std::size_t ll = utf8_length(l);
    if (ll + r + 1 > width) {
        const std::size_t keep = width > r + 2 ? width - r - 2 : 0;
        l = utf8_prefix(l, keep) + "…";
        ll = keep + 1;
    }
    return l + std::string(width - ll - r, ' ') + right;
}

namespace {

std::string join_and(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += i + 1 == items.size() ? " og " : ", ";
        out += items[i];
    }
    return out;
}

std::string work_text(std::int64_t minutes) {
    const std::int64_t h = minutes / 60, m = minutes % 60;
    std::string s;
    if (h > 0)
        s += std::to_string(h) + " t";
    if (m > 0 || h == 0)
        s += (h > 0 ? " " : "") + std::to_string(m) + " min";
    return s;
}

} // namespace

std::vector<std::string> impact_lines(const ImpactBlock& b) {
    std::vector<std::string> text;
    text.push_back("Lavet i " + join_and(b.workshops));
    const std::int64_t unnamed = b.makers - static_cast<std::int64_t>(b.named.size());
    if (b.named.empty()) {
        text.push_back("af " + std::to_string(b.makers) +
                       (b.makers == 1 ? " producent" : " producenter"));
    } else {
        text.push_back("af " + join_and(b.named));
        if (unnamed > 0)
            text.push_back("+ " + std::to_string(unnamed) + (unnamed == 1 ? " anden" : " andre"));
    }
    if (b.minutes > 0)
        text.push_back("Arbejde i varerne: " + std::string(b.approximate ? "ca. " : "") +
                       work_text(b.minutes));
    text.push_back("Tal fra værkstedernes egne registreringer");
    std::vector<std::string> out;
    for (const auto& t : text)
        for (auto& l : wrap_words(t, receipt_columns))
            out.push_back(std::move(l));
    return out;
}

ReceiptText shift_report(const ShiftReportData& d) {
    ReceiptText r;
    r.created = d.printed_at;
    auto add = [&r](std::string text, Align a = Align::left, bool bold = false,
                    bool large = false) {
        r.lines.push_back({std::move(text), a, bold, large});
    };
    auto row = [&](const std::string& label, Money m) {
        add(two_columns(label, format_amount(m)));
    };
    const ShiftTotals& t = d.totals;
    add(d.shop.name, Align::centre, true, true);
    add(d.shop.address + ", " + d.shop.postcode + " " + d.shop.city, Align::centre);
    add("CVR " + d.shop.cvr, Align::centre);
    add("");
    add(d.z ? "Z-RAPPORT nr. " + std::to_string(d.z_number) : std::string("X-RAPPORT"),
        Align::centre, true, true);
    add(two_columns("Kasse: " + d.till_name, "Udskrevet af: " + d.staff_name));
    add(two_columns("Åbnet", format_copenhagen(d.opened_at)));
    add(two_columns(d.z ? "Lukket" : "Udskrevet", format_copenhagen(d.printed_at)));
    add(rule());
    add(two_columns("Salg (bonner)", std::to_string(t.sales)));
    add(two_columns("Returneringer (bonner)", std::to_string(t.refunds)));
    row("Omsætning i alt", t.gross);
    row("Heraf returneret", t.refunded);
    row("Givne rabatter", t.discounts);
    for (const auto& g : t.vat)
        row("Moms " + format_rate(g.rate) + " af " + format_amount(g.gross), g.vat);
    add(rule());
    row("Kontant", t.cash);
    row("Kort", t.card);
    row(d.mobilepay_name, t.mobilepay);
    row("Øreafrunding", t.rounding);
    add(rule());
    for (const auto& [name, amount] : t.by_seller)
        row("Ekspedient " + name, amount);
    add(rule());
    row("Byttepenge ved åbning", d.opening_float);
    row("Forventet kontant", t.expected_cash);
    if (d.counted) {
        for (const auto& [denomination, count] : d.counted_by_denomination)
            if (count > 0)
                add(two_columns("  " + std::to_string(count) + " × " + format_dkk(denomination),
                                format_amount(denomination.times(count))));
        row("Optalt kontant", *d.counted);
        row("Difference", *d.counted - t.expected_cash);
    }
    add(rule());
    row("Grand total (nulstilles aldrig)", t.grand_total);
    if (d.z) {
        r.name = "Z-" + std::to_string(d.z_number);
    } else {
        const LocalTime l = to_copenhagen(d.printed_at);
        char buf[32];
        std::snprintf(buf, sizeof buf, "X-%04d%02d%02d-%02d%02d%02d", l.year, l.month, l.day,
                      l.hour, l.minute, l.second);
        r.name = buf;
    }
    return r;
}

std::string receipt_code(int device_number, std::int64_t receipt_number, bool training) {
    return std::string(training ? "T" : "R") + std::to_string(device_number) + "-" +
           std::to_string(receipt_number);
}

ReceiptText sales_receipt(const ReceiptData& d) {
    ReceiptText r;
    r.created = d.sale.sold_at;
    auto add = [&r](std::string text, Align a = Align::left, bool bold = false,
                    bool large = false) {
        r.lines.push_back({std::move(text), a, bold, large});
    };
    const Sale& s = d.sale;
    const bool refund = s.refund_of.has_value();

    if (s.training)
        add("*** ØVELSE – IKKE EN KVITTERING ***", Align::centre, true);
    if (d.copy)
        add("*** KOPI ***", Align::centre, true, true);
    add(d.shop.name, Align::centre, true, true);
    add(d.shop.address, Align::centre);
    add(d.shop.postcode + " " + d.shop.city, Align::centre);
    add("CVR " + d.shop.cvr, Align::centre);
    add("");
    add(refund ? "RETURNERING" : "KVITTERING", Align::centre, true);
    add(two_columns("Bon nr. " + std::to_string(s.receipt_number), format_copenhagen(s.sold_at)));
    add(two_columns("Kasse: " + d.till_name, "Ekspedient: " + d.staff_name));
    if (refund && d.refund_of_number)
        add("Returnering af bon nr. " + std::to_string(*d.refund_of_number));
    add(rule());

    for (const auto& l : s.lines) {
        const Money gross = l.unit_price.times(l.quantity);
        if (l.quantity == 1) {
            add(two_columns(l.description, format_amount(gross)));
        } else {
            add(l.description);
            add(two_columns("  " + std::to_string(l.quantity) + " stk. à " +
                                format_amount(l.unit_price),
                            format_amount(gross)));
        }
        if (!l.discount.is_zero())
            add(two_columns("  Rabat", format_amount(-l.discount)));
    }
    add(rule());
    add(two_columns(refund ? "RETUR I ALT" : "I ALT", format_dkk(s.total())), Align::left, true,
        false);

    std::vector<VatLine> vat_lines;
    for (const auto& l : s.lines)
        vat_lines.push_back({l.vat_rate, l.line_total()});
    for (const auto& g : summarize_vat(vat_lines).groups) {
        if (g.rate.basis_points == 0) {
            add(two_columns("Momsfrit", format_amount(g.gross)));
        } else if (g.rate == VatRate::standard()) {
            add(two_columns("Heraf moms 25 % (20 % af " + format_amount(g.gross) + ")",
                            format_amount(g.vat)));
        } else {
            add(two_columns("Heraf moms " + format_rate(g.rate) + " af " + format_amount(g.gross),
                            format_amount(g.vat)));
        }
    }
    add("");
    Money rounding;
    for (const auto& p : s.payments) {
        add(two_columns(tender_name(p.tender, d.mobilepay_name) +
                            (p.reference.empty() ? "" : " (" + p.reference + ")"),
                        format_amount(p.amount)));
        rounding += p.rounding;
        if (p.tender == Tender::cash) {
            r.open_drawer = !d.copy; // a copy changes no money hands
            if (!p.tendered.is_zero()) {
                add(two_columns("  Modtaget", format_amount(p.tendered)));
                add(two_columns("  Byttepenge", format_amount(p.change)), Align::left, true);
            }
        }
    }
    if (!rounding.is_zero())
        add(two_columns("Øreafrunding", format_amount(rounding)));
    add("");
    for (const auto& f : d.footer)
        add(f, Align::centre);
    if (s.training)
        add("*** ØVELSE – IKKE EN KVITTERING ***", Align::centre, true);

    if (d.impact && d.impact->makers > 0 && !s.training) {
        add(rule());
        add("Bag om tingene", Align::centre, true);
        for (const auto& l : impact_lines(*d.impact))
            add(l, Align::centre);
    }

    r.barcode = receipt_code(d.device_number, s.receipt_number, s.training);
    r.name = *r.barcode + (d.copy ? "-kopi" : "");
    if (!refund) // a refund receipt is not kept for another exchange
        r.after_barcode.push_back({"Gem bonen til bytte og retur", Align::centre, false, false});
    return r;
}

} // namespace bl::receipts
