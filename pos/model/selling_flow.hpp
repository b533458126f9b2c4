#pragma once
/// Ringing up: scans, tiles and searches, quantities, discounts and new prices, emptying the
/// cart, parking a sale for a customer who stepped away. Every change goes through
/// TillContext::cart_to_change().

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pos/model/till_context.hpp"

namespace bl::pos {

/// What was typed into the scan field: an optional quantity first ("3*", up to 9999), then a
/// barcode or words.
struct TypedEntry {
    std::optional<std::int64_t> quantity;
    std::string rest;  ///< after the quantity, spaces trimmed
    bool valid = true; ///< false when the quantity is not one (0*, 12345*)
};
TypedEntry read_typed(const std::string& text);

class SellingFlow {
public:
    explicit SellingFlow(TillContext& till);

    /// Enter in the scan field (a scanner types the code and presses Enter). A quantity may
    /// come first ("3*"). Digits are a barcode; words search the catalogue by name and show
    /// what was found as tiles, and the only match is added. With several matches the
    /// quantity waits for the tile that is chosen.
    void enter(const std::string& text);
    /// The scan field's text after a short pause in typing (and before a tile is pressed):
    /// words show the items they match (no message while typing); a quantity first ("3*") is
    /// for the next item; a whole barcode (13 digits) of a known item adds it.
    void type_ahead(const std::string& text);
    void scan(const std::string& code);
    /// Adds the item of a tile: as many as the quantity waiting ("3*"), else one.
    void add_product(const std::string& product_id);
    /// Forgets a quantity typed for the next item.
    void cancel_quantity();
    void increment(std::size_t line);
    void decrement(std::size_t line);
    /// Takes a line off; a line of several units asks first.
    void remove(std::size_t line);
    void set_quantity(std::size_t line, const std::string& typed);
    /// A discount on a line or the basket, as typed ("10 %" or "20 kr."); above the limit
    /// only for organisers.
    void discount_line(std::size_t line, const std::string& typed);
    void discount_basket(const std::string& typed);
    /// A new unit price for a line: organisers only, journaled before it applies.
    void override_price(std::size_t line, const std::string& typed);
    /// Empties the cart (journaled) once the person says yes to the question it asks.
    void abort_sale();
    /// Puts the cart aside; the next sale can start. resume() takes back the longest-parked
    /// one (the current cart must be empty).
    void park();
    void resume();
    /// Back to the sale screen from any other (the change, X, settings, a lookup).
    void back_to_sale();
    /// The till's other functions (refunds, copies, X and Z, the drawer, training,
    /// settings), marked by what the person logged in may do.
    void open_menu();

private:
    /// Applies a cart change that says why it failed (if it did), then shows the cart.
    template <class Change>
    void change(Change&& apply);
    /// A discount (line or basket): given, or asked of an organiser on the spot when only an
    /// organiser may give that much (`retry` gives it once they have).
    template <class Discount>
    void discount(Discount&& set, std::function<void()> retry);
    void add_scanned(const std::string& code, std::int64_t quantity);
    /// Empties the cart, asked and answered (journaled when it held anything).
    void empty_cart();
    void add_found(const Product& product, std::int64_t quantity);
    void set_next_quantity(std::int64_t quantity);
    TillContext& m_till;
    std::int64_t m_next_quantity = 1;             ///< set by Enter ("3*", or several matches)
    std::optional<std::int64_t> m_typed_quantity; ///< "3*" in the scan field, not yet entered
};

/// How a product's tile looks: its category's colour ("#rrggbb" of the palette in
/// shared/rules/catalogue_look, "" none) and its picture's version (its SHA-256, "" none).
struct TileLook {
    std::string colour;
    std::string picture;
};

/// Category buttons and their tiles, as the sale screen asks for them.
class TileSource {
public:
    explicit TileSource(Catalogue& catalogue) : m_catalogue(catalogue) {}
    std::vector<std::pair<std::string, std::int64_t>> categories() {
        return m_catalogue.categories();
    }
    std::vector<Product> products_in(const std::string& category, int limit) {
        return m_catalogue.products_in(category, limit);
    }
    /// The colour of each category that has one ("#rrggbb").
    std::map<std::string, std::string> category_colours();
    /// How the products' tiles look, one for each product, in order.
    std::vector<TileLook> looks(const std::vector<Product>& products);
    /// A product's small PNG, "" when it has none: read when its version is new to the
    /// screen, which keeps what it drew from it until the version changes.
    std::string picture(const std::string& product_id) { return m_catalogue.picture(product_id); }

private:
    Catalogue& m_catalogue;
};

} // namespace bl::pos
