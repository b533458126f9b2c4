// The CSV reader and the catalogue import's preview on any bytes: never a crash, every row of
// the file either valid or rejected with a line inside the file, and every valid product one
// the store's own check (check_product) takes unchanged.
#include <string>
#include <string_view>

#include "fuzz.hpp"
#include "shared/core/text.hpp"
#include "shared/model/catalogue_import.hpp"
#include "shared/rules/product_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    bl::CatalogueLookups lookups;
    lookups.workshops = {{"keramikvaerkstedet", "w1"}};
    lookups.barcode_taken = [](const std::string& code) { return code == "5790099000375"; };
    lookups.sku_taken = [](const std::string& sku) { return sku == "KER-001"; };
    auto plan = bl::plan_catalogue_import(text, lookups);
    if (!plan) {
        FUZZ_CHECK(bl::is_valid_utf8(bl::render(plan.error())));
        return 0;
    }
    std::size_t lines = 1;
    for (char c : text)
        lines += c == '\n' ? 1 : 0;
    FUZZ_CHECK(plan.value().lines.size() == plan.value().valid.size());
    for (std::size_t l : plan.value().lines)
        FUZZ_CHECK(l >= 2 && l <= lines);
    for (const auto& r : plan.value().rejected) {
        FUZZ_CHECK(r.line >= 2 && r.line <= lines);
        FUZZ_CHECK(bl::is_valid_utf8(bl::render(r.reason)));
    }
    for (const auto& p : plan.value().valid) {
        auto again = bl::check_product(p);
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again.value().name == p.name && again.value().sku == p.sku &&
                   again.value().barcode == p.barcode && again.value().price == p.price);
    }
    return 0;
}
