#include "central/store/store_url.hpp"

#include <vector>

namespace bl::central {

namespace {

bool starts_with(const std::string& s, std::string_view p) {
    return s.rfind(p, 0) == 0;
}

bool pg_scheme(const std::string& s) {
    return starts_with(s, "postgresql://") || starts_with(s, "postgres://");
}

bool plain_identifier(const std::string& s) {
    if (s.empty() || s.size() > 63 || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

} // namespace

Result<StoreUrl, Message> parse_store_url(const std::string& text,
                                          const std::filesystem::path& base_dir) {
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return err(Message(BL_N_("The store's address may not contain control characters.")));
    StoreUrl out;
    if (starts_with(text, "sqlite:")) {
        const std::string file = text.substr(7);
        if (file.empty())
            return err(Message(BL_N_("Name the SQLite file after \"sqlite:\", for example "
                                     "sqlite:central.db.")));
        out.kind = StoreKind::sqlite;
        std::filesystem::path p(file);
        out.sqlite_path = (p.is_absolute() ? p : base_dir / p).lexically_normal().string();
        return out;
    }
    if (pg_scheme(text)) {
        auto pg = parse_pg_url(text);
        if (!pg)
            return err(pg.error());
        out.kind = StoreKind::postgresql;
        out.url = text;
        return out;
    }
    return err(Message(BL_N_("The store %s is neither sqlite:FILE nor postgresql://…: write, "
                             "for example, sqlite:central.db or "
                             "postgresql://bundlinje@db.example.dk/bundlinje."),
                       {masked_store_url(text)}));
}

Result<PgUrl, Message> parse_pg_url(const std::string& url) {
    if (!pg_scheme(url))
        return err(Message(BL_N_("A PostgreSQL store's address starts with postgresql://.")));
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return err(Message(BL_N_("A PostgreSQL store's address may not contain spaces or "
                                     "control characters (write them as %20).")));
    const auto q = url.find('?');
    const std::string base = url.substr(0, q);
    if (base.find("://") + 3 == base.size() && q == std::string::npos)
        return err(Message(BL_N_("Name the PostgreSQL server and database, for example "
                                 "postgresql://bundlinje@db.example.dk/bundlinje.")));
    std::vector<std::string> params;
    PgUrl out;
    bool timeout = false, app = false;
    if (q != std::string::npos) {
        std::string rest = url.substr(q + 1);
        std::size_t start = 0;
        while (start <= rest.size()) {
            const auto amp = rest.find('&', start);
            const std::string p =
                rest.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
            start = amp == std::string::npos ? rest.size() + 1 : amp + 1;
            if (p.empty())
                continue;
            const auto eq = p.find('=');
            if (eq == std::string::npos || eq == 0)
                return err(Message(BL_N_("Each parameter of a PostgreSQL address needs a name "
                                         "and a value: %s"),
                                   {p}));
            const std::string key = p.substr(0, eq), value = p.substr(eq + 1);
            if (key == "schema") {
                if (!plain_identifier(value))
                    return err(Message(BL_N_("The schema %s must be a plain name: lower-case "
                                             "letters, digits and _, starting with a letter."),
                                       {value}));
                out.schema = value;
                continue;
            }
            timeout = timeout || key == "connect_timeout";
            app = app || key == "application_name" || key == "fallback_application_name";
            params.push_back(p);
        }
    }
    // A server that does not answer is said within seconds, not after TCP's minutes; and a
    // database administrator sees who is connected.
    if (!timeout)
        params.push_back("connect_timeout=10");
    if (!app)
        params.push_back("fallback_application_name=bundlinje-central");
    out.conninfo = base;
    for (std::size_t i = 0; i < params.size(); ++i)
        out.conninfo += (i == 0 ? "?" : "&") + params[i];
    return out;
}

std::string masked_store_url(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos)
        return url;
    std::string out = url;
    const auto start = scheme + 3;
    const auto end = out.find_first_of("/?", start);
    const auto at = out.rfind('@', end == std::string::npos ? std::string::npos : end);
    if (at != std::string::npos && at >= start) {
        const auto colon = out.find(':', start);
        if (colon != std::string::npos && colon < at)
            out.replace(colon + 1, at - colon - 1, "***");
    }
    const auto q = out.find('?');
    if (q != std::string::npos) {
        auto pos = q;
        while ((pos = out.find("password=", pos)) != std::string::npos) {
            if (out[pos - 1] != '?' && out[pos - 1] != '&') {
                pos += 9;
                continue;
            }
            const auto value = pos + 9;
            const auto stop = out.find('&', value);
            out.replace(value, stop == std::string::npos ? std::string::npos : stop - value, "***");
            pos = value;
        }
    }
    return out;
}

} // namespace bl::central
