#include "shared/rules/catalogue_look.hpp"

#include <cstdint>

namespace bl {

const std::array<CategoryColour, 9>& category_palette() {
    static const std::array<CategoryColour, 9> palette{{
        {"blue", "#cfe2f6", BL_N_("Light blue")},
        {"green", "#d4ecd0", BL_N_("Light green")},
        {"yellow", "#f7eebd", BL_N_("Light yellow")},
        {"peach", "#f9dcc4", BL_N_("Peach")},
        {"rose", "#f5d3d8", BL_N_("Rose")},
        {"lilac", "#e2d8f1", BL_N_("Lilac")},
        {"mint", "#ccede8", BL_N_("Mint")},
        {"sand", "#ebe0cf", BL_N_("Sand")},
        {"grey", "#e0e0e0", BL_N_("Light grey")},
    }};
    return palette;
}

std::optional<CategoryColour> category_colour(std::string_view key) {
    for (const auto& c : category_palette())
        if (c.key == key)
            return c;
    return std::nullopt;
}

std::optional<Message> check_stored_picture(std::string_view png) {
    static constexpr std::string_view signature("\x89PNG\r\n\x1a\n", 8);
    if (png.size() < 33 || png.substr(0, 8) != signature || png.substr(12, 4) != "IHDR")
        return Message(BL_N_("The picture is not a PNG picture."));
    if (png.size() > max_picture_bytes)
        return Message(BL_N_("The picture takes %s bytes; at most %s are kept."),
                       {std::to_string(png.size()), std::to_string(max_picture_bytes)});
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i)
            v = v << 8 | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    const std::uint32_t w = be32(16), h = be32(20);
    if (w == 0 || h == 0 || w > static_cast<std::uint32_t>(max_picture_side) ||
        h > static_cast<std::uint32_t>(max_picture_side))
        return Message(BL_N_("The picture is %s x %s pixels; at most %s on a side are kept."),
                       {std::to_string(w), std::to_string(h), std::to_string(max_picture_side)});
    return std::nullopt;
}

} // namespace bl
