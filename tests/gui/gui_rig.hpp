#pragma once
// The till under Xvfb, driven the way a person drives it: wxUIActionSimulator moves the
// pointer, clicks and types through the X server. A scenario (one per file, registered by
// name) gets a Gui: the demo database, the till's window on it, hands to use it and checks
// that print "ok"/"FAIL" and are counted.
//
// Waiting: the simulator's events go through the X server, so each step waits until what a
// person would see has happened. The waits are long (60 s) so that a busy machine only makes
// a test slower; no check depends on how fast anything happens.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "pos/ui/till_frame.hpp"
#include "pos/wiring/printer_sink.hpp"
#include "pos/wiring/store_till.hpp"

namespace gui {

class Gui {
public:
    std::filesystem::path dir; ///< a fresh folder: the database, receipts, backups
    std::unique_ptr<bl::Database> db;
    std::unique_ptr<bl::pos::StoreTill> store;
    std::unique_ptr<bl::pos::PrinterSink> sink;
    std::unique_ptr<bl::pos::Till> till;
    bl::pos::TillFrame* frame = nullptr;
    /// Keys pressed so far (typed characters, Enter, F-keys ...).
    int keys = 0;

    /// A till window on the database, as the program starts it.
    void open_till();
    /// The power goes and the till starts again: nothing is logged out or closed.
    void restart_till();

    void check(bool ok, const std::string& what);
    bool wait_for(const std::function<bool()>& cond, int ms = 60000);
    /// Lets the window catch up with what was done to it.
    void settle();
    void click(wxWindow* w);
    /// Types text (each character a key press), then Enter unless told not to.
    void type(const std::string& text, bool enter = true);
    /// One key, such as WXK_F12 or WXK_DOWN, with modifiers (wxMOD_CONTROL ...).
    void key(int keycode, int modifiers = 0);

    /// Chooses the name and types the PIN (and Enter).
    void log_in(const std::string& name, const std::string& pin);
    const bl::pos::Cart& cart() const { return till->state().cart; }
    std::string page() const { return frame->current_page(); }
    std::string message() const { return frame->problem_text(); }
    /// Whether the message bar asks a question now; answer() presses its answer button.
    bool asking() const;
    void answer();
    std::int64_t count(const std::string& sql);
    /// Barcodes of products with stock, cheapest first.
    std::vector<std::string> stocked_barcodes();

    /// Checks that every label, button, list and text the window shows now can be read
    /// whole and lies inside the window (`what` names the screen in the output).
    void check_readable(const std::string& what);
    /// A picture of the screen, when screenshots were asked for.
    void shot(const std::string& name);

    int passes = 0, failures = 0;
    std::filesystem::path screenshots;
};

using Scenario = void (*)(Gui&);
/// Registers a scenario at start-up: `static gui::Registered r("name", run);`.
struct Registered {
    Registered(const char* name, Scenario run);
};

} // namespace gui
