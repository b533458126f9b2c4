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

std::optional<receipts::ReceiptData>
ReceiptCopyFlow::receipt_asked_for(const std::string& receipt) {
    const auto& last = m_till.state.last_receipt;
    const bool blank = receipt.find_first_not_of(" \r\n") == std::string::npos;
    if (blank && last)
        return *last; // the last one, training receipts included
    std::int64_t number = 0;
    if (blank) {
        number = m_till.ports.receipts.last_receipt_number();
    } else {
        auto n = parse_receipt_reference(receipt, m_till.ports.settings.device().number);
        if (!n) {
            m_till.say(n.error());
            return std::nullopt;
        }
        number = n.value();
    }
    if (number == 0) {
        m_till.say(Message(BL_N_("There is no receipt on this till yet.")));
        return std::nullopt;
    }
    if (last && !last->sale.training && last->sale.receipt_number == number)
        return *last;
    if (auto sale = m_till.ports.receipts.find_receipt(number))
        return m_till.receipt_of(*sale);
    m_till.say(Message(BL_N_("Receipt %s was not found on this till."), {std::to_string(number)}));
    return std::nullopt;
}

void ReceiptCopyFlow::copy_receipt(const std::string& receipt) {
    if (m_till.need_login())
        return;
    auto data = receipt_asked_for(receipt);
    if (!data)
        return;
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

std::optional<doc::ImpactReceiptData> ReceiptCopyFlow::impact_of(const Sale& sale) {
    const std::string number = std::to_string(sale.receipt_number);
    if (sale.training) {
        m_till.say(Message(BL_N_("A training sale has nothing behind it to print: it counts "
                                 "nowhere.")));
        return std::nullopt;
    }
    if (sale.refund_of) {
        m_till.say(Message(BL_N_("Receipt %s is a refund. \"Bag om tingene\" is printed for "
                                 "the sale it refunds."),
                           {number}));
        return std::nullopt;
    }
    auto data = m_till.ports.receipts.impact_receipt(sale.id);
    if (!data)
        m_till.say(Message(BL_N_("Receipt %s was not found on this till."), {number}));
    return data;
}

void ReceiptCopyFlow::print_impact(const doc::ImpactReceiptData& data) {
    // Not a receipt of the sale (no amounts, no KOPI), so nothing is journaled: printing it
    // changes nothing. It goes to the printer like a receipt, off the till's thread; a
    // printer problem is said when it comes back, and the button is there to try again.
    m_till.views.messages.show_news(
        Message(BL_N_("\"Bag om tingene\" for receipt %s is being printed."),
                {std::to_string(data.receipt_number)}));
    m_till.print(doc::impact_receipt_text(data));
}

void ReceiptCopyFlow::impact_receipt(const std::string& receipt) {
    if (m_till.need_login())
        return;
    auto asked = receipt_asked_for(receipt);
    if (!asked)
        return;
    auto data = impact_of(asked->sale);
    if (!data)
        return;
    m_till.show_sale();
    print_impact(*data);
}

void ReceiptCopyFlow::impact_of_last_sale() {
    if (m_till.need_login())
        return;
    const auto& last = m_till.state.last_receipt;
    if (!last) {
        m_till.say(Message(BL_N_("There is no receipt on this till yet.")));
        return;
    }
    if (auto data = impact_of(last->sale))
        print_impact(*data);
}

} // namespace bl::pos
