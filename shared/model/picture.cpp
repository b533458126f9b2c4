#include "shared/model/picture.hpp"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <fstream>
#include <vector>

#include <jpeglib.h>
#include <png.h>

#include "shared/core/text.hpp"
#include "shared/rules/catalogue_look.hpp"

namespace bl {

namespace {

/// Pictures larger than this are refused before they are decoded (a 40-megapixel picture
/// takes 160 MB as pixels).
constexpr std::uint64_t max_pixels = 40'000'000;
constexpr std::uint32_t max_side = 12'000;

struct Pixels {
    std::uint32_t width = 0, height = 0;
    std::vector<unsigned char> rgba; ///< width * height * 4
};

Message damaged(const std::string& why) {
    return Message(BL_N_("The picture cannot be read: the file is damaged or in a form Bundlinje "
                         "cannot use (%s). Nothing was changed."),
                   {why});
}

Message too_many_pixels(std::uint32_t w, std::uint32_t h) {
    return Message(BL_N_("The picture is %s x %s pixels; a picture of at most 40 megapixels can "
                         "be used. Nothing was changed."),
                   {std::to_string(w), std::to_string(h)});
}

bool too_large(std::uint32_t w, std::uint32_t h) {
    return w == 0 || h == 0 || w > max_side || h > max_side ||
           static_cast<std::uint64_t>(w) * h > max_pixels;
}

Result<Pixels, Message> decode_png(std::string_view bytes) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
        return err(damaged(image.message));
    if (too_large(image.width, image.height)) {
        png_image_free(&image);
        return err(too_many_pixels(image.width, image.height));
    }
    image.format = PNG_FORMAT_RGBA;
    Pixels p;
    p.width = image.width;
    p.height = image.height;
    p.rgba.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, p.rgba.data(), 0, nullptr))
        return err(damaged(image.message));
    return p;
}

struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char text[JMSG_LENGTH_MAX];
};

void jpeg_failed(j_common_ptr info) {
    auto* e = reinterpret_cast<JpegError*>(info->err);
    e->mgr.format_message(info, e->text);
    std::longjmp(e->jump, 1);
}

void jpeg_quiet(j_common_ptr, int) {}

// C-style on purpose: libjpeg reports errors by longjmp, so nothing between setjmp and the
// library's calls owns anything a skipped destructor would leak (the pixels are owned by the
// caller's vector, made before).
bool decode_jpeg_into(std::string_view bytes, Pixels& p, JpegError& e, bool& too_big) {
    jpeg_decompress_struct info{};
    info.err = jpeg_std_error(&e.mgr);
    e.mgr.error_exit = jpeg_failed;
    e.mgr.emit_message = jpeg_quiet;
    e.text[0] = '\0';
    if (setjmp(e.jump)) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    if (too_large(info.image_width, info.image_height)) {
        p.width = info.image_width;
        p.height = info.image_height;
        too_big = true;
        jpeg_destroy_decompress(&info);
        return false;
    }
    info.out_color_space = JCS_EXT_RGBA;
    jpeg_start_decompress(&info);
    p.width = info.output_width;
    p.height = info.output_height;
    p.rgba.resize(static_cast<std::size_t>(p.width) * p.height * 4);
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = p.rgba.data() + static_cast<std::size_t>(info.output_scanline) * p.width * 4;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return true;
}

Result<Pixels, Message> decode_jpeg(std::string_view bytes) {
    Pixels p;
    JpegError e{};
    bool too_big = false;
    if (decode_jpeg_into(bytes, p, e, too_big))
        return p;
    if (too_big)
        return err(too_many_pixels(p.width, p.height));
    return err(damaged(e.text));
}

