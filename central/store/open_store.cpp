#include "central/store/open_store.hpp"

#include "central/store/sqlite_central_store.hpp"
#include "shared/store/database.hpp"
#ifdef BL_HAVE_POSTGRESQL
#include "central/store/pg_central_store.hpp"
#endif

namespace bl::central {

bool postgresql_supported() {
#ifdef BL_HAVE_POSTGRESQL
    return true;
#else
    return false;
#endif
}

std::unique_ptr<CentralStore> open_central_store(const StoreUrl& where,
                                                 const StoreOptions& options) {
    if (where.kind == StoreKind::sqlite)
        return std::make_unique<SqliteCentralStore>(where.sqlite_path);
#ifdef BL_HAVE_POSTGRESQL
    return std::make_unique<PgCentralStore>(where.url, PgOptions{options.pool_size});
#else
    (void)options;
    throw StoreError(Message(BL_N_("This bundlinje-central was built without PostgreSQL; use a "
                                   "sqlite: store or a build with libpqxx.")));
#endif
}

} // namespace bl::central
