// Approval where it is needed: the menu says which functions need an organiser; pressing one
// asks for an organiser's PIN there and then, says what for, and goes on with the action once
// approved; the approval covers that action only. A discount above the limit works the same.

#include <wx/button.h>
#include <wx/textctrl.h>

#include "gui_rig.hpp"

namespace {

void run(gui::Gui& g) {
    auto& f = *g.frame;
    using Action = bl::pos::MenuScreen::Action;
    g.log_in("Mette", "1357");
    g.wait_for([&] { return g.page() == "open_shift"; });
    g.type("1000");
    g.wait_for([&] { return g.page() == "sale"; });

    g.key(WXK_F10);
    g.wait_for([&] { return g.page() == "menu"; });
    auto& menu = f.screen<bl::pos::MenuScreen>();
    g.check(menu.button(Action::refund)->look().detail.Contains("PIN") &&
                menu.button(Action::copy)->look().detail.empty(),
            "the menu says which functions need an organiser's PIN");
    g.click(menu.button(Action::refund));
    auto& approval = f.screen<bl::pos::ApprovalScreen>();
    g.check(g.wait_for([&] { return g.page() == "approval"; }) &&
                approval.reason().Contains("retur"),
            "Refund by staff asks for an organiser's PIN on the spot, and says what for");
    g.check_readable("approval");
    g.click(approval.pad().person_button("Lise"));
    g.click(approval.pad().pin_field());
    g.type("8642");
    g.check(g.wait_for([&] { return g.page() == "refund_lookup"; }),
            "once Lise has approved, the refund goes ahead");
    g.key(WXK_ESCAPE);
    g.till->selling().back_to_sale();
    g.wait_for([&] { return g.page() == "sale"; });
    g.key(WXK_F10);
    g.wait_for([&] { return g.page() == "menu"; });
    g.click(menu.button(Action::drawer));
    g.check(g.wait_for([&] { return g.page() == "approval"; }),
            "the approval covered that refund only: the drawer asks again");
    g.key(WXK_ESCAPE);
    g.check(g.wait_for([&] { return g.page() == "sale"; }), "Escape cancels the approval");

    // A discount above what staff may give: approved on the spot, given without typing again.
    auto& sale = f.screen<bl::pos::SaleScreen>();
    const auto codes = g.stocked_barcodes();
    g.click(sale.scan_field());
    g.type(codes.back()); // the dearest item
    g.wait_for([&] { return g.cart().lines().size() == 1; });
    const bl::Money before = g.cart().totals().total;
    g.click(sale.cart_panel().adjust_field());
    g.type("90", false);
    g.click(sale.cart_panel().line_discount_button());
    g.check(g.wait_for([&] { return g.page() == "approval"; }) &&
                approval.reason().Contains("90,00") == false &&
                approval.reason().Contains("godkendes"),
            "a discount above the limit asks for an organiser's PIN, and says why");
    g.click(approval.pad().person_button("Lise"));
    g.click(approval.pad().pin_field());
    g.type("8642");
    g.check(g.wait_for([&] { return g.page() == "sale"; }) &&
                g.cart().totals().total == before - bl::Money::from_kroner(90),
            "once approved, the discount is given");
}

gui::Registered approval("approval", run);

} // namespace
