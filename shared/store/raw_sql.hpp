#pragma once
/// Direct SQL on a Bundlinje database, for tests, benchmarks and repair tools only. It
/// bypasses every check, journal row and transaction of the store, so no program code uses
/// it: a business action goes through the store's functions. Statements run on the
/// database's own connection (a PRAGMA or a TEMP trigger applies to it). Failures throw
/// bl::StoreError.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/store/database.hpp"

namespace bl::raw_sql {

/// Runs one or more statements.
void execute(Database& db, const std::string& sql);
/// The first column of the first row as an integer (0 when there is no row or it is NULL).
std::int64_t integer(Database& db, const std::string& sql);
/// The first column of the first row as text (none when there is no row or it is NULL).
std::optional<std::string> text(Database& db, const std::string& sql);
/// Every row, every column as text; NULL as none.
std::vector<std::vector<std::optional<std::string>>> rows(Database& db, const std::string& sql);

} // namespace bl::raw_sql
