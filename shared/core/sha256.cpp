#include "shared/core/sha256.hpp"

#include <stdexcept>

#include <openssl/evp.h>

namespace bl {

std::string sha256_hex(std::initializer_list<std::string_view> pieces) {
    // Fetch the implementation once and reuse one context per thread: OpenSSL 3 otherwise
    // looks the algorithm up and allocates on every call, which costs more than hashing a
    // journal row.
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    struct Ctx {
        EVP_MD_CTX* p = EVP_MD_CTX_new();
        ~Ctx() { EVP_MD_CTX_free(p); }
    };
    thread_local Ctx ctx;
    if (md == nullptr || ctx.p == nullptr)
        throw std::runtime_error("SHA-256 is not available in libcrypto");
    if (EVP_DigestInit_ex2(ctx.p, md, nullptr) != 1)
        throw std::runtime_error("SHA-256 failed in libcrypto");
    for (const std::string_view piece : pieces)
        if (EVP_DigestUpdate(ctx.p, piece.data(), piece.size()) != 1)
            throw std::runtime_error("SHA-256 failed in libcrypto");
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx.p, digest, &len) != 1)
        throw std::runtime_error("SHA-256 failed in libcrypto");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(len * 2, '0');
    for (unsigned int i = 0; i < len; ++i) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 0x0F];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    return sha256_hex({bytes});
}

} // namespace bl
