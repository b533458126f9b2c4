#pragma once
/// The central store's HTTPS server: Boost.Beast with C++20 coroutines on a pool of Asio
/// threads (each connection on a strand of its own), TLS 1.2 or newer with the certificate
/// from the central CA. Every request goes to the pure handlers (handlers.hpp), so the store
/// is called from several threads at once (central_store.hpp says it may be). Boost stays
/// inside server.cpp.

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
    /// Threads answering requests (at least 1). A handler waits for the store, so more threads
    /// than cores still help when the store is a database server.
    int threads = 1;
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
    /// Serves (on this thread and threads - 1 more) until stop() or a signal; returns when
    /// every thread has finished the request it was answering.
    void run();
    /// Stops accepting and ends run(); safe from any thread.
    void stop();

    struct Impl;

private:
    std::unique_ptr<Impl> m;
};

} // namespace bl::central
