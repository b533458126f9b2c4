#include "shared/sync/client.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <sys/stat.h>

#include "shared/sync/protocol.hpp"

namespace bl::sync {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using steady = std::chrono::steady_clock;

namespace {

/// The central store could not be reached or did not answer: why, for the status bar.
struct Unreachable {
    bool certificate = false; ///< TLS refused the server's certificate
    std::string detail;
};

struct HttpResult {
    int status = 0;
    std::string body;
};

/// One HTTPS connection to the central store, kept open between requests and made anew
/// when it breaks. Trusts exactly the central CA and checks the host name.
class Https {
public:
    Https(net::any_io_executor ex, std::string host, std::string port, const std::string& ca_pem,
          std::chrono::milliseconds timeout)
        : m_ex(std::move(ex)), m_host(std::move(host)), m_port(std::move(port)),
          m_tls(ssl::context::tls_client), m_timeout(timeout) {
        m_tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                          ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                          ssl::context::no_tlsv1_1);
        // No system CAs: only the central store's own.
        m_tls.add_certificate_authority(net::buffer(ca_pem.data(), ca_pem.size()));
        m_tls.set_verify_mode(ssl::verify_peer);
    }

    /// Sends one request; throws Unreachable when no answer came.
    /// `body` must outlive the call (it is sent from where it is, not copied).
    net::awaitable<HttpResult> request(http::verb verb, std::string target, const std::string& body,
                                       const std::string& token) {
        for (int attempt = 0;; ++attempt) {
            const bool fresh = !m_stream;
            if (!m_stream)
                co_await connect();
            http::request<http::span_body<char const>> req{verb, target, 11};
            req.set(http::field::host, m_host);
            req.set(http::field::user_agent, "bundlinje-sync/1");
            if (!token.empty())
                req.set(http::field::authorization, "Bearer " + token);
            if (verb == http::verb::post)
                req.set(http::field::content_type, "application/json");
            req.keep_alive(true);
            req.body() = {body.data(), body.size()};
            req.prepare_payload();
            beast::error_code ec;
            beast::get_lowest_layer(*m_stream).expires_after(m_timeout);
            co_await http::async_write(*m_stream, req, net::redirect_error(net::use_awaitable, ec));
            http::response_parser<http::string_body> parser;
            parser.body_limit(2 * max_body_bytes);
            if (!ec)
                co_await http::async_read(*m_stream, m_buffer, parser,
                                          net::redirect_error(net::use_awaitable, ec));
            if (ec) {
                drop();
                // A kept connection the server had closed meanwhile: once more on a new one.
                // Every request is safe to send twice (a push replayed is acknowledged).
                if (!fresh && attempt == 0)
                    continue;
                throw Unreachable{false, ec.message()};
            }
            auto res = parser.release();
            if (!res.keep_alive())
                drop();
            co_return HttpResult{static_cast<int>(res.result_int()), std::move(res.body())};
        }
    }

    void drop() {
        m_stream.reset();
        m_buffer.clear();
    }

private:
    net::awaitable<void> connect() {
        beast::error_code ec;
        tcp::resolver resolver(m_ex);
        auto endpoints = co_await resolver.async_resolve(
            m_host, m_port, net::redirect_error(net::use_awaitable, ec));
        if (ec)
            throw Unreachable{false, ec.message()};
        m_stream.emplace(m_ex, m_tls);
        boost::system::error_code not_ip;
        net::ip::make_address(m_host, not_ip);
        if (not_ip) {
            // SNI; the macro SSL_set_tlsext_host_name is an old-style cast, so its call.
            SSL_ctrl(m_stream->native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME,
                     TLSEXT_NAMETYPE_host_name, const_cast<char*>(m_host.c_str()));
        }
        m_stream->set_verify_callback(ssl::host_name_verification(m_host));
        beast::get_lowest_layer(*m_stream).expires_after(m_timeout);
        co_await beast::get_lowest_layer(*m_stream).async_connect(
            endpoints, net::redirect_error(net::use_awaitable, ec));
        if (ec) {
            drop();
            throw Unreachable{false, ec.message()};
        }
        co_await m_stream->async_handshake(ssl::stream_base::client,
                                           net::redirect_error(net::use_awaitable, ec));
        if (ec) {
            const bool cert = ec.category() == net::error::get_ssl_category();
            drop();
            throw Unreachable{cert, ec.message()};
        }
    }

