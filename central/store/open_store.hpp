#pragma once
/// Opens the central store a StoreUrl names, on either database.

#include <memory>

#include "central/store/central_store.hpp"
#include "central/store/store_url.hpp"

namespace bl::central {

struct StoreOptions {
    int pool_size = 4; ///< PostgreSQL: connections in the pool (SQLite has one)
};

/// Opens (creating and migrating when needed) the store. Throws bl::StoreError with a clear
/// message, and nothing changed, when it cannot: a file that is not a central store, a
/// database server that cannot be reached, a build without PostgreSQL.
std::unique_ptr<CentralStore> open_central_store(const StoreUrl& where,
                                                 const StoreOptions& options = {});

/// False in a build made without libpqxx (-DBL_POSTGRESQL=OFF).
bool postgresql_supported();

} // namespace bl::central
