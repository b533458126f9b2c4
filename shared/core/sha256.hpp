#pragma once
/// SHA-256 through OpenSSL libcrypto.

#include <initializer_list>
#include <string>
#include <string_view>

namespace bl {

/// The SHA-256 of the bytes, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

/// The SHA-256 of the pieces one after the other (the same as of their concatenation,
/// without making it), as 64 lower-case hex digits.
std::string sha256_hex(std::initializer_list<std::string_view> pieces);

} // namespace bl
