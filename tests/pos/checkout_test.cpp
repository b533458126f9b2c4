// The till's model and the store together: a cart rung up from the store's catalogue, paid
// through a tender session, committed by record_sale.

#include <catch2/catch.hpp>

#include "../store/fixture.hpp"
#include "pos/model/cart.hpp"
#include "pos/model/tender.hpp"

namespace {

struct StoreCatalogue : bl::pos::CatalogueLookup {
    bl::Database& db;
    explicit StoreCatalogue(bl::Database& d) : db(d) {}
    std::optional<bl::Product> product_by_barcode(const std::string& code) override {
        return bl::find_product_by_barcode(db, code);
    }
    std::optional<bl::Product> product_by_id(const std::string& id) override {
        return bl::find_product(db, id);
    }
    std::optional<bl::Batch> batch_by_label(const std::string& code) override {
        return bl::find_batch_by_label(db, code);
    }
};

} // namespace

TEST_CASE("scan two items and a batch label, split-pay, commit, and the store agrees") {
    test::Shop s;
    StoreCatalogue cat(*s.db);
    bl::pos::Cart cart;
    REQUIRE(cart.scan(s.mug.barcode, cat).ok());
    REQUIRE(cart.scan(s.cloth.barcode, cat).ok());
    REQUIRE(cart.scan(s.mugs_new.label_code, cat).ok());
    REQUIRE_FALSE(cart.set_basket_discount(bl::pos::Discount::percent(500),
                                           {bl::StaffRole::staff, bl::Money::from_kroner(50)}));
    const auto totals = cart.totals();

    bl::pos::TenderSession pay(totals.total);
    REQUIRE(pay.pay_card(bl::Money::from_kroner(300), "Nets 4711").ok());
    REQUIRE(pay.pay_cash(bl::Money::from_kroner(500)).ok());
    REQUIRE(pay.settled());

    bl::Sale sale;
    sale.lines = cart.sale_lines();
    sale.payments = pay.payments();
    auto r = bl::record_sale(*s.db, s.at_till(), sale);
    if (!r)
        FAIL(bl::render(r.error()));
    const bl::Sale& done = r.value();
    CHECK(done.total() == totals.total);
    CHECK(test::count(*s.db, "SELECT vat_ore FROM sale WHERE id = '" + done.id + "'") ==
          totals.vat.vat_total().ore());
    // The labelled mug came from the labelled batch; the other one FIFO from the oldest.
    CHECK(done.lines[2].allocations[0].batch_id == s.mugs_new.id);
    CHECK_FALSE(done.lines[2].allocations[0].allocated);
    CHECK(done.lines[0].allocations[0].batch_id == s.mugs_old.id);
    CHECK(done.lines[0].allocations[0].allocated);
    CHECK(bl::verify_journal(*s.db, s.till.id).ok);
}
