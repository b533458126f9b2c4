#include "pos/model/cart_text.hpp"

#include <algorithm>

#include "shared/core/text.hpp"

namespace bl::pos {

namespace {

constexpr std::string_view saved_header = "bundlinje-cart 1";

// Ids and label codes: letters, digits and '-' only, so the ';' and line breaks of the
// format never need quoting.
bool plain(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '-';
    });
}

std::optional<Discount> read_discount(std::string_view kind, std::string_view value) {
    const auto k = parse_whole_number(kind);
    const auto v = parse_whole_number(value);
    if (!k || !v || *k < 0 || *k > 2 || *v < 0)
        return std::nullopt;
    const auto d = Discount{static_cast<Discount::Kind>(*k), *v};
    if (d.kind == Discount::Kind::percent && d.value > 10000)
        return std::nullopt;
    return d;
}

} // namespace

std::string save_cart(const Cart& cart) {
    if (cart.m_lines.empty())
        return {};
    std::string out(saved_header);
    out += "\nbasket;" + std::to_string(static_cast<int>(cart.m_basket.kind)) + ";" +
           std::to_string(cart.m_basket.value);
    for (const auto& l : cart.m_lines)
        out += "\nline;" + l.product.id + ";" + std::to_string(l.quantity) + ";" +
               l.batch_id.value_or("") + ";" + l.batch_label.value_or("") + ";" +
               std::to_string(l.unit_price.ore()) + ";" + (l.price_overridden ? "1" : "0") + ";" +
               std::to_string(static_cast<int>(l.discount.kind)) + ";" +
               std::to_string(l.discount.value);
    return out;
}

Cart restore_cart(std::string_view saved, CatalogueLookup& catalogue, std::size_t& dropped) {
    Cart cart;
    dropped = 0;
    if (saved.empty())
        return cart;
    const auto rows = split(saved, '\n');
    if (rows.front() != saved_header) {
        dropped = rows.size();
        return cart;
    }
    // What the lines add up to before discounts: a text no till wrote (a price above what the
    // till takes, lines beyond any sale) would make the cart's totals overflow at every start.
    std::int64_t gross = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto f = split(rows[i], ';');
        if (f.size() == 3 && f[0] == "basket") {
            if (auto d = read_discount(f[1], f[2]))
                cart.m_basket = *d;
            continue;
        }
        const auto quantity = f.size() == 9 ? parse_whole_number(f[2]) : std::nullopt;
        const auto price = f.size() == 9 ? parse_whole_number(f[5]) : std::nullopt;
        const auto discount = f.size() == 9 ? read_discount(f[7], f[8]) : std::nullopt;
        const bool readable = f.size() == 9 && f[0] == "line" && !f[1].empty() && plain(f[1]) &&
                              plain(f[3]) && plain(f[4]) && quantity && *quantity >= 1 &&
                              *quantity <= max_quantity && price && *price >= 0 &&
                              *price <= max_typed_ore && (f[6] == "0" || f[6] == "1") && discount &&
                              gross + *price * *quantity <= max_kept_ore;
        auto product = readable ? catalogue.product_by_id(std::string(f[1])) : std::nullopt;
        if (!product) {
            ++dropped;
            continue;
        }
        gross += *price * *quantity;
        CartLine l;
        l.product = std::move(*product);
        l.quantity = *quantity;
        if (!f[3].empty())
            l.batch_id = std::string(f[3]);
        if (!f[4].empty())
            l.batch_label = std::string(f[4]);
        l.unit_price = Money::from_ore(*price);
        l.price_overridden = f[6] == "1";
        l.discount = *discount;
        cart.m_lines.push_back(std::move(l));
    }
    if (cart.m_lines.empty())
        cart.m_basket = Discount::none();
    return cart;
}

} // namespace bl::pos
