// Messages that do not push the screen around, and that go when they are stale: a search
// that finds something takes "no item called ..." away, and logging in takes away the
// previous person's lockout; showing a message never moves the tiles or the PIN pad.

#include <wx/button.h>
#include <wx/textctrl.h>

#include "gui_rig.hpp"
#include "shared/wxui/tile_grid.hpp"

namespace {

void run(gui::Gui& g) {
    auto& f = *g.frame;
    auto& pad = f.screen<bl::pos::LoginScreen>().pad();
    g.log_in("Mette", "1357");
    g.wait_for([&] { return g.page() == "open_shift"; });
    g.type("1000");
    g.wait_for([&] { return g.page() == "sale"; });

    // On the sale screen: a search that finds nothing is said, and the tiles stay put.
    auto& sale = f.screen<bl::pos::SaleScreen>();
    wxWindow* first_tile = sale.tiles().tile(0);
    g.check(first_tile != nullptr, "the sale screen shows item tiles");
    if (!first_tile)
        return;
    const wxPoint tile_at = first_tile->GetScreenPosition();
    const wxPoint cart_at = sale.cart_panel().GetScreenPosition();
    g.click(sale.scan_field());
    g.type("xyzzy");
    g.check(g.wait_for([&] { return g.message().find("xyzzy") != std::string::npos; }),
            "a search that finds nothing is said");
    g.check(first_tile->GetScreenPosition() == tile_at &&
                sale.cart_panel().GetScreenPosition() == cart_at,
            "and the tiles and the cart do not move");
    g.type("krus");
    g.check(g.wait_for([&] { return f.message_bar().last_text().empty(); }),
            "a search that finds something takes the message away");
    g.check(sale.tiles().tile(0) && sale.tiles().tile(0)->GetScreenPosition() == tile_at,
            "its results are where the tiles were");

    // Jonas types wrong PINs until he is locked out; Mette logs in after him.
    g.till->access().log_out();
    g.wait_for([&] { return g.page() == "login"; });
    const wxPoint pad_at = pad.pin_field()->GetScreenPosition();
    for (int i = 0; i < 5; ++i)
        g.log_in("Jonas", "0000");
    g.check(g.wait_for([&] { return g.message().find("forkerte PIN") != std::string::npos; }),
            "five wrong PINs lock Jonas out, and the till says so");
    g.check(pad.pin_field()->GetScreenPosition() == pad_at,
            "the message does not move the PIN pad");
    g.log_in("Mette", "1357");
    g.check(g.wait_for([&] { return g.page() == "sale"; }), "Mette logs in to the open shift");
    g.check(g.wait_for([&] { return f.message_bar().last_text().empty(); }),
            "and Jonas's lockout is no longer said");
    g.check_readable("messages");
}

gui::Registered messages("messages", run);

} // namespace
