#pragma once
/// Which settings belong to a shop rather than to one till: what its receipts say and how it
/// takes payments and discounts. A change made at one of the shop's tills reaches the shop's
/// other tills through the central store; the printer and the language stay each till's own.

#include <string_view>

namespace bl {

inline bool is_shop_setting(std::string_view key) {
    return key == "mobilepay_name" || key == "discount_limit" || key == "impact_block" ||
           key == "receipt_footer";
}

} // namespace bl
