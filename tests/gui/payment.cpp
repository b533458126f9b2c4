// Split payment wording: each part payment is named by its tender where it is shown ("Betalt
// med kort: 100,00 kr."), with the shop's own name for the mobile payment, and the amount
// field says what it sets (the cash handed over, or a part by card or mobile payment).

#include <wx/button.h>
#include <wx/textctrl.h>

#include "gui_rig.hpp"
#include "shared/store/people.hpp"
#include "shared/store/setup.hpp"

namespace {

void run(gui::Gui& g) {
    // The shop calls its mobile payment Vipps.
    std::string lise;
    for (const auto& u : bl::list_staff(*g.db))
        if (u.name == "Lise")
            lise = u.id;
    g.check(bl::set_setting(*g.db, bl::Actor{g.store->device().id, lise}, "mobilepay_name", "Vipps")
                .ok(),
            "the shop's mobile payment is called Vipps");
    g.restart_till();
    auto& f = *g.frame; // the window after the restart
    g.log_in("Mette", "1357");
    g.wait_for([&] { return g.page() == "open_shift"; });
    g.type("1000");
    g.wait_for([&] { return g.page() == "sale"; });
    const auto codes = g.stocked_barcodes(); // the two dearest: more than 150 kr.
    g.type(codes.at(codes.size() - 1));
    g.type(codes.at(codes.size() - 2));
    g.wait_for([&] { return g.cart().lines().size() == 2; });
    g.key(WXK_F12);
    g.wait_for([&] { return g.page() == "payment"; });
    auto& pay = f.screen<bl::pos::PaymentScreen>();
    g.check(pay.mobile_button()->GetLabel().StartsWith("Vipps") &&
                pay.amount_hint().Contains("Vipps") && pay.amount_hint().Contains("kontant"),
            "the payment screen names Vipps, and the amount field says it is for cash or a part");
    g.type("100", false);
    g.key(WXK_F2);
    g.check(g.wait_for([&] { return pay.paid_text().Contains("Betalt med kort: 100,00 kr."); }),
            "a card part payment is named: \"Betalt med kort: 100,00 kr.\"");
    g.type("50", false);
    g.key(WXK_F3);
    g.check(g.wait_for([&] { return pay.paid_text().Contains("Betalt med Vipps: 50,00 kr."); }) &&
                pay.paid_text().Contains("Betalt med kort: 100,00 kr."),
            "and so is the Vipps one, each on its own line");
    g.check_readable("payment-split");
    g.shot("payment-split");
    g.type("");
    g.check(g.wait_for([&] { return g.page() == "done"; }), "Enter pays the rest in cash, exactly");
    g.check(g.count("SELECT count(*) FROM payment WHERE tender = 'mobilepay' AND "
                    "amount_ore = 5000") == 1,
            "the Vipps part is recorded with the sale");
}

gui::Registered payment("payment", run);

} // namespace
