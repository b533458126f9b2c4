#include "pos/model/receipt_copy_flow.hpp"

namespace bl::pos {

ReceiptCopyFlow::ReceiptCopyFlow(TillContext& till) : m_till(till) {}

void ReceiptCopyFlow::begin_copy() {
    if (m_till.need_login())
        return;
    const auto& last = m_till.state.last_receipt;
    std::string suggested;
    if (!last) {
        if (const std::int64_t n = m_till.ports.receipts.last_receipt_number(); n > 0)
            suggested = std::to_string(n);
    } else if (!last->sale.training) {
        suggested = std::to_string(last->sale.receipt_number);
    }
    m_till.views.lookup.show_receipt_lookup(ReceiptLookup::copy, suggested,
                                            m_till.todays_receipts());
}

void ReceiptCopyFlow::copy_receipt(const std::string& receipt) {
    if (m_till.need_login())
        return;
    const auto& last = m_till.state.last_receipt;
    const bool blank = receipt.find_first_not_of(" \r\n") == std::string::npos;
    std::optional<receipts::ReceiptData> data;
    if (blank && last) {
        data = *last; // the last one, training receipts included
    } else {
        std::int64_t number = 0;
        if (blank) {
            number = m_till.ports.receipts.last_receipt_number();
        } else {
            auto n = parse_receipt_reference(receipt, m_till.ports.settings.device().number);
            if (!n) {
                m_till.say(n.error());
                return;
            }
            number = n.value();
        }
        if (number == 0) {
            m_till.say(Message(BL_N_("There is no receipt to copy yet.")));
            return;
        }
        if (last && !last->sale.training && last->sale.receipt_number == number) {
            data = *last;
        } else if (auto sale = m_till.ports.receipts.find_receipt(number)) {
            data = m_till.receipt_of(*sale);
        } else {
            m_till.say(
                Message(BL_N_("Receipt %s was not found on this till."), {std::to_string(number)}));
            return;
        }
    }
    data->copy = true;
    // Journaled before it is printed: a copy nobody can account for is not printed.
    if (auto problem =
            m_till.ports.journal.journal(m_till.state.staff->id, JournalKind::receipt_copy,
                                         JsonObject{{"receipt_number", data->sale.receipt_number},
                                                    {"training", data->sale.training}})) {
        m_till.say(*problem);
        return;
    }
    m_till.show_sale();
    m_till.print(receipts::sales_receipt(*data),
                 data->sale.training ? std::nullopt : std::optional(data->sale.receipt_number));
}

} // namespace bl::pos
