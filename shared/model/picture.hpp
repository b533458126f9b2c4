#pragma once
/// A product's picture as the catalogue keeps it: the file an organiser chose (PNG or JPEG,
/// told by its first bytes, at most max_picture_file_bytes), decoded once, made small (its
/// longest side at most max_picture_side pixels, averaged, never enlarged) and written as a
/// PNG. What is kept is that small PNG, never the file. libpng and libjpeg-turbo, so a build
/// without wxWidgets makes the same pictures.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl {

/// The small PNG made from a picture file's bytes, or why not (in the person's words: not a
/// PNG or JPEG, damaged, too large). The same bytes always make the same PNG.
Result<std::string, Message> make_thumbnail(std::string_view file_bytes);

/// The small PNG made from pixels (8-bit RGBA, row by row), for pictures drawn by a program
/// (the demo's).
Result<std::string, Message> thumbnail_from_rgba(std::uint32_t width, std::uint32_t height,
                                                 std::vector<unsigned char> rgba);

/// Reads the file and makes its small PNG (make_thumbnail).
Result<std::string, Message> thumbnail_from_file(const std::string& path);

} // namespace bl
