// fault_proxy: a TCP proxy between the sync clients and the central store that, from a fixed
// seed, drops connections, cuts connections after the client's request went through (the
// server commits, the client never hears back) and delays connections. Plain POSIX sockets:
// it never looks inside TLS. After --faults-for-s seconds it forwards faithfully, so the test
// can check that everything converges once the faults stop. Given more than one
// --target-port, it hands the connections to them in turn (two servers behind one address).
//   fault_proxy --target-port P [--target-port P2...] --port-file F --seed S [--drop 20]
//               [--cut 15] [--delay-ms 1000] [--faults-for-s 20]

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

enum class Fate { pass, drop, cut };

struct Plan {
    Fate fate = Fate::pass;
    int delay_ms = 0;
    /// A connection that passes is still hung up on after this many chunks from the client
    /// (0: never), so kept-alive connections meet faults too.
    int lifetime_chunks = 0;
};

int connect_to(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(s);
        return -1;
    }
    int one = 1;
    ::setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return s;
}

void pump(int client, int server, const Plan& plan) {
    pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    char buf[65536];
    int client_chunks = 0;
    bool cut = false;
    const auto started = std::chrono::steady_clock::now();
    for (;;) {
        if (std::chrono::steady_clock::now() - started > std::chrono::seconds(60))
            break;
        const int n = ::poll(fds, 2, 1000);
        if (n < 0)
            break;
        if (n == 0) {
            if (cut)
                break; // the server has been drained long enough
            continue;
        }
        if (!cut && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t r = ::read(client, buf, sizeof buf);
            if (r <= 0)
                break;
            ++client_chunks;
            if (plan.lifetime_chunks > 0 && client_chunks > plan.lifetime_chunks)
                break;
            if (::send(server, buf, static_cast<std::size_t>(r), MSG_NOSIGNAL) != r)
                break;
        }
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t r = ::read(server, buf, sizeof buf);
            if (r <= 0)
                break;
            // Cut: once the client has sent its request (past the handshake's two flights),
            // whatever the server answers is swallowed and the client is hung up on; the
            // server is drained so that it finishes (and commits) undisturbed.
            if (plan.fate == Fate::cut && client_chunks >= 3 && !cut) {
                cut = true;
                ::shutdown(client, SHUT_RDWR);
                fds[0].fd = -1;
            }
            if (!cut && ::send(client, buf, static_cast<std::size_t>(r), MSG_NOSIGNAL) != r)
                break;
        }
    }
    ::close(client);
    ::close(server);
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"a TCP proxy that injects faults from a fixed seed"};
    std::vector<int> targets;
    int drop = 20, cut = 15, delay_ms = 1000, faults_for_s = 20;
    std::uint64_t seed = 1;
    std::string port_file;
    app.add_option("--target-port", targets)->required();
    app.add_option("--port-file", port_file)->required();
    app.add_option("--seed", seed);
    app.add_option("--drop", drop);
    app.add_option("--cut", cut);
    app.add_option("--delay-ms", delay_ms);
    app.add_option("--faults-for-s", faults_for_s);
    CLI11_PARSE(app, argc, argv);
    std::signal(SIGPIPE, SIG_IGN);

    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::listen(listener, 128) != 0) {
        std::perror("fault_proxy");
        return 1;
    }
    socklen_t len = sizeof a;
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&a), &len);
    {
        std::ofstream(port_file + ".part") << ntohs(a.sin_port) << "\n";
        std::rename((port_file + ".part").c_str(), port_file.c_str());
    }
    // The fates are drawn in order of arrival from one seeded sequence.
    std::mt19937_64 dice(seed);
    const auto start = std::chrono::steady_clock::now();
    long dropped = 0, cut_n = 0, passed = 0;
    for (;;) {
        const int client = ::accept(listener, nullptr, nullptr);
        if (client < 0)
            continue;
        Plan plan;
        const int roll = static_cast<int>(dice() % 100);
        const int delay = static_cast<int>(dice() % static_cast<std::uint64_t>(delay_ms + 1));
        const int lifetime = 3 + static_cast<int>(dice() % 40);
        const bool faulty =
            std::chrono::steady_clock::now() - start < std::chrono::seconds(faults_for_s);
        if (faulty) {
            plan.fate = roll < drop ? Fate::drop : roll < drop + cut ? Fate::cut : Fate::pass;
            plan.delay_ms = delay;
            plan.lifetime_chunks = lifetime;
        }
        if (plan.fate == Fate::drop) {
            ++dropped;
            ::close(client);
            continue;
        }
        plan.fate == Fate::cut ? ++cut_n : ++passed;
        const int target =
            targets[static_cast<std::size_t>(dropped + cut_n + passed) % targets.size()];
        if ((dropped + cut_n + passed) % 10 == 0)
            std::cerr << "fault_proxy: " << passed << " passed, " << dropped << " dropped, "
                      << cut_n << " cut\n";
        std::thread([client, target, plan] {
            if (plan.delay_ms > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(plan.delay_ms));
            const int server = connect_to(target);
            if (server < 0) {
                ::close(client);
                return;
            }
            pump(client, server, plan);
        }).detach();
    }
}
