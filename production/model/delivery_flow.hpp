#pragma once
/// Deliveries: units of the workshop's batches to a shop, in one transaction, with a
/// delivery note (PDF) for both to sign; and what a shop reports back (units returned to the
/// workshop, or broken) as journaled stock moves.

#include <string>

#include "production/model/workshop_context.hpp"

namespace bl::production {

class DeliveryFlow {
public:
    explicit DeliveryFlow(WorkshopContext& w) : m_w(w) {}

    void open();
    void choose_shop(const std::string& shop_id);
    /// Puts units of a batch on the delivery (added to what is on it of the batch already).
    void add_line(const std::string& batch_id, const std::string& units);
    void remove_line(std::size_t index);
    /// Delivers everything on it and saves the delivery note.
    void deliver();
    /// The shop reports units of a batch back: returned to the workshop, or broken.
    void report_back(const std::string& batch_id, const std::string& units, bool broken);

private:
    void show();
    std::optional<std::int64_t> read_units(const std::string& typed, const char* none);
    WorkshopContext& m_w;
};

} // namespace bl::production
