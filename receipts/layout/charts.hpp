#pragma once
/// Charts drawn as lines, boxes and text: bars (upright or lying) and points on two axes,
/// each axis from 0 with ticks at round numbers and labelled. Used by lay_out().

#include <vector>

#include "receipts/layout/document.hpp"

namespace bl::doc {

/// Items placed relative to the top left corner of a block `height` points tall.
struct Shapes {
    double height = 0;
    std::vector<Item> items;
};

Shapes chart_shapes(const BarChart& c, double width, const TextMeasure& m);
Shapes chart_shapes(const ScatterChart& c, double width, const TextMeasure& m);

/// A round step for about `ticks` ticks from 0 to `max` (1, 2, 2.5 or 5 times a power of 10).
double nice_step(double max, int ticks = 4);

} // namespace bl::doc
