#include "pos/model/selling_flow.hpp"

#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"
#include "shared/rules/catalogue_look.hpp"

namespace bl::pos {

SellingFlow::SellingFlow(TillContext& till) : m_till(till) {}

template <class Change>
void SellingFlow::change(Change&& apply) {
    Cart* cart = m_till.cart_to_change();
    if (!cart)
        return;
    if (std::optional<Message> problem = apply(*cart))
        m_till.say(*problem);
    else
        m_till.views.messages.clear(); // done: what was said before is stale
    m_till.refresh_sale();
}

namespace {

bool all_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

} // namespace

TypedEntry read_typed(const std::string& text) {
    TypedEntry t;
    std::string s = text;
    auto trim = [](std::string& x) {
        while (!x.empty() && (x.front() == ' '))
            x.erase(x.begin());
        while (!x.empty() && (x.back() == ' ' || x.back() == '\r' || x.back() == '\n'))
            x.pop_back();
    };
    trim(s);
    const auto star = s.find('*');
    if (star != std::string::npos) {
        std::string count = s.substr(0, star);
        trim(count);
        const auto q = parse_whole_number(count);
        t.valid = all_digits(count) && q && *q >= 1 && *q <= max_quantity;
        if (t.valid)
            t.quantity = *q;
        s = s.substr(star + 1);
        trim(s);
    }
    t.rest = s;
    return t;
}

void SellingFlow::set_next_quantity(std::int64_t quantity) {
    m_next_quantity = quantity;
    m_till.views.sale.show_next_quantity(quantity);
}

void SellingFlow::cancel_quantity() {
    m_typed_quantity.reset();
    set_next_quantity(1);
}

void SellingFlow::enter(const std::string& text) {
    if (m_till.need_login())
        return;
    m_typed_quantity.reset(); // the field is emptied by Enter
    const TypedEntry t = read_typed(text);
    if (!t.valid) {
        m_till.say(Message(BL_N_("\"%s\" is not a quantity. Type a whole number from 1 to 9999, "
                                 "then * and the item, for example 3*."),
                           {echo_input(text)}));
        return;
    }
    const std::int64_t quantity = t.quantity.value_or(m_next_quantity);
    if (t.rest.empty() && t.quantity) { // "3*": for the next item, scanned or chosen
        set_next_quantity(quantity);
        return;
    }
    bool digits = true;
    for (char c : t.rest)
        digits = digits && ((c >= '0' && c <= '9') || c == ' ');
    if (digits) { // a barcode (or an empty Enter, which scan() explains)
        add_scanned(t.rest, quantity);
        return;
    }
    const auto found = m_till.ports.catalogue.search(t.rest);
    m_till.views.sale.show_search_results(found);
    if (found.empty()) {
        m_till.say(Message(BL_N_("No item is called \"%s\". Try part of the name."),
                           {echo_input(t.rest)}));
    } else if (found.size() == 1) {
        add_found(found.front(), quantity); // the only match: no need to choose it
    } else {
        m_till.views.messages.clear(); // "no item called ..." is stale now
        set_next_quantity(quantity);   // for the tile that is chosen
    }
}

void SellingFlow::type_ahead(const std::string& text) {
    if (!m_till.state.staff || !std::holds_alternative<Selling>(m_till.state.mode))
        return;
    const TypedEntry t = read_typed(text);
    if (!t.valid)
        return; // said on Enter
    m_typed_quantity = t.quantity;
    m_till.views.sale.show_next_quantity(t.quantity.value_or(m_next_quantity));
    if (all_digits(t.rest)) {
        // A whole 13-digit code typed by hand adds itself once it names an item; shorter
        // codes may still be the start of one, so they wait for Enter.
        if (t.rest.size() != 13 || !classify_barcode(t.rest))
            return;
        Catalogue& c = m_till.ports.catalogue;
        if (!c.product_by_barcode(t.rest) && !c.batch_by_label(t.rest))
            return;
        add_scanned(t.rest, t.quantity.value_or(m_next_quantity));
        m_typed_quantity.reset();
        m_till.views.sale.clear_typed();
        return;
    }
    if (utf8_length(t.rest) < 2)
        return;
    const auto found = m_till.ports.catalogue.search(t.rest);
    m_till.views.sale.show_search_results(found);
    if (!found.empty())
        m_till.views.messages.clear();
}

void SellingFlow::scan(const std::string& code) {
    add_scanned(code, 1);
}

void SellingFlow::add_scanned(const std::string& code, std::int64_t quantity) {
    bool added = false;
    change([&](Cart& cart) -> std::optional<Message> {
        auto r = cart.scan(code, m_till.ports.catalogue, quantity);
        added = r.ok();
        return r ? std::nullopt : std::optional<Message>(r.error());
    });
    if (added && (m_next_quantity != 1 || m_typed_quantity)) {
        m_typed_quantity.reset();
        set_next_quantity(1);
    }
}

void SellingFlow::add_found(const Product& product, std::int64_t quantity) {
    bool added = false;
    change([&](Cart& cart) -> std::optional<Message> {
        auto r = cart.add(product, quantity);
        added = r.ok();
        return r ? std::nullopt : std::optional<Message>(r.error());
    });
    if (added && (m_next_quantity != 1 || m_typed_quantity)) {
        m_typed_quantity.reset();
        set_next_quantity(1);
    }
}

void SellingFlow::add_product(const std::string& product_id) {
    auto p = m_till.ports.catalogue.product_by_id(product_id);
    if (!p) {
        change([](Cart&) -> std::optional<Message> {
            return Message(BL_N_("That item no longer exists in the catalogue."));
        });
        return;
    }
    const bool typed = m_typed_quantity.has_value();
    add_found(*p, m_typed_quantity.value_or(m_next_quantity));
    if (typed && !m_typed_quantity) // "3*" in the scan field went with this item
        m_till.views.sale.clear_typed();
}

void SellingFlow::increment(std::size_t line) {
    change([&](Cart& cart) { return cart.increment(line); });
}

void SellingFlow::decrement(std::size_t line) {
    change([&](Cart& cart) { return cart.decrement(line); });
}

void SellingFlow::remove(std::size_t line) {
    Cart* cart = m_till.cart_to_change();
    if (!cart)
        return;
    if (line < cart->lines().size() && cart->lines()[line].quantity > 1) {
        // Several units go at once: asked first.
        const CartLine& l = cart->lines()[line];
        m_till.views.messages.ask(
            Message(BL_N_("Remove all %s of \"%s\" from the cart?"),
                    {std::to_string(l.quantity), l.product.name}),
            Message(BL_N_("Yes, remove them")),
            [this, line, id = l.product.id, quantity = l.quantity] {
                change([&](Cart& c) -> std::optional<Message> {
                    // Still the same line? The cart may have changed meanwhile.
                    if (line >= c.lines().size() || c.lines()[line].product.id != id ||
                        c.lines()[line].quantity != quantity)
                        return Message(BL_N_("That line has changed. Choose it again."));
                    return c.remove(line);
                });
            });
        return;
    }
    change([&](Cart& c) { return c.remove(line); });
}

void SellingFlow::set_quantity(std::size_t line, const std::string& typed) {
    change([&](Cart& cart) -> std::optional<Message> {
        // Digits only: "-1" or "2,5" is not a count of items.
        const bool digits = !typed.empty() && typed.size() <= 6 &&
                            typed.find_first_not_of("0123456789") == std::string::npos;
        if (!digits)
            return Message(BL_N_("\"%s\" is not a quantity. Type a whole number, for example 2."),
                           {typed.substr(0, 20)});
        return cart.set_quantity(line, *parse_whole_number(typed));
    });
}

template <class Discount>
void SellingFlow::discount(Discount&& set, std::function<void()> retry) {
    bool ask = false;
    Message why;
    change([&](Cart& cart) -> std::optional<Message> {
        const Permissions who = m_till.permissions();
        Cart next = cart;
        auto problem = set(next, who);
        if (problem && !role_at_least(who.role, StaffRole::organiser)) {
            // Too large for staff: if an organiser could give it, one is asked on the spot.
            Cart as_organiser = cart;
            Permissions organiser = who;
            organiser.role = StaffRole::organiser;
            ask = !set(as_organiser, organiser);
            why = *problem;
        }
        if (!problem) {
            cart = std::move(next);
            m_till.state.approver.reset(); // an approval covers one action
        }
        return ask ? std::nullopt : problem;
    });
    if (ask && !m_till.ask_approval(why, std::move(retry)))
        m_till.say(why);
}

void SellingFlow::discount_line(std::size_t line, const std::string& typed) {
    auto d = parse_discount(typed);
    if (!d) {
        change([&](Cart&) { return std::optional<Message>(d.error()); });
        return;
    }
    discount([&](Cart& cart,
                 const Permissions& who) { return cart.set_line_discount(line, d.value(), who); },
             [this, line, typed] { discount_line(line, typed); });
}

void SellingFlow::discount_basket(const std::string& typed) {
    auto d = parse_discount(typed);
    if (!d) {
        change([&](Cart&) { return std::optional<Message>(d.error()); });
        return;
    }
    discount([&](Cart& cart,
                 const Permissions& who) { return cart.set_basket_discount(d.value(), who); },
             [this, typed] { discount_basket(typed); });
}

void SellingFlow::override_price(std::size_t line, const std::string& typed) {
    if (m_till.state.staff && !role_at_least(m_till.effective_role(), StaffRole::organiser)) {
        Cart* cart = m_till.cart_to_change();
        if (!cart)
            return;
        if (line < cart->lines().size() &&
            m_till.ask_approval(Message(BL_N_("Only an organiser can change a price.")),
                                [this, line, typed] { override_price(line, typed); }))
            return; // asked on the spot; it goes ahead once approved
    }
    change([&](Cart& cart) -> std::optional<Message> {
        auto price = parse_money(typed);
        if (!price)
            return price.error();
        // Tried on a copy: the new price applies only once the journal has it.
        Cart next = cart;
        if (auto problem = next.override_price(line, price.value(), m_till.permissions()))
            return problem;
        if (auto problem = m_till.ports.journal.journal(
                m_till.state.staff->id, JournalKind::price_override,
                JsonObject{{"product_id", cart.lines()[line].product.id},
                           {"old_price_ore", cart.lines()[line].unit_price.ore()},
                           {"new_price_ore", price.value().ore()}}))
            return problem;
        m_till.state.approver.reset();
        cart = std::move(next);
        return std::nullopt;
    });
}

void SellingFlow::abort_sale() {
    Cart* cart = m_till.cart_to_change();
    if (!cart || cart->empty())
        return;
    const std::int64_t items = cart->totals().items;
    m_till.views.messages.ask(
        Message::plural(BL_NP_("Empty the cart with %s item?", "Empty the cart with %s items?"),
                        items, {std::to_string(items)}),
        Message(BL_N_("Yes, empty it")), [this] { empty_cart(); });
}

void SellingFlow::empty_cart() {
    change([&](Cart& cart) -> std::optional<Message> {
        if (cart.empty())
            return std::nullopt;
        // Emptying a cart with goods in it is journaled, as cash registers must.
        if (auto problem = m_till.ports.journal.journal(
                m_till.state.staff->id, JournalKind::sale_aborted,
                JsonObject{{"total_ore", cart.totals().total.ore()},
                           {"lines", static_cast<std::int64_t>(cart.lines().size())}}))
            return problem;
        cart.clear();
        return std::nullopt;
    });
}

void SellingFlow::park() {
    Cart* cart = m_till.cart_to_change();
    if (!cart)
        return;
    if (cart->empty()) {
        m_till.say(Message(BL_N_("The sale has no items. Scan or choose an item first.")));
        return;
    }
    m_till.state.parked.push_back(std::move(*cart));
    cart->clear();
    m_till.views.sale.show_parked(m_till.state.parked.size());
    m_till.refresh_sale();
}

void SellingFlow::resume() {
    Cart* cart = m_till.cart_to_change();
    if (!cart)
        return;
    auto& parked = m_till.state.parked;
    if (parked.empty()) {
        m_till.say(Message(BL_N_("No sale is parked.")));
        return;
    }
    if (!cart->empty()) {
        m_till.say(Message(BL_N_("Park or finish the current sale first.")));
        return;
    }
    *cart = std::move(parked.front());
    parked.erase(parked.begin());
    m_till.views.sale.show_parked(parked.size());
    m_till.refresh_sale();
}

void SellingFlow::back_to_sale() {
    // An approval not used for what it was given for does not stay for something else.
    m_till.state.approver.reset();
    m_till.show_sale();
}

void SellingFlow::open_menu() {
    if (m_till.need_login())
        return;
    m_till.views.menu.show_menu(m_till.organiser_actions(), m_till.state.training);
}

} // namespace bl::pos

namespace bl::pos {

std::map<std::string, std::string> TileSource::category_colours() {
    std::map<std::string, std::string> out;
    for (const auto& [category, key] : m_catalogue.category_colours())
        if (auto c = category_colour(key))
            out.emplace(category, std::string(c->hex));
    return out;
}

std::vector<TileLook> TileSource::looks(const std::vector<Product>& products) {
    const auto colours = category_colours();
    const auto pictures = m_catalogue.picture_versions();
    std::vector<TileLook> out;
    out.reserve(products.size());
    for (const auto& p : products) {
        TileLook look;
        if (auto c = colours.find(p.category); c != colours.end())
            look.colour = c->second;
        if (auto v = pictures.find(p.id); v != pictures.end())
            look.picture = v->second;
        out.push_back(std::move(look));
    }
    return out;
}

} // namespace bl::pos
