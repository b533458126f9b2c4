// The till's whole day in the real window: log in with the PIN pad, count the float, scan
// two items, pay cash with a quick-amount button, see the change; a copy of the receipt; an
// organiser changes the receipt's last line in Settings and saves; a card part payment
// survives a restart of the till (and the cart cannot then be shrunk below it); then the
// organiser refunds one item by scanning the receipt's barcode and closes the day with a Z
// report.

#include <fstream>
#include <iterator>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include "gui_rig.hpp"
#include "shared/store/setup.hpp"

namespace fs = std::filesystem;

namespace {

bool kept_copy(const fs::path& folder) {
    for (const auto& e : fs::directory_iterator(folder))
        if (e.path().filename().string().find("-kopi") != std::string::npos)
            return true;
    return false;
}

/// The "Bag om tingene" the till kept of receipt `number`, as printed ("" while there is none).
std::string kept_impact(const fs::path& folder, std::int64_t number) {
    std::ifstream in(folder / ("bag-om-tingene-" + std::to_string(number) + ".txt"));
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void after_restart(gui::Gui& g, bl::Money part_paid_total);

void run(gui::Gui& g) {
    auto& f = *g.frame;
    g.check(g.page() == "login", "the till opens on the login screen");
    g.check(f.screen<bl::pos::LoginScreen>().pad().person_button("Mette") != nullptr,
            "staff names are shown as buttons");
    g.log_in("Mette", "1357");
    g.check(g.wait_for([&] { return g.page() == "open_shift"; }),
            "PIN 1357 logs Mette in and asks for the float");
    g.click(f.screen<bl::pos::OpenShiftScreen>().float_field());
    g.type("1000");
    g.check(g.wait_for([&] { return g.page() == "sale"; }),
            "counting the float opens the sale screen");

    const auto codes = g.stocked_barcodes();
    auto& sale = f.screen<bl::pos::SaleScreen>();
    g.click(sale.scan_field());
    g.type(codes.at(0));
    g.type(codes.at(1));
    g.check(g.wait_for([&] { return g.cart().lines().size() == 2; }),
            "two scanned items are in the cart");
    g.type("5701234567899");
    g.check(g.wait_for([&] { return g.message().find("5701234567899") != std::string::npos; }),
            "an unknown barcode is explained on screen");
    g.check(g.cart().lines().size() == 2, "and it does not change the cart");
    g.click(sale.cart_panel().park_button());
    g.check(g.wait_for([&] { return g.cart().empty(); }), "Park sale puts the cart aside");
    g.click(sale.cart_panel().resume_button());
    g.check(g.wait_for([&] { return g.cart().lines().size() == 2; }),
            "Resume parked brings it back");

    const std::int64_t sales_before = g.count("SELECT count(*) FROM sale");
    g.click(sale.cart_panel().pay_button());
    g.check(g.wait_for([&] { return g.page() == "payment"; }), "Pay opens the payment screen");
    wxButton* quick = f.screen<bl::pos::PaymentScreen>().quick_cash_button(1);
    g.check(quick != nullptr, "quick cash amounts are offered");
    if (!quick)
        return;
    g.click(quick);
    g.check(g.wait_for([&] { return g.page() == "done"; }),
            "a quick cash amount pays and shows the change");
    g.check(g.count("SELECT count(*) FROM sale") == sales_before + 1, "the sale is committed");
    g.check(g.wait_for([&] {
        return fs::exists(g.dir / "receipts") && !fs::is_empty(g.dir / "receipts");
    }),
            "a receipt is produced");
    // What is behind the goods, for a customer who asks: F4 on the change screen prints it
    // like a receipt; the sale and the screen stay as they were.
    const std::int64_t number = g.count("SELECT max(receipt_number) FROM sale WHERE training = 0");
    auto& done = f.screen<bl::pos::DoneScreen>();
    g.check(done.impact_button()->IsShownOnScreen(), "the change screen offers Bag om tingene");
    g.key(WXK_F4);
    g.check(g.wait_for([&] {
        return kept_impact(g.dir / "receipts", number).find("Bag om tingene") != std::string::npos;
    }),
            "F4 prints Bag om tingene for the sale");
    g.check(g.page() == "done" && g.count("SELECT count(*) FROM sale") == sales_before + 1,
            "and the sale and the change screen stay as they were");
    g.check(g.message().find("Bag om tingene") != std::string::npos, "the till says it prints");
    fs::remove(g.dir / "receipts" / ("bag-om-tingene-" + std::to_string(number) + ".txt"));
    // The next customer's first item scanned straight away on the change screen starts the
    // next sale with it; no keystroke is lost.
    g.type(codes.at(0));
    g.check(g.wait_for([&] { return g.page() == "sale"; }) &&
                g.wait_for([&] { return g.cart().lines().size() == 1; }),
            "scanning on the change screen starts the next sale with that item");
    g.till->selling().remove(0);
    // A copy of the receipt just printed: the lookup suggests it, Enter prints it.
    g.key(WXK_F10);
    g.check(g.wait_for([&] { return g.page() == "menu"; }), "F10 opens the other functions");
    g.click(f.screen<bl::pos::MenuScreen>().button(bl::pos::MenuScreen::Action::copy));
    g.check(g.wait_for([&] { return g.page() == "refund_lookup"; }) &&
                !f.screen<bl::pos::ReceiptLookupScreen>().receipt_field()->GetValue().empty(),
            "Receipt copy asks which receipt and suggests the last one");
    g.type("");
    g.check(g.wait_for([&] { return g.page() == "sale"; }) &&
                g.wait_for([&] { return kept_copy(g.dir / "receipts"); }),
            "Enter prints the copy, kept as a -kopi file");
    // And for a receipt picked from today's list with the mouse, from the same screen.
    g.key(WXK_F10);
    g.wait_for([&] { return g.page() == "menu"; });
    g.click(f.screen<bl::pos::MenuScreen>().button(bl::pos::MenuScreen::Action::copy));
    auto& lookup = f.screen<bl::pos::ReceiptLookupScreen>();
    g.wait_for([&] { return g.page() == "refund_lookup"; });
    g.check(lookup.impact_button()->IsShownOnScreen(), "a copy's screen offers Bag om tingene");
    wxRect row;
    lookup.receipt_list()->GetItemRect(0, row);
    wxUIActionSimulator pick;
    pick.MouseMove(lookup.receipt_list()->ClientToScreen(row.GetPosition() + wxPoint(20, 4)));
    g.settle();
    pick.MouseClick();
    g.settle();
    g.click(lookup.impact_button());
    g.check(g.wait_for([&] { return g.page() == "sale"; }) && g.wait_for([&] {
        return kept_impact(g.dir / "receipts", number)
                   .find("Kvittering nr. " + std::to_string(number)) != std::string::npos;
    }),
            "picked in the list, its Bag om tingene is printed, then back to the sale");

    // An organiser: X report and Settings.
    g.till->access().log_out();
    g.wait_for([&] { return g.page() == "login"; });
    g.log_in("Lise", "8642");
    g.check(g.wait_for([&] { return g.page() == "sale"; }),
            "the organiser logs in to the open shift");
    g.till->shift().x_report();
    g.check(g.wait_for([&] { return g.page() == "x"; }), "X report shows the day so far");
    g.till->selling().back_to_sale();
    g.wait_for([&] { return g.page() == "sale"; });

    // Settings, saved through the real form: only the receipt's last line changes.
    g.till->selling().open_menu();
    g.wait_for([&] { return g.page() == "menu"; });
    g.click(f.screen<bl::pos::MenuScreen>().button(bl::pos::MenuScreen::Action::settings));
    g.check(g.wait_for([&] { return g.page() == "settings"; }), "Settings opens for an organiser");
    auto& settings = f.screen<bl::pos::SettingsScreen>();
    settings.show_page(1);
    g.click(settings.footer_field());
    settings.footer_field()->SelectAll();
    g.type("Tak for i dag", false);
    g.click(settings.save_button());
    g.check(g.wait_for([&] {
        return bl::get_setting(*g.db, "receipt_footer") ==
               std::optional<std::string>("Tak for i dag");
    }),
            "Save keeps the new last line of the receipt");
    g.check(g.page() == "sale" && g.message().find("udfyldes") == std::string::npos,
            "and goes back to the sale without a complaint about the shop's details");
    g.check(g.count("SELECT count(*) FROM journal WHERE kind = 'shop_changed'") == 0,
            "the shop's details, not touched, are not saved again");

    // Part of a sale paid by card, then the till stops.
    g.click(sale.scan_field());
    g.type(codes.at(0));
    g.type(codes.at(1));
    g.wait_for([&] { return g.cart().lines().size() == 2; });
    const bl::Money total = g.cart().totals().total;
    g.click(sale.cart_panel().pay_button());
    g.wait_for([&] { return g.page() == "payment"; });
    g.click(f.screen<bl::pos::PaymentScreen>().amount_field());
    g.type("100", false);
    g.click(f.screen<bl::pos::PaymentScreen>().card_button());
    g.check(g.wait_for([&] {
        const auto* paying = std::get_if<bl::pos::Paying>(&g.till->state().mode);
        return paying && paying->tender.payments().size() == 1 &&
               paying->tender.paid().ore() == 10000;
    }),
            "100 kr. on card is taken as a part payment");
    g.restart_till();
    after_restart(g, total);
}

void after_restart(gui::Gui& g, bl::Money part_paid_total) {
    auto& f = *g.frame;
    auto& sale = f.screen<bl::pos::SaleScreen>();
    g.check(g.page() == "login", "after the restart the till shows the login screen");
    g.log_in("Lise", "8642");
    g.check(g.wait_for([&] { return g.page() == "sale"; }) && g.cart().lines().size() == 2,
            "the part-paid sale is back after the restart");
    g.check(g.message().find("100,00 kr.") != std::string::npos,
            "and the till says that 100 kr. of it is already paid");
    g.click(sale.cart_panel().remove_button());
    g.check(g.wait_for([&] { return g.message().find("100,00 kr.") == std::string::npos; }) &&
                g.cart().lines().size() == 2 && g.cart().totals().total == part_paid_total,
            "Remove is refused: a part-paid cart cannot shrink");
    g.click(sale.cart_panel().pay_button());
    g.check(g.wait_for([&] { return g.page() == "payment"; }),
            "Pay opens the payment for the rest");
    g.click(f.screen<bl::pos::PaymentScreen>().quick_cash_button(0));
    g.check(g.wait_for([&] { return g.page() == "done"; }), "the rest in cash completes the sale");
    g.check(g.count("SELECT count(*) FROM payment WHERE tender = 'card' AND amount_ore = 10000") ==
                1,
            "the card part payment is on the recorded sale");
    g.click(f.screen<bl::pos::DoneScreen>().next_button());
    g.wait_for([&] { return g.page() == "sale"; });

    // Refund one item of the sale just made.
    const std::int64_t number = g.count("SELECT max(receipt_number) FROM sale");
    g.key(WXK_F10);
    g.wait_for([&] { return g.page() == "menu"; });
    g.click(f.screen<bl::pos::MenuScreen>().button(bl::pos::MenuScreen::Action::refund));
    g.check(g.wait_for([&] { return g.page() == "refund_lookup"; }), "Refund asks for the receipt");
    g.click(f.screen<bl::pos::ReceiptLookupScreen>().receipt_field());
    g.type("R1-" + std::to_string(number));
    g.check(g.wait_for([&] { return g.page() == "refund"; }),
            "the scanned receipt barcode finds the receipt");
    g.click(f.screen<bl::pos::RefundScreen>().more_button());
    g.click(f.screen<bl::pos::RefundScreen>().cash_button());
    g.check(g.wait_for([&] { return g.page() == "done"; }),
            "paying back in cash completes the refund");
    g.check(g.count("SELECT count(*) FROM sale WHERE refund_of IS NOT NULL") == 1,
            "the refund is committed and references the original");
    g.click(f.screen<bl::pos::DoneScreen>().next_button());
    g.check(g.wait_for([&] { return g.page() == "sale"; }) && g.cart().empty(),
            "Next customer returns to an empty sale");
    g.key(WXK_F10);
    g.wait_for([&] { return g.page() == "menu"; });
    g.click(f.screen<bl::pos::MenuScreen>().button(bl::pos::MenuScreen::Action::close_day));
    g.check(g.wait_for([&] { return g.page() == "close"; }), "Close the day shows the Z figures");
    g.click(f.screen<bl::pos::CloseDayScreen>().counted_field());
    g.type("1400");
    g.check(g.wait_for([&] { return g.page() == "z"; }),
            "counting the cash closes the day and shows the Z report");
    g.key(WXK_RETURN);
    g.check(g.wait_for([&] { return g.page() == "login"; }), "Enter logs out");
    g.check(g.count("SELECT count(*) FROM shift WHERE closed_at IS NULL") == 0,
            "the shift is closed with a Z number");
}

gui::Registered smoke("smoke", run);

} // namespace
