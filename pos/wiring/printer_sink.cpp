#include "pos/wiring/printer_sink.hpp"

#include <fstream>

#include "pos/print/escpos.hpp"
#include "receipts/pdf/pdf_receipt.hpp"

namespace bl::pos {

namespace {

// Background thread: the copies on disk, then the printer. Touches nothing but its
// arguments.
std::optional<Message> print_and_keep(const receipts::ReceiptText& receipt,
                                      const std::filesystem::path& folder,
                                      const std::optional<PrinterTarget>& printer,
                                      const PrinterLimits& limits) {
    std::optional<Message> problem;
    // The text copy first: it is what survives a printer that is off or out of paper.
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const std::string name = (receipt.name.empty() ? std::string("bon") : receipt.name) + ".txt";
    std::ofstream out(folder / name, std::ios::binary | std::ios::trunc);
    for (const auto& l : receipt.lines)
        out << l.text << '\n';
    out.flush();
    if (!out)
        problem = Message(BL_N_("The receipt copy could not be saved in %s. Check the disk."),
                          {folder.string()});
    // And as an 80 mm PDF, which is also what an ordinary (CUPS) printer gets.
    const std::string pdf = (folder / (name.substr(0, name.size() - 4) + ".pdf")).string();
    if (auto p = receipts::write_pdf_receipt(receipt, pdf))
        problem = p;
    if (printer) {
        if (printer->kind == PrinterTarget::Kind::cups) {
            if (!problem)
                if (auto p = print_pdf_with_cups(printer->path, pdf, limits.cups))
                    problem = p;
        } else if (auto p = send_to_printer(*printer, encode_receipt(receipt),
                                            limits.network_or_device)) {
            problem = p;
        }
    }
    return problem;
}

} // namespace

PrinterSink::PrinterSink(std::optional<PrinterTarget> printer, std::filesystem::path folder,
                         Background::Post post_to_ui, PrinterLimits limits)
    : m_printer(std::move(printer)), m_folder(std::move(folder)), m_limits(limits),
      m_background(std::move(post_to_ui)) {}

void PrinterSink::deliver(const receipts::ReceiptText& receipt, Reply done) {
    m_background.submit([receipt, folder = m_folder, printer = m_printer, limits = m_limits,
                         done = std::move(done)]() -> std::function<void()> {
        auto problem = print_and_keep(receipt, folder, printer, limits);
        return [done, problem] { done(problem); };
    });
}

std::optional<Message> PrinterSink::use_printer(const std::string& setting) {
    if (setting.empty()) {
        m_printer.reset();
        return std::nullopt;
    }
    auto target = PrinterTarget::parse(setting);
    if (!target)
        return target.error();
    m_printer = target.value();
    return std::nullopt;
}

void PrinterSink::open_drawer(Reply done) {
    if (!m_printer || m_printer->kind == PrinterTarget::Kind::cups) {
        done(Message(BL_N_("No printer is set, so the drawer cannot be opened from the till. "
                           "Use the drawer's key.")));
        return;
    }
    m_background.submit([printer = *m_printer, limits = m_limits,
                         done = std::move(done)]() -> std::function<void()> {
        // ESC p 0 25 250: a pulse on the drawer pin, as after a cash sale.
        auto problem = send_to_printer(printer, std::string("\x1b\x70\x00\x19\xfa", 5),
                                       limits.network_or_device);
        return [done, problem] { done(problem); };
    });
}

} // namespace bl::pos
