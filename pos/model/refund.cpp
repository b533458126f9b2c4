#include "pos/model/refund.hpp"

#include "shared/core/cash_rounding.hpp"
#include "shared/core/text.hpp"

namespace bl::pos {

std::vector<Sale> matching_receipts(const std::vector<Sale>& all, const std::string& typed) {
    std::string t;
    for (char c : typed)
        if (c != '\r' && c != '\n')
            t += c;
    while (!t.empty() && t.back() == ' ')
        t.pop_back();
    while (!t.empty() && t.front() == ' ')
        t.erase(t.begin());
    if (t.empty())
        return all;
    std::vector<Sale> out;
    // A scanned receipt barcode ("R1-42") names one receipt; digits may be part of a number.
    if ((t[0] == 'R' || t[0] == 'r') && t.find('-') != std::string::npos) {
        const std::string number = t.substr(t.find('-') + 1);
        for (const auto& s : all)
            if (std::to_string(s.receipt_number) == number)
                out.push_back(s);
        return out;
    }
    if (t.find_first_not_of("0123456789") == std::string::npos) {
        for (const auto& s : all)
            if (std::to_string(s.receipt_number).find(t) != std::string::npos)
                out.push_back(s);
        return out;
    }
    std::vector<std::string> words;
    const std::string folded = search_fold(t); // split() points into it
    for (const auto w : split(folded, ' '))
        if (!w.empty())
            words.emplace_back(w);
    for (const auto& s : all) {
        std::string names;
        for (const auto& l : s.lines)
            names += search_fold(l.description) + " ";
        bool all_found = true;
        for (const auto& w : words)
            all_found = all_found && names.find(w) != std::string::npos;
        if (all_found)
            out.push_back(s);
    }
    return out;
}

Result<std::int64_t, Message> parse_receipt_reference(const std::string& input,
                                                      int this_device_number) {
    std::string s;
    for (char c : input)
        if (c != ' ' && c != '\r' && c != '\n')
            s += c;
    const Message not_a_number(BL_N_("\"%s\" is not a receipt number. Type the number from "
                                     "the receipt, or scan its barcode."),
                               {input.substr(0, 30)});
    if (s.empty())
        return err(not_a_number);
    if (s[0] == 'T' || s[0] == 't')
        return err(Message(BL_N_("That is a training receipt: it cannot be refunded or "
                                 "copied.")));
    if (s[0] == 'R' || s[0] == 'r') {
        const auto dash = s.find('-');
        if (dash == std::string::npos || dash == 1)
            return err(not_a_number);
        const std::string dev = s.substr(1, dash - 1);
        s = s.substr(dash + 1);
        if (dev.size() > 3 || dev.find_first_not_of("0123456789") != std::string::npos)
            return err(not_a_number);
        if (std::stoi(dev) != this_device_number)
            return err(Message(BL_N_("That receipt is from till %s. Find it there, or ask an "
                                     "organiser."),
                               {dev}));
    }
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
        return err(not_a_number);
    const std::int64_t n = std::stoll(s);
    if (n < 1)
        return err(not_a_number);
    return n;
}

RefundDraft::RefundDraft(Sale original, std::vector<std::int64_t> already)
    : m_original(std::move(original)), m_already(std::move(already)),
      m_chosen(m_original.lines.size(), 0) {
    m_already.resize(m_original.lines.size(), 0);
}

std::int64_t RefundDraft::can_refund(std::size_t line) const {
    return m_original.lines.at(line).quantity - m_already.at(line);
}

std::optional<Message> RefundDraft::choose(std::size_t line, std::int64_t quantity) {
    if (line >= m_chosen.size())
        return Message(BL_N_("That line is not on the receipt."));
    const std::int64_t can = can_refund(line);
    if (quantity < 0)
        return Message(BL_N_("The quantity must be at least 1. To take an item off, remove "
                             "the line."));
    if (quantity > can) {
        if (can <= 0)
            return Message(
                BL_N_("\"%s\" on receipt %s has already been refunded in full."),
                {m_original.lines[line].description, std::to_string(m_original.receipt_number)});
        return Message(BL_N_("Only %s of \"%s\" can still be refunded from receipt %s."),
                       {std::to_string(can), m_original.lines[line].description,
                        std::to_string(m_original.receipt_number)});
    }
    m_chosen[line] = quantity;
    return std::nullopt;
}

bool RefundDraft::any() const {
    for (auto q : m_chosen)
        if (q > 0)
            return true;
    return false;
}

SaleLine RefundDraft::refund_line(std::size_t i) const {
    const SaleLine& o = m_original.lines[i];
    const std::int64_t q = m_chosen[i];
    SaleLine l;
    l.product_id = o.product_id;
    l.description = o.description;
    l.quantity = -q;
    l.unit_price = o.unit_price;
    // The discount comes back in proportion, rounded so the refund never exceeds what the
    // customer paid for those units.
    l.discount = Money::from_ore(-(checked_mul(o.discount.ore(), q) / o.quantity));
    l.vat_rate = o.vat_rate;
    l.refund_of_sale_id = m_original.id;
    l.refund_of_line_no = o.line_no;
    return l;
}

Money RefundDraft::total_in_cash() const {
    return round_cash(total());
}

Money RefundDraft::total() const {
    Money t;
    for (std::size_t i = 0; i < m_chosen.size(); ++i)
        if (m_chosen[i] > 0)
            t += refund_line(i).line_total();
    return t;
}

Sale RefundDraft::to_sale() const {
    Sale s;
    for (std::size_t i = 0; i < m_chosen.size(); ++i)
        if (m_chosen[i] > 0)
            s.lines.push_back(refund_line(i));
    return s;
}

} // namespace bl::pos
