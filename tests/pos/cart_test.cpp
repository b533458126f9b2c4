#include <map>

#include <catch2/catch.hpp>

#include "pos/model/cart.hpp"
#include "pos/model/cart_text.hpp"
#include "shared/core/barcode.hpp"

using bl::Money;
using bl::pos::Cart;
using bl::pos::Discount;
using bl::pos::Permissions;

namespace {

struct FakeCatalogue : bl::pos::CatalogueLookup {
    std::map<std::string, bl::Product> by_id;
    std::map<std::string, bl::Batch> labels;
    FakeCatalogue() {
        auto add = [this](const char* id, const char* name, std::int64_t ore, const char* ean,
                          int bp = 2500) {
            bl::Product p;
            p.id = id;
            p.name = name;
            p.price = Money::from_ore(ore);
            p.barcode = ean;
            p.vat_rate = bl::VatRate{bp};
            by_id[id] = p;
        };
        add("mug", "Krus med hank", 18900, "5790099000375");
        add("cloth", "Viskestykke", 11975, "5790099000740");
        add("gift", "Bidrag", 2000, "5790099001112", 0);
        by_id["old"] = by_id["mug"];
        by_id["old"].id = "old";
        by_id["old"].barcode = "4006381333931";
        by_id["old"].active = false;
        bl::Batch b;
        b.id = "batch-7";
        b.product_id = "mug";
        labels[bl::make_batch_label(101, 7)] = b;
    }
    std::optional<bl::Product> product_by_barcode(const std::string& code) override {
        for (const auto& [id, p] : by_id)
            if (p.barcode == code)
                return p;
        return std::nullopt;
    }
    std::optional<bl::Product> product_by_id(const std::string& id) override {
        auto it = by_id.find(id);
        return it == by_id.end() ? std::nullopt : std::optional<bl::Product>(it->second);
    }
    std::optional<bl::Batch> batch_by_label(const std::string& code) override {
        auto it = labels.find(code);
        return it == labels.end() ? std::nullopt : std::optional<bl::Batch>(it->second);
    }
};

const Permissions staff{bl::StaffRole::staff, Money::from_kroner(50)};
const Permissions organiser{bl::StaffRole::organiser, Money::from_kroner(50)};

} // namespace

TEST_CASE("scanning adds lines; scanning again adds one more") {
    FakeCatalogue cat;
    Cart cart;
    REQUIRE(cart.scan("5790099000375", cat).value() == 0);
    REQUIRE(cart.scan("5790099000375\r\n", cat).value() == 0);
    REQUIRE(cart.scan("5790099000740", cat).value() == 1);
    CHECK(cart.lines()[0].quantity == 2);
    CHECK(cart.totals().total.ore() == 2 * 18900 + 11975);
    CHECK(cart.totals().items == 3);
}

TEST_CASE("a batch label links the line to its batch and is a line of its own") {
    FakeCatalogue cat;
    Cart cart;
    REQUIRE(cart.scan("5790099000375", cat).ok());
    auto r = cart.scan(bl::make_batch_label(101, 7), cat);
    REQUIRE(r.ok());
    CHECK(r.value() == 1);
    CHECK(cart.lines()[1].batch_id == "batch-7");
    CHECK(cart.lines()[1].product.name == "Krus med hank");
    CHECK(cart.sale_lines()[1].scanned_batch_id == "batch-7");
    CHECK_FALSE(cart.sale_lines()[0].scanned_batch_id.has_value());
}

TEST_CASE("bad scans get a clear message and change nothing") {
    FakeCatalogue cat;
    Cart cart;
    REQUIRE(cart.scan("5790099000375", cat).ok());
    struct Case {
        const char* input;
        const char* reason;
    };
    const Case bad[] = {
        {"5701234567899", "not in the catalogue"},
        {"5790099000376", "not valid"},
        {"57900990", "not valid"},
        {"kaffe", "only digits"},
        {"", "Scan a barcode"},
        {"4006381333931", "no longer sold"},
    };
    const std::string unknown_label = bl::make_batch_label(102, 1);
    for (const auto& c : bad) {
        INFO(c.input);
        auto r = cart.scan(c.input, cat);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(bl::render(r.error()), Catch::Contains(c.reason));
    }
    auto r = cart.scan(unknown_label, cat);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(bl::render(r.error()), Catch::Contains("batch label"));
    REQUIRE(cart.lines().size() == 1);
    CHECK(cart.lines()[0].quantity == 1);
}

