#include "pos/model/cart_keeper.hpp"

#include "pos/model/cart_text.hpp"
#include "pos/model/till_context.hpp"
#include "shared/core/text.hpp"

namespace bl::pos {

CartKeeper::CartKeeper(KeptCartStore& store, CatalogueLookup& catalogue, MessageView& messages)
    : m_store(store), m_catalogue(catalogue), m_messages(messages) {}

void CartKeeper::restore(TillState& state) {
    m_kept = m_store.kept_carts();
    std::size_t dropped = 0, lines_dropped = 0;
    // The open cart's text carries its part payments as lines of their own.
    std::string cart_text, payments_text;
    for (const std::string_view line : split(m_kept.open, '\n')) {
        std::string& into = is_saved_payment(line) ? payments_text : cart_text;
        (into += into.empty() ? "" : "\n") += line;
    }
    state.cart = restore_cart(cart_text, m_catalogue, lines_dropped);
    dropped += lines_dropped;
    std::vector<Payment> taken;
    if (!state.cart.empty()) {
        taken = restore_payments(payments_text, lines_dropped);
        dropped += lines_dropped;
    }
    state.mode = Selling{taken};
    state.parked.clear();
    for (const auto& saved : m_kept.parked) {
        Cart c = restore_cart(saved, m_catalogue, lines_dropped);
        dropped += lines_dropped;
        if (!c.empty())
            state.parked.push_back(std::move(c));
    }
    if (!state.cart.empty() || !state.parked.empty() || dropped > 0) {
        std::int64_t items = 0;
        for (const auto& l : state.cart.lines())
            items += l.quantity;
        const std::string in_open = std::to_string(items);
        const std::string parked = std::to_string(state.parked.size());
        m_news.push_back(
            dropped == 0
                ? Message(BL_N_("Sales not yet paid when the till stopped are back (items in "
                                "the open sale: %s; parked sales: %s)."),
                          {in_open, parked})
                : Message(BL_N_("Sales not yet paid when the till stopped are back (items in "
                                "the open sale: %s; parked sales: %s). Lines that could not be "
                                "brought back because their items are no longer in the "
                                "catalogue: %s."),
                          {in_open, parked, std::to_string(dropped)}));
    }
    if (!taken.empty()) {
        Money paid;
        for (const auto& p : taken)
            paid += p.amount;
        // Money: said last, so it is what stays on screen.
        m_news.push_back(Message(BL_N_("%s of the open sale was already paid before the till "
                                       "stopped. It counts when you press Pay."),
                                 {format_dkk(paid)}));
    }
}

void CartKeeper::keep(const TillState& state) {
    if (state.training)
        return; // practice sales are not kept
    KeptCarts now;
    now.open = save_cart(state.cart);
    const std::vector<Payment>* taken = nullptr;
    if (const auto* s = std::get_if<Selling>(&state.mode))
        taken = &s->taken;
    else if (const auto* p = std::get_if<Paying>(&state.mode))
        taken = &p->tender.payments();
    if (!now.open.empty() && taken && !taken->empty())
        now.open += "\n" + save_payments(*taken);
    for (const auto& c : state.parked)
        now.parked.push_back(save_cart(c));
    if (now == m_kept)
        return;
    if (auto problem = m_store.keep_carts(now)) {
        if (!m_failing) // said once, not on every scan until it works again
            m_messages.show_problem(*problem);
        m_failing = true;
        return;
    }
    m_failing = false;
    m_kept = now;
}

void CartKeeper::sold() {
    m_kept.open.clear();
}

std::vector<Message> CartKeeper::take_news() {
    return std::exchange(m_news, {});
}

} // namespace bl::pos
