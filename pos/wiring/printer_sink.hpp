#pragma once
/// Receipts to the configured printer, with a copy of every one kept in the shop's receipts
/// folder.

#include <filesystem>
#include <optional>

#include "pos/model/ports.hpp"
#include "pos/print/transport.hpp"

namespace bl::pos {

/// Sends receipts to the configured printer (setting "printer"), and always keeps a text
/// and a PDF copy in the shop's receipts folder, so a receipt is never lost with a jammed
/// printer.
class PrinterSink : public ReceiptSink {
public:
    PrinterSink(std::optional<PrinterTarget> printer, std::filesystem::path folder);
    std::optional<Message> deliver(const receipts::ReceiptText& receipt) override;
    std::optional<Message> open_drawer() override;
    std::optional<Message> use_printer(const std::string& setting) override;
    const std::filesystem::path& folder() const { return m_folder; }

private:
    std::optional<PrinterTarget> m_printer;
    std::filesystem::path m_folder;
};

} // namespace bl::pos
