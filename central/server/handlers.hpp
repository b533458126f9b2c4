#pragma once
/// The central store's HTTP API as pure functions: a request in, a response out, over a
/// CentralStore. No sockets here: the Beast server (server.hpp) reads a request, calls
/// handle() and writes what it returns; the tests call handle() directly.

#include <functional>
#include <string>
#include <string_view>

#include "central/store/central_store.hpp"
#include "shared/core/time.hpp"
#include "shared/sync/pki.hpp"

namespace bl::central {

struct Request {
    std::string method; ///< "GET", "POST" ...
    std::string target; ///< "/api/v1/push?x=y"
    std::string content_type;
    std::string authorization;
    std::string body;
};

struct Response {
    int status = 200;
    std::string body; ///< always JSON
};

/// What the handlers need besides the store.
struct HandlerContext {
    /// The central CA, which signs each enrolled device's certificate.
    sync::Credentials ca;
    std::function<Timestamp()> clock = now_utc;
    /// Where alarms and refusals are told (the server's log); may be empty.
    std::function<void(std::string_view level, std::string_view event, std::string_view detail)>
        log;
};

/// Answers one request. Never throws for anything a client sends; a store that cannot be
/// read gives 503 "store_unavailable".
Response handle(const Request& request, CentralStore& store, const HandlerContext& context);

/// An enrolment code as people type it ("K7QF-M2XW-9D"): letters and digits that cannot be
/// mistaken for one another; and its normal form (upper case, no dashes) for hashing.
std::string new_enrol_code();
std::string normal_enrol_code(std::string_view typed);

} // namespace bl::central
