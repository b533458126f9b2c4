#include "shared/store/detail/migrations.hpp"

#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "shared/store/database.hpp"

namespace bl {

namespace {

// Append-only: a released step is never edited; a change is a new step.
const std::vector<const char*>& steps() {
    static const std::vector<const char*> s = {
#include "shared/store/schema.sql.inc"
        ,
        // 2: carts not yet paid (the one being rung up and the parked ones), kept so that a
        // crash or a power cut loses no customer's basket. Not business records: never
        // journaled or sent. A recorded sale removes the open cart in its own transaction.
        R"SQL(
CREATE TABLE kept_cart (
  slot      INTEGER PRIMARY KEY CHECK (slot >= 0),  -- 0: the open cart; 1, 2 ...: parked
  content   TEXT NOT NULL,
  saved_at  TEXT NOT NULL
) STRICT;
)SQL",
        // 3: first-in-first-out allocation asks for a product's batches with stock, oldest
        // first with the id breaking ties; with the id in the index SQLite no longer sorts
        // for every line of every sale. (on_hand is not indexed, so stock moves do not
        // touch it.)
        R"SQL(
DROP INDEX batch_product;
CREATE INDEX batch_product ON batch(product_id, produced_on, id);
)SQL",
        // 4: documented moves out of sheltered work (to a job, a flex job, education),
        // recorded by staff only with the maker's consent: the only facts estimates of
        // public-budget effect and societal gain are made from. Counted by pseudonymous id.
        R"SQL(
CREATE TABLE transition (
  id           TEXT PRIMARY KEY,
  maker_id     TEXT NOT NULL REFERENCES maker(id),
  kind         TEXT NOT NULL CHECK (kind IN ('job', 'flex_job', 'education')),
  happened_on  TEXT NOT NULL,
  consented    INTEGER NOT NULL CHECK (consented = 1),
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL REFERENCES staff_user(id)
) STRICT;
CREATE INDEX transition_date ON transition(happened_on);
)SQL",
        // 5: sync with the central store. Where the next pull starts (its cursor moves in the
        // same transaction as the page it follows). The device's token is not here: it is
        // kept in a file only the device's user can read.
        R"SQL(
CREATE TABLE sync_pull (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  cursor     INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
  pulled_at  TEXT
) STRICT;
)SQL",
    };
    return s;
}

} // namespace

int latest_schema_version() {
    return static_cast<int>(steps().size());
}

namespace store {

void migrate(SQLite::Database& db) {
    SQLite::Statement v(db, "PRAGMA user_version");
    v.executeStep();
    int version = v.getColumn(0).getInt();
    v.reset();
    for (; version < latest_schema_version(); ++version) {
        // Each step and its version bump commit together, so a crash between steps leaves a
        // database at a known version that the next open continues from.
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        db.exec(steps()[static_cast<std::size_t>(version)]);
        db.exec("PRAGMA application_id = " + std::to_string(application_id));
        db.exec("PRAGMA user_version = " + std::to_string(version + 1));
        tx.commit();
    }
}

} // namespace store
} // namespace bl
