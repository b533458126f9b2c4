#pragma once
/// The sync client's port (shared/sync/local.hpp) over a device's own bl_store database:
/// the outbox and journal head for pushes, the pull cursor and pulled pages (read from the
/// protocol's JSON into the store's types). Used by the till and the workshop program.

#include <memory>
#include <string>

#include "shared/sync/local.hpp"

namespace bl {
class Database;
}

namespace bl::sync {

/// Opens its own connection to `db_path` (the client's thread owns it).
std::unique_ptr<LocalStore> store_local(const std::string& db_path);

/// Over a connection the caller keeps (tests, tools; one thread).
std::unique_ptr<LocalStore> store_local(Database& db);

} // namespace bl::sync
