#pragma once
/// Receipts to the configured printer, with a copy of every one kept in the shop's receipts
/// folder, off the till's thread.

#include <filesystem>
#include <optional>

#include "pos/model/ports.hpp"
#include "pos/print/transport.hpp"
#include "pos/wiring/background.hpp"

namespace bl::pos {

/// Time limits for a printer that does not answer.
struct PrinterLimits {
    std::chrono::milliseconds network_or_device = std::chrono::seconds(5);
    std::chrono::milliseconds cups = std::chrono::seconds(30);
};

/// Sends receipts to the configured printer (setting "printer"), and always keeps a text
/// and a PDF copy in the shop's receipts folder, so a receipt is never lost with a jammed
/// printer. The copies and the printing are done on a background thread (see
/// background.hpp) with time limits; the answer comes back on the till's thread.
///
/// Thread affinity: every member function is called on the till's (UI) thread; each job
/// carries its own copy of the printer's address and the folder, so use_printer() never
/// races a job under way.
class PrinterSink : public ReceiptSink {
public:
    /// `post_to_ui` (wired to wxApp::CallAfter) puts the work on a background thread;
    /// without it, it is done at once (tests, tools).
    PrinterSink(std::optional<PrinterTarget> printer, std::filesystem::path folder,
                Background::Post post_to_ui = {}, PrinterLimits limits = {});
    void deliver(const receipts::ReceiptText& receipt, Reply done) override;
    void open_drawer(Reply done) override;
    std::optional<Message> use_printer(const std::string& setting) override;
    const std::filesystem::path& folder() const { return m_folder; }

private:
    std::optional<PrinterTarget> m_printer;
    std::filesystem::path m_folder;
    PrinterLimits m_limits;
    Background m_background; ///< last: its thread stops before the rest goes
};

} // namespace bl::pos