TEST_CASE("quantities: 0, negative and 10,000 are refused, +/- work") {
    FakeCatalogue cat;
    Cart cart;
    REQUIRE(cart.scan("5790099000375", cat).ok());
    for (std::int64_t q : {0, -1, -5, 10000, 1000000}) {
        INFO(q);
        auto p = cart.set_quantity(0, q);
        REQUIRE(p.has_value());
        CHECK(cart.lines()[0].quantity == 1);
    }
    CHECK_THAT(bl::render(*cart.set_quantity(0, 0)), Catch::Contains("at least 1"));
    CHECK_THAT(bl::render(*cart.set_quantity(0, 10000)), Catch::Contains("at most 9999"));
    CHECK_FALSE(cart.set_quantity(0, 9999));
    CHECK(cart.increment(0).has_value());
    CHECK_FALSE(cart.set_quantity(0, 3));
    CHECK_FALSE(cart.decrement(0));
    CHECK(cart.lines()[0].quantity == 2);
    CHECK_FALSE(cart.decrement(0));
    CHECK(cart.decrement(0).has_value());
    CHECK(cart.remove(5).has_value());
    CHECK_FALSE(cart.remove(0));
    CHECK(cart.empty());
}

TEST_CASE("line discounts in per cent or kroner, within the staff limit") {
    FakeCatalogue cat;
    Cart cart;
    REQUIRE(cart.scan("5790099000375", cat).ok()); // 189,00
    CHECK_FALSE(cart.set_line_discount(0, Discount::percent(1000), staff));
    CHECK(cart.lines()[0].discount_amount().ore() == 1890);
    CHECK_FALSE(cart.set_line_discount(0, Discount::amount(Money::from_kroner(20)), staff));
    CHECK(cart.totals().total.ore() == 16900);
    // Above the limit: only an organiser.
    auto p = cart.set_line_discount(0, Discount::percent(5000), staff);
    REQUIRE(p);
    CHECK_THAT(bl::render(*p), Catch::Contains("organiser's approval"));
    CHECK(cart.totals().total.ore() == 16900);
    CHECK_FALSE(cart.set_line_discount(0, Discount::percent(5000), organiser));
    CHECK(cart.totals().total.ore() == 9450);
    // Nonsense discounts.
    CHECK(cart.set_line_discount(0, Discount::percent(0), organiser));
    CHECK(cart.set_line_discount(0, Discount::percent(10001), organiser));
    CHECK(cart.set_line_discount(0, Discount::amount(Money::from_ore(-100)), organiser));
    CHECK_THAT(bl::render(*cart.set_line_discount(0, Discount::amount(Money::from_kroner(190)),
                                                  organiser)),
               Catch::Contains("more than the amount"));
    CHECK_FALSE(cart.set_line_discount(0, Discount::none(), staff));
    CHECK(cart.totals().total.ore() == 18900);
}

TEST_CASE("a basket discount is spread over the lines so the øre add up") {
    FakeCatalogue cat;
    Cart cart;
    REQUIRE(cart.scan("5790099000375", cat).ok());                           // 189,00 at 25 %
    REQUIRE(cart.scan("5790099000740", cat).ok());                           // 119,75 at 25 %
    REQUIRE(cart.scan("5790099001112", cat).ok());                           //  20,00 at 0 %
    REQUIRE_FALSE(cart.set_basket_discount(Discount::percent(1000), staff)); // 32,88
    const auto t = cart.totals();
    CHECK(t.basket_discount.ore() == 3288);
    CHECK(t.total.ore() == 32875 - 3288);
    const auto lines = cart.sale_lines();
    Money spread;
    Money sum;
    for (const auto& l : lines) {
        spread += l.discount;
        sum += l.line_total();
    }
    CHECK(spread.ore() == 3288);
    CHECK(sum == t.total);
    CHECK(lines[0].discount.ore() == 1890);
    CHECK(lines[2].discount.ore() == 200);
    // VAT follows the discounted lines, per rate.
    REQUIRE(t.vat.groups.size() == 2);
    CHECK(t.vat.groups[0].gross == lines[0].line_total() + lines[1].line_total());
    CHECK(t.vat.groups[1].vat.ore() == 0);
    CHECK(cart.set_basket_discount(Discount::amount(Money::from_kroner(400)), organiser));
}

TEST_CASE("a basket discount on a cart of millions is spread without overflow") {
    // Found by fuzz_kept_cart: spreading the basket discount multiplied it by each line's
    // amount in 64 bits, which overflowed (MoneyOverflow, the till stopped) from about 30
    // million kroner, well inside what the till takes (10 million kroner a unit, 9,999 units).
    FakeCatalogue cat;
    Cart cart;
    REQUIRE(cart.scan("5790099000375", cat).ok());
    REQUIRE(cart.scan("5790099000740", cat).ok());
    REQUIRE_FALSE(cart.override_price(0, Money::from_ore(bl::max_typed_ore), organiser));
    REQUIRE_FALSE(cart.override_price(1, Money::from_ore(bl::max_typed_ore - 1), organiser));
    REQUIRE_FALSE(cart.set_quantity(0, 9999));
    REQUIRE_FALSE(cart.set_quantity(1, 3));
    REQUIRE_FALSE(cart.set_basket_discount(Discount::percent(1000), organiser));
    const auto t = cart.totals();
    const std::int64_t gross = 9999 * bl::max_typed_ore + 3 * (bl::max_typed_ore - 1);
    CHECK(t.gross.ore() == gross);
    CHECK(t.basket_discount.ore() == gross / 10 + (gross % 10 >= 5 ? 1 : 0));
    Money spread;
    for (const auto& l : cart.sale_lines())
        spread += l.discount;
    CHECK(spread == t.basket_discount);
    CHECK(t.total == t.gross - t.basket_discount);
}

