// Every screen of the till, with realistic content (long names, discounts, split payments,
// four-digit totals), can be read whole on the screen the test runs on: no label, button,
// list column or hint is cut, nothing sticks out of the window, and every form's labels sit
// beside their fields. With --screenshots, a picture of each.

#include <fstream>

#include <wx/button.h>
#include <wx/textctrl.h>

#include "gui_rig.hpp"
#include "shared/wxui/form.hpp"

namespace {

void check_form(gui::Gui& g, const bl::wxui::Form& form, const std::string& what) {
    bool lined_up = true;
    for (const auto& [label, field] : form.rows()) {
        const wxRect l = label->GetScreenRect(), f = field->GetScreenRect();
        const int middle = l.y + l.height / 2;
        if (l.GetRight() >= f.x || middle < f.y || middle > f.GetBottom()) {
            lined_up = false;
            std::printf("     %s: \"%s\" is not beside its field\n", what.c_str(),
                        std::string(label->GetLabel().utf8_str()).c_str());
        }
    }
    g.check(lined_up, what + ": each label is beside its field");
}

void see(gui::Gui& g, const std::string& name) {
    g.check_readable(name);
    g.shot(name);
}

void run(gui::Gui& g) {
    auto& f = *g.frame;
    see(g, "login");
    g.log_in("Mette", "0000");
    g.check(g.wait_for([&] { return g.message().find("PIN") != std::string::npos; }),
            "a wrong PIN is said");
    see(g, "login-wrong-pin");
    g.log_in("Mette", "1357");
    g.check(g.wait_for([&] { return g.page() == "open_shift"; }), "the float is asked for");
    check_form(g, f.screen<bl::pos::OpenShiftScreen>().form(), "open-shift");
    see(g, "open-shift");
    g.type("1000");
    g.wait_for([&] { return g.page() == "sale"; });

    // A full cart: every stocked item, several of the dearest, a discount and a new price.
    auto& selling = g.till->selling();
    for (const auto& code : g.stocked_barcodes())
        selling.scan(code);
    const std::size_t last = g.cart().lines().size() - 1;
    selling.set_quantity(last, "7");
    selling.discount_line(0, "10 %");
    g.settle();
    g.check(g.cart().totals().total.ore() >= 100000, "the cart's total has four digits");
    see(g, "sale");
    g.click(f.screen<bl::pos::SaleScreen>().scan_field());
    g.type("krus");
    see(g, "sale-search");

    g.key(WXK_F10);
    g.wait_for([&] { return g.page() == "menu"; });
    see(g, "menu-staff");
    g.key(WXK_ESCAPE);
    g.wait_for([&] { return g.page() == "sale"; });

    g.key(WXK_F12);
    g.wait_for([&] { return g.page() == "payment"; });
    g.type("100", false);
    g.key(WXK_F2);
    g.type("50", false);
    g.click(f.screen<bl::pos::PaymentScreen>().mobile_button());
    g.wait_for(
        [&] { return f.screen<bl::pos::PaymentScreen>().paid_text().Contains("MobilePay"); });
    see(g, "payment");
    g.type("20000");
    g.check(g.wait_for([&] { return g.page() == "done"; }), "the sale is paid");
    see(g, "change");

    g.till->copies().begin_copy();
    g.wait_for([&] { return g.page() == "refund_lookup"; });
    check_form(g, f.screen<bl::pos::ReceiptLookupScreen>().form(), "receipt-copy");
    see(g, "receipt-copy");
    g.till->selling().back_to_sale();
    g.till->refunds().begin_refund(); // Mette is staff: an organiser approves on the spot
    g.wait_for([&] { return g.page() == "approval"; });
    see(g, "approval");
    g.till->access().cancel_approval();

    g.till->access().log_out();
    g.wait_for([&] { return g.page() == "login"; });
    g.log_in("Lise", "8642");
    g.check(g.wait_for([&] { return g.page() == "sale"; }), "the organiser logs in");
    g.till->selling().open_menu();
    g.wait_for([&] { return g.page() == "menu"; });
    see(g, "menu-organiser");
    g.till->refunds().begin_refund();
    g.wait_for([&] { return g.page() == "refund_lookup"; });
    see(g, "refund-lookup");
    g.till->refunds().find_refund(std::to_string(g.count("SELECT max(receipt_number) FROM sale")));
    g.wait_for([&] { return g.page() == "refund"; });
    g.till->refunds().refund_more(0);
    see(g, "refund");
    g.till->selling().back_to_sale();

    g.till->shift().x_report();
    g.wait_for([&] { return g.page() == "x"; });
    see(g, "x-report");

    g.till->settings().open_settings();
    g.wait_for([&] { return g.page() == "settings"; });
    auto& settings = f.screen<bl::pos::SettingsScreen>();
    for (std::size_t p = 0; p < settings.pages(); ++p) {
        settings.show_page(p);
        const std::string name = "settings-" + std::to_string(p + 1);
        check_form(g, settings.form(p), name);
        see(g, name);
    }

    const std::string csv = (g.dir / "items.csv").string();
    std::ofstream(csv) << "navn;pris;kategori\nViskestykke, hør, natur;89,00;Tekstil\n"
                          "Grydelap;ikke en pris;Tekstil\n;45,00;Tekstil\n"
                          "Bakke, eg, stor med håndtag i læder;899,95;Træ\n";
    g.till->settings().import_catalogue(csv);
    g.wait_for([&] { return g.page() == "import"; });
    see(g, "import");
    g.till->selling().back_to_sale();

    g.till->shift().set_training(true);
    g.wait_for([&] { return g.till->state().training; });
    see(g, "training");
    g.till->shift().set_training(false);

    g.till->shift().begin_close_shift();
    g.wait_for([&] { return g.page() == "close"; });
    check_form(g, f.screen<bl::pos::CloseDayScreen>().form(), "close-day");
    see(g, "close-day");
    g.click(f.screen<bl::pos::CloseDayScreen>().counted_field());
    g.type("20000");
    g.check(g.wait_for([&] { return g.page() == "z"; }), "the day is closed");
    auto& z = f.screen<bl::pos::ZReportScreen>();
    // Wait until the backup has answered (saved or not), so the picture shows how it went.
    g.wait_for([&] { return z.answered(); });
    check_form(g, z.form(), "z-report");
    see(g, "z-report");
    g.key(WXK_RETURN);
    g.check(g.wait_for([&] { return g.page() == "login"; }), "the Z report is read: logged out");
    g.log_in("Lise", "8642");
    g.check(g.wait_for([&] { return g.page() == "open_shift"; }), "the next float is asked for");
    see(g, "open-shift-after-z");
}

gui::Registered fit("fit", run);

} // namespace
