// Nothing destructive without a way back: emptying the cart, and removing a line of several
// units, ask first in the message bar (which moves nothing); Escape or any other action
// keeps the cart, the answer button (or Enter) does it; a scan while the question is asked
// goes into the cart, not into the question.

#include <wx/button.h>
#include <wx/textctrl.h>

#include "gui_rig.hpp"
#include "pos/ui/screens/cart_list.hpp"

namespace {

void run(gui::Gui& g) {
    auto& f = *g.frame;
    auto& sale = f.screen<bl::pos::SaleScreen>();
    auto& panel = sale.cart_panel();
    g.log_in("Mette", "1357");
    g.wait_for([&] { return g.page() == "open_shift"; });
    g.type("1000");
    g.wait_for([&] { return g.page() == "sale"; });
    const auto codes = g.stocked_barcodes();
    g.type(codes.at(0));
    g.type(codes.at(1));
    g.wait_for([&] { return g.cart().lines().size() == 2; });

    const wxPoint tile_at = sale.tiles().tile(0)->GetScreenPosition();
    g.click(panel.empty_button());
    g.check(g.wait_for([&] { return g.asking(); }) &&
                g.message().find("Tøm kurven med 2 varer?") != std::string::npos &&
                g.cart().lines().size() == 2,
            "Empty cart asks first (\"Tøm kurven med 2 varer?\") and keeps the cart meanwhile");
    g.check(sale.tiles().tile(0)->GetScreenPosition() == tile_at,
            "the question does not move the tiles");
    g.check_readable("empty-cart-question");
    g.shot("empty-cart-question");
    g.key(WXK_ESCAPE);
    g.check(g.wait_for([&] { return !g.asking(); }) && g.cart().lines().size() == 2,
            "Escape: the cart stays as it was");
    g.click(panel.empty_button());
    g.wait_for([&] { return g.asking(); });
    g.type(codes.at(2)); // the scanner, while the question is open
    g.check(g.wait_for([&] { return g.cart().lines().size() == 3; }) && !g.asking(),
            "a scan while the question is asked adds the item, and the question goes");
    g.click(panel.empty_button());
    g.wait_for([&] { return g.asking(); });
    g.answer();
    g.check(g.wait_for([&] { return g.cart().empty(); }), "answering yes empties the cart");
    g.check(g.count("SELECT count(*) FROM journal WHERE kind = 'sale_aborted'") == 1,
            "and the emptied cart is journaled, once");

    // A line of three: Delete asks, Enter answers.
    g.click(sale.scan_field());
    g.type("3*" + codes.at(0));
    g.wait_for([&] { return g.cart().lines().size() == 1; });
    g.click(&panel.list());
    g.key(WXK_DELETE);
    g.check(g.wait_for([&] { return g.asking(); }) && g.cart().lines().size() == 1,
            "Delete on a line of three asks first");
    g.key(WXK_RETURN);
    g.check(g.wait_for([&] { return g.cart().empty(); }), "Enter answers, and the line goes");
}

gui::Registered undo("undo", run);

} // namespace
