#include "pos/model/tender.hpp"

#include "shared/core/cash_rounding.hpp"
#include "shared/core/text.hpp"

namespace bl::pos {

Money TenderSession::remaining() const {
    Money r = m_total;
    for (const auto& p : m_payments)
        r -= p.amount - p.rounding; // what each payment settles of the exact total
    return r;
}

Money TenderSession::remaining_in_cash() const {
    return round_cash(remaining());
}

Money TenderSession::change() const {
    Money c;
    for (const auto& p : m_payments)
        c += p.change;
    return c;
}

Money TenderSession::paid() const {
    Money sum;
    for (const auto& p : m_payments)
        sum += p.amount;
    return sum;
}

Result<Payment, Message> TenderSession::pay_cash(Money handed_over) {
    const Money rest = remaining();
    if (rest.is_zero())
        return err(Message(BL_N_("The sale is already paid.")));
    Payment p;
    p.tender = Tender::cash;
    if (rest.is_negative()) { // a refund: pay the rest out, rounded
        p.amount = round_cash(rest);
        p.rounding = p.amount - rest;
        m_payments.push_back(p);
        return p;
    }
    if (handed_over.ore() <= 0)
        return err(Message(BL_N_("Type the amount the customer handed over.")));
    if (handed_over.ore() % 50 != 0)
        return err(Message(BL_N_("Cash comes in whole 50 øre: %s cannot be handed over."),
                           {format_dkk(handed_over)}));
    const Money due = round_cash(rest);
    if (handed_over >= due) {
        p.amount = due;
        p.rounding = due - rest;
        p.tendered = handed_over;
        p.change = handed_over - due;
    } else {
        // A part payment in cash: no rounding now; the rest is paid another way.
        p.amount = handed_over;
        p.tendered = handed_over;
    }
    m_payments.push_back(p);
    return p;
}

Result<Payment, Message> TenderSession::pay_exact(Tender t, std::optional<Money> amount,
                                                  std::string reference) {
    const Money rest = remaining();
    if (rest.is_zero())
        return err(Message(BL_N_("The sale is already paid.")));
    const Money a = amount.value_or(rest);
    if (a.is_zero() || a.is_negative() != rest.is_negative())
        return err(Message(BL_N_("Type an amount between 0 kr. and the %s still due."),
                           {format_dkk(rest)}));
    if ((rest.is_negative() ? -a : a) > (rest.is_negative() ? -rest : rest))
        return err(Message(BL_N_("%s is more than the %s still due. Card and mobile payments "
                                 "are paid to the øre, so there is no change."),
                           {format_dkk(a), format_dkk(rest)}));
    Payment p;
    p.tender = t;
    p.amount = a;
    p.reference = std::move(reference);
    m_payments.push_back(p);
    return p;
}

Result<Payment, Message> TenderSession::pay_card(std::optional<Money> amount,
                                                 std::string reference) {
    return pay_exact(Tender::card, amount, std::move(reference));
}

Result<Payment, Message> TenderSession::pay_mobilepay(std::optional<Money> amount,
                                                      std::string reference) {
    return pay_exact(Tender::mobilepay, amount, std::move(reference));
}

void TenderSession::undo_last() {
    if (!m_payments.empty())
        m_payments.pop_back();
}

std::vector<Money> TenderSession::quick_cash_amounts() const {
    std::vector<Money> out;
    const Money due = remaining_in_cash();
    if (due.ore() <= 0)
        return out;
    out.push_back(due);
    for (std::int64_t kr : {50, 100, 200, 500, 1000}) {
        const Money m = Money::from_kroner(kr);
        if (m > due)
            out.push_back(m);
    }
    return out;
}

namespace {

constexpr std::string_view payment_prefix = "pay;";

} // namespace

bool is_saved_payment(std::string_view line) {
    return line.substr(0, payment_prefix.size()) == payment_prefix;
}

std::string save_payments(const std::vector<Payment>& payments) {
    std::string out;
    for (const auto& p : payments) {
        // The reference is the only free text: it loses what would break the line.
        std::string reference;
        for (char c : p.reference)
            if (c != ';' && c != '\n' && c != '\r')
                reference += c;
        if (!out.empty())
            out += '\n';
        out += std::string(payment_prefix) + std::string(to_string(p.tender)) + ";" +
               std::to_string(p.amount.ore()) + ";" + std::to_string(p.tendered.ore()) + ";" +
               std::to_string(p.change.ore()) + ";" + std::to_string(p.rounding.ore()) + ";" +
               reference;
    }
    return out;
}

std::vector<Payment> restore_payments(std::string_view saved, std::size_t& dropped) {
    std::vector<Payment> out;
    dropped = 0;
    // Amounts no till takes (a text it did not write) are left out, so that adding them up
    // can never overflow.
    constexpr std::int64_t most = max_kept_ore;
    auto fits = [](const std::optional<std::int64_t>& v) { return v && *v >= -most && *v <= most; };
    std::int64_t paid = 0;
    for (const std::string_view line : split(saved, '\n')) {
        if (line.empty())
            continue;
        // save_payments keeps ';' out of the reference, so a line has exactly seven fields.
        const auto f = split(line, ';');
        const bool seven = f.size() == 7 && f[0] == "pay";
        const auto tender = seven ? tender_from(f[1]) : std::nullopt;
        const auto amount = tender ? parse_whole_number(f[2]) : std::nullopt;
        const auto tendered = tender ? parse_whole_number(f[3]) : std::nullopt;
        const auto change = tender ? parse_whole_number(f[4]) : std::nullopt;
        const auto rounding = tender ? parse_whole_number(f[5]) : std::nullopt;
        if (!fits(amount) || !fits(tendered) || !fits(change) || !fits(rounding) || *amount == 0 ||
            paid + *amount < -most || paid + *amount > most) {
            ++dropped;
            continue;
        }
        paid += *amount;
        Payment p;
        p.tender = *tender;
        p.amount = Money::from_ore(*amount);
        p.tendered = Money::from_ore(*tendered);
        p.change = Money::from_ore(*change);
        p.rounding = Money::from_ore(*rounding);
        p.reference = std::string(f[6]);
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace bl::pos
