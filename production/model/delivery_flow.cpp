#include "production/model/delivery_flow.hpp"

#include <algorithm>
#include <cstdio>

#include "production/model/batch_draft.hpp"
#include "receipts/layout/production_documents.hpp"
#include "shared/core/text.hpp"

namespace bl::production {

void DeliveryFlow::show() {
    DeliveriesPage page;
    for (const auto& b : m_w.batches_here()) {
        if (b.at_workshop > 0)
            page.batches.push_back(b);
        if (b.units > b.at_workshop)
            page.at_shops.push_back(b);
    }
    page.shops = m_w.ports.station.shops();
    if (m_w.state.delivery_shop.empty() && !page.shops.empty())
        m_w.state.delivery_shop = page.shops.front().id;
    page.shop_id = m_w.state.delivery_shop;
    page.lines = m_w.state.delivery;
    for (const auto& l : page.lines)
        page.units += l.units;
    m_w.views.deliveries.show_deliveries(page);
}

void DeliveryFlow::open() {
    if (m_w.need_login())
        return;
    show();
}

void DeliveryFlow::choose_shop(const std::string& shop_id) {
    if (m_w.need_login())
        return;
    const auto shops = m_w.ports.station.shops();
    if (std::none_of(shops.begin(), shops.end(), [&](const Shop& s) { return s.id == shop_id; })) {
        m_w.say(Message(BL_N_("That shop does not exist.")));
        return;
    }
    m_w.state.delivery_shop = shop_id;
    show();
}

std::optional<std::int64_t> DeliveryFlow::read_units(const std::string& typed, const char* none) {
    const std::string t = trimmed(typed);
    auto n = parse_whole_number(t);
    if (t.empty() || !n) {
        m_w.say(Message(BL_N_("Units: type how many, as a whole number.")));
        return std::nullopt;
    }
    if (*n <= 0) {
        m_w.say(Message(none));
        return std::nullopt;
    }
    return *n;
}

void DeliveryFlow::add_line(const std::string& batch_id, const std::string& typed) {
    if (m_w.need_login())
        return;
    const auto batches = m_w.batches_here();
    auto b = std::find_if(batches.begin(), batches.end(),
                          [&](const BatchChoice& c) { return c.batch_id == batch_id; });
    if (b == batches.end()) {
        m_w.say(Message(BL_N_("Choose a batch of this workshop.")));
        return;
    }
    auto units = read_units(typed, BL_N_("Deliver at least one unit."));
    if (!units)
        return;
    auto& lines = m_w.state.delivery;
    auto at = std::find_if(lines.begin(), lines.end(), [&](const DeliveryDraftLine& l) {
        return l.batch.batch_id == batch_id;
    });
    const std::int64_t already = at == lines.end() ? 0 : at->units;
    if (*units + already > b->at_workshop) {
        m_w.say(Message(BL_N_("Only %s units of this batch are at the workshop."),
                        {std::to_string(b->at_workshop)}));
        return;
    }
    if (at == lines.end())
        lines.push_back({*b, *units});
    else
        at->units += *units;
    show();
}

void DeliveryFlow::remove_line(std::size_t index) {
    if (m_w.need_login() || index >= m_w.state.delivery.size())
        return;
    m_w.state.delivery.erase(m_w.state.delivery.begin() + static_cast<std::ptrdiff_t>(index));
    show();
}

void DeliveryFlow::deliver() {
    if (m_w.need_login())
        return;
    const auto shops = m_w.ports.station.shops();
    auto shop = std::find_if(shops.begin(), shops.end(),
                             [&](const Shop& s) { return s.id == m_w.state.delivery_shop; });
    if (shop == shops.end()) {
        m_w.say(Message(BL_N_("Choose the shop the goods go to.")));
        return;
    }
    if (m_w.state.delivery.empty()) {
        m_w.say(Message(BL_N_("Add at least one batch to the delivery.")));
        return;
    }
    std::vector<DeliveryLine> lines;
    for (const auto& l : m_w.state.delivery)
        lines.push_back({l.batch.batch_id, l.units});
    auto delivered = m_w.ports.production.deliver(m_w.staff_id(), shop->id, lines);
    if (!delivered) {
        m_w.say(delivered.error());
        return;
    }
    // The delivery is recorded; now its note.
    const Timestamp now = m_w.ports.station.now();
    const LocalTime t = to_copenhagen(now);
    char number[40];
    std::snprintf(number, sizeof number, "%03d-%04d%02d%02d-%02d%02d%02d",
                  m_w.ports.station.device().number, t.year, t.month, t.day, t.hour, t.minute,
                  t.second);
    doc::DeliveryNoteData note;
    note.workshop = m_w.workshop();
    note.shop = *shop;
    note.number = number;
    note.delivered_at = now;
    note.delivered_by = m_w.state.staff->name;
    const auto products = m_w.ports.production.products();
    for (const auto& l : m_w.state.delivery) {
        Money price;
        for (const auto& p : products)
            if (p.id == l.batch.product_id)
                price = p.price;
        note.lines.push_back(
            {l.batch.product_name, l.batch.label_code, l.batch.produced_on, l.units, price});
    }
    m_w.state.delivery.clear();
    m_w.refresh_status();
    show();
    auto saved = m_w.ports.documents.save_pdf(doc::delivery_note(note),
                                              std::string("foelgeseddel-") + number + ".pdf");
    if (!saved) {
        m_w.say(saved.error());
        return;
    }
    m_w.news(
        Message(BL_N_("The delivery to %1$s is recorded (units: %2$s). The delivery note is %3$s."),
                {shop->name, std::to_string(delivered.value()), saved.value()}));
}

void DeliveryFlow::report_back(const std::string& batch_id, const std::string& typed, bool broken) {
    if (m_w.need_login())
        return;
    const auto batches = m_w.batches_here();
    if (std::none_of(batches.begin(), batches.end(),
                     [&](const BatchChoice& c) { return c.batch_id == batch_id; })) {
        m_w.say(Message(BL_N_("Choose a batch of this workshop.")));
        return;
    }
    if (m_w.state.delivery_shop.empty()) {
        m_w.say(Message(BL_N_("Choose the shop the goods go to.")));
        return;
    }
    auto units = read_units(typed, BL_N_("Report at least one unit."));
    if (!units)
        return;
    auto r = m_w.ports.production.report_back(m_w.staff_id(), batch_id, m_w.state.delivery_shop,
                                              *units, broken);
    if (!r) {
        m_w.say(r.error());
        return;
    }
    m_w.refresh_status();
    show();
    m_w.news(broken ? Message(BL_N_("Taken out of stock as broken: %s of this batch."),
                              {std::to_string(*units)})
                    : Message(BL_N_("Back at the workshop now: %s of this batch."),
                              {std::to_string(*units)}));
}

} // namespace bl::production
