#pragma once
/// The catalogue, for organisers: the products with their prices, a new price (journaled
/// with the old one), and the CSV import the till uses too (shared/model), checked first and
/// imported only when the organiser says yes.

#include <string>

#include "production/model/workshop_context.hpp"

namespace bl::production {

class CatalogueFlow {
public:
    explicit CatalogueFlow(WorkshopContext& w) : m_w(w) {}

    void open();
    /// The form for a new product, for the workshop worked on.
    void new_product();
    /// Adds the product as typed (journaled); back to the list.
    void add_product(const ProductForm& form);
    void change_price(const std::string& product_id, const std::string& typed);
    /// Reads and checks a catalogue file; shows what would be imported and what not.
    void import_file(const std::string& path);
    void confirm_import();
    void cancel_import();

private:
    WorkshopContext& m_w;
};

} // namespace bl::production
