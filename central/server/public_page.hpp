#pragma once
/// The central store's one public page (issue 9): the impact receipt of a sale, as HTML in
/// Danish, for the verification id its QR code carries. Makers are named only with their
/// consent for the web channel. Nothing else is served to the public: no listing, no search,
/// no other record; an unknown or malformed id gets the same plain 404 page.

#include <optional>
#include <string>
#include <string_view>

#include "central/server/handlers.hpp"

namespace bl::central {

/// True for targets the public pages answer: "/v" and everything under "/v/".
bool is_public_path(std::string_view target);

/// The verification id in a page's target, read strictly: "/v/" and a sale id as the
/// devices make them (a UUID in lower-case hex, 8-4-4-4-12), nothing before or after (no
/// query, no slash, no percent-encoding). None otherwise.
std::optional<std::string> verification_id(std::string_view target);

/// GET /v/<id>: 200 with the page; 404 (a plain page) for a malformed or unknown id, a
/// refund or a training receipt; 405 for another method; 400 for a body.
Response public_page(const Request& r, CentralStore& store, const HandlerContext& ctx);

} // namespace bl::central
