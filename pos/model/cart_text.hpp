#pragma once
/// A cart as text, to keep against a crash (see bl::keep_carts): products by id,
/// quantities, batches, prices and discounts as they are now, one line each.

#include <string>
#include <string_view>

#include "pos/model/cart.hpp"
#include "pos/model/tender.hpp"

namespace bl::pos {

/// The cart as text; empty for an empty cart.
std::string save_cart(const Cart& cart);
/// Brings a saved cart back, at the prices and discounts it had. Lines whose product is
/// gone from the catalogue, and lines that cannot be read or that no till could have made (a
/// price above what the till takes, the lines together above max_kept_ore), are left out
/// and counted in `dropped`.
Cart restore_cart(std::string_view saved, CatalogueLookup& catalogue, std::size_t& dropped);

} // namespace bl::pos
