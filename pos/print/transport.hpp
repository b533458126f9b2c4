#pragma once
/// Where receipts go: a printer's device file (/dev/usb/lp0), a network printer's raw port
/// (host:9100) or a CUPS queue. Every send has a time limit for the whole of it (connecting,
/// writing, waiting for `lp`); the till calls these off its window's thread (see
/// pos/wiring/background.hpp), so a printer that is off never freezes it.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::pos {

struct PrinterTarget {
    enum class Kind { device, tcp, cups };
    Kind kind = Kind::device;
    std::string path; ///< device, or the CUPS queue name
    std::string host; ///< tcp
    int port = 9100;  ///< tcp

    /// "/dev/usb/lp0", "192.168.1.50:9100", "printer.local" (port 9100), "[::1]:9100", or
    /// "cups:Kontorprinter" for an ordinary printer that gets the receipt as a PDF.
    static Result<PrinterTarget, Message> parse(const std::string& setting);
    std::string describe() const;
};

/// Prints a PDF file on a CUPS queue (with `lp`), or says why not; `lp` still running after
/// the time limit is stopped.
std::optional<Message>
print_pdf_with_cups(const std::string& queue, const std::string& pdf_path,
                    std::chrono::milliseconds timeout = std::chrono::seconds(30));

/// Sends the bytes whole within the time limit (for every address of the host together), or
/// says why not (in words for the shop: the sale itself is already saved, so the receipt can
/// be printed again). Looking up a host name is left to the system resolver's own limits.
std::optional<Message> send_to_printer(const PrinterTarget& target, std::string_view bytes,
                                       std::chrono::milliseconds timeout = std::chrono::seconds(5));

} // namespace bl::pos
