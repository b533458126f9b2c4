// Closing the day as an organiser trusts it: the drawer counted note by note shows the total,
// what is expected and the difference before anything is confirmed; the Z report is then
// shown on screen with its number and the counted notes and coins, printed and backed up
// without keeping the till waiting; the next morning's float suggests what was counted.

#include <wx/button.h>
#include <wx/textctrl.h>

#include "gui_rig.hpp"

namespace {

void run(gui::Gui& g) {
    auto& f = *g.frame;
    g.log_in("Lise", "8642");
    g.wait_for([&] { return g.page() == "open_shift"; });
    g.type("1000");
    g.wait_for([&] { return g.page() == "sale"; });
    const auto codes = g.stocked_barcodes();
    g.type(codes.at(0)); // the cheapest: 49,00 kr., paid exactly in cash
    g.key(WXK_F12);
    g.wait_for([&] { return g.page() == "payment"; });
    g.key(WXK_RETURN);
    g.wait_for([&] { return g.page() == "done"; });
    g.key(WXK_RETURN);
    g.wait_for([&] { return g.page() == "sale"; });

    g.key(WXK_F10);
    g.wait_for([&] { return g.page() == "menu"; });
    g.click(f.screen<bl::pos::MenuScreen>().button(bl::pos::MenuScreen::Action::close_day));
    auto& close = f.screen<bl::pos::CloseDayScreen>();
    g.check(g.wait_for([&] { return g.page() == "close"; }), "Close the day shows the figures");
    const auto& notes = close.denomination_fields();
    g.click(notes[0]); // 1 x 1.000 kr.
    g.type("1", false);
    g.check(g.wait_for([&] { return close.difference_text().Contains("for lidt"); }) &&
                close.counted_field()->GetValue() == "1.000,00",
            "counting a 1.000 kr. note fills in the total and shows what is missing");
    g.key(WXK_RETURN);
    g.check(g.wait_for([&] { return wxWindow::FindFocus() == notes[1]; }) && g.page() == "close",
            "Enter goes on to the next note; it does not close the day");
    g.click(notes[4]); // 1 x 50 kr.
    g.type("1", false);
    g.check(g.wait_for([&] { return close.difference_text().Contains("1,00 kr. for meget"); }),
            "a 50 kr. note more: 1,00 kr. too much, before anything is confirmed");
    g.check_readable("close-day-counted");
    g.shot("close-day-counted");
    g.click(close.confirm_button());
    auto& z = f.screen<bl::pos::ZReportScreen>();
    g.check(g.wait_for([&] { return g.page() == "z"; }) && z.title().Contains("Z-rapport nr."),
            "the Z report is shown on screen with its number");
    g.check(z.report().Contains("1 × 1.000,00 kr.") && z.report().Contains("1 × 50,00 kr.") &&
                z.report().Contains("1.050,00"),
            "with the counted notes and coins on it");
    g.check(z.difference_text().Contains("1,00 kr. for meget"),
            "and the difference beside it, where a small screen shows it whole");
    g.check(g.wait_for([&] { return z.backup_text().Contains("gemt"); }),
            "the backup is made meanwhile, and said");
    g.check_readable("z-closed");
    g.shot("z-closed");
    g.check(g.count("SELECT count(*) FROM shift WHERE closed_at IS NULL") == 0,
            "the shift is closed");
    g.key(WXK_RETURN);
    g.check(g.wait_for([&] { return g.page() == "login"; }), "Log out (Enter) ends the day");
    g.log_in("Lise", "8642");
    auto* float_field = f.screen<bl::pos::OpenShiftScreen>().float_field();
    g.check(g.wait_for([&] { return g.page() == "open_shift"; }) &&
                float_field->GetValue() == "1.050,00",
            "the next float suggests what was counted in the drawer");
    g.key(WXK_RETURN);
    g.check(g.wait_for([&] { return g.page() == "sale"; }), "and Enter takes it");
}

gui::Registered close_day("close-day", run);

} // namespace
