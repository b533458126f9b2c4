// Logging in as a new cashier does it: a PIN typed before a name is chosen is not kept and
// the pad says to choose a name first (typed or with the keypad); a wrong PIN is said and the
// field is empty again for the next try.

#include <wx/button.h>
#include <wx/textctrl.h>

#include "gui_rig.hpp"

namespace {

void run(gui::Gui& g) {
    auto& pad = g.frame->screen<bl::pos::LoginScreen>().pad();
    g.click(pad.pin_field());
    g.type("1", false);
    g.check(g.wait_for([&] { return pad.hint().Contains("først"); }) && pad.pin_field()->IsEmpty(),
            "a PIN typed before a name is chosen says \"choose your name first\" and is not kept");
    g.check_readable("login-choose-first");
    g.shot("login-choose-first");
    g.click(pad.person_button("Mette"));
    g.check(pad.hint().Contains("Mette") && !pad.hint().Contains("først"),
            "choosing a name asks for that person's PIN");
    g.click(pad.pin_field());
    g.type("0000");
    g.check(g.wait_for([&] { return g.message().find("Forkert PIN") != std::string::npos; }),
            "a wrong PIN is said");
    g.check(pad.pin_field()->IsEmpty(), "and the PIN field is empty for the next try");
    g.type("1357");
    g.check(g.wait_for([&] { return g.page() == "open_shift"; }),
            "the right PIN logs in straight away");
}

gui::Registered login("login", run);

} // namespace
