#include "shared/sync/pki.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace bl::sync {

namespace {

// RAII for every OpenSSL handle used here.
struct Free {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(X509_REQ* p) const { X509_REQ_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
    void operator()(X509_STORE* p) const { X509_STORE_free(p); }
    void operator()(X509_STORE_CTX* p) const { X509_STORE_CTX_free(p); }
    void operator()(BIGNUM* p) const { BN_free(p); }
};
template <class T>
using Own = std::unique_ptr<T, Free>;

[[noreturn]] void fail(const char* what) {
    throw std::runtime_error(std::string("OpenSSL: ") + what);
}

Own<EVP_PKEY> new_key() {
    Own<EVP_PKEY> k(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!k)
        fail("cannot make a key");
    return k;
}

std::string bio_text(BIO* b) {
    char* data = nullptr;
    const long n = BIO_get_mem_data(b, &data);
    return std::string(data, static_cast<std::size_t>(n));
}

std::string key_pem(EVP_PKEY* k) {
    Own<BIO> b(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(b.get(), k, nullptr, nullptr, 0, nullptr, nullptr))
        fail("cannot write a key");
    return bio_text(b.get());
}

std::string cert_pem(X509* c) {
    Own<BIO> b(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_X509(b.get(), c))
        fail("cannot write a certificate");
    return bio_text(b.get());
}

Own<EVP_PKEY> read_key(const std::string& pem) {
    Own<BIO> b(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return Own<EVP_PKEY>(PEM_read_bio_PrivateKey(b.get(), nullptr, nullptr, nullptr));
}

Own<X509> read_cert(const std::string& pem) {
    Own<BIO> b(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return Own<X509>(PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr));
}

void set_serial(X509* c) {
    Own<BIGNUM> bn(BN_new());
    if (!bn || !BN_rand(bn.get(), 120, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) ||
        !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(c)))
        fail("cannot make a serial number");
}

void set_name(X509_NAME* n, const std::string& cn) {
    X509_NAME_add_entry_by_txt(n, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("Bundlinje"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
}

void add_ext(X509* c, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, c, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (!ext)
        fail("cannot make a certificate extension");
    X509_add_ext(c, ext, -1);
    X509_EXTENSION_free(ext);
}

Own<X509> new_cert(EVP_PKEY* subject_key, const std::string& cn, int start_days, int days) {
    Own<X509> c(X509_new());
    X509_set_version(c.get(), 2);
    set_serial(c.get());
    X509_gmtime_adj(X509_getm_notBefore(c.get()), static_cast<long>(start_days) * 86400 - 300);
    X509_gmtime_adj(X509_getm_notAfter(c.get()), static_cast<long>(start_days + days) * 86400);
    X509_set_pubkey(c.get(), subject_key);
    set_name(X509_get_subject_name(c.get()), cn);
    return c;
}

bool is_ip(const std::string& h) {
    if (h.find(':') != std::string::npos)
        return true;
    for (char ch : h)
        if (!(ch == '.' || (ch >= '0' && ch <= '9')))
            return false;
    return true;
}

std::string base64(const unsigned char* data, std::size_t n) {
    std::string out(4 * ((n + 2) / 3), '\0');
    const int len =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(n));
    out.resize(static_cast<std::size_t>(len));
    return out;
}

std::optional<std::string> unbase64(std::string_view s) {
    if (s.empty() || s.size() % 4 != 0 || s.size() > 4096)
        return std::nullopt;
    std::string out(s.size() / 4 * 3, '\0');
    const int len = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                    reinterpret_cast<const unsigned char*>(s.data()),
                                    static_cast<int>(s.size()));
    if (len < 0)
        return std::nullopt;
    std::size_t n = static_cast<std::size_t>(len);
    // EVP_DecodeBlock counts the padding as zero bytes.
    if (s.size() >= 1 && s[s.size() - 1] == '=')
        --n;
    if (s.size() >= 2 && s[s.size() - 2] == '=')
        --n;
    out.resize(n);
    return out;
}

class KeySigner : public RecordSigner {
public:
    explicit KeySigner(Own<EVP_PKEY> k) : m_key(std::move(k)) {}
    std::string sign(std::string_view data) const override {
        Own<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
        std::size_t len = 0;
        if (!ctx ||
            EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
            EVP_DigestSign(ctx.get(), nullptr, &len,
                           reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1)
            fail("cannot sign");
        std::string sig(len, '\0');
        if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                           reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1)
            fail("cannot sign");
        return base64(reinterpret_cast<const unsigned char*>(sig.data()), len);
    }

private:
    Own<EVP_PKEY> m_key;
};

} // namespace

std::string make_private_key() {
    return key_pem(new_key().get());
}

Credentials make_ca(const std::string& name, int days) {
    auto k = new_key();
    auto c = new_cert(k.get(), name, 0, days);
    X509_set_issuer_name(c.get(), X509_get_subject_name(c.get()));
    add_ext(c.get(), c.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    add_ext(c.get(), c.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    add_ext(c.get(), c.get(), NID_subject_key_identifier, "hash");
    if (!X509_sign(c.get(), k.get(), EVP_sha256()))
        fail("cannot sign the CA certificate");
    return {key_pem(k.get()), cert_pem(c.get())};
}

Credentials make_server_certificate(const Credentials& ca, const std::vector<std::string>& hosts,
                                    int days, int start_days) {
    auto ca_key = read_key(ca.key_pem);
    auto ca_cert = read_cert(ca.certificate_pem);
    if (!ca_key || !ca_cert)
        fail("cannot read the CA");
    auto k = new_key();
    auto c = new_cert(k.get(), hosts.empty() ? "localhost" : hosts.front(), start_days, days);
    X509_set_issuer_name(c.get(), X509_get_subject_name(ca_cert.get()));
    std::string san;
    for (const auto& h : hosts)
        san += (san.empty() ? "" : ",") + std::string(is_ip(h) ? "IP:" : "DNS:") + h;
    if (!san.empty())
        add_ext(c.get(), ca_cert.get(), NID_subject_alt_name, san);
    add_ext(c.get(), ca_cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    add_ext(c.get(), ca_cert.get(), NID_key_usage, "critical,digitalSignature");
    add_ext(c.get(), ca_cert.get(), NID_ext_key_usage, "serverAuth");
    add_ext(c.get(), ca_cert.get(), NID_authority_key_identifier, "keyid");
    if (!X509_sign(c.get(), ca_key.get(), EVP_sha256()))
        fail("cannot sign the server certificate");
    return {key_pem(k.get()), cert_pem(c.get())};
}

std::string make_certificate_request(const std::string& pem, const std::string& common_name) {
    auto k = read_key(pem);
    if (!k)
        fail("cannot read the key");
    Own<X509_REQ> r(X509_REQ_new());
    X509_REQ_set_version(r.get(), 0);
    set_name(X509_REQ_get_subject_name(r.get()), common_name);
    X509_REQ_set_pubkey(r.get(), k.get());
    if (!X509_REQ_sign(r.get(), k.get(), EVP_sha256()))
        fail("cannot sign the request");
    Own<BIO> b(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509_REQ(b.get(), r.get());
    return bio_text(b.get());
}

Result<std::string, std::string> sign_certificate_request(const Credentials& ca,
                                                          const std::string& csr_pem,
                                                          const std::string& common_name,
                                                          int days) {
    auto ca_key = read_key(ca.key_pem);
    auto ca_cert = read_cert(ca.certificate_pem);
    if (!ca_key || !ca_cert)
        return err(std::string("the CA cannot be read"));
    Own<BIO> b(BIO_new_mem_buf(csr_pem.data(), static_cast<int>(csr_pem.size())));
    Own<X509_REQ> r(PEM_read_bio_X509_REQ(b.get(), nullptr, nullptr, nullptr));
    if (!r)
        return err(std::string("the certificate request is not PEM"));
    EVP_PKEY* pub = X509_REQ_get0_pubkey(r.get());
    if (!pub || X509_REQ_verify(r.get(), pub) != 1)
        return err(std::string("the certificate request's signature does not verify"));
    if (EVP_PKEY_get_base_id(pub) != EVP_PKEY_EC)
        return err(std::string("the certificate request must be for an EC key"));
    Own<X509> c(X509_new());
    X509_set_version(c.get(), 2);
    set_serial(c.get());
    X509_gmtime_adj(X509_getm_notBefore(c.get()), -300);
    X509_gmtime_adj(X509_getm_notAfter(c.get()), static_cast<long>(days) * 86400);
    X509_set_pubkey(c.get(), pub);
    set_name(X509_get_subject_name(c.get()), common_name);
    X509_set_issuer_name(c.get(), X509_get_subject_name(ca_cert.get()));
    add_ext(c.get(), ca_cert.get(), NID_basic_constraints, "critical,CA:FALSE");
    add_ext(c.get(), ca_cert.get(), NID_key_usage, "critical,digitalSignature,nonRepudiation");
    if (!X509_sign(c.get(), ca_key.get(), EVP_sha256()))
        return err(std::string("the certificate cannot be signed"));
    return cert_pem(c.get());
}

std::unique_ptr<RecordSigner> key_signer(const std::string& pem) {
    auto k = read_key(pem);
    if (!k)
        throw std::runtime_error("the signing key cannot be read");
    return std::make_unique<KeySigner>(std::move(k));
}

namespace {

/// A device's certificate once it has been found issued by the central CA and naming its
/// common name. Reading and checking certificates is by far the dearest part of checking a
/// signature (OpenSSL 3's decoders), and the central store checks one at every push; what does
/// not change between pushes is kept here. Validity in time is checked at every use.
struct CheckedCertificate {
    std::shared_ptr<X509> ca, cert;
    std::string common_name;
};

std::shared_ptr<X509> shared_cert(const std::string& pem) {
    return std::shared_ptr<X509>(read_cert(pem).release(), [](X509* c) { X509_free(c); });
}

/// The certificate checked against the CA (cached), or null when it is not issued by it or is
/// not valid now.
std::shared_ptr<const CheckedCertificate> checked_certificate(const std::string& ca_pem,
                                                              const std::string& cert_pem) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const CheckedCertificate>, std::less<>> cache;
    std::string key = ca_pem;
    key += '\0';
    key += cert_pem;
    std::shared_ptr<const CheckedCertificate> found;
    {
        const std::lock_guard lock(mutex);
        if (auto it = cache.find(key); it != cache.end())
            found = it->second;
    }
    if (found) {
        // Still valid now, both of them.
        for (X509* c : {found->ca.get(), found->cert.get()})
            if (X509_cmp_current_time(X509_get0_notBefore(c)) >= 0 ||
                X509_cmp_current_time(X509_get0_notAfter(c)) <= 0)
                return nullptr;
        return found;
    }
    auto ca = shared_cert(ca_pem);
    auto cert = shared_cert(cert_pem);
    if (!ca || !cert)
        return nullptr;
    // Issued by the CA and valid now.
    Own<X509_STORE> store(X509_STORE_new());
    X509_STORE_add_cert(store.get(), ca.get());
    Own<X509_STORE_CTX> ctx(X509_STORE_CTX_new());
    if (!X509_STORE_CTX_init(ctx.get(), store.get(), cert.get(), nullptr) ||
        X509_verify_cert(ctx.get()) != 1)
        return nullptr;
    char cn[256] = {};
    if (X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName, cn,
                                  sizeof cn) < 0)
        return nullptr;
    auto checked = std::make_shared<const CheckedCertificate>(
        CheckedCertificate{std::move(ca), std::move(cert), cn});
    const std::lock_guard lock(mutex);
    // Bounded: a central store has a few hundred devices; a flood of others starts it afresh.
    if (cache.size() >= 4096)
        cache.clear();
    cache.emplace(std::move(key), checked);
    return checked;
}

} // namespace

bool verify_record_signature(const std::string& ca_certificate_pem,
                             const std::string& certificate_pem,
                             const std::string& expected_common_name, std::string_view data,
                             std::string_view signature_b64) {
    // Issued by the CA, valid now and naming the device.
    const auto checked = checked_certificate(ca_certificate_pem, certificate_pem);
    if (!checked || checked->common_name != expected_common_name)
        return false;
    auto sig = unbase64(signature_b64);
    if (!sig)
        return false;
    Own<EVP_MD_CTX> md(EVP_MD_CTX_new());
    if (!md || EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr,
                                    X509_get0_pubkey(checked->cert.get())) != 1)
        return false;
    return EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char*>(sig->data()),
                            sig->size(), reinterpret_cast<const unsigned char*>(data.data()),
                            data.size()) == 1;
}

std::string random_hex(std::size_t bytes) {
    std::string raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1)
        fail("no random bytes");
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

} // namespace bl::sync
