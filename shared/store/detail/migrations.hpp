#pragma once
/// Store-private: the numbered schema steps.

#include <SQLiteCpp/Database.h>

namespace bl::store {

/// Runs the migrations from the file's version up to latest_schema_version(), each step and
/// its user_version bump in one transaction.
void migrate(SQLite::Database& db);

} // namespace bl::store
