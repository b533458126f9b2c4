// A printer that is off never freezes the till: the receipt goes to a network printer whose
// address never answers (its queue is full, so the connection is never taken); the sale is
// recorded, the change is shown and the next sale starts while the printer still has not
// answered. When it fails, the till says the receipt could not be printed and offers a copy.

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <wx/button.h>

#include "gui_rig.hpp"

namespace {

/// A printer address that never answers: a listening socket whose one-place queue is full,
/// so the kernel drops every new connection attempt; closing it makes them fail.
struct SilentPrinter {
    int listener = -1, filler = -1;
    int port = 0;
    SilentPrinter() {
        listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(listener, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::listen(listener, 0);
        socklen_t len = sizeof a;
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&a), &len);
        port = ntohs(a.sin_port);
        filler = ::socket(AF_INET, SOCK_STREAM, 0);
        ::connect(filler, reinterpret_cast<sockaddr*>(&a), sizeof a); // takes the one place
    }
    void switch_off() {
        if (listener >= 0)
            ::close(listener);
        listener = -1;
    }
    ~SilentPrinter() {
        switch_off();
        ::close(filler);
    }
};

void run(gui::Gui& g) {
    SilentPrinter printer;
    g.check(!g.sink->use_printer("127.0.0.1:" + std::to_string(printer.port)),
            "the receipt printer is a network printer that does not answer");
    g.log_in("Mette", "1357");
    g.wait_for([&] { return g.page() == "open_shift"; });
    g.type("1000");
    g.wait_for([&] { return g.page() == "sale"; });
    const auto codes = g.stocked_barcodes();
    const std::int64_t sales = g.count("SELECT count(*) FROM sale");
    g.type(codes.at(0));
    g.key(WXK_F12);
    g.wait_for([&] { return g.page() == "payment"; });
    g.key(WXK_RETURN);
    g.check(g.wait_for([&] { return g.page() == "done"; }) &&
                g.count("SELECT count(*) FROM sale") == sales + 1,
            "the sale is recorded and the change shown while the printer is silent");
    g.type(codes.at(1));
    g.check(g.wait_for([&] { return g.page() == "sale" && g.cart().lines().size() == 1; }),
            "the next sale starts at once");
    g.check(!g.asking() && g.message().find("svarer ikke") == std::string::npos,
            "and the printer still has not answered meanwhile");
    g.shot("printer-silent");

    printer.switch_off(); // now it refuses: the receipt fails
    g.check(g.wait_for(
                [&] { return g.asking() && g.message().find("svarer ikke") != std::string::npos; }),
            "the till says the receipt could not be printed, and offers a copy");
    g.check_readable("printer-off");
    g.shot("printer-off");
    const std::int64_t copies = g.count("SELECT count(*) FROM journal WHERE kind = 'receipt_copy'");
    g.answer();
    g.check(g.wait_for([&] {
        return g.count("SELECT count(*) FROM journal WHERE kind = 'receipt_copy'") == copies + 1;
    }),
            "the offered copy is printed (and journaled) with one press");
    g.check(g.cart().lines().size() == 1, "and the sale under way is untouched");
    (void)g.sink->use_printer("");          // nothing left waiting when the test ends
    g.wait_for([&] { return g.asking(); }); // the copy's own answer
}

gui::Registered printer_off("printer-off", run);

} // namespace
