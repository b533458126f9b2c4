#pragma once
/// Pictures for a few of the demo's products, drawn here (no file is needed): a mug, a bowl,
/// a heart and a cutting board, as small PNGs the catalogue keeps.

#include <string>

namespace bl::demo {

/// The small PNG of the demo picture for this item number, or "" when it has none.
std::string demo_picture(const std::string& sku);

} // namespace bl::demo
