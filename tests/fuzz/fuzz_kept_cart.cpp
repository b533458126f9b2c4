// The kept-cart text (table kept_cart: the open cart with its part payments, and the parked
// carts) on any bytes, read back as the till does at its first start (CartKeeper::restore):
// never a crash or an exception (the till reads it before anyone can act, so a throw would
// stop it at every start); every cart that comes back is one the till could have made (each
// line 1 to 9,999 units, a price and a discount it accepts, totals that can be computed);
// what comes back and is kept again (CartKeeper::keep) reads back to the very same carts with
// nothing dropped; and the messages said about it are valid UTF-8.
//
// The input: the open cart's text, then each parked cart's, separated by NUL bytes. Any
// product id that is plain text exists in the fake catalogue, but for ids starting with "gone".
#include <string>
#include <string_view>
#include <vector>

#include "fuzz.hpp"
#include "pos/model/cart_keeper.hpp"
#include "pos/model/cart_text.hpp"
#include "pos/model/tender.hpp"
#include "pos/model/till_context.hpp"
#include "shared/core/text.hpp"

namespace {

using namespace bl;
using namespace bl::pos;

struct FakeCatalogue : CatalogueLookup {
    std::optional<Product> product_by_barcode(const std::string&) override { return {}; }
    std::optional<Product> product_by_id(const std::string& id) override {
        if (id.rfind("gone", 0) == 0)
            return std::nullopt;
        Product p;
        p.id = id;
        p.name = "Krus med hank";
        p.price = Money::from_ore(18900);
        p.barcode = "5790099000375";
        return p;
    }
    std::optional<Batch> batch_by_label(const std::string&) override { return {}; }
};

struct Kept : KeptCartStore {
    KeptCarts carts;
    std::optional<Message> keep_carts(const KeptCarts& c) override {
        carts = c;
        return std::nullopt;
    }
    KeptCarts kept_carts() override { return carts; }
};

struct Messages : MessageView {
    std::vector<Message> said;
    void show_problem(const Message& m) override { said.push_back(m); }
    void show_news(const Message& m) override { said.push_back(m); }
    void clear() override {}
    void ask(const Message&, const Message&, std::function<void()>) override {}
};

void check_cart(const Cart& c) {
    for (const auto& l : c.lines()) {
        FUZZ_CHECK(l.quantity >= 1 && l.quantity <= max_quantity);
        FUZZ_CHECK(!l.unit_price.is_negative());
        FUZZ_CHECK(!l.product.id.empty());
        FUZZ_CHECK(!l.discount_amount().is_negative() && l.discount_amount() <= l.gross());
    }
    const CartTotals t = c.totals();
    FUZZ_CHECK(!t.total.is_negative());
    FUZZ_CHECK(t.total <= t.gross);
    (void)c.sale_lines();
}

const std::vector<Payment>& taken(const TillState& s) {
    static const std::vector<Payment> none;
    if (const auto* selling = std::get_if<Selling>(&s.mode))
        return selling->taken;
    return none;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Kept kept;
    bool first = true;
    for (const std::string_view part : split(text, '\0')) {
        if (first)
            kept.carts.open = std::string(part);
        else
            kept.carts.parked.emplace_back(part);
        first = false;
    }

    FakeCatalogue catalogue;
    Messages messages;
    TillState state;
    CartKeeper keeper(kept, catalogue, messages);
    keeper.restore(state);
    for (const auto& m : keeper.take_news())
        FUZZ_CHECK(is_valid_utf8(render(m)));
    check_cart(state.cart);
    for (const auto& c : state.parked) {
        FUZZ_CHECK(!c.empty());
        check_cart(c);
    }
    for (const auto& p : taken(state))
        FUZZ_CHECK(!p.amount.is_zero());
    if (state.cart.empty())
        FUZZ_CHECK(taken(state).empty());

    // Kept again and read back by a till started after it: the very same carts, nothing lost.
    keeper.keep(state);
    FUZZ_CHECK(messages.said.empty());
    const KeptCarts once = kept.carts;
    TillState again;
    CartKeeper restarted(kept, catalogue, messages);
    restarted.restore(again);
    for (const auto& m : restarted.take_news()) {
        const std::string said = render(m);
        FUZZ_CHECK(is_valid_utf8(said));
        FUZZ_CHECK(said.find("no longer in the catalogue") == std::string::npos);
    }
    FUZZ_CHECK(save_cart(again.cart) == save_cart(state.cart));
    FUZZ_CHECK(again.parked.size() == state.parked.size());
    for (std::size_t i = 0; i < again.parked.size(); ++i)
        FUZZ_CHECK(save_cart(again.parked[i]) == save_cart(state.parked[i]));
    FUZZ_CHECK(save_payments(taken(again)) == save_payments(taken(state)));
    restarted.keep(again);
    FUZZ_CHECK(kept.carts == once);

    // The payment lines alone, as the tender reads them.
    std::size_t dropped = 0;
    const auto payments = restore_payments(text, dropped);
    std::size_t lines = 0;
    for (const std::string_view l : split(text, '\n'))
        if (!l.empty())
            ++lines;
    FUZZ_CHECK(payments.size() + dropped == lines);
    const std::string saved = save_payments(payments);
    for (const std::string_view l : split(saved, '\n'))
        FUZZ_CHECK(saved.empty() || is_saved_payment(l));
    std::size_t dropped_again = 0;
    FUZZ_CHECK(save_payments(restore_payments(saved, dropped_again)) == saved);
    FUZZ_CHECK(dropped_again == 0);
    return 0;
}
