#include <catch2/catch.hpp>

#include "pos/model/tender.hpp"

using bl::Money;
using bl::pos::TenderSession;

TEST_CASE("cash: rounded to 50 øre, change shown") {
    TenderSession t(Money::from_ore(11975));
    CHECK(t.remaining_in_cash().ore() == 12000);
    auto p = t.pay_cash(Money::from_kroner(200));
    REQUIRE(p.ok());
    CHECK(p.value().amount.ore() == 12000);
    CHECK(p.value().rounding.ore() == 25);
    CHECK(p.value().change.ore() == 8000);
    CHECK(t.settled());
    CHECK(t.change().ore() == 8000);
    CHECK_FALSE(t.pay_cash(Money::from_kroner(10)).ok());
}

TEST_CASE("cash below the amount due is a part payment; the rest goes on card exactly") {
    TenderSession t(Money::from_ore(11975));
    auto cash = t.pay_cash(Money::from_kroner(50));
    REQUIRE(cash.ok());
    CHECK(cash.value().rounding.ore() == 0);
    CHECK(t.remaining().ore() == 6975);
    auto card = t.pay_card(std::nullopt, "Nets 123");
    REQUIRE(card.ok());
    CHECK(card.value().amount.ore() == 6975);
    CHECK(t.settled());
    CHECK(t.change().ore() == 0);
}

TEST_CASE("card first, then the rest in cash: only the cash part is rounded") {
    TenderSession t(Money::from_ore(11975));
    REQUIRE(t.pay_card(Money::from_kroner(100)).ok());
    CHECK(t.remaining().ore() == 1975);
    CHECK(t.remaining_in_cash().ore() == 2000);
    auto c = t.pay_cash(Money::from_kroner(20));
    REQUIRE(c.ok());
    CHECK(c.value().rounding.ore() == 25);
    CHECK(t.settled());
    Money paid, rounding;
    for (const auto& p : t.payments()) {
        paid += p.amount;
        rounding += p.rounding;
    }
    CHECK(paid == t.total() + rounding);
}

TEST_CASE("tender below the amount due, above it on card, odd coins: refused") {
    TenderSession t(Money::from_ore(11975));
    CHECK_THAT(bl::render(t.pay_card(Money::from_kroner(200)).error()),
               Catch::Contains("more than the"));
    CHECK_FALSE(t.pay_card(Money{}).ok());
    CHECK_FALSE(t.pay_card(Money::from_ore(-100)).ok());
    CHECK_THAT(bl::render(t.pay_cash(Money::from_ore(1010)).error()), Catch::Contains("50 øre"));
    CHECK_FALSE(t.pay_cash(Money{}).ok());
    CHECK(t.payments().empty());
    REQUIRE(t.pay_mobilepay(Money::from_kroner(19)).ok());
    t.undo_last();
    CHECK(t.remaining().ore() == 11975);
}

TEST_CASE("refunds pay out: cash rounded, card exact") {
    TenderSession cash(Money::from_ore(-11975));
    auto p = cash.pay_cash(Money{});
    REQUIRE(p.ok());
    CHECK(p.value().amount.ore() == -12000);
    CHECK(p.value().rounding.ore() == -25);
    CHECK(cash.settled());
    TenderSession card(Money::from_ore(-11975));
    REQUIRE(card.pay_card(std::nullopt).ok());
    CHECK(card.payments()[0].amount.ore() == -11975);
    CHECK(card.settled());
}

TEST_CASE("quick cash amounts: exact, then the notes that cover it") {
    TenderSession t(Money::from_ore(11975));
    const auto q = t.quick_cash_amounts();
    REQUIRE(q.size() == 4);
    CHECK(q[0].ore() == 12000);
    CHECK(q[1].ore() == 20000);
    CHECK(q[2].ore() == 50000);
    CHECK(q[3].ore() == 100000);
    TenderSession small(Money::from_ore(4510));
    CHECK(small.quick_cash_amounts().size() == 6);
    CHECK(small.quick_cash_amounts()[0].ore() == 4500);
}

TEST_CASE("part payments kept with a cart come back as they were; damaged lines are left out") {
    bl::pos::TenderSession t(Money::from_ore(50000));
    REQUIRE(t.pay_card(Money::from_kroner(300), "Nets; 4711\n").ok());
    REQUIRE(t.pay_cash(Money::from_kroner(100)).ok());
    const std::string saved = bl::pos::save_payments(t.payments());
    CHECK(bl::pos::is_saved_payment(saved));
    std::size_t dropped = 9;
    const auto back = bl::pos::restore_payments(saved, dropped);
    CHECK(dropped == 0);
    REQUIRE(back.size() == 2);
    CHECK(back[0].tender == bl::Tender::card);
    CHECK(back[0].amount.ore() == 30000);
    CHECK(back[0].reference == "Nets 4711"); // what would break the line is left out
    CHECK(back[1].tender == bl::Tender::cash);
    CHECK(back[1].tendered.ore() == 10000);
    const auto bad = bl::pos::restore_payments(
        saved + "\npay;gold;100;0;0;0;\npay;card;x;0;0;0;\npay;card", dropped);
    CHECK(bad.size() == 2);
    CHECK(dropped == 3);
}