    net::any_io_executor m_ex;
    std::string m_host, m_port;
    ssl::context m_tls;
    std::chrono::milliseconds m_timeout;
    std::optional<beast::ssl_stream<beast::tcp_stream>> m_stream;
    beast::flat_buffer m_buffer;
};

Message unreachable_message(const Unreachable& u) {
    if (u.certificate)
        return Message(BL_N_("The central store's certificate is not the one this device "
                             "trusts, so nothing was sent. Ask the organiser."));
    return Message(BL_N_("The central store cannot be reached (%s). Everything keeps working "
                         "here and is sent when the connection is back."),
                   {u.detail});
}

/// A refusal from the central store, in words.
Message refusal_message(const HttpResult& r) {
    auto p = parse_problem(r.body);
    const std::string code = p ? p.value().code : std::to_string(r.status);
    if (r.status == 401 || r.status == 403)
        return Message(BL_N_("The central store no longer accepts this device (%s). Ask the "
                             "organiser to enrol it again."),
                       {code});
    if (r.status == 409 || r.status == 422)
        return Message(BL_N_("The central store refused this device's journal (%s). Nothing is "
                             "lost here; ask the organiser."),
                       {code});
    if (r.status >= 500)
        return Message(BL_N_("The central store has a problem (%s); trying again."), {code});
    return Message(BL_N_("The central store refused a request (%s)."), {code});
}

bool write_private_file(const std::filesystem::path& p, const std::string& content) {
    const auto part = p.string() + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        if (!out)
            return false;
        ::chmod(part.c_str(), 0600);
        out << content;
        out.flush();
        if (!out)
            return false;
    }
    std::error_code ec;
    std::filesystem::rename(part, p, ec);
    return !ec;
}

std::optional<std::string> read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

std::string enrolment_folder(const std::string& db_path) {
    return db_path + ".sync";
}

