#pragma once
/// Ringing up: scans, tiles and searches, quantities, discounts and new prices, emptying the
/// cart, parking a sale for a customer who stepped away. Every change goes through
/// TillContext::cart_to_change().

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "pos/model/till_context.hpp"

namespace bl::pos {

class SellingFlow {
public:
    explicit SellingFlow(TillContext& till);

    /// The scan field: a scanner types the code and presses Enter. Digits are a barcode;
    /// words search the catalogue by name and show what was found as tiles.
    void enter(const std::string& text);
    void scan(const std::string& code);
    void add_product(const std::string& product_id);
    void increment(std::size_t line);
    void decrement(std::size_t line);
    void remove(std::size_t line);
    void set_quantity(std::size_t line, const std::string& typed);
    /// A discount on a line or the basket, as typed ("10 %" or "20 kr."); above the limit
    /// only for organisers.
    void discount_line(std::size_t line, const std::string& typed);
    void discount_basket(const std::string& typed);
    /// A new unit price for a line: organisers only, journaled before it applies.
    void override_price(std::size_t line, const std::string& typed);
    /// Empties the cart (journaled when it held anything).
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
    TillContext& m_till;
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

private:
    Catalogue& m_catalogue;
};

} // namespace bl::pos
