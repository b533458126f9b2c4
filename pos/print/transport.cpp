#include "pos/print/transport.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace bl::pos {

namespace {

Message unreachable(const PrinterTarget& t) {
    return Message(BL_N_("The printer %s does not answer. Check that it is switched on, has "
                         "paper and is connected. The sale is saved; print it again with "
                         "Receipt copy."),
                   {t.describe()});
}

using Clock = std::chrono::steady_clock;

// Milliseconds left until the deadline (0 once it has passed), for poll().
int left_ms(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1'000'000));
}

// Writes everything before the deadline, waiting for the descriptor to take more. A socket
// whose printer hangs up gives an error, not SIGPIPE (which would end the till).
bool write_all(int fd, std::string_view bytes, Clock::time_point deadline, bool socket) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = socket
                              ? ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL)
                              : ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd p{fd, POLLOUT, 0};
            if (::poll(&p, 1, left_ms(deadline)) <= 0)
                return false;
            continue;
        }
        return false;
    }
    return true;
}

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

Result<PrinterTarget, Message> PrinterTarget::parse(const std::string& setting) {
    PrinterTarget t;
    if (setting.empty())
        return err(Message(BL_N_("No printer is set. Choose one in the settings.")));
    if (setting.rfind("cups:", 0) == 0) {
        t.kind = Kind::cups;
        t.path = setting.substr(5);
        if (t.path.empty() || t.path.find_first_of(" /\\#") != std::string::npos)
            return err(Message(BL_N_("\"%s\" is not a printer name. Write cups: and the "
                                     "printer's name, for example cups:Kontorprinter."),
                               {echo_input(setting)}));
        return t;
    }
    if (setting.front() == '/') {
        t.kind = Kind::device;
        t.path = setting;
        return t;
    }
    t.kind = Kind::tcp;
    std::string host = setting;
    std::string port;
    if (host.front() == '[') { // [IPv6]:port
        const auto close = host.find(']');
        if (close == std::string::npos)
            return err(Message(BL_N_("\"%s\" is not a printer address. Write a device such as "
                                     "/dev/usb/lp0 or a network address such as "
                                     "192.168.1.50:9100."),
                               {echo_input(setting)}));
        port = close + 1 < host.size() && host[close + 1] == ':' ? host.substr(close + 2) : "";
        host = host.substr(1, close - 1);
    } else if (const auto colon = host.rfind(':'); colon != std::string::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    if (host.empty() || host.find_first_of(" /\\") != std::string::npos)
        return err(Message(BL_N_("\"%s\" is not a printer address. Write a device such as "
                                 "/dev/usb/lp0 or a network address such as "
                                 "192.168.1.50:9100."),
                           {echo_input(setting)}));
    t.host = host;
    if (!port.empty()) {
        if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(port) < 1 || std::stoi(port) > 65535)
            return err(
                Message(BL_N_("\"%s\" is not a port number (1–65535)."), {echo_input(port)}));
        t.port = std::stoi(port);
    }
    return t;
}

std::string PrinterTarget::describe() const {
    if (kind == Kind::cups)
        return "cups:" + path;
    return kind == Kind::device ? path : host + ":" + std::to_string(port);
}

std::optional<Message> print_pdf_with_cups(const std::string& queue, const std::string& pdf_path,
                                           std::chrono::milliseconds timeout) {
    const Message failed(BL_N_("The printer %s did not take the receipt. Check it in the "
                               "printer settings. The sale is saved; print it again with "
                               "Receipt copy."),
                         {queue});
    pid_t pid = 0;
    std::string dash_d = "-d";
    std::string q = queue;
    std::string end = "--";
    std::string file = pdf_path;
    char* argv[] = {
        const_cast<char*>("lp"), dash_d.data(), q.data(), end.data(), file.data(), nullptr};
    if (::posix_spawnp(&pid, "lp", nullptr, nullptr, argv, environ) != 0)
        return failed;
    // lp hands the file to CUPS and ends; one that hangs (a stuck scheduler) is stopped.
    const auto deadline = Clock::now() + timeout;
    int status = 0;
    for (;;) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR)
            return failed;
        if (Clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            return failed;
        }
        ::usleep(20'000);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return failed;
    return std::nullopt;
}

std::optional<Message> send_to_printer(const PrinterTarget& t, std::string_view bytes,
                                       std::chrono::milliseconds timeout) {
    if (t.kind == PrinterTarget::Kind::cups)
        return Message(BL_N_("The printer %s prints PDF receipts, not printer codes."),
                       {t.describe()});
    const auto deadline = Clock::now() + timeout;
    if (t.kind == PrinterTarget::Kind::device) {
        Fd f{::open(t.path.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_APPEND | O_CLOEXEC)};
        if (f.fd < 0)
            return Message(BL_N_("The printer %s cannot be opened. Check that it is plugged in "
                                 "and switched on. The sale is saved; print it again with "
                                 "Receipt copy."),
                           {t.path});
        if (!write_all(f.fd, bytes, deadline, false))
            return unreachable(t);
        return std::nullopt;
    }
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const std::string port = std::to_string(t.port);
    if (::getaddrinfo(t.host.c_str(), port.c_str(), &hints, &found) != 0 || !found)
        return Message(BL_N_("The printer address %s cannot be found. Check the name in the "
                             "settings."),
                       {t.describe()});
    std::optional<Message> result = unreachable(t);
    for (addrinfo* a = found; a; a = a->ai_next) {
        Fd s{::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol)};
        if (s.fd < 0)
            continue;
        if (::connect(s.fd, a->ai_addr, a->ai_addrlen) != 0) {
            if (errno != EINPROGRESS)
                continue;
            pollfd p{s.fd, POLLOUT, 0};
            if (::poll(&p, 1, left_ms(deadline)) <= 0)
                continue;
            int e = 0;
            socklen_t len = sizeof e;
            if (::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &e, &len) != 0 || e != 0)
                continue;
        }
        if (write_all(s.fd, bytes, deadline, true)) {
            ::shutdown(s.fd, SHUT_WR);
            result.reset();
            break;
        }
    }
    ::freeaddrinfo(found);
    return result;
}

} // namespace bl::pos
