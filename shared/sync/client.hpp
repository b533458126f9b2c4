#pragma once
/// The device's sync client: a background thread with its own io_context that pushes the
/// outbox whenever it holds rows, pulls periodically, backs off exponentially with jitter
/// when the central store cannot be reached, and never blocks the caller. It trusts only
/// the central CA it was enrolled with. Boost-free header: Asio, Beast and OpenSSL's TLS stay
/// in client.cpp.
///
/// Thread affinity: the client opens its own connection to the device's database on its own
/// thread (open_local); on_change is called on that thread too, so a window hands it to its
/// own thread (wx: CallAfter).

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/core/time.hpp"
#include "shared/sync/local.hpp"

namespace bl::sync {

/// What a device keeps after enrolment, in a folder only its user can read
/// (enrolment_folder): where the central store is, the CA it trusts, its token, its signing
/// key and certificate.
struct Enrolment {
    std::string host;
    std::string port = "8443";
    std::string ca_pem;
    std::string token;
    std::string key_pem;
    std::string certificate_pem;
    std::string role;
};

/// "<database>.sync", beside the device's database.
std::string enrolment_folder(const std::string& db_path);
/// None: not enrolled (or the folder is incomplete).
std::optional<Enrolment> load_enrolment(const std::string& folder);
/// Writes the folder (mode 0700) and its files (mode 0600), each whole or not at all.
Result<Done, Message> save_enrolment(const std::string& folder, const Enrolment& e);

/// "host:port" (port 8443 when left out) split; none for an address that is neither.
std::optional<std::pair<std::string, std::string>> split_server(const std::string& address);

/// Enrols this device with a code: makes its signing key, sends the code and a certificate
/// request, and returns what to keep. Blocking (up to `timeout`); never call it on a window's
/// thread. The CA is the central store's certificate authority, handed over with the code.
Result<Enrolment, Message>
enrol_device(const std::string& server_address, const std::string& ca_pem, const std::string& code,
             const std::string& device_id, const std::string& device_name,
             std::chrono::milliseconds timeout = std::chrono::seconds(20));

/// One request to the central store outside the background client (tools, tests): the
/// status and body of the answer, or why there was none.
struct CentralAnswer {
    int status = 0;
    std::string body;
};
/// Requests to the central store on one connection, kept open between them as the background
/// client keeps its own (made anew when the server closed it). One caller at a time.
class CentralSession {
public:
    explicit CentralSession(const Enrolment& enrolment,
                            std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~CentralSession();
    CentralSession(const CentralSession&) = delete;
    CentralSession& operator=(const CentralSession&) = delete;
    Result<CentralAnswer, Message> call(const std::string& method, const std::string& target,
                                        const std::string& body);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};
/// One request on a connection of its own.
Result<CentralAnswer, Message>
call_central(const Enrolment& enrolment, const std::string& method, const std::string& target,
             const std::string& body, std::chrono::milliseconds timeout = std::chrono::seconds(10));

struct ClientOptions {
    std::chrono::milliseconds poll{1000};        ///< how often the outbox is looked at
    std::chrono::milliseconds pull_every{30000}; ///< how often changes are pulled
    std::chrono::milliseconds backoff_min{500};
    std::chrono::milliseconds backoff_max{60000};
    std::chrono::milliseconds timeout{10000}; ///< per request
    int push_batch = 200;
    bool want_private = false; ///< a workshop station asks for its makers' private fields
    std::uint64_t seed = 0;    ///< jitter; 0: from the clock
};

struct ClientStatus {
    std::int64_t pending = 0;              ///< rows not yet acknowledged
    std::optional<Timestamp> last_success; ///< the last exchange that went through
    std::optional<Message> last_error;     ///< in words; none while all is well
    std::int64_t rows_sent = 0;            ///< acknowledged since start
    std::int64_t changes_pulled = 0;
    std::int64_t pulls = 0; ///< pulls completed since start (each to the last page)
};

class SyncClient {
public:
    SyncClient(std::function<std::unique_ptr<LocalStore>()> open_local, Enrolment enrolment,
               ClientOptions options, std::function<void(const ClientStatus&)> on_change = {});
    /// Stops and joins the thread.
    ~SyncClient();
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    void start();
    void stop();
    /// Something was written: push now rather than at the next poll.
    void nudge();
    ClientStatus status() const;

    struct Impl;

private:
    std::shared_ptr<Impl> m;
};

} // namespace bl::sync
