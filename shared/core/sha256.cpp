#include "shared/core/sha256.hpp"

#include <stdexcept>

#include <openssl/evp.h>

namespace bl {

std::string sha256_hex(std::string_view bytes) {
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
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestInit_ex2(ctx.p, md, nullptr) != 1 ||
        EVP_DigestUpdate(ctx.p, bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.p, digest, &len) != 1)
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
