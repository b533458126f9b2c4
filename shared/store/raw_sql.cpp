#include "shared/store/raw_sql.hpp"

#include "shared/store/detail/connection.hpp"

namespace bl::raw_sql {

void execute(Database& db, const std::string& sql) {
    store::reading([&] { return store::sql(db).exec(sql); });
}

std::int64_t integer(Database& db, const std::string& sql) {
    return store::reading([&] {
        SQLite::Statement q(store::sql(db), sql);
        return q.executeStep() && !q.getColumn(0).isNull() ? q.getColumn(0).getInt64()
                                                           : std::int64_t{0};
    });
}

std::optional<std::string> text(Database& db, const std::string& sql) {
    return store::reading([&]() -> std::optional<std::string> {
        SQLite::Statement q(store::sql(db), sql);
        if (!q.executeStep() || q.getColumn(0).isNull())
            return std::nullopt;
        return q.getColumn(0).getString();
    });
}

std::vector<std::vector<std::optional<std::string>>> rows(Database& db, const std::string& sql) {
    return store::reading([&] {
        SQLite::Statement q(store::sql(db), sql);
        std::vector<std::vector<std::optional<std::string>>> out;
        while (q.executeStep()) {
            auto& row = out.emplace_back();
            for (int i = 0; i < q.getColumnCount(); ++i)
                row.push_back(q.getColumn(i).isNull()
                                  ? std::nullopt
                                  : std::optional<std::string>(q.getColumn(i).getString()));
        }
        return out;
    });
}

} // namespace bl::raw_sql
