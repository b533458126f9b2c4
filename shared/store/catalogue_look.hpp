#pragma once
/// How the catalogue looks on the till's tiles: a colour per category and a small picture per
/// product, set by an organiser (each one business action, journaled so that it syncs) and
/// read by the till.

#include <map>
#include <optional>
#include <string>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/store/actor.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// A product's small picture: the PNG bytes and their SHA-256 (which changes when the
/// picture does, so a till can keep what it drew until then).
struct ProductPicture {
    std::string product_id;
    std::string png;
    std::string sha256;
};

/// Gives a category a colour of the palette (shared/rules/catalogue_look), or none ("").
/// The category must hold a product. One transaction, journaled (category_colour_set).
Result<Done, Message> set_category_colour(Database& db, const Actor& actor,
                                          const std::string& category, const std::string& colour);

/// Gives a product a picture: a small PNG as shared/model/picture makes it (checked again
/// here: a PNG, at most max_picture_side pixels a side and max_picture_bytes), or none ("").
/// One transaction, journaled (product_picture_set) with the picture itself.
Result<Done, Message> set_product_picture(Database& db, const Actor& actor,
                                          const std::string& product_id, const std::string& png);

/// The categories that have a colour, with its palette key.
std::map<std::string, std::string> category_colours(Database& db);
/// The products that have a picture, with its SHA-256.
std::map<std::string, std::string> product_picture_versions(Database& db);
std::optional<ProductPicture> find_product_picture(Database& db, const std::string& product_id);

} // namespace bl
