#pragma once
// The receipt the printer and PDF tests print: Vielgut Studio, three lines (a discount and a
// VAT-free donation among them), paid in cash or on card.

#include "receipts/layout/sales_receipt.hpp"

namespace test {

inline bl::receipts::ReceiptData sample_receipt(bool cash) {
    bl::receipts::ReceiptData d;
    d.shop = {"", "Vielgut Studio", "Jernbanegade 12", "6000", "Kolding", "12345674"};
    d.till_name = "Kasse 1";
    d.staff_name = "Søren";
    d.sale.receipt_number = 42;
    d.sale.sold_at = *bl::parse_utc("2026-11-27T13:35:00Z");
    bl::SaleLine a;
    a.description = "Æblekage-fad, blå glasur";
    a.quantity = 1;
    a.unit_price = bl::Money::from_ore(24900);
    a.vat_rate = bl::VatRate::standard();
    bl::SaleLine b;
    b.description = "Grydelapper, 2 stk.";
    b.quantity = 2;
    b.unit_price = bl::Money::from_ore(9900);
    b.discount = bl::Money::from_ore(1980);
    b.vat_rate = bl::VatRate::standard();
    bl::SaleLine c;
    c.description = "Bidrag til værkstedernes materialer";
    c.quantity = 1;
    c.unit_price = bl::Money::from_ore(2000);
    c.vat_rate = bl::VatRate::zero();
    d.sale.lines = {a, b, c};
    const bl::Money total = d.sale.total(); // 249 + 198 - 19,80 + 20 = 447,20
    bl::Payment p;
    if (cash) {
        p.tender = bl::Tender::cash;
        p.amount = bl::Money::from_ore(44700);
        p.rounding = bl::Money::from_ore(44700) - total;
        p.tendered = bl::Money::from_kroner(500);
        p.change = bl::Money::from_ore(5300);
    } else {
        p.tender = bl::Tender::card;
        p.amount = total;
        p.reference = "Nets 4711";
    }
    d.sale.payments = {p};
    d.footer = {"Tak for dit køb – og for at støtte værkstederne"};
    return d;
}

} // namespace test
