// A product's picture as the catalogue keeps it: PNG or JPEG in, a small PNG out; anything
// else refused with a message and nothing made.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include <catch2/catch.hpp>
#include <jpeglib.h>
#include <png.h>

#include "shared/core/catalog.hpp"
#include "shared/model/picture.hpp"
#include "shared/rules/catalogue_look.hpp"

namespace {

std::vector<unsigned char> gradient(std::uint32_t w, std::uint32_t h, bool alpha) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 4);
    for (std::uint32_t y = 0; y < h; ++y)
        for (std::uint32_t x = 0; x < w; ++x) {
            unsigned char* p = &px[(static_cast<std::size_t>(y) * w + x) * 4];
            p[0] = static_cast<unsigned char>(x * 255 / w);
            p[1] = static_cast<unsigned char>(y * 255 / h);
            p[2] = 120;
            p[3] = alpha ? static_cast<unsigned char>(x < w / 2 ? 0 : 255) : 255;
        }
    return px;
}

std::string png_file(std::uint32_t w, std::uint32_t h, bool alpha) {
    const auto px = gradient(w, h, alpha);
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = w;
    image.height = h;
    image.format = PNG_FORMAT_RGBA;
    png_alloc_size_t size = 0;
    REQUIRE(png_image_write_to_memory(&image, nullptr, &size, 0, px.data(), 0, nullptr));
    std::string out(size, '\0');
    REQUIRE(png_image_write_to_memory(&image, out.data(), &size, 0, px.data(), 0, nullptr));
    out.resize(size);
    return out;
}

std::string jpeg_file(std::uint32_t w, std::uint32_t h) {
    const auto px = gradient(w, h, false);
    jpeg_compress_struct c{};
    jpeg_error_mgr e{};
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buffer, &size);
    c.image_width = w;
    c.image_height = h;
    c.input_components = 4;
    c.in_color_space = JCS_EXT_RGBA;
    jpeg_set_defaults(&c);
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        auto* row =
            const_cast<unsigned char*>(&px[static_cast<std::size_t>(c.next_scanline) * w * 4]);
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    std::string out(reinterpret_cast<const char*>(buffer), size);
    jpeg_destroy_compress(&c);
    std::free(buffer);
    return out;
}

/// The width and height a PNG's header gives.
std::pair<std::uint32_t, std::uint32_t> size_of(const std::string& png) {
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i)
            v = v << 8 | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    return {be32(16), be32(20)};
}

std::string danish(const bl::Message& m) {
    return bl::render(m, bl::translator_for("da"));
}

} // namespace

TEST_CASE("a large PNG or JPEG becomes a small PNG, its longest side 128 pixels") {
    auto from_png = bl::make_thumbnail(png_file(1200, 800, true));
    REQUIRE(from_png.ok());
    CHECK(size_of(from_png.value()) == std::pair<std::uint32_t, std::uint32_t>{128, 85});
    CHECK_FALSE(bl::check_stored_picture(from_png.value()));
    CHECK(from_png.value().size() <= bl::max_picture_bytes);

    auto from_jpeg = bl::make_thumbnail(jpeg_file(600, 1000));
    REQUIRE(from_jpeg.ok());
    CHECK(size_of(from_jpeg.value()) == std::pair<std::uint32_t, std::uint32_t>{77, 128});
    // Made once, the same every time: a picture synced twice is the same picture.
    CHECK(bl::make_thumbnail(jpeg_file(600, 1000)).value() == from_jpeg.value());
}

TEST_CASE("a small picture is kept at its size, never enlarged") {
    auto small = bl::make_thumbnail(png_file(40, 30, false));
    REQUIRE(small.ok());
    CHECK(size_of(small.value()) == std::pair<std::uint32_t, std::uint32_t>{40, 30});
}

TEST_CASE("a picture that does not compress at all still fits what is kept") {
    std::mt19937 noise(7);
    std::vector<unsigned char> px(300 * 300 * 4);
    for (auto& b : px)
        b = static_cast<unsigned char>(noise());
    auto png = bl::thumbnail_from_rgba(300, 300, px);
    REQUIRE(png.ok());
    CHECK(png.value().size() <= bl::max_picture_bytes);
    CHECK_FALSE(bl::check_stored_picture(png.value()));
}

TEST_CASE("what is not a PNG or JPEG picture is refused in words, nothing made") {
    auto text = bl::make_thumbnail("Navn;Pris\nKrus;189\n");
    REQUIRE_FALSE(text.ok());
    CHECK(danish(text.error()) == "Filen er ikke et PNG- eller JPEG-billede. Intet er ændret.");

    std::string png = png_file(200, 200, false);
    png.resize(png.size() / 2); // cut off
    auto cut = bl::make_thumbnail(png);
    REQUIRE_FALSE(cut.ok());
    CHECK(danish(cut.error()).rfind("Billedet kan ikke læses", 0) == 0);

    std::string jpeg = jpeg_file(200, 200);
    for (std::size_t i = 20; i < jpeg.size(); i += 7)
        jpeg[i] = static_cast<char>(0xff);
    auto broken = bl::make_thumbnail(jpeg);
    REQUIRE_FALSE(broken.ok());
    CHECK(danish(broken.error()).rfind("Billedet kan ikke læses", 0) == 0);

    std::string huge(bl::max_picture_file_bytes + 1, '\0');
    huge.replace(0, 8, std::string("\x89PNG\r\n\x1a\n", 8));
    auto big = bl::make_thumbnail(huge);
    REQUIRE_FALSE(big.ok());
    CHECK(danish(big.error()).find("højst bruges 15 MB") != std::string::npos);

    auto missing = bl::thumbnail_from_file("/nonexistent/krus.png");
    REQUIRE_FALSE(missing.ok());
    CHECK(danish(missing.error()).find("kan ikke åbnes") != std::string::npos);
}

TEST_CASE("the palette: pale colours that black text reads on at 7:1 or more") {
    auto luminance = [](std::string_view hex) {
        auto channel = [&](std::size_t at) {
            const double c = std::stoi(std::string(hex.substr(at, 2)), nullptr, 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    };
    for (const auto& c : bl::category_palette()) {
        INFO(c.key);
        CHECK((luminance(c.hex) + 0.05) / 0.05 >= 7.0);
        CHECK(bl::category_colour(c.key));
    }
    CHECK_FALSE(bl::category_colour(""));
    CHECK_FALSE(bl::category_colour("#ff0000"));
}
