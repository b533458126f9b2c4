// The strict canonical JSON reader on any bytes: never a crash; what it reads, dump() writes
// as text that reads back to an equal value and dumps to the very same bytes.
#include <string_view>

#include "fuzz.hpp"
#include "shared/core/canonical_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto v = bl::parse_json(text);
    if (!v)
        return 0;
    const std::string once = v->dump();
    auto again = bl::parse_json(once);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *v);
    FUZZ_CHECK(again->dump() == once);
    return 0;
}
