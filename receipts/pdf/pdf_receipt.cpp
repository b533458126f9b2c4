#include "receipts/pdf/pdf_receipt.hpp"

#include "receipts/layout/receipt_document.hpp"
#include "receipts/pdf/pdf_document.hpp"

namespace bl::receipts {

std::optional<Message> write_pdf_receipt(const ReceiptText& receipt, const std::string& path) {
    if (write_pdf(doc::receipt_document(receipt), path))
        return Message(BL_N_("The receipt PDF could not be made. The sale is saved; print it "
                             "again with Receipt copy."));
    return std::nullopt;
}

} // namespace bl::receipts
