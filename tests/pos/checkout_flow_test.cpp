// The checkout flow: cash, card, MobilePay, split tender, part payments that cannot be
// forgotten, and a sale the disk cannot take.

#include "till_rig.hpp"

using test::Rig;

TEST_CASE("till: log in, open the shift, scan two items, pay cash, receipt after commit") {
    Rig rig(false, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    till.start();
    CHECK(view.screen == "login");
    CHECK(view.staff.size() == 2);
    till.access().log_in(s.clerk.id, "2468");
    CHECK(view.screen == "open_shift");
    till.shift().open_shift("1.000");
    CHECK(view.screen == "sale");
    till.selling().scan(s.mug.barcode);
    till.selling().scan(s.mugs_new.label_code);
    CHECK(view.cart_lines == 2);
    CHECK(view.total.ore() == 2 * 18900);
    till.checkout().pay();
    CHECK(view.screen == "payment");
    CHECK(view.remaining.ore() == 37800);
    till.checkout().pay_cash("500");
    CHECK(view.screen == "done");
    CHECK(view.change.ore() == 12200);
    REQUIRE(sink.printed.size() == 1);
    CHECK(sink.printed[0].open_drawer);
    auto has = [](const bl::receipts::ReceiptText& r, const std::string& part) {
        for (const auto& l : r.lines)
            if (l.text.find(part) != std::string::npos)
                return true;
        return false;
    };
    // The block is off unless the shop turns it on.
    CHECK_FALSE(has(sink.printed[0], "Bag om tingene"));
    REQUIRE(bl::set_setting(*s.db, {s.till.id, {}}, "impact_block", "on"));
    till.selling().back_to_sale();
    till.selling().scan(s.mugs_new.label_code);
    till.checkout().pay();
    till.checkout().pay_card("");
    REQUIRE(sink.printed.size() == 2);
    CHECK(has(sink.printed[1], "Bag om tingene"));
    CHECK(has(sink.printed[1], "af 2 producenter"));
    CHECK(has(sink.printed[1], "Arbejde i varerne: 30 min"));
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == 2);
    CHECK(view.problems.empty());
    CHECK(rig.cart().empty());
}

TEST_CASE("till: split tender in the payment screen: part on card with a reference, rest in cash") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.cloth.barcode); // 119,75
    till.checkout().pay();
    till.checkout().pay_card_part("300", "");
    CHECK_THAT(view.problems.back(), Catch::Contains("more than the"));
    till.checkout().pay_card_part("1oo", "");
    CHECK_THAT(view.problems.back(), Catch::Contains("not an amount"));
    till.checkout().pay_card_part("100", "Nets 77");
    CHECK(view.screen == "payment");
    CHECK(view.remaining.ore() == 1975);
    till.checkout().pay_cash("20");
    CHECK(view.screen == "done");
    CHECK(test::count(*s.db, "SELECT count(*) FROM payment WHERE reference = 'Nets 77' AND "
                             "amount_ore = 10000") == 1);
    CHECK(test::count(*s.db, "SELECT count(*) FROM payment WHERE tender = 'cash' AND "
                             "amount_ore = 2000 AND rounding_ore = 25") == 1);
}

TEST_CASE("till: a sale the disk cannot take is explained, keeps the cart, and goes through "
          "once there is room") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    REQUIRE(view.screen == "sale");
    // The disk is "full": the file may not grow past the pages it has now. Sell until a
    // sale needs one more page.
    test::exec(*s.db, "PRAGMA max_page_count = 1");
    std::int64_t sold = 0;
    for (int i = 0; i < 500 && view.screen != "payment"; ++i) {
        till.selling().scan(s.mug.barcode);
        till.checkout().pay();
        till.checkout().pay_card("");
        if (view.screen == "done") {
            ++sold;
            till.selling().back_to_sale();
        }
    }
    REQUIRE(view.screen == "payment");
    CHECK_THAT(view.problems.back(),
               Catch::Contains("disk is full") && Catch::Contains("nothing was recorded"));
    CHECK(rig.cart().lines().size() == 1);
    CHECK(view.remaining.ore() == 18900); // the card payment was taken back, not kept
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == sold);
    CHECK(rig.sink.printed.size() == static_cast<std::size_t>(sold));
    // Room again: the same payment goes through, once, and the journal is whole.
    test::exec(*s.db, "PRAGMA max_page_count = 1000000");
    till.checkout().pay_card("");
    CHECK(view.screen == "done");
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == sold + 1);
    CHECK(rig.sink.printed.size() == static_cast<std::size_t>(sold + 1));
    CHECK(bl::verify_journal(*s.db, s.till.id).ok);
}

