#include "central/server/server.hpp"

#include <chrono>
#include <thread>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "shared/sync/protocol.hpp"

namespace bl::central {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

struct Server::Impl {
    Impl(ServerConfig c, CentralStore& s, HandlerContext h)
        : config(std::move(c)), store(s), ctx(std::move(h)), io(std::max(1, config.threads)),
          tls(ssl::context::tls_server), strand(net::make_strand(io)), acceptor(strand),
          signals(strand) {}

    ServerConfig config;
    CentralStore& store;
    HandlerContext ctx;
    net::io_context io;
    ssl::context tls;
    /// The acceptor and the signals live on one strand; stop() is posted to it too.
    net::strand<net::io_context::executor_type> strand;
    tcp::acceptor acceptor;
    net::signal_set signals;

    void log(std::string_view level, std::string_view event, std::string_view detail) {
        if (ctx.log)
            ctx.log(level, event, detail);
    }

    net::awaitable<void> session(tcp::socket socket);
    net::awaitable<void> listen();
};

namespace {

http::response<http::string_body> json_response(int status, std::string body, unsigned version,
                                                bool keep_alive,
                                                const std::string& type = "application/json") {
    http::response<http::string_body> res{static_cast<http::status>(status), version};
    res.set(http::field::server, "bundlinje-central");
    res.set(http::field::content_type, type);
    res.set(http::field::cache_control, "no-store");
    res.set("X-Content-Type-Options", "nosniff");
    if (type.rfind("text/html", 0) == 0) {
        // The public page: its own inline style and nothing else, never framed, no referrer.
        res.set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        res.set("Referrer-Policy", "no-referrer");
    }
    res.keep_alive(keep_alive);
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

} // namespace

net::awaitable<void> Server::Impl::session(tcp::socket socket) {
    beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), tls);
    beast::get_lowest_layer(stream).expires_after(10s);
    co_await stream.async_handshake(ssl::stream_base::server, net::use_awaitable);
    beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(sync::max_body_bytes);
        parser.header_limit(16 * 1024);
        beast::get_lowest_layer(stream).expires_after(30s);
        beast::error_code ec;
        co_await http::async_read(stream, buffer, parser,
                                  net::redirect_error(net::use_awaitable, ec));
        if (ec == http::error::end_of_stream || ec == net::error::eof ||
            ec == ssl::error::stream_truncated)
            break;
        if (ec == http::error::body_limit || ec == http::error::header_limit) {
            auto res = json_response(
                413, sync::to_json(sync::Problem{413, "too_large", "the request is too large"}), 11,
                false);
            co_await http::async_write(stream, res, net::use_awaitable);
            break;
        }
        if (ec) {
            if (ec != beast::error::timeout && ec != net::error::operation_aborted &&
                ec != net::error::connection_reset) {
                auto res = json_response(
                    400, sync::to_json(sync::Problem{400, "bad_http", "not a valid request"}), 11,
                    false);
                co_await http::async_write(stream, res, net::use_awaitable);
            }
            break;
        }
        auto& req = parser.get();
        Request r;
        r.method = std::string(req.method_string());
        r.target = std::string(req.target());
        r.content_type = std::string(req[http::field::content_type]);
        r.authorization = std::string(req[http::field::authorization]);
        r.body = std::move(req.body()); // up to 1 MiB: moved, not copied
        const Response out = handle(r, store, ctx);
        auto res =
            json_response(out.status, out.body, req.version(), req.keep_alive(), out.content_type);
        co_await http::async_write(stream, res, net::use_awaitable);
        if (!req.keep_alive())
            break;
    }
    beast::get_lowest_layer(stream).expires_after(2s);
    beast::error_code ignored;
    co_await stream.async_shutdown(net::redirect_error(net::use_awaitable, ignored));
}

net::awaitable<void> Server::Impl::listen() {
    for (;;) {
        beast::error_code ec;
        // Each connection on a strand of its own: connections are answered in parallel, and
        // one connection's steps never overlap.
        tcp::socket socket = co_await acceptor.async_accept(
            net::make_strand(io), net::redirect_error(net::use_awaitable, ec));
        if (ec == net::error::operation_aborted || !acceptor.is_open())
            co_return;
        if (ec)
            continue;
        const auto executor = socket.get_executor();
        net::co_spawn(executor, session(std::move(socket)), [this](std::exception_ptr e) {
            // Boost 1.81: e may be null; a failed connection is the client's
            // business, the server goes on.
            if (e) {
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& x) {
                    log("debug", "connection_ended", x.what());
                }
            }
        });
    }
}

Server::Server(ServerConfig config, CentralStore& store, HandlerContext context)
    : m(std::make_unique<Impl>(std::move(config), store, std::move(context))) {
    m->tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                       ssl::context::single_dh_use);
    m->tls.use_certificate_chain(
        net::buffer(m->config.certificate_pem.data(), m->config.certificate_pem.size()));
    m->tls.use_private_key(net::buffer(m->config.key_pem.data(), m->config.key_pem.size()),
                           ssl::context::pem);
    const tcp::endpoint ep(net::ip::make_address(m->config.address), m->config.port);
    m->acceptor.open(ep.protocol());
    m->acceptor.set_option(net::socket_base::reuse_address(true));
    m->acceptor.bind(ep);
    m->acceptor.listen(net::socket_base::max_listen_connections);
}

Server::~Server() = default;

unsigned short Server::port() const {
    return m->acceptor.local_endpoint().port();
}

void Server::run() {
    if (m->config.stop_on_signals) {
        m->signals.add(SIGINT);
        m->signals.add(SIGTERM);
        m->signals.async_wait([this](const beast::error_code& ec, int sig) {
            if (ec)
                return;
            m->log("info", "stopping", "signal " + std::to_string(sig));
            stop();
        });
    }
    net::co_spawn(m->strand, m->listen(), [this](std::exception_ptr e) {
        if (e) {
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& x) {
                m->log("error", "listener_failed", x.what());
            }
        }
    });
    std::vector<std::thread> more;
    for (int i = 1; i < m->config.threads; ++i)
        more.emplace_back([this] { m->io.run(); });
    m->io.run();
    for (auto& t : more)
        t.join();
}

void Server::stop() {
    net::post(m->strand, [this] {
        beast::error_code ignored;
        m->acceptor.close(ignored);
        m->signals.cancel(ignored);
        // Handlers running on other threads run to their end, so no transaction is cut;
        // connections still open are dropped and their clients send again.
        m->io.stop();
    });
}

} // namespace bl::central
