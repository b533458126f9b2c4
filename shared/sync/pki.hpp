#pragma once
/// The central store's private certificate authority and the devices' signing keys, through
/// OpenSSL's library: EC P-256 keys, X.509 certificates, SHA-256 signatures. Pure functions
/// over PEM text; nothing here touches the network or the disk.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/result.hpp"

namespace bl::sync {

/// A private key and its certificate, both PEM.
struct Credentials {
    std::string key_pem;
    std::string certificate_pem;
};

/// A new EC P-256 private key (PEM, PKCS#8).
std::string make_private_key();

/// A self-signed CA certificate for `name`, valid for `days` from now.
Credentials make_ca(const std::string& name, int days = 3650);

/// A TLS server certificate signed by `ca` for the given host names and IP addresses (as
/// subjectAltName), valid from `start_days` (negative: in the past) for `days`.
Credentials make_server_certificate(const Credentials& ca, const std::vector<std::string>& hosts,
                                    int days = 825, int start_days = 0);

/// A certificate request for `key_pem` with `common_name` as its subject.
std::string make_certificate_request(const std::string& key_pem, const std::string& common_name);

/// Signs a device's certificate request: the certificate carries `common_name` (the
/// device's id, whatever the request said) and the request's public key, for signing only.
/// Refuses a request that is not valid PEM or whose own signature does not verify.
Result<std::string, std::string> sign_certificate_request(const Credentials& ca,
                                                          const std::string& csr_pem,
                                                          const std::string& common_name,
                                                          int days = 3650);

/// Signs records for the journal (a Z report, the chain's head at a push). Behind one small
/// interface so that an OCES3 certificate from a Danish CA can take the central CA's place.
class RecordSigner {
public:
    virtual ~RecordSigner() = default;
    /// A signature over `data`, base64.
    virtual std::string sign(std::string_view data) const = 0;
};

/// Signs with a PEM private key (EC P-256, ECDSA with SHA-256).
std::unique_ptr<RecordSigner> key_signer(const std::string& key_pem);

/// Whether `signature_b64` is a signature over `data` by the key of `certificate_pem`, and
/// that certificate was issued by `ca_certificate_pem`, is valid now and names
/// `expected_common_name`.
bool verify_record_signature(const std::string& ca_certificate_pem,
                             const std::string& certificate_pem,
                             const std::string& expected_common_name, std::string_view data,
                             std::string_view signature_b64);

/// Random bytes as lower-case hex (tokens, enrolment codes).
std::string random_hex(std::size_t bytes);

} // namespace bl::sync
