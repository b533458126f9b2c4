#include "pos/model/refund_flow.hpp"

namespace bl::pos {

namespace {

const char* const only_organisers = BL_N_("Only an organiser can give refunds.");

} // namespace

RefundFlow::RefundFlow(TillContext& till) : m_till(till) {}

RefundDraft* RefundFlow::draft() {
    auto* refunding = std::get_if<Refunding>(&m_till.state.mode);
    return refunding && refunding->draft ? &*refunding->draft : nullptr;
}

void RefundFlow::begin_refund() {
    if (m_till.need_login() || !m_till.allowed(only_organisers, [this] { begin_refund(); }))
        return;
    if (!m_till.state.cart.empty() || !std::holds_alternative<Selling>(m_till.state.mode)) {
        m_till.say(Message(BL_N_("Finish or empty the current sale before a refund.")));
        return;
    }
    m_till.state.mode = Refunding{};
    m_till.views.lookup.show_receipt_lookup(ReceiptLookup::refund, {}, m_till.todays_receipts());
}

void RefundFlow::find_refund(const std::string& receipt) {
    if (m_till.need_login() || !std::holds_alternative<Refunding>(m_till.state.mode))
        return;
    auto number = parse_receipt_reference(receipt, m_till.ports.settings.device().number);
    if (!number) {
        m_till.say(number.error());
        return;
    }
    ReceiptArchive& archive = m_till.ports.receipts;
    auto sale = archive.find_receipt(number.value());
    if (!sale) {
        m_till.say(Message(BL_N_("Receipt %s was not found on this till."),
                           {std::to_string(number.value())}));
        return;
    }
    if (sale->refund_of) {
        m_till.say(Message(BL_N_("Receipt %s is itself a refund and cannot be refunded."),
                           {std::to_string(number.value())}));
        return;
    }
    std::vector<std::int64_t> already;
    for (const auto& l : sale->lines)
        already.push_back(archive.refunded(sale->id, l.line_no));
    m_till.state.mode = Refunding{RefundDraft(*sale, already)};
    m_till.views.refund.show_refund(*draft(), m_till.state.settings.mobilepay_name);
}

void RefundFlow::refund_more(std::size_t line) {
    RefundDraft* d = draft();
    if (!d || line >= d->original().lines.size())
        return;
    if (auto p = d->choose(line, d->chosen(line) + 1))
        m_till.say(*p);
    m_till.views.refund.show_refund(*d, m_till.state.settings.mobilepay_name);
}

void RefundFlow::refund_less(std::size_t line) {
    RefundDraft* d = draft();
    if (!d || line >= d->original().lines.size())
        return;
    if (d->chosen(line) > 0)
        (void)d->choose(line, d->chosen(line) - 1);
    m_till.views.refund.show_refund(*d, m_till.state.settings.mobilepay_name);
}

void RefundFlow::refund_pay(Tender tender) {
    RefundDraft* d = draft();
    if (!d || m_till.need_login() ||
        !m_till.gate(only_organisers, [this, tender] { refund_pay(tender); }))
        return;
    if (!d->any()) {
        m_till.say(Message(BL_N_("Choose what the customer brings back first.")));
        return;
    }
    TillState& s = m_till.state;
    if (!m_till.ports.shifts.current_shift()) {
        m_till.ask_float();
        return;
    }
    TenderSession pay(d->total());
    auto paid = tender == Tender::cash   ? pay.pay_cash(Money{})
                : tender == Tender::card ? pay.pay_card(std::nullopt)
                                         : pay.pay_mobilepay(std::nullopt);
    if (!paid) {
        m_till.say(paid.error());
        return;
    }
    Sale refund = d->to_sale();
    refund.payments = pay.payments();
    // Recorded in one transaction before the receipt is printed or the refund shown as done.
    auto done = m_till.ports.receipts.record_sale(s.staff->id, refund);
    if (!done) {
        m_till.say(done.error());
        return;
    }
    // Recorded: the till moves on before it reads anything else, so a fault after the commit
    // can never leave a refund on screen to be paid out twice.
    s.mode = Selling{};
    m_till.views.done.show_refund_done(done.value(), paid.value().amount, tender,
                                       s.settings.mobilepay_name);
    m_till.print_receipt_of(done.value());
    m_till.refresh_status();
}

} // namespace bl::pos
