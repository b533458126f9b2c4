#include "receipts/layout/charts.hpp"

#include <algorithm>
#include <cmath>

#include "receipts/layout/numbers.hpp"

namespace bl::doc {

namespace {

const Style title_style{10, true};
constexpr double bar_gray = 0.45;

void text(Shapes& s, double x, double baseline, const std::string& t, const Style& st) {
    if (!t.empty())
        s.items.push_back(PlacedText{x, baseline, st, t});
}

// Tick labels: whole numbers unless the step is a fraction.
std::string tick(double v, double step) {
    return format_number(v, step < 1 ? 1 : 0);
}

double top_of(double max) {
    if (max <= 0)
        return 1;
    const double step = nice_step(max);
    return std::ceil(max / step - 1e-9) * step;
}

} // namespace

double nice_step(double max, int ticks) {
    if (max <= 0)
        return 1;
    const double raw = max / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / magnitude;
    const double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * magnitude;
}

Shapes chart_shapes(const BarChart& c, double width, const TextMeasure& m) {
    const Style small{c.text_size};
    const Style axis_style{c.text_size, false, Face::sans, 0.3};
    const double k = c.text_size / 7; // spacing grows with the text
    Shapes s;
    double y = 0;
    if (!c.title.empty()) {
        text(s, 0, title_style.size * 0.93, c.title, title_style);
        y += title_style.size * 1.6;
    }
    double max = 0;
    for (const auto& b : c.bars)
        max = std::max(max, b.value);
    const double top = top_of(max);
    const double step = nice_step(top);

    if (c.horizontal) {
        // Labels in the left third, bars to the right, each value after its bar.
        double label_w = 0;
        for (const auto& b : c.bars)
            label_w = std::max(label_w, m.width(b.label, small));
        label_w = std::min(label_w + 6, width * 0.38);
        double value_w = 0;
        for (const auto& b : c.bars)
            value_w = std::max(value_w, m.width(b.value_text, small));
        const double x0 = label_w;
        const double plot_w = std::max(width - label_w - value_w - 6, 20.0);
        const double row = 13;
        for (const auto& b : c.bars) {
            const auto lines = wrap(b.label, small, label_w - 6, m);
            const std::string label = lines.empty() ? std::string() : lines.front();
            text(s, x0 - 4 - m.width(label, small), y + 9, label, small);
            const double w = plot_w * b.value / top;
            s.items.push_back(PlacedRect{x0, y + 2, std::max(w, 0.0), row - 4, bar_gray});
            text(s, x0 + w + 3, y + 9, b.value_text, small);
            y += row;
        }
        s.items.push_back(
            PlacedLine{x0, s.items.empty() ? y : y - row * static_cast<double>(c.bars.size()), x0,
                       y, 0.6, 0.2});
        // The scale under the bars.
        for (double v = 0; v <= top + 1e-9; v += step) {
            const double x = x0 + plot_w * v / top;
            s.items.push_back(PlacedLine{x, y, x, y + 3, 0.5, 0.3});
            const std::string t = tick(v, step);
            text(s, x - m.width(t, axis_style) / 2, y + 11, t, axis_style);
        }
        text(s, x0 + plot_w - m.width(c.axis_label, axis_style), y + 21, c.axis_label, axis_style);
        s.height = y + 26;
        return s;
    }

    // Upright bars: the value axis on the left, labels under the bars.
    double tick_w = 0;
    for (double v = 0; v <= top + 1e-9; v += step)
        tick_w = std::max(tick_w, m.width(tick(v, step), axis_style));
    const double x0 = tick_w + 6;
    const double plot_w = width - x0;
    const double plot_top = y + 16 * k; // room for the axis label above the top tick
    const double plot_bottom = plot_top + c.height;
    text(s, 0, y + 7 * k, c.axis_label, axis_style);
    for (double v = 0; v <= top + 1e-9; v += step) {
        const double yy = plot_bottom - c.height * v / top;
        s.items.push_back(PlacedLine{x0, yy, x0 + plot_w, yy, 0.3, v == 0 ? 0.2 : 0.85});
        const std::string t = tick(v, step);
        text(s, x0 - 4 - m.width(t, axis_style), yy + 2.5 * k, t, axis_style);
    }
    const double slot = c.bars.empty() ? plot_w : plot_w / static_cast<double>(c.bars.size());
    const double bar_w = std::min(slot * 0.7, 40.0);
    std::size_t label_lines = 1;
    for (std::size_t i = 0; i < c.bars.size(); ++i) {
        const Bar& b = c.bars[i];
        const double cx = x0 + slot * (static_cast<double>(i) + 0.5);
        const double h = c.height * b.value / top;
        s.items.push_back(PlacedRect{cx - bar_w / 2, plot_bottom - h, bar_w, h, bar_gray});
        const double vw = m.width(b.value_text, small);
        if (vw <= slot) // a value wider than its slot would run into its neighbours
            text(s, cx - vw / 2, plot_bottom - h - 2, b.value_text, small);
        const auto lines = wrap(b.label, small, slot - 2, m);
        label_lines = std::max(label_lines, std::min<std::size_t>(lines.size(), 2));
        for (std::size_t line = 0; line < lines.size() && line < 2; ++line)
            text(s, cx - m.width(lines[line], small) / 2,
                 plot_bottom + 9 * k + 8.5 * k * static_cast<double>(line), lines[line], small);
    }
    s.height = plot_bottom + 6 * k + 8.5 * k * static_cast<double>(label_lines) + 8;
    return s;
}

Shapes chart_shapes(const ScatterChart& c, double width, const TextMeasure& m) {
    const Style small{c.text_size};
    const Style axis_style{c.text_size, false, Face::sans, 0.3};
    Shapes s;
    double y = 0;
    if (!c.title.empty()) {
        text(s, 0, title_style.size * 0.93, c.title, title_style);
        y += title_style.size * 1.6;
    }
    double max_x = 0, max_y = 0;
    for (const auto& p : c.points) {
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    const double top_x = top_of(max_x), top_y = top_of(max_y);
    const double step_x = nice_step(top_x), step_y = nice_step(top_y);
    double tick_w = 0;
    for (double v = 0; v <= top_y + 1e-9; v += step_y)
        tick_w = std::max(tick_w, m.width(tick(v, step_y), axis_style));
    const double x0 = tick_w + 6;
    const double plot_w = width - x0 - 10;
    const double plot_top = y + 16;
    const double plot_bottom = plot_top + c.height;
    text(s, 0, y + 7, c.y_label, axis_style);
    for (double v = 0; v <= top_y + 1e-9; v += step_y) {
        const double yy = plot_bottom - c.height * v / top_y;
        s.items.push_back(PlacedLine{x0, yy, x0 + plot_w, yy, 0.3, v == 0 ? 0.2 : 0.85});
        const std::string t = tick(v, step_y);
        text(s, x0 - 4 - m.width(t, axis_style), yy + 2.5, t, axis_style);
    }
    for (double v = 0; v <= top_x + 1e-9; v += step_x) {
        const double xx = x0 + plot_w * v / top_x;
        s.items.push_back(PlacedLine{xx, plot_top, xx, plot_bottom, 0.3, v == 0 ? 0.2 : 0.85});
        const std::string t = tick(v, step_x);
        text(s, xx - m.width(t, axis_style) / 2, plot_bottom + 9, t, axis_style);
    }
    for (const auto& p : c.points) {
        const double px = x0 + plot_w * p.x / top_x;
        const double py = plot_bottom - c.height * p.y / top_y;
        s.items.push_back(PlacedRect{px - 2.5, py - 2.5, 5, 5, 0.1});
        const double lw = m.width(p.label, small);
        // Labels go right of the point, or left of it near the right edge.
        const double lx = px + 5 + lw > x0 + plot_w ? px - 5 - lw : px + 5;
        text(s, lx, py + 2.5, p.label, small);
    }
    text(s, x0 + plot_w - m.width(c.x_label, axis_style), plot_bottom + 19, c.x_label, axis_style);
    s.height = plot_bottom + 26;
    return s;
}

} // namespace bl::doc
