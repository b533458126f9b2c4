#include <catch2/catch.hpp>

#include "shared/core/base64.hpp"

using bl::base64_decode;
using bl::base64_encode;

TEST_CASE("base64: the RFC 4648 examples, both ways") {
    const std::pair<const char*, const char*> cases[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, coded] : cases) {
        CHECK(base64_encode(plain) == coded);
        CHECK(base64_decode(coded) == std::string(plain));
    }
    std::string all;
    for (int i = 0; i < 256; ++i)
        all += static_cast<char>(i);
    CHECK(base64_decode(base64_encode(all)) == all);
}

TEST_CASE("base64: anything but canonical base64 is refused") {
    for (const char* bad :
         {"Zg", "Zg=", "Z===", "Zh==", "Zm9=", "Zm 9v", "Zm9v\n", "Zg==Zg==", "Zm-v", "=Zm9"})
        CHECK_FALSE(base64_decode(bad));
}
