// Receipt copies: any receipt of this till, marked KOPI, also after a restart.

#include "till_rig.hpp"

using test::Rig;

TEST_CASE("till: a copy of any receipt of this till, by number or barcode, also after a "
          "restart") {
    Rig rig(true, false);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    auto text = [](const bl::receipts::ReceiptText& r) {
        std::string all;
        for (const auto& l : r.lines)
            all += l.text + "\n";
        return all;
    };
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mug.barcode);
    till.checkout().pay();
    till.checkout().pay_card("");
    const std::string first = text(sink.printed.at(0));
    till.selling().back_to_sale();
    till.selling().scan(s.cloth.barcode);
    till.checkout().pay();
    till.checkout().pay_cash("200");
    REQUIRE(sink.printed.size() == 2);

    // The last receipt is suggested; the first one by its barcode: the same receipt, marked.
    till.copies().begin_copy();
    CHECK(view.screen == "copy_lookup");
    CHECK(view.suggested == "2");
    till.copies().copy_receipt("R1-1");
    REQUIRE(sink.printed.size() == 3);
    CHECK(view.screen == "sale");
    const std::string copy = text(sink.printed[2]);
    CHECK_THAT(copy, Catch::Contains("KOPI"));
    CHECK_FALSE(first.find("KOPI") != std::string::npos);
    CHECK(sink.printed[2].barcode == sink.printed[0].barcode);
    // Everything but the KOPI mark is as first printed: lines, totals, seller, time.
    std::string without_mark;
    for (const auto& l : sink.printed[2].lines)
        if (l.text.find("KOPI") == std::string::npos)
            without_mark += l.text + "\n";
    CHECK(without_mark == first);
    // A copy of a cash receipt does not open the drawer (the original did).
    CHECK(sink.printed[1].open_drawer);
    till.copies().copy_receipt("2");
    REQUIRE(sink.printed.size() == 4);
    CHECK_FALSE(sink.printed[3].open_drawer);

    // Wrong references are explained and print nothing.
    till.copies().copy_receipt("77");
    CHECK_THAT(view.problems.back(), Catch::Contains("was not found"));
    till.copies().copy_receipt("T1-1");
    CHECK_THAT(view.problems.back(), Catch::Contains("training receipt"));
    till.copies().copy_receipt("R2-1");
    CHECK_THAT(view.problems.back(), Catch::Contains("from till 2"));
    CHECK(sink.printed.size() == 4);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal WHERE kind = 'receipt_copy'") == 2);

    // After a restart the till remembers nothing, but the store does.
    test::Restarted restart_again(*s.db);
    auto& again = restart_again.till;
    auto& view2 = restart_again.view;
    auto& sink2 = restart_again.sink;
    again.start();
    again.access().log_in(s.clerk.id, "2468");
    again.copies().begin_copy();
    CHECK(view2.suggested == "2");
    again.copies().copy_receipt(view2.suggested);
    REQUIRE(sink2.printed.size() == 1);
    CHECK_THAT(text(sink2.printed[0]), Catch::Contains("KOPI"));
    CHECK(sink2.printed[0].barcode == sink.printed[1].barcode);
}
