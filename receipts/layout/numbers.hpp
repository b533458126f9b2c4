#pragma once
/// Numbers as Danish documents print them: "1.234", "12,5", "45 %", "1,2 mio. kr.".

#include <string>

namespace bl::doc {

/// With `decimals` decimals, a comma before them and points between thousands.
std::string format_number(double v, int decimals = 0);
/// A share (0.423) as "42 %" (or with decimals).
std::string format_percent(double share, int decimals = 0);
/// Hours from minutes, "12,5 t" (one decimal below 100 hours, none above).
std::string format_hours(double minutes);

} // namespace bl::doc
