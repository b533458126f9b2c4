#pragma once
/// Products: adding, price changes, lookup by barcode and search by name.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/store/actor.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// Adds a product after checking its name, price, VAT rate, barcode and SKU. A product
/// without a barcode gets an internal "28…" code.
Result<Product, Message> add_product(Database& db, const Actor& actor, Product p);

/// Adds several products in one transaction (a catalogue import): all or none. On failure
/// says which one (its index; products.size() when no product is to blame, a failing disk
/// say) and why. Each product gets the checks of add_product (check_product first).
Result<std::size_t, std::pair<std::size_t, Message>>
add_products(Database& db, const Actor& actor, const std::vector<Product>& products);

/// Changes a product's price; journaled with the old and new price.
Result<Product, Message> change_price(Database& db, const Actor& actor,
                                      const std::string& product_id, Money new_price);

std::optional<Product> find_product(Database& db, const std::string& id);
/// Looks a product up by its EAN or internal code (already normalised by classify_barcode).
std::optional<Product> find_product_by_barcode(Database& db, const std::string& code);
/// Looks a product up by its item number (SKU).
std::optional<Product> find_product_by_sku(Database& db, const std::string& sku);
/// Active products whose name contains every word of the query, ignoring case and æ/ae,
/// ø/oe, å/aa; names starting with the first word come first. At most `limit` results from
/// the first 200 candidates: a query matching more should be typed more precisely.
std::vector<Product> search_products(Database& db, const std::string& query, int limit = 50);
std::vector<Product> list_products(Database& db);
/// Categories of active products with how many each holds, the fullest first.
std::vector<std::pair<std::string, std::int64_t>> list_categories(Database& db);
/// The first `limit` active products of a category, by name.
std::vector<Product> list_products_in(Database& db, const std::string& category, int limit);

} // namespace bl
