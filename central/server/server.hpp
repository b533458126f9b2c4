#pragma once
/// The central store's HTTPS server: Boost.Beast with C++20 coroutines on one Asio thread,
/// TLS 1.2 or newer with the certificate from the central CA. Every request goes to the pure
/// handlers (handlers.hpp). Boost stays inside server.cpp.

#include <functional>
#include <memory>
#include <string>

#include "central/server/handlers.hpp"

namespace bl::central {

struct ServerConfig {
    std::string address = "127.0.0.1";
    unsigned short port = 8443;  ///< 0: any free port (see Server::port)
    std::string certificate_pem; ///< the server's certificate
    std::string key_pem;
    /// Stop on SIGINT and SIGTERM (the program); tests stop the server themselves.
    bool stop_on_signals = true;
};

class Server {
public:
    /// Binds the address at once (so a port in use is said before run()).
    Server(ServerConfig config, CentralStore& store, HandlerContext context);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// The port the server listens on.
    unsigned short port() const;
    /// Serves until stop() or a signal; returns after the last connection is closed.
    void run();
    /// Stops accepting and ends run(); safe from any thread.
    void stop();

    struct Impl;

private:
    std::unique_ptr<Impl> m;
};

} // namespace bl::central
