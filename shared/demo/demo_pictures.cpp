#include "shared/demo/demo_pictures.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "shared/model/picture.hpp"

namespace bl::demo {

namespace {

constexpr int side = 128;
constexpr std::size_t pixels = static_cast<std::size_t>(side) * side;

struct Colour {
    unsigned char r, g, b;
};

/// Paints the pixels where `inside(x, y)` holds (x, y from -1 to 1, y downwards), each pixel
/// sampled 4 x 4 times so the edges are smooth.
void paint(std::vector<unsigned char>& px, Colour c,
           const std::function<bool(double, double)>& inside) {
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            int hits = 0;
            for (int sy = 0; sy < 4; ++sy)
                for (int sx = 0; sx < 4; ++sx) {
                    const double u = (x + (sx + 0.5) / 4) / side * 2 - 1;
                    const double v = (y + (sy + 0.5) / 4) / side * 2 - 1;
                    hits += inside(u, v) ? 1 : 0;
                }
            if (hits == 0)
                continue;
            unsigned char* p = &px[(static_cast<std::size_t>(y) * side + static_cast<std::size_t>(x)) * 4];
            const double a = hits / 16.0;
            const double under = p[3] / 255.0;
            const double out = a + under * (1 - a);
            auto mix = [&](unsigned char top, unsigned char bottom) {
                return static_cast<unsigned char>(
                    std::lround((top * a + bottom * under * (1 - a)) / out));
            };
            p[0] = mix(c.r, p[0]);
            p[1] = mix(c.g, p[1]);
            p[2] = mix(c.b, p[2]);
            p[3] = static_cast<unsigned char>(std::lround(out * 255));
        }
}

bool ellipse(double x, double y, double cx, double cy, double rx, double ry) {
    const double dx = (x - cx) / rx, dy = (y - cy) / ry;
    return dx * dx + dy * dy <= 1;
}

bool rounded_box(double x, double y, double x0, double y0, double x1, double y1, double r) {
    const double cx = std::clamp(x, x0 + r, x1 - r), cy = std::clamp(y, y0 + r, y1 - r);
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 &&
           (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}

std::string mug() {
    std::vector<unsigned char> px(pixels * 4, 0);
    const Colour glaze{0x2f, 0x5f, 0xa8}, rim{0x1f, 0x44, 0x80};
    paint(px, glaze, [](double x, double y) {
        return ellipse(x, y, 0.52, 0.05, 0.36, 0.36) && !ellipse(x, y, 0.52, 0.05, 0.2, 0.2);
    });
    paint(px, glaze,
          [](double x, double y) { return rounded_box(x, y, -0.75, -0.6, 0.55, 0.8, 0.12); });
    paint(px, rim, [](double x, double y) { return ellipse(x, y, -0.1, -0.6, 0.65, 0.12); });
    return thumbnail_from_rgba(side, side, px).value();
}

std::string bowl() {
    std::vector<unsigned char> px(pixels * 4, 0);
    paint(px, {0xb8, 0x6b, 0x45},
          [](double x, double y) { return y >= -0.15 && ellipse(x, y, 0, -0.15, 0.9, 0.8); });
    paint(px, {0xf2, 0xe8, 0xd8},
          [](double x, double y) { return ellipse(x, y, 0, -0.15, 0.9, 0.2); });
    paint(px, {0x8a, 0x4a, 0x2c},
          [](double x, double y) { return rounded_box(x, y, -0.35, 0.6, 0.35, 0.75, 0.05); });
    return thumbnail_from_rgba(side, side, px).value();
}

std::string heart() {
    std::vector<unsigned char> px(pixels * 4, 0);
    paint(px, {0xc2, 0x1f, 0x2f}, [](double x, double y) {
        const double u = x * 1.25, v = -(y * 1.25 - 0.1);
        const double a = u * u + v * v - 1;
        return a * a * a - u * u * v * v * v <= 0;
    });
    return thumbnail_from_rgba(side, side, px).value();
}

std::string board() {
    std::vector<unsigned char> px(pixels * 4, 0);
    paint(px, {0xb7, 0x8a, 0x55}, [](double x, double y) {
        return (rounded_box(x, y, -0.85, -0.45, 0.55, 0.6, 0.15) ||
                rounded_box(x, y, 0.45, -0.12, 0.92, 0.26, 0.1)) &&
               !ellipse(x, y, 0.76, 0.07, 0.07, 0.07);
    });
    paint(px, {0x9a, 0x6f, 0x40}, [](double x, double y) {
        return rounded_box(x, y, -0.85, -0.45, 0.55, 0.6, 0.15) &&
               (std::fmod(std::abs(y + 0.45), 0.26) < 0.025);
    });
    return thumbnail_from_rgba(side, side, px).value();
}

} // namespace

std::string demo_picture(const std::string& sku) {
    if (sku == "KER-001")
        return mug();
    if (sku == "KER-003")
        return bowl();
    if (sku == "KER-013")
        return heart();
    if (sku == "TRA-001")
        return board();
    return {};
}

} // namespace bl::demo