TEST_CASE("price overrides: organisers only, never to 0 or below") {
    FakeCatalogue cat;
    Cart cart;
    REQUIRE(cart.scan("5790099000375", cat).ok());
    auto p = cart.override_price(0, Money::from_kroner(150), staff);
    REQUIRE(p);
    CHECK_THAT(bl::render(*p), Catch::Contains("Only an organiser"));
    CHECK(cart.override_price(0, Money{}, organiser).has_value());
    CHECK(cart.override_price(0, Money::from_ore(-100), organiser).has_value());
    CHECK(cart.lines()[0].unit_price.ore() == 18900);
    CHECK_FALSE(cart.override_price(0, Money::from_kroner(150), organiser));
    CHECK(cart.lines()[0].price_overridden);
    CHECK(cart.totals().total.ore() == 15000);
    // An overridden line is not merged with a new scan of the same item.
    CHECK(cart.scan("5790099000375", cat).value() == 1);
}

TEST_CASE("discounts are typed as per cent or kroner") {
    CHECK(bl::pos::parse_discount("10 %").value().kind == Discount::Kind::percent);
    CHECK(bl::pos::parse_discount("10%").value().value == 1000);
    CHECK(bl::pos::parse_discount("12,5 %").value().value == 1250);
    CHECK(bl::pos::parse_discount("20").value().kind == Discount::Kind::amount);
    CHECK(bl::pos::parse_discount("19,50 kr.").value().value == 1950);
    for (const char* bad : {"", "ti procent", "%", "-5 %", "10 %%"}) {
        INFO(bad);
        CHECK_FALSE(bl::pos::parse_discount(bad).ok());
    }
}

TEST_CASE("a saved cart comes back as it was: lines, batches, prices and discounts") {
    FakeCatalogue cat;
    Cart cart;
    REQUIRE(cart.scan("5790099000375", cat).ok());
    REQUIRE(cart.scan("5790099000375", cat).ok());
    REQUIRE(cart.scan(bl::make_batch_label(101, 7), cat).ok());
    REQUIRE(cart.scan("5790099000740", cat).ok());
    REQUIRE_FALSE(cart.override_price(2, Money::from_ore(9950), organiser));
    REQUIRE_FALSE(cart.set_line_discount(0, Discount::percent(1000), staff));
    REQUIRE_FALSE(cart.set_basket_discount(Discount::amount(Money::from_kroner(20)), staff));
    const std::string saved = save_cart(cart);

    std::size_t dropped = 99;
    const Cart back = restore_cart(saved, cat, dropped);
    CHECK(dropped == 0);
    REQUIRE(back.lines().size() == 3);
    CHECK(back.lines()[0].quantity == 2);
    CHECK(back.lines()[0].discount.kind == Discount::Kind::percent);
    CHECK(back.lines()[1].batch_id == std::optional<std::string>("batch-7"));
    CHECK(back.lines()[1].batch_label == std::optional<std::string>(bl::make_batch_label(101, 7)));
    CHECK(back.lines()[2].price_overridden);
    CHECK(back.lines()[2].unit_price.ore() == 9950);
    CHECK(back.basket_discount().kind == Discount::Kind::amount);
    CHECK(back.totals().total == cart.totals().total);
    CHECK(save_cart(back) == saved);
    // An empty cart saves as nothing and comes back empty.
    CHECK(save_cart(Cart()).empty());
    CHECK(restore_cart("", cat, dropped).empty());
    CHECK(dropped == 0);
}

TEST_CASE("a saved cart whose items left the catalogue, or that is damaged, loses only those "
          "lines") {
    FakeCatalogue cat;
    Cart cart;
    REQUIRE(cart.scan("5790099000375", cat).ok());
    REQUIRE(cart.scan("5790099000740", cat).ok());
    const std::string saved = save_cart(cart);
    cat.by_id.erase("cloth");
    std::size_t dropped = 0;
    Cart back = restore_cart(saved, cat, dropped);
    CHECK(dropped == 1);
    REQUIRE(back.lines().size() == 1);
    CHECK(back.lines()[0].product.id == "mug");

    // Damaged lines are left out; a wrong header brings nothing back.
    const std::string damaged = saved + "\nline;mug;-3;;;100;0;0;0\nline;mug;x\nline;mu;g;1";
    back = restore_cart(damaged, cat, dropped);
    CHECK(back.lines().size() == 1);
    CHECK(dropped == 4);
    back = restore_cart("something else\nline;mug;1;;;18900;0;0;0", cat, dropped);
    CHECK(back.empty());
    CHECK(dropped == 2);
}
