#include "pos/wiring/printer_sink.hpp"

#include <fstream>

#include "pos/print/escpos.hpp"
#include "receipts/pdf/pdf_receipt.hpp"

namespace bl::pos {

PrinterSink::PrinterSink(std::optional<PrinterTarget> printer, std::filesystem::path folder)
    : m_printer(std::move(printer)), m_folder(std::move(folder)) {}

std::optional<Message> PrinterSink::deliver(const receipts::ReceiptText& receipt) {
    std::optional<Message> problem;
    // The text copy first: it is what survives a printer that is off or out of paper.
    std::error_code ec;
    std::filesystem::create_directories(m_folder, ec);
    const std::string name = (receipt.name.empty() ? std::string("bon") : receipt.name) + ".txt";
    std::ofstream out(m_folder / name, std::ios::binary | std::ios::trunc);
    for (const auto& l : receipt.lines)
        out << l.text << '\n';
    out.flush();
    if (!out)
        problem = Message(BL_N_("The receipt copy could not be saved in %s. Check the disk."),
                          {m_folder.string()});
    // And as an 80 mm PDF, which is also what an ordinary (CUPS) printer gets.
    const std::string pdf = (m_folder / (name.substr(0, name.size() - 4) + ".pdf")).string();
    if (auto p = receipts::write_pdf_receipt(receipt, pdf))
        problem = p;
    if (m_printer) {
        if (m_printer->kind == PrinterTarget::Kind::cups) {
            if (!problem)
                if (auto p = print_pdf_with_cups(m_printer->path, pdf))
                    problem = p;
        } else if (auto p = send_to_printer(*m_printer, encode_receipt(receipt))) {
            problem = p;
        }
    }
    return problem;
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

std::optional<Message> PrinterSink::open_drawer() {
    if (!m_printer || m_printer->kind == PrinterTarget::Kind::cups)
        return Message(BL_N_("No printer is set, so the drawer cannot be opened from the till. "
                             "Use the drawer's key."));
    // ESC p 0 25 250: a pulse on the drawer pin, as after a cash sale.
    return send_to_printer(*m_printer, std::string("\x1b\x70\x00\x19\xfa", 5));
}

} // namespace bl::pos
