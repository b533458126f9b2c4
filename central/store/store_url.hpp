#pragma once
/// Where a central store is, as people write it in central.conf and on the command line:
/// "sqlite:FILE" (a path, relative to the data folder) or a PostgreSQL URL
/// ("postgresql://user@host/database", libpq's URI form, plus "schema=NAME" of ours). Pure
/// text handling; opening is open_store.hpp.

#include <filesystem>
#include <string>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::central {

enum class StoreKind { sqlite, postgresql };

struct StoreUrl {
    StoreKind kind = StoreKind::sqlite;
    std::string sqlite_path; ///< sqlite: the file, made absolute against the base folder
    std::string url;         ///< postgresql: the URL as written
};

/// Reads "sqlite:FILE" or "postgresql://…" ("postgres://…" too); a clear message otherwise.
Result<StoreUrl, Message> parse_store_url(const std::string& text,
                                          const std::filesystem::path& base_dir);

/// A PostgreSQL URL as libpq takes it, and the schema asked for ("" for the role's default).
struct PgUrl {
    std::string conninfo; ///< with connect_timeout=10 and an application name unless given
    std::string schema;
};
Result<PgUrl, Message> parse_pg_url(const std::string& url);

/// The URL with any password replaced by "***", for logs and messages.
std::string masked_store_url(const std::string& url);

} // namespace bl::central
