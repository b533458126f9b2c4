#pragma once
/// How the catalogue looks on the till's tiles: a colour per category, chosen by an organiser
/// from a fixed palette of pale colours that dark text stays readable on (no free colour
/// picker: a tile must never be hard to read), and a small picture per product. The store
/// checks both before it keeps them, the device again before it applies a pulled change and
/// the central store before it passes one on.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "shared/core/message.hpp"

namespace bl {

struct CategoryColour {
    std::string_view key;  ///< what is stored and journaled ("blue")
    std::string_view hex;  ///< "#rrggbb", for the tiles
    std::string_view name; ///< for people (a msgid, translated at the edge)
};

/// The palette, in the order it is offered. Every colour is pale: black text on it keeps a
/// contrast of at least 7:1 (WCAG AAA), so a coloured tile reads as well as a plain one.
const std::array<CategoryColour, 9>& category_palette();
/// The colour a stored key means; none for "" (no colour) or a key not in the palette.
std::optional<CategoryColour> category_colour(std::string_view key);

/// A product picture is kept as a small PNG: its longest side at most this many pixels ...
inline constexpr int max_picture_side = 128;
/// ... and at most this many bytes (a 128 x 128 RGBA PNG that does not compress at all is
/// about 66 KB), so a picture always fits a sync request with room to spare.
inline constexpr std::size_t max_picture_bytes = 96 * 1024;
/// The largest picture file an organiser may choose (it is made small before it is kept).
inline constexpr std::size_t max_picture_file_bytes = 15 * 1024 * 1024;

/// Why the bytes are not a picture the store keeps (not a PNG, too large, more than
/// max_picture_side pixels on a side), or none. Reads the PNG's header only.
std::optional<Message> check_stored_picture(std::string_view png);

} // namespace bl