TEST_CASE("till: a part payment is not forgotten: not by going back, and not by a crash") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    auto journaled = [&](const char* kind) {
        return test::count(*s.db,
                           std::string("SELECT count(*) FROM journal WHERE kind = '") + kind + "'");
    };
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mug.barcode); // 189 kr.
    till.checkout().pay();
    till.checkout().pay_card_part("100", "Nets 11");
    REQUIRE(view.screen == "payment");
    CHECK(view.remaining.ore() == 8900);
    // Going back would forget money the customer has paid: refused until it is undone.
    till.checkout().cancel_payment();
    CHECK(view.screen == "payment");
    CHECK_THAT(view.problems.back(), Catch::Contains("100,00 kr. of this sale is already paid"));
    till.checkout().undo_payment();
    CHECK(view.remaining.ore() == 18900);
    CHECK(journaled("part_payment_undone") == 1);
    till.checkout().cancel_payment();
    CHECK(view.screen == "sale");

    // Paid in part again, then the power goes.
    till.checkout().pay();
    till.checkout().pay_card_part("100", "Nets 12");
    {
        test::Restarted restart_again(*s.db);
        auto& again = restart_again.till;
        auto& view2 = restart_again.view;
        again.start();
        again.access().log_in(s.clerk.id, "2468");
        REQUIRE(again.state().cart.lines().size() == 1);
        CHECK_THAT(view2.problems.back(),
                   Catch::Contains("100,00 kr. of the open sale was already paid"));
        again.selling().park();
        CHECK_THAT(view2.problems.back(), Catch::Contains("Part of this sale is already paid"));
        again.selling().abort_sale();
        CHECK_FALSE(view2.answer()); // refused at once: nothing is asked
        CHECK(again.state().cart.lines().size() == 1);
        again.checkout().pay();
        CHECK(view2.remaining.ore() == 8900);
        again.checkout().pay_cash("100");
        REQUIRE(view2.screen == "done");
    }
    CHECK(test::count(*s.db, "SELECT count(*) FROM payment WHERE tender = 'card' AND "
                             "amount_ore = 10000 AND reference = 'Nets 12'") == 1);
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == 1);
    CHECK(bl::kept_carts(*s.db).empty());
}

TEST_CASE("till: after a restart, a part-paid cart cannot be shrunk below what was paid: +, - "
          "and Remove are refused and paying takes exactly the rest") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mug.barcode);
    till.selling().scan(s.mug.barcode);
    till.selling().scan(s.cloth.barcode); // 2 x 189 + 119,75 = 497,75 kr.
    till.checkout().pay();
    till.checkout().pay_card_part("400", "Nets 21");
    REQUIRE(rig.view.screen == "payment");

    // The power goes; the till starts again with the cart and the card payment.
    test::Restarted again(*s.db);
    again.till.start();
    again.till.access().log_in(s.clerk.id, "2468");
    REQUIRE(again.cart().lines().size() == 2);
    const bl::Money before = again.cart().totals().total;
    REQUIRE(before.ore() == 49775);
    again.till.selling().decrement(0);
    CHECK_THAT(again.view.problems.back(), Catch::Contains("Part of this sale is already paid"));
    again.till.selling().remove(0);
    again.till.selling().remove(1);
    again.till.selling().set_quantity(0, "1");
    again.till.selling().increment(1);
    again.till.selling().scan(s.mug.barcode);
    CHECK(again.cart().totals().total == before); // nothing changed
    // Pay takes the rest, and the card payment is part of the sale.
    again.till.checkout().pay();
    CHECK(again.view.remaining.ore() == 9775);
    again.till.checkout().pay_cash("100");
    REQUIRE(again.view.screen == "done");
    CHECK(test::count(*s.db, "SELECT count(*) FROM payment WHERE tender = 'card' AND "
                             "amount_ore = 40000 AND reference = 'Nets 21'") == 1);
    CHECK(test::count(*s.db, "SELECT sum(amount_ore) - sum(rounding_ore) FROM payment") == 49775);
}

TEST_CASE("till: while a sale is being paid its cart does not change") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mug.barcode);
    till.checkout().pay();
    REQUIRE(rig.view.screen == "payment");
    till.selling().scan(s.cloth.barcode);
    CHECK_THAT(rig.view.problems.back(), Catch::Contains("The sale is being paid"));
    till.selling().remove(0);
    till.selling().park();
    CHECK(rig.cart().lines().size() == 1);
    CHECK(rig.view.remaining.ore() == 18900);
    till.checkout().pay_card("");
    CHECK(rig.view.screen == "done");
}

TEST_CASE("till: an undo the journal cannot take leaves the part payment as it was") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& till = rig.till;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mug.barcode);
    till.checkout().pay();
    till.checkout().pay_card_part("100", "Nets 31");
    REQUIRE(rig.view.remaining.ore() == 8900);
    test::journal_refuses(*s.db, true);
    till.checkout().undo_payment();
    CHECK_THAT(rig.view.problems.back(), Catch::Contains("nothing was recorded"));
    CHECK(rig.view.remaining.ore() == 8900);
    CHECK(test::journaled(*s.db, "part_payment_undone") == 0);
    test::journal_refuses(*s.db, false);
    till.checkout().undo_payment();
    CHECK(rig.view.remaining.ore() == 18900);
    CHECK(test::journaled(*s.db, "part_payment_undone") == 1);
}