/// Each output pixel the average of the input pixels it covers (weighted by alpha, so a
/// transparent pixel's colour does not bleed into the edge).
Pixels scale_down(const Pixels& in) {
    const std::uint32_t longest = std::max(in.width, in.height);
    if (longest <= static_cast<std::uint32_t>(max_picture_side))
        return in;
    Pixels out;
    out.width = std::max<std::uint32_t>(
        1, static_cast<std::uint32_t>(
               (static_cast<std::uint64_t>(in.width) * max_picture_side + longest / 2) / longest));
    out.height = std::max<std::uint32_t>(
        1, static_cast<std::uint32_t>(
               (static_cast<std::uint64_t>(in.height) * max_picture_side + longest / 2) / longest));
    out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
    for (std::uint32_t oy = 0; oy < out.height; ++oy) {
        const auto y0 =
            static_cast<std::uint32_t>(static_cast<std::uint64_t>(oy) * in.height / out.height);
        const auto y1 =
            std::max(y0 + 1, static_cast<std::uint32_t>(static_cast<std::uint64_t>(oy + 1) *
                                                        in.height / out.height));
        for (std::uint32_t ox = 0; ox < out.width; ++ox) {
            const auto x0 =
                static_cast<std::uint32_t>(static_cast<std::uint64_t>(ox) * in.width / out.width);
            const auto x1 =
                std::max(x0 + 1, static_cast<std::uint32_t>(static_cast<std::uint64_t>(ox + 1) *
                                                            in.width / out.width));
            std::uint64_t r = 0, g = 0, b = 0, a = 0, n = 0;
            for (std::uint32_t y = y0; y < y1; ++y)
                for (std::uint32_t x = x0; x < x1; ++x) {
                    const unsigned char* px =
                        &in.rgba[(static_cast<std::size_t>(y) * in.width + x) * 4];
                    r += static_cast<std::uint64_t>(px[0]) * px[3];
                    g += static_cast<std::uint64_t>(px[1]) * px[3];
                    b += static_cast<std::uint64_t>(px[2]) * px[3];
                    a += px[3];
                    ++n;
                }
            unsigned char* o = &out.rgba[(static_cast<std::size_t>(oy) * out.width + ox) * 4];
            o[0] = a ? static_cast<unsigned char>((r + a / 2) / a) : 0;
            o[1] = a ? static_cast<unsigned char>((g + a / 2) / a) : 0;
            o[2] = a ? static_cast<unsigned char>((b + a / 2) / a) : 0;
            o[3] = static_cast<unsigned char>((a + n / 2) / n);
        }
    }
    return out;
}

Result<std::string, Message> encode_png(const Pixels& p) {
    const bool opaque = [&] {
        for (std::size_t i = 3; i < p.rgba.size(); i += 4)
            if (p.rgba[i] != 255)
                return false;
        return true;
    }();
    std::vector<unsigned char> pixels;
    if (opaque) { // RGB: a quarter smaller
        pixels.reserve(p.rgba.size() / 4 * 3);
        for (std::size_t i = 0; i < p.rgba.size(); i += 4)
            pixels.insert(pixels.end(), p.rgba.begin() + static_cast<std::ptrdiff_t>(i),
                          p.rgba.begin() + static_cast<std::ptrdiff_t>(i + 3));
    }
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = p.width;
    image.height = p.height;
    image.format = opaque ? PNG_FORMAT_RGB : PNG_FORMAT_RGBA;
    const void* data = opaque ? pixels.data() : p.rgba.data();
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&image, nullptr, &size, 0, data, 0, nullptr))
        return err(damaged(image.message));
    std::string out(size, '\0');
    if (!png_image_write_to_memory(&image, out.data(), &size, 0, data, 0, nullptr))
        return err(damaged(image.message));
    out.resize(size);
    return out;
}

} // namespace

Result<std::string, Message> make_thumbnail(std::string_view bytes) {
    if (bytes.size() > max_picture_file_bytes)
        return err(Message(BL_N_("The picture file takes %s MB; at most %s MB can be used. "
                                 "Nothing was changed."),
                           {std::to_string((bytes.size() + 999'999) / 1'000'000),
                            std::to_string(max_picture_file_bytes / 1'000'000)}));
    static constexpr std::string_view png_magic("\x89PNG\r\n\x1a\n", 8);
    static constexpr std::string_view jpeg_magic("\xff\xd8\xff", 3);
    Result<Pixels, Message> decoded = err(Message());
    if (bytes.substr(0, png_magic.size()) == png_magic)
        decoded = decode_png(bytes);
    else if (bytes.substr(0, jpeg_magic.size()) == jpeg_magic)
        decoded = decode_jpeg(bytes);
    else
        return err(Message(BL_N_("The file is not a PNG or JPEG picture. Nothing was changed.")));
    if (!decoded)
        return err(decoded.error());
    auto png = encode_png(scale_down(decoded.value()));
    if (!png)
        return png;
    if (auto problem = check_stored_picture(png.value()))
        return err(*problem);
    return png;
}

Result<std::string, Message> thumbnail_from_rgba(std::uint32_t width, std::uint32_t height,
                                                 std::vector<unsigned char> rgba) {
    if (too_large(width, height) || rgba.size() != static_cast<std::size_t>(width) * height * 4)
        return err(too_many_pixels(width, height));
    Pixels p{width, height, std::move(rgba)};
    return encode_png(scale_down(p));
}

Result<std::string, Message> thumbnail_from_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return err(Message(BL_N_("The file %s cannot be opened. Nothing was changed."),
                           {echo_input(path)}));
    std::string bytes;
    // One byte more than allowed is enough to know that the file is too large.
    bytes.resize(max_picture_file_bytes + 1);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        return err(
            Message(BL_N_("The file %s cannot be read. Nothing was changed."), {echo_input(path)}));
    return make_thumbnail(bytes);
}

} // namespace bl
