#include "pos/model/cart.hpp"

#include <algorithm>
#include <numeric>

#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"

namespace bl::pos {

Money Discount::of(Money gross) const {
    if (gross.ore() <= 0)
        return Money{};
    switch (kind) {
    case Kind::none:
        return Money{};
    case Kind::percent: {
        const std::int64_t num = checked_mul(gross.ore(), value);
        return Money::from_ore(std::min(gross.ore(), (num + 5000) / 10000));
    }
    case Kind::amount:
        return Money::from_ore(std::min(gross.ore(), value));
    }
    return Money{};
}

Result<Discount, Message> parse_discount(const std::string& typed) {
    std::string t = typed;
    while (!t.empty() && (t.back() == ' '))
        t.pop_back();
    if (!t.empty() && t.back() == '%') {
        t.pop_back();
        // Per cent with up to two decimals, read as an amount of "kroner" = whole per cent.
        auto p = parse_money(t);
        if (!p || p.value().is_negative())
            return err(Message(BL_N_("\"%s\" is not a discount. Type for example 10 %% or "
                                     "20 kr."),
                               {typed.substr(0, 20)}));
        return Discount::percent(p.value().ore()); // 10,00 % = 1000 basis points
    }
    auto m = parse_money(t);
    if (!m)
        return err(Message(BL_N_("\"%s\" is not a discount. Type for example 10 %% or 20 kr."),
                           {typed.substr(0, 20)}));
    return Discount::amount(m.value());
}

namespace {

Problem check_quantity(std::int64_t q) {
    if (q <= 0)
        return Message(BL_N_("The quantity must be at least 1. To take an item off, remove "
                             "the line."));
    if (q > max_quantity)
        return Message(BL_N_("%s is more than the till takes on one line (at most 9999). "
                             "Check the quantity."),
                       {std::to_string(q)});
    return std::nullopt;
}

Message no_such_line(std::size_t line) {
    if (line == no_line)
        return Message(BL_N_("Choose a line in the cart first."));
    return Message(BL_N_("That line is no longer in the cart."));
}

} // namespace

Result<std::size_t, Message> Cart::scan(const std::string& input, CatalogueLookup& catalogue,
                                        std::int64_t quantity) {
    if (auto p = check_quantity(quantity))
        return err(*p);
    auto code = classify_barcode(input);
    if (!code)
        return err(code.error());
    std::optional<Product> product;
    std::optional<std::string> batch_id;
    if (code.value().kind == BarcodeKind::batch_label) {
        auto batch = catalogue.batch_by_label(code.value().code);
        if (!batch)
            return err(Message(BL_N_("The batch label %s is not known at this till yet. Scan "
                                     "the item's own barcode or search for it by name."),
                               {code.value().code}));
        product = catalogue.product_by_id(batch->product_id);
        batch_id = batch->id;
    } else {
        product = catalogue.product_by_barcode(code.value().code);
    }
    if (!product)
        return err(Message(BL_N_("The barcode %s is not in the catalogue. Search for the item "
                                 "by name instead."),
                           {code.value().code}));
    if (!product->active)
        return err(Message(BL_N_("\"%s\" is no longer sold. Ask an organiser before selling "
                                 "it."),
                           {product->name}));
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        CartLine& l = m_lines[i];
        if (l.product.id == product->id && l.batch_id == batch_id && !l.price_overridden) {
            if (auto p = check_quantity(l.quantity + quantity))
                return err(*p);
            l.quantity += quantity;
            return i;
        }
    }
    CartLine l;
    l.product = *product;
    l.quantity = quantity;
    l.unit_price = product->price;
    l.batch_id = batch_id;
    if (batch_id)
        l.batch_label = code.value().code;
    m_lines.push_back(std::move(l));
    return m_lines.size() - 1;
}

Result<std::size_t, Message> Cart::add(const Product& product, std::int64_t quantity) {
    if (auto p = check_quantity(quantity))
        return err(*p);
    if (!product.active)
        return err(Message(BL_N_("\"%s\" is no longer sold. Ask an organiser before selling "
                                 "it."),
                           {product.name}));
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        CartLine& l = m_lines[i];
        if (l.product.id == product.id && !l.batch_id && !l.price_overridden) {
            if (auto p = check_quantity(l.quantity + quantity))
                return err(*p);
            l.quantity += quantity;
            return i;
        }
    }
    CartLine l;
    l.product = product;
    l.quantity = quantity;
    l.unit_price = product.price;
    m_lines.push_back(std::move(l));
    return m_lines.size() - 1;
}

Problem Cart::set_quantity(std::size_t line, std::int64_t quantity) {
    if (line >= m_lines.size())
        return no_such_line(line);
    if (auto p = check_quantity(quantity))
        return p;
    m_lines[line].quantity = quantity;
    return std::nullopt;
}

Problem Cart::increment(std::size_t line) {
    if (line >= m_lines.size())
        return no_such_line(line);
    return set_quantity(line, m_lines[line].quantity + 1);
}

Problem Cart::decrement(std::size_t line) {
    if (line >= m_lines.size())
        return no_such_line(line);
    if (m_lines[line].quantity == 1)
        return Message(BL_N_("There is only one. To take it off, remove the line."));
    return set_quantity(line, m_lines[line].quantity - 1);
}

