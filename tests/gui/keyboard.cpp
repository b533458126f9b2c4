// Search and the keyboard, as a cashier without a scanner uses them: results update while
// typing; Down goes from the scan field into the results, the arrows move between tiles and
// on into the cart, Enter adds; a quantity typed first ("3*") counts for a scan and for a
// tile; the payment screen takes digits at once. And the measure: the key presses of a
// whole two-item cash sale, printed.

#include <wx/button.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include "gui_rig.hpp"
#include "pos/ui/screens/cart_list.hpp"
#include "shared/core/text.hpp"
#include "shared/store/catalogue.hpp"

namespace {

/// The shortest part of an item's name (three letters or more, within a word) that the
/// search finds it alone by: what a cashier who knows the shop's goods types.
std::string shortest_query(gui::Gui& g, const bl::Product& p) {
    const std::string folded = bl::search_fold(p.name);
    for (std::size_t n = 3; n <= folded.size(); ++n)
        for (std::size_t at = 0; at + n <= folded.size(); ++at) {
            const std::string q = folded.substr(at, n);
            if (q.find_first_of(" ,.") != std::string::npos)
                continue;
            const auto found = bl::search_products(*g.db, q, 30);
            if (found.size() == 1 && found[0].id == p.id)
                return q;
        }
    return folded;
}

void run(gui::Gui& g) {
    auto& f = *g.frame;
    auto& sale = f.screen<bl::pos::SaleScreen>();
    g.log_in("Mette", "1357");
    g.wait_for([&] { return g.page() == "open_shift"; });
    g.type("1000");
    g.wait_for([&] { return g.page() == "sale"; });

    // Results while typing: no Enter, only a pause.
    g.type("krus", false);
    auto shows_only = [&](const char* part) {
        auto& tiles = sale.tiles();
        if (tiles.count() == 0)
            return false;
        for (std::size_t i = 0; i < tiles.count(); ++i)
            if (!tiles.tile(i)->look().title.Lower().Contains(wxString::FromUTF8(part)))
                return false;
        return true;
    };
    g.check(g.wait_for([&] { return shows_only("krus"); }),
            "the results show what is typed, after a short pause, without Enter");
    g.check(g.cart().empty(), "and nothing is added while typing");
    g.shot("search-as-you-type");

    // Down into the results, across, Enter adds; right from the end of a row into the cart.
    g.key(WXK_DOWN);
    g.check(wxWindow::FindFocus() == sale.tiles().tile(0), "Down goes into the first result");
    const std::size_t results = sale.tiles().count();
    if (results > 1) {
        g.key(WXK_RIGHT);
        g.check(wxWindow::FindFocus() == sale.tiles().tile(1), "Right goes to the next result");
    }
    wxWindow* focused = wxWindow::FindFocus();
    const wxString chosen = focused ? focused->GetLabel().BeforeFirst('\n') : wxString();
    g.key(WXK_RETURN);
    g.check(g.wait_for([&] { return g.cart().lines().size() == 1; }) &&
                wxString::FromUTF8(g.cart().lines()[0].product.name) == chosen,
            "Enter adds the result with the keyboard");
    g.key(WXK_DOWN);
    for (std::size_t i = 0; i < results; ++i)
        g.key(WXK_RIGHT);
    g.check(wxWindow::FindFocus() == &sale.cart_panel().list(),
            "Right from the end of a row goes into the cart");
    g.type("+", false);
    g.check(g.wait_for([&] { return g.cart().lines()[0].quantity == 2; }),
            "+ in the cart adds one to the chosen line");
    g.key(WXK_ESCAPE);
    g.check(wxWindow::FindFocus() == sale.scan_field(), "Escape goes back to the scan field");

    // A quantity first: for a scan, and for a tile.
    const auto codes = g.stocked_barcodes();
    g.type("3*" + codes.at(0));
    g.check(g.wait_for([&] { return g.cart().lines().size() == 2; }) &&
                g.cart().lines()[1].quantity == 3,
            "3* before a scan adds three");
    g.type("2*", false);
    g.click(sale.tiles().tile(0));
    const bool two = g.wait_for([&] { return g.cart().totals().items == 7; });
    if (!two)
        std::printf("     items %lld, field \"%s\"\n",
                    static_cast<long long>(g.cart().totals().items),
                    std::string(sale.scan_field()->GetValue().utf8_str()).c_str());
    g.check(two && sale.scan_field()->IsEmpty(),
            "2* before a tile adds two, and the field is empty again");
    g.till->selling().abort_sale();
    if (g.asking())
        g.answer();
    g.wait_for([&] { return g.cart().empty(); });

    // The measure: a two-item cash sale with the keyboard alone (no scanner, no mouse).
    std::vector<std::string> queries;
    for (const auto& code : codes) {
        if (queries.size() == 2)
            break;
        if (auto p = bl::find_product_by_barcode(*g.db, code))
            queries.push_back(shortest_query(g, *p));
    }
    g.click(sale.scan_field());
    g.keys = 0;
    g.type(queries.at(0));
    g.wait_for([&] { return g.cart().lines().size() == 1; });
    g.type(queries.at(1));
    g.wait_for([&] { return g.cart().lines().size() == 2; });
    g.key(WXK_F12);
    g.wait_for([&] { return g.page() == "payment"; });
    g.key(WXK_RETURN); // the customer hands over the exact amount
    g.check(g.wait_for([&] { return g.page() == "done"; }), "the two-item sale is paid in cash");
    std::printf("key presses for a two-item cash sale: %d (\"%s\" Enter, \"%s\" Enter, F12, "
                "Enter)\n",
                g.keys, queries[0].c_str(), queries[1].c_str());
    g.check(g.keys <= 12, "a two-item cash sale takes at most 12 key presses");

    // Digits typed at once on the payment screen count.
    g.type(codes.at(0));
    g.wait_for([&] { return g.page() == "sale"; });
    g.key(WXK_F12);
    g.wait_for([&] { return g.page() == "payment"; });
    g.type("500");
    g.check(g.wait_for([&] { return g.page() == "done"; }),
            "digits typed at once on the payment screen are the cash handed over");
}

gui::Registered keyboard("keyboard", run);

} // namespace
