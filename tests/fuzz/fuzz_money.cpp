// Money as a person types it, on any bytes: never a crash; an amount read is printed by
// format_dkk as text that reads back to the same amount; a refusal is valid UTF-8.
#include <string_view>

#include "fuzz.hpp"
#include "shared/core/money.hpp"
#include "shared/core/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto m = bl::parse_money(text);
    if (!m) {
        FUZZ_CHECK(bl::is_valid_utf8(bl::render(m.error())));
        return 0;
    }
    const std::string printed = bl::format_dkk(m.value());
    auto again = bl::parse_money(printed);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value() == m.value());
    bl::parse_whole_number(text);
    return 0;
}