std::optional<std::pair<std::string, std::string>> split_server(const std::string& address) {
    std::string a = address;
    for (const char* scheme : {"https://", "HTTPS://"})
        if (a.rfind(scheme, 0) == 0)
            a = a.substr(std::string_view(scheme).size());
    while (!a.empty() && a.back() == '/')
        a.pop_back();
    if (a.empty() || a.find_first_of(" /?#@") != std::string::npos)
        return std::nullopt;
    const auto colon = a.rfind(':');
    if (colon == std::string::npos)
        return std::make_pair(a, std::string("8443"));
    const std::string port = a.substr(colon + 1);
    if (port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    if (colon == 0)
        return std::nullopt;
    return std::make_pair(a.substr(0, colon), port);
}

std::optional<Enrolment> load_enrolment(const std::string& folder) {
    const std::filesystem::path f(folder);
    auto server = read_file(f / "server");
    auto ca = read_file(f / "ca.pem");
    auto token = read_file(f / "token");
    auto key = read_file(f / "key.pem");
    auto cert = read_file(f / "device.pem");
    auto role = read_file(f / "role");
    if (!server || !ca || !token || !key || !cert || !role)
        return std::nullopt;
    auto hp = split_server(*server);
    if (!hp)
        return std::nullopt;
    return Enrolment{hp->first, hp->second, *ca, *token, *key, *cert, *role};
}

Result<Done, Message> save_enrolment(const std::string& folder, const Enrolment& e) {
    const std::filesystem::path f(folder);
    std::error_code ec;
    std::filesystem::create_directories(f, ec);
    ::chmod(folder.c_str(), 0700);
    const std::pair<const char*, std::string> files[] = {
        {"ca.pem", e.ca_pem},   {"token", e.token},
        {"key.pem", e.key_pem}, {"device.pem", e.certificate_pem},
        {"role", e.role},       {"server", e.host + ":" + e.port}};
    // "server" last: a folder without it is not an enrolment, so a crash half-way leaves none.
    for (const auto& [name, content] : files)
        if (ec || !write_private_file(f / name, content))
            return err(Message(BL_N_("The enrolment could not be saved in %s. Check that "
                                     "there is free disk space and try again."),
                               {folder}));
    return Done{};
}

Result<Enrolment, Message> enrol_device(const std::string& server_address,
                                        const std::string& ca_pem, const std::string& code,
                                        const std::string& device_id,
                                        const std::string& device_name,
                                        std::chrono::milliseconds timeout) {
    auto hp = split_server(server_address);
    if (!hp)
        return err(Message(BL_N_("Server address: write it as host:port, for example "
                                 "central.example.dk:8443.")));
    if (ca_pem.find("BEGIN CERTIFICATE") == std::string::npos)
        return err(Message(BL_N_("The central store's certificate file is not a certificate.")));
    Enrolment e;
    e.host = hp->first;
    e.port = hp->second;
    e.ca_pem = ca_pem;
    e.key_pem = make_private_key();
    EnrolRequest req{code, device_id, device_name, make_certificate_request(e.key_pem, device_id)};
    std::optional<Message> failure;
    HttpResult result;
    try {
        net::io_context io;
        Https https(io.get_executor(), e.host, e.port, ca_pem, timeout);
        net::co_spawn(
            io,
            [&]() -> net::awaitable<void> {
                try {
                    const std::string body = to_json(req), no_token;
                    result =
                        co_await https.request(http::verb::post, "/api/v1/enrol", body, no_token);
                } catch (const Unreachable& u) {
                    failure = unreachable_message(u);
                }
            },
            [&](std::exception_ptr ex) {
                if (ex)
                    failure = Message(BL_N_("Enrolment failed unexpectedly."));
            });
        io.run_for(timeout + std::chrono::seconds(1));
    } catch (const std::exception&) {
        failure = Message(BL_N_("Enrolment failed unexpectedly."));
    }
    if (!failure && result.status == 0)
        failure = unreachable_message(Unreachable{false, "no answer in time"});
    if (failure)
        return err(*failure);
    if (result.status == 403) {
        auto p = parse_problem(result.body);
        const std::string c = p ? p.value().code : "";
        if (c == "code_used")
            return err(Message(BL_N_("This enrolment code has already been used. Ask the "
                                     "organiser for a new one.")));
        if (c == "code_expired")
            return err(Message(BL_N_("This enrolment code has expired. Ask the organiser for a "
                                     "new one.")));
        return err(Message(BL_N_("The central store does not know this enrolment code. Check "
                                 "it and try again.")));
    }
    if (result.status != 200)
        return err(refusal_message(result));
    auto r = parse_enrol_response(result.body);
    if (!r)
        return err(Message(BL_N_("The central store's answer could not be read.")));
    e.token = r.value().token;
    e.certificate_pem = r.value().certificate_pem;
    e.role = r.value().role;
    return e;
}

struct CentralSession::Impl {
    Impl(const Enrolment& en, std::chrono::milliseconds t)
        : e(en), timeout(t), https(io.get_executor(), e.host, e.port, e.ca_pem, timeout) {}
    Enrolment e;
    std::chrono::milliseconds timeout;
    net::io_context io{1};
    Https https;
};

CentralSession::CentralSession(const Enrolment& e, std::chrono::milliseconds timeout)
    : m(std::make_unique<Impl>(e, timeout)) {}

CentralSession::~CentralSession() = default;

Result<CentralAnswer, Message> CentralSession::call(const std::string& method,
                                                    const std::string& target,
                                                    const std::string& body) {
    std::optional<Message> failure;
    HttpResult result;
    bool broken = false;
    m->io.restart();
    net::co_spawn(
        m->io,
        [&]() -> net::awaitable<void> {
            try {
                result =
                    co_await m->https.request(method == "POST" ? http::verb::post : http::verb::get,
                                              target, body, m->e.token);
            } catch (const Unreachable& u) {
                failure = unreachable_message(u);
            }
        },
        [&](std::exception_ptr ex) {
            if (ex) {
                broken = true;
                failure = Message(BL_N_("Sending stopped after an error: %s"), {"call"});
            }
        });
    m->io.run_for(m->timeout + std::chrono::seconds(1));
    const bool timed_out = !failure && result.status == 0;
    if (timed_out || broken) {
        // No answer in time, or the request stopped half-way: the connection and whatever was
        // under way on it are given up (a coroutine still waiting goes with its io_context,
        // never resumed), so the next call starts on a new one.
        m = std::make_unique<Impl>(m->e, m->timeout);
        if (timed_out)
            failure = unreachable_message(Unreachable{false, "no answer in time"});
    }
    if (failure)
        return err(*failure);
    return CentralAnswer{result.status, result.body};
}

Result<CentralAnswer, Message> call_central(const Enrolment& e, const std::string& method,
                                            const std::string& target, const std::string& body,
                                            std::chrono::milliseconds timeout) {
    return CentralSession(e, timeout).call(method, target, body);
}

// ---------------------------------------------------------------------------------------

struct SyncClient::Impl : std::enable_shared_from_this<SyncClient::Impl> {
    std::function<std::unique_ptr<LocalStore>()> open_local;
    Enrolment enrolment;
    ClientOptions options;
    std::function<void(const ClientStatus&)> on_change;

    net::io_context io{1};
    net::steady_timer timer{io};
    std::thread thread;
    std::atomic<bool> stopping{false};
    bool waiting_out_error = false;

    mutable std::mutex mutex;
    ClientStatus status;

    /// Changes the status; tells on_change only when something a person sees changed.
    void publish(const std::function<void(ClientStatus&)>& change) {
        ClientStatus copy;
        bool changed = false;
        {
            std::lock_guard lock(mutex);
            const ClientStatus before = status;
            change(status);
            auto error_text = [](const ClientStatus& s) {
                return s.last_error ? render(*s.last_error) : std::string();
            };
            changed = before.pending != status.pending ||
                      before.last_success != status.last_success ||
                      error_text(before) != error_text(status);
            copy = status;
        }
        if (changed && on_change)
            on_change(copy);
    }

    net::awaitable<void> loop();
};

net::awaitable<void> SyncClient::Impl::loop() {
    std::unique_ptr<LocalStore> local;
    std::unique_ptr<RecordSigner> signer;
    Https https(io.get_executor(), enrolment.host, enrolment.port, enrolment.ca_pem,
                options.timeout);
    std::mt19937_64 dice(
        options.seed ? options.seed
                     : static_cast<std::uint64_t>(steady::now().time_since_epoch().count()));
    int failures = 0;
    auto next_pull = steady::now();
    while (!stopping) {
        std::optional<Message> error;
        std::int64_t sent_now = 0, pulled_now = 0, pulls_now = 0;
        bool exchanged = false;
        try {
            if (!local)
                local = open_local();
            if (!signer)
                signer = key_signer(enrolment.key_pem);
            // Push until the outbox is empty.
            for (int round = 0; round < 10000 && !stopping; ++round) {
                if (local->pending_count() == 0)
                    break;
                std::vector<PendingRow> sent;
                PushRequest p = make_push(*local, *signer, options.push_batch, sent);
                const std::string body = to_json(p);
                HttpResult r =
                    co_await https.request(http::verb::post, "/api/v1/push", body, enrolment.token);
                if (r.status == 409) {
                    auto prob = parse_problem(r.body);
                    if (prob && prob.value().code == "retry")
                        continue;
                }
                if (r.status != 200) {
                    error = refusal_message(r);
                    break;
                }
                auto ack = parse_push_response(r.body);
                if (!ack) {
                    error = Message(BL_N_("The central store's answer could not be read."));
                    break;
                }
                exchanged = true;
                auto up_to = acknowledged_up_to(sent, ack.value());
                if (!up_to) {
                    error = refusal_message(HttpResult{409, R"({"error":"behind","message":""})"});
                    break;
                }
                auto marked = local->acknowledged(*up_to);
                if (!marked) {
                    error = marked.error();
                    break;
                }
                for (const auto& s : sent)
                    if (s.outbox_id <= *up_to)
                        ++sent_now;
            }
            // Pull when it is time, page by page, each page with its cursor.
            if (!error && !stopping && steady::now() >= next_pull) {
                for (int page = 0; page < 10000 && !stopping; ++page) {
                    std::string target =
                        "/api/v1/pull?since=" + std::to_string(local->pull_cursor()) + "&limit=200";
                    if (options.want_private)
                        target += "&private=1";
                    const std::string no_body;
                    HttpResult r =
                        co_await https.request(http::verb::get, target, no_body, enrolment.token);
                    if (r.status != 200) {
                        error = refusal_message(r);
                        break;
                    }
                    auto pr = parse_pull_response(r.body);
                    if (!pr) {
                        error = Message(BL_N_("The central store's answer could not be read."));
                        break;
                    }
                    exchanged = true;
                    auto applied = local->apply(pr.value().changes, pr.value().next_cursor);
                    if (!applied) {
                        error = applied.error();
                        break;
                    }
                    pulled_now += static_cast<std::int64_t>(pr.value().changes.size());
                    if (!pr.value().more)
                        break;
                }
                if (!error) {
                    next_pull = steady::now() + options.pull_every;
                    ++pulls_now;
                }
            }
        } catch (const Unreachable& u) {
            error = unreachable_message(u);
        } catch (const std::exception& e) {
            // The device's own database refused a read (bl::StoreError) or the key is broken.
            error = Message(BL_N_("Records could not be prepared for sending: %s"), {e.what()});
            local.reset();
        }
        std::int64_t pending = 0;
        try {
            if (local)
                pending = local->pending_count();
        } catch (const std::exception&) {
            local.reset();
        }
        const bool ok = !error;
        publish([&](ClientStatus& s) {
            s.pending = pending;
            s.rows_sent += sent_now;
            s.changes_pulled += pulled_now;
            s.pulls += pulls_now;
            if (ok && exchanged)
                s.last_success = now_utc();
            s.last_error = error;
        });
        if (stopping)
            break;
        std::chrono::milliseconds wait = options.poll;
        if (error) {
            // Exponential backoff with jitter, so tills that lost the network together do not
            // all come back in the same millisecond.
            ++failures;
            const auto cap = options.backoff_max.count();
            long long base = options.backoff_min.count();
            for (int i = 1; i < failures && base < cap; ++i)
                base *= 2;
            base = std::min<long long>(base, cap);
            std::uniform_int_distribution<long long> jitter(base / 2, base);
            wait = std::chrono::milliseconds(jitter(dice));
            waiting_out_error = true;
        } else {
            failures = 0;
            waiting_out_error = false;
            if (pending > 0)
                wait = std::chrono::milliseconds(0);
        }
        timer.expires_after(wait);
        beast::error_code ec;
        co_await timer.async_wait(net::redirect_error(net::use_awaitable, ec));
        waiting_out_error = false;
    }
}

SyncClient::SyncClient(std::function<std::unique_ptr<LocalStore>()> open_local, Enrolment enrolment,
                       ClientOptions options, std::function<void(const ClientStatus&)> on_change)
    : m(std::make_shared<Impl>()) {
    m->open_local = std::move(open_local);
    m->enrolment = std::move(enrolment);
    m->options = options;
    m->on_change = std::move(on_change);
}

SyncClient::~SyncClient() {
    stop();
}

void SyncClient::start() {
    if (m->thread.joinable())
        return;
    m->thread = std::thread([impl = m] {
        net::co_spawn(impl->io, impl->loop(), [impl](std::exception_ptr e) {
            if (e) {
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& x) {
                    impl->publish([&](ClientStatus& s) {
                        s.last_error =
                            Message(BL_N_("Sending stopped after an error: %s"), {x.what()});
                    });
                }
            }
        });
        impl->io.run();
    });
}

void SyncClient::stop() {
    if (!m->thread.joinable())
        return;
    m->stopping = true;
    net::post(m->io, [impl = m] {
        impl->timer.cancel();
        impl->io.stop();
    });
    m->thread.join();
}

void SyncClient::nudge() {
    net::post(m->io, [impl = m] {
        // During a backoff the wait stands: a nudge is not a reason to hammer a server that
        // is down.
        if (!impl->waiting_out_error)
            impl->timer.cancel();
    });
}

ClientStatus SyncClient::status() const {
    std::lock_guard lock(m->mutex);
    return m->status;
}

} // namespace bl::sync
