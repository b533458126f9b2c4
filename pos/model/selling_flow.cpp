#include "pos/model/selling_flow.hpp"

#include "shared/core/text.hpp"

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

void SellingFlow::enter(const std::string& text) {
    if (m_till.need_login())
        return;
    bool digits = true;
    for (char c : text)
        digits = digits && ((c >= '0' && c <= '9') || c == ' ');
    if (digits) { // a barcode (or an empty Enter, which scan() explains)
        scan(text);
        return;
    }
    const auto found = m_till.ports.catalogue.search(text);
    m_till.views.sale.show_search_results(found);
    if (found.empty())
        m_till.say(Message(BL_N_("No item is called \"%s\". Try part of the name."), {text}));
    else
        m_till.views.messages.clear(); // "no item called ..." is stale now
}

void SellingFlow::scan(const std::string& code) {
    change([&](Cart& cart) -> std::optional<Message> {
        auto r = cart.scan(code, m_till.ports.catalogue);
        return r ? std::nullopt : std::optional<Message>(r.error());
    });
}

void SellingFlow::add_product(const std::string& product_id) {
    change([&](Cart& cart) -> std::optional<Message> {
        auto p = m_till.ports.catalogue.product_by_id(product_id);
        if (!p)
            return Message(BL_N_("That item no longer exists in the catalogue."));
        auto r = cart.add(*p);
        return r ? std::nullopt : std::optional<Message>(r.error());
    });
}

void SellingFlow::increment(std::size_t line) {
    change([&](Cart& cart) { return cart.increment(line); });
}

void SellingFlow::decrement(std::size_t line) {
    change([&](Cart& cart) { return cart.decrement(line); });
}

void SellingFlow::remove(std::size_t line) {
    change([&](Cart& cart) { return cart.remove(line); });
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

void SellingFlow::discount_line(std::size_t line, const std::string& typed) {
    change([&](Cart& cart) -> std::optional<Message> {
        auto d = parse_discount(typed);
        if (!d)
            return d.error();
        auto problem = cart.set_line_discount(line, d.value(), m_till.permissions());
        if (!problem)
            m_till.state.approver.reset(); // an approval covers one action
        return problem;
    });
}

void SellingFlow::discount_basket(const std::string& typed) {
    change([&](Cart& cart) -> std::optional<Message> {
        auto d = parse_discount(typed);
        if (!d)
            return d.error();
        auto problem = cart.set_basket_discount(d.value(), m_till.permissions());
        if (!problem)
            m_till.state.approver.reset();
        return problem;
    });
}

void SellingFlow::override_price(std::size_t line, const std::string& typed) {
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
    m_till.show_sale();
}

void SellingFlow::open_menu() {
    if (m_till.need_login())
        return;
    m_till.views.menu.show_menu(m_till.organiser_actions(), m_till.state.training);
}

} // namespace bl::pos
