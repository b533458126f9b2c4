// The refund flow: organisers only, by receipt number or barcode, never more than was sold.

#include "till_rig.hpp"

using test::Rig;

TEST_CASE("till: an organiser refunds one of two items back in cash") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& sink = rig.sink;
    auto& till = rig.till;
    const bl::StaffUser& lise = *rig.lise;
    till.start();
    till.access().log_in(s.clerk.id, "2468");
    till.selling().scan(s.cloth.barcode);
    till.selling().scan(s.cloth.barcode);
    till.checkout().pay();
    till.checkout().pay_card("Nets 9");
    REQUIRE(view.screen == "done");

    // Staff may not refund on their own: an organiser is asked on the spot.
    till.refunds().begin_refund();
    CHECK(view.screen == "approval");
    CHECK_THAT(view.approval_for, Catch::Contains("Only an organiser"));
    till.access().cancel_approval();
    till.access().log_out();
    till.access().log_in(lise.id, "2468");
    till.refunds().begin_refund();
    CHECK(view.screen == "refund_lookup");
    till.refunds().find_refund("R2-1");
    CHECK_THAT(view.problems.back(), Catch::Contains("from till 2"));
    till.refunds().find_refund("T1-1");
    CHECK_THAT(view.problems.back(), Catch::Contains("training receipt"));
    till.refunds().find_refund("77");
    CHECK_THAT(view.problems.back(), Catch::Contains("was not found"));
    till.refunds().find_refund("R1-1");
    REQUIRE(view.screen == "refund");
    till.refunds().refund_pay(bl::Tender::cash);
    CHECK_THAT(view.problems.back(), Catch::Contains("Choose what the customer brings back"));
    till.refunds().refund_more(0);
    till.refunds().refund_more(0);
    till.refunds().refund_more(0);
    CHECK_THAT(view.problems.back(), Catch::Contains("Only 2"));
    till.refunds().refund_less(0);
    CHECK(view.refund_total.ore() == -11975);
    till.refunds().refund_pay(bl::Tender::cash);
    REQUIRE(view.screen == "refund_done");
    CHECK(view.paid_out.ore() == -12000);
    REQUIRE(sink.printed.size() == 2);
    CHECK(test::count(*s.db, "SELECT count(*) FROM sale WHERE refund_of IS NOT NULL") == 1);
    // The second one can still come back, but not a third.
    till.refunds().begin_refund();
    till.refunds().find_refund("1");
    till.refunds().refund_more(0);
    till.refunds().refund_more(0);
    CHECK_THAT(view.problems.back(), Catch::Contains("Only 1"));
}

TEST_CASE("refund references: numbers and barcodes, refused with reasons") {
    CHECK(bl::pos::parse_receipt_reference("42", 1).value() == 42);
    CHECK(bl::pos::parse_receipt_reference(" R1-42\r\n", 1).value() == 42);
    for (const char* bad : {"", "abc", "R1-", "R-42", "0", "-3", "R1-4x", "1234567890"}) {
        INFO(bad);
        CHECK_FALSE(bl::pos::parse_receipt_reference(bad, 1).ok());
    }
}

TEST_CASE("till: a refund picks from today's receipts, shows the cash it pays out, and its "
          "receipt does not thank for a purchase") {
    Rig rig(true, true);
    auto& s = rig.s;
    auto& view = rig.view;
    auto& till = rig.till;
    till.start();
    till.access().log_in(rig.lise->id, "2468");
    till.selling().scan(s.cloth.barcode); // 119,75
    till.checkout().pay();
    till.checkout().pay_card("");
    till.selling().scan(s.mug.barcode);
    till.checkout().pay();
    till.checkout().pay_card("");
    till.selling().back_to_sale();
    till.refunds().begin_refund();
    REQUIRE(view.todays.size() == 2);
    CHECK(view.todays[0].receipt_number == 2); // newest first
    CHECK(bl::pos::matching_receipts(view.todays, "").size() == 2);
    CHECK(bl::pos::matching_receipts(view.todays, "1").size() == 1);
    CHECK(bl::pos::matching_receipts(view.todays, "R1-2").at(0).receipt_number == 2);
    CHECK(bl::pos::matching_receipts(view.todays, "viskestykke hoer").at(0).receipt_number == 1);
    CHECK(bl::pos::matching_receipts(view.todays, "KRUS").at(0).receipt_number == 2);
    CHECK(bl::pos::matching_receipts(view.todays, "vase").empty());
    till.refunds().find_refund("1");
    till.refunds().refund_more(0);
    CHECK(view.refund_total.ore() == -11975);
    till.refunds().refund_pay(bl::Tender::cash);
    CHECK(view.paid_out.ore() == -12000); // rounded to 50 øre, as its button said
    const auto& receipt = rig.sink.printed.back();
    CHECK(test::has_line(receipt, "RETURNERING"));
    CHECK_FALSE(test::has_line(receipt, "Tak for dit køb"));
    bool keep = false;
    for (const auto& l : receipt.after_barcode)
        keep = keep || l.text.find("Gem bonen") != std::string::npos;
    CHECK_FALSE(keep);
    CHECK(test::has_line(rig.sink.printed.front(), "Tak for dit køb"));
}
