// Refunds as an organiser meets them: today's receipts are listed newest first and narrowed
// by what is typed (a number or an item's name), Down and Enter pick one; the cash button
// says the rounded amount it pays out; the refund receipt neither thanks for a purchase nor
// asks to be kept for an exchange.

#include <fstream>
#include <sstream>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include "gui_rig.hpp"
#include "shared/wxui/wx_text.hpp"

namespace fs = std::filesystem;

namespace {

std::string file_text(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void run(gui::Gui& g) {
    auto& f = *g.frame;
    g.log_in("Lise", "8642");
    g.wait_for([&] { return g.page() == "open_shift"; });
    g.type("1000");
    g.wait_for([&] { return g.page() == "sale"; });
    const auto codes = g.stocked_barcodes();
    for (std::size_t i = 0; i < 2; ++i) { // two sales, paid by card
        g.type(codes.at(i));
        g.wait_for([&] { return g.cart().lines().size() == 1; });
        g.key(WXK_F12);
        g.wait_for([&] { return g.page() == "payment"; });
        g.key(WXK_F2);
        g.wait_for([&] { return g.page() == "done"; });
        g.key(WXK_RETURN);
        g.wait_for([&] { return g.page() == "sale"; });
    }
    const std::int64_t newest = g.count("SELECT max(receipt_number) FROM sale");
    g.key(WXK_F10);
    g.wait_for([&] { return g.page() == "menu"; });
    g.click(f.screen<bl::pos::MenuScreen>().button(bl::pos::MenuScreen::Action::refund));
    auto& lookup = f.screen<bl::pos::ReceiptLookupScreen>();
    g.check(g.wait_for([&] { return g.page() == "refund_lookup"; }) &&
                lookup.receipt_list()->GetItemCount() == 2 &&
                lookup.receipt_list()->GetItemText(0, 0) == wxString::Format("%lld", newest),
            "Refund lists today's receipts, newest first");
    g.check_readable("refund-lookup");
    g.shot("refund-lookup");
    // The older sale's first item, by part of its name.
    const std::string name = bl::wxui::utf8(lookup.receipt_list()->GetItemText(1, 2));
    const std::string word = name.substr(0, std::min<std::size_t>(name.find_first_of(" ,"), 6));
    g.type(word, false);
    g.check(g.wait_for([&] { return lookup.receipt_list()->GetItemCount() == 1; }) &&
                lookup.receipt_list()->GetItemText(0, 0) == wxString::Format("%lld", newest - 1),
            "typing part of an item's name narrows the list to its receipt");
    g.key(WXK_DOWN);
    g.key(WXK_RETURN);
    g.check(g.wait_for([&] { return g.page() == "refund"; }), "Down and Enter pick it");
    auto& refund = f.screen<bl::pos::RefundScreen>();
    g.click(refund.more_button());
    const auto* draft = [&]() -> const bl::pos::RefundDraft* {
        const auto* r = std::get_if<bl::pos::Refunding>(&g.till->state().mode);
        return r && r->draft ? &*r->draft : nullptr;
    }();
    g.check(draft && refund.cash_button()->GetLabel().Contains(
                         bl::wxui::money_text(-draft->total_in_cash())),
            "the cash button says the amount it pays out, rounded to 50 øre");
    g.check_readable("refund");
    g.shot("refund");
    g.click(refund.cash_button());
    g.check(g.wait_for([&] { return g.page() == "done"; }), "the refund is paid out in cash");
    const fs::path file = g.dir / "receipts" / ("R1-" + std::to_string(newest + 1) + ".txt");
    g.check(g.wait_for([&] { return fs::exists(file); }), "the refund receipt is kept");
    const std::string text = file_text(file);
    g.check(text.find("RETURNERING") != std::string::npos &&
                text.find("Tak for dit køb") == std::string::npos &&
                text.find("Gem bonen") == std::string::npos,
            "the refund receipt neither thanks for a purchase nor asks to be kept for an exchange");
}

gui::Registered refunds("refunds", run);

} // namespace
