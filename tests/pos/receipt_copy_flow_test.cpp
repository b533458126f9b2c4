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

TEST_CASE("till: \"Bag om tingene\" printed on request after a sale and for any receipt, "
          "naming only makers who consented, and never touching the sale") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    // Anna lets her chosen name out on receipts; Prik has never said yes.
    REQUIRE(bl::record_consent(*s.db, s.at_station(), s.anna.id, bl::ConsentChannel::receipt,
                               bl::ConsentLevel::chosen_name)
                .ok());
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.mugs_new.label_code);
    till.checkout().pay();
    till.checkout().pay_card("");
    REQUIRE(view.screen == "done");
    CHECK(view.impact_offered);
    REQUIRE(sink.printed.size() == 1);
    // The shop's block after every receipt is off; on request it is printed all the same.
    CHECK_FALSE(test::has_line(sink.printed[0], "Bag om tingene"));
    const auto sales = test::count(*s.db, "SELECT count(*) FROM sale");
    const auto journal = test::count(*s.db, "SELECT count(*) FROM journal");

    till.copies().impact_of_last_sale();
    REQUIRE(sink.printed.size() == 2);
    const auto& impact = sink.printed[1];
    CHECK(test::has_line(impact, "Bag om tingene"));
    CHECK(test::has_line(impact, "Kvittering nr. 1"));
    CHECK(test::has_line(impact, "af Anna + 1 anden"));
    CHECK_FALSE(test::has_line(impact, "Prik"));
    CHECK(test::has_line(impact, "Arbejde i varerne: 30 min"));
    CHECK_FALSE(test::has_line(impact, "KOPI"));
    CHECK_FALSE(impact.open_drawer);
    REQUIRE(impact.qr);
    CHECK_THAT(*impact.qr, Catch::Contains("BUNDLINJE-IMPACT:"));
    CHECK(view.screen == "done"); // the change is still shown; the next sale can start
    REQUIRE_FALSE(view.news.empty());
    CHECK_THAT(view.news.back(), Catch::Contains("Bag om tingene") && Catch::Contains("1"));
    CHECK(view.problems.empty());
    // Reading and printing it records nothing and changes nothing.
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == sales);
    CHECK(test::count(*s.db, "SELECT count(*) FROM journal") == journal);

    // A printer that fails says so; the sale is as it was.
    sink.failing = bl::Message("The printer is off.");
    till.copies().impact_of_last_sale();
    REQUIRE_FALSE(view.problems.empty());
    CHECK_THAT(view.problems.back(), Catch::Contains("printer is off"));
    CHECK(view.screen == "done");
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale") == sales);
    sink.failing.reset();

    // For any receipt of this till, from the copy screen (by number or barcode); then back to
    // the sale.
    till.selling().back_to_sale();
    till.copies().begin_copy();
    CHECK(view.screen == "copy_lookup");
    till.copies().impact_receipt("R1-1");
    REQUIRE(sink.printed.size() == 4);
    CHECK(test::has_line(sink.printed[3], "af Anna + 1 anden"));
    CHECK(view.screen == "sale");

    // Anna withdraws her consent: from then on she is counted, not named.
    REQUIRE(bl::record_consent(*s.db, s.at_station(), s.anna.id, bl::ConsentChannel::receipt,
                               bl::ConsentLevel::counted_only)
                .ok());
    till.copies().impact_receipt("1");
    REQUIRE(sink.printed.size() == 5);
    CHECK(test::has_line(sink.printed[4], "af 2 producenter"));
    CHECK_FALSE(test::has_line(sink.printed[4], "Anna"));

    // Not for a refund, a receipt that is not there, or a training sale: said, nothing printed.
    const auto original = bl::find_sale(*s.db, till.state().last_receipt->sale.id);
    REQUIRE(original);
    REQUIRE(bl::record_sale(*s.db, s.at_till(), s.refund_of(*original, 1, 1)).ok());
    view.problems.clear();
    till.copies().impact_receipt("2");
    REQUIRE_FALSE(view.problems.empty());
    CHECK_THAT(view.problems.back(), Catch::Contains("is a refund"));
    till.copies().impact_receipt("77");
    CHECK_THAT(view.problems.back(), Catch::Contains("was not found"));
    CHECK(sink.printed.size() == 5);
    till.access().log_out();
    till.access().log_in(rig.lise->id, "2468");
    till.shift().set_training(true);
    REQUIRE(till.state().training);
    till.selling().scan(s.mug.barcode);
    till.checkout().pay();
    till.checkout().pay_card("");
    REQUIRE(view.screen == "done");
    CHECK_FALSE(view.impact_offered);
    const auto printed = sink.printed.size();
    till.copies().impact_of_last_sale();
    CHECK_THAT(view.problems.back(), Catch::Contains("training sale"));
    CHECK(sink.printed.size() == printed);
}