Problem Cart::remove(std::size_t line) {
    if (line >= m_lines.size())
        return no_such_line(line);
    m_lines.erase(m_lines.begin() + static_cast<std::ptrdiff_t>(line));
    return std::nullopt;
}

Problem Cart::check_discount(Money gross, const Discount& d, const Permissions& who) const {
    if (d.kind == Discount::Kind::percent && (d.value <= 0 || d.value > 10000))
        return Message(BL_N_("A discount in per cent must be more than 0 and at most 100."));
    if (d.kind == Discount::Kind::amount && d.value <= 0)
        return Message(BL_N_("A discount must be more than 0 kr."));
    if (d.kind == Discount::Kind::amount && d.value > gross.ore())
        return Message(BL_N_("A discount of %s is more than the amount it is taken from (%s)."),
                       {format_dkk(Money::from_ore(d.value)), format_dkk(gross)});
    if (d.of(gross) > who.discount_limit && !role_at_least(who.role, StaffRole::organiser))
        return Message(BL_N_("A discount above %s needs an organiser's approval."),
                       {format_dkk(who.discount_limit)});
    return std::nullopt;
}

Problem Cart::set_line_discount(std::size_t line, Discount d, const Permissions& who) {
    if (line >= m_lines.size())
        return no_such_line(line);
    if (d.kind != Discount::Kind::none)
        if (auto p = check_discount(m_lines[line].gross(), d, who))
            return p;
    m_lines[line].discount = d;
    return std::nullopt;
}

Problem Cart::set_basket_discount(Discount d, const Permissions& who) {
    if (d.kind != Discount::Kind::none) {
        if (m_lines.empty())
            return Message(BL_N_("The sale has no items. Scan or choose an item first."));
        Money subtotal;
        for (const auto& l : m_lines)
            subtotal += l.net();
        if (auto p = check_discount(subtotal, d, who))
            return p;
    }
    m_basket = d;
    return std::nullopt;
}

Problem Cart::override_price(std::size_t line, Money price, const Permissions& who) {
    if (line >= m_lines.size())
        return no_such_line(line);
    if (!role_at_least(who.role, StaffRole::organiser))
        return Message(BL_N_("Only an organiser can change a price. Ask an organiser to "
                             "approve it with their PIN."));
    if (price.ore() <= 0)
        return Message(BL_N_("A price must be more than 0 kr. To give the item away, use a "
                             "discount."));
    if (price.ore() > max_typed_ore)
        return Message(BL_N_("The price %s is too high for the till."), {format_dkk(price)});
    m_lines[line].unit_price = price;
    m_lines[line].price_overridden = price != m_lines[line].product.price;
    return std::nullopt;
}

void Cart::clear() {
    m_lines.clear();
    m_basket = {};
}

namespace {
__extension__ typedef __int128 wide; // GCC and Clang
} // namespace

std::vector<SaleLine> Cart::sale_lines() const {
    std::vector<SaleLine> out;
    Money subtotal;
    for (const auto& l : m_lines)
        subtotal += l.net();
    const Money basket = m_basket.of(subtotal);
    // Largest remainder: each line gets floor(basket * net / subtotal); the øre left over go
    // to the lines with the largest remainders, earliest line first on a tie.
    std::vector<std::int64_t> share(m_lines.size(), 0);
    if (basket.ore() > 0 && subtotal.ore() > 0) {
        std::vector<std::pair<std::int64_t, std::size_t>> rest;
        std::int64_t given = 0;
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            // basket x net in 128 bits: both can be billions of øre (the product overflowed
            // 64 bits from about 30 million kroner); the share and the remainder are each
            // smaller than the basket discount and the subtotal, so they fit again.
            const wide num = static_cast<wide>(basket.ore()) * m_lines[i].net().ore();
            share[i] = static_cast<std::int64_t>(num / subtotal.ore());
            given += share[i];
            rest.push_back({static_cast<std::int64_t>(num % subtotal.ore()), i});
        }
        std::stable_sort(rest.begin(), rest.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t k = 0; given < basket.ore(); ++k, ++given)
            ++share[rest[k % rest.size()].second];
    }
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const CartLine& l = m_lines[i];
        SaleLine s;
        s.product_id = l.product.id;
        s.description = l.product.name;
        s.scanned_batch_id = l.batch_id;
        s.quantity = l.quantity;
        s.unit_price = l.unit_price;
        s.discount = l.discount_amount() + Money::from_ore(share[i]);
        s.vat_rate = l.product.vat_rate;
        out.push_back(std::move(s));
    }
    return out;
}

CartTotals Cart::totals() const {
    CartTotals t;
    Money subtotal;
    for (const auto& l : m_lines) {
        t.gross += l.gross();
        t.line_discounts += l.discount_amount();
        subtotal += l.net();
        t.items += l.quantity;
    }
    t.basket_discount = m_basket.of(subtotal);
    t.total = subtotal - t.basket_discount;
    std::vector<VatLine> vat;
    for (const auto& s : sale_lines())
        vat.push_back({s.vat_rate, s.line_total()});
    t.vat = summarize_vat(vat);
    return t;
}

} // namespace bl::pos
