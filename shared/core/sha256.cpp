#include "shared/core/sha256.hpp"

#include <stdexcept>

#include <openssl/evp.h>

namespace bl {

std::string sha256_hex(std::string_view bytes) {
    // Fetch the implementation once: OpenSSL 3 otherwise looks it up on every call, which
    // costs more than hashing a journal row.
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (md == nullptr)
        throw std::runtime_error("SHA-256 is not available in libcrypto");
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, md, nullptr) != 1)
        throw std::runtime_error("SHA-256 failed in libcrypto");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0F];
    }
    return out;
}

} // namespace bl
