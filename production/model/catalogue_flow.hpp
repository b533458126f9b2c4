#pragma once
/// The catalogue, for organisers: the products with their prices, a new price (journaled
/// with the old one), and the CSV import the till uses too (shared/model), checked first and
/// imported only when the organiser says yes.

#include <optional>
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
    /// Gives a category a colour of the palette on the till's tiles ("" none).
    void set_category_colour(const std::string& category, const std::string& colour);
    /// Gives a product the picture in a PNG or JPEG file, made small (shared/model/picture).
    void set_picture(const std::string& product_id, const std::string& path);
    void remove_picture(const std::string& product_id);
    /// Reads and checks a catalogue file; shows what would be imported and what not.
    void import_file(const std::string& path);
    void confirm_import();
    void cancel_import();

private:
    /// The catalogue's product, or none with "That product does not exist." said.
    std::optional<Product> product_or_say(const std::string& product_id);
    WorkshopContext& m_w;
};

} // namespace bl::production
