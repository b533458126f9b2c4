// Barcode classification on any bytes: never a crash; a code read is normalised, so reading
// it again gives the same kind and code; a refusal is valid UTF-8.
#include <string_view>

#include "fuzz.hpp"
#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto c = bl::classify_barcode(text);
    if (!c) {
        FUZZ_CHECK(bl::is_valid_utf8(bl::render(c.error())));
        return 0;
    }
    auto again = bl::classify_barcode(c.value().code);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value().kind == c.value().kind && again.value().code == c.value().code);
    return 0;
}
