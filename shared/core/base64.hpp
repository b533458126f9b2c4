#pragma once
/// Base64 (RFC 4648, with padding), for bytes inside JSON: a product's picture in its journal
/// row and in the change the central store passes on.

#include <optional>
#include <string>
#include <string_view>

namespace bl {

std::string base64_encode(std::string_view bytes);
/// The bytes, or none when the text is not canonical base64 (wrong alphabet, length or
/// padding, or bits left over): two texts never decode to the same bytes.
std::optional<std::string> base64_decode(std::string_view text);

} // namespace bl
