#include "central/server/public_page.hpp"

#include "receipts/layout/html.hpp"
#include "receipts/layout/impact_documents.hpp"

namespace bl::central {

namespace {

constexpr const char* html_type = "text/html; charset=utf-8";

Response page(int status, const std::string& title, const std::string& text) {
    return Response{status, doc::html_message_page(title, text), html_type};
}

Response not_found() {
    return page(404, "Siden findes ikke",
                "Der er ingen kvittering med det kontrol-id. Tjek, at adressen er skrevet "
                "rigtigt af fra QR-koden.");
}

bool hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

} // namespace

bool is_public_path(std::string_view target) {
    return target == "/v" || target.rfind("/v/", 0) == 0 || target.rfind("/v?", 0) == 0;
}

std::optional<std::string> verification_id(std::string_view target) {
    constexpr std::string_view prefix = "/v/";
    if (target.size() != prefix.size() + 36 || target.substr(0, prefix.size()) != prefix)
        return std::nullopt;
    const std::string_view id = target.substr(prefix.size());
    for (std::size_t i = 0; i < id.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? id[i] != '-' : !hex_digit(id[i]))
            return std::nullopt;
    }
    return std::string(id);
}

Response public_page(const Request& r, CentralStore& store, const HandlerContext& ctx) {
    if (r.method != "GET")
        return page(405, "Metoden er ikke tilladt", "Siden kan kun hentes (GET).");
    if (!r.body.empty())
        return page(400, "Forkert forespørgsel", "Siden tager ikke imod data.");
    const auto id = verification_id(r.target);
    if (!id)
        return not_found();
    std::optional<doc::ImpactReceiptData> data;
    {
        PublicProjection& pages = *ctx.public_pages;
        const std::lock_guard lock(pages.mutex);
        pages.projection.catch_up(store);
        data = central_impact_receipt(store, pages.projection, *id, "web", ctx.clock());
    }
    if (!data)
        return not_found();
    return Response{200, doc::html_page(doc::impact_receipt(*data)), html_type};
}

} // namespace bl::central
