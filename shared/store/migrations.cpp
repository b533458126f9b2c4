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
        // 6: trust the data. A chain can only grow: a row must follow its device's head (the
        // first row only while the device has none, and for the database's own device only
        // the row that sets it up, so a deleted chain cannot start again at row 1); the head
        // moves one row forward to a row that exists, never back; the database's own device is
        // set once. journal_check is where the last full check of each chain ended (its row and
        // hash): the till checks only the rows after it at start, and the full check knows that
        // row must still be there unchanged.
        R"SQL(
CREATE TRIGGER journal_follows_head BEFORE INSERT ON journal
WHEN (NEW.seq = 1 AND (NEW.prev_hash <> '0000000000000000000000000000000000000000000000000000000000000000'
                       OR EXISTS (SELECT 1 FROM journal_head WHERE device_id = NEW.device_id)
                       OR (NEW.kind <> 'device_initialised'
                           AND NEW.device_id IN (SELECT device_id FROM local_device))))
  OR (NEW.seq > 1 AND NOT EXISTS (SELECT 1 FROM journal_head WHERE device_id = NEW.device_id
                                  AND seq = NEW.seq - 1 AND hash = NEW.prev_hash))
BEGIN
  SELECT RAISE(ABORT, 'a journal row must follow the last row of its chain');
END;
CREATE TRIGGER journal_head_follows_journal BEFORE INSERT ON journal_head
WHEN NOT EXISTS (SELECT 1 FROM journal WHERE device_id = NEW.device_id AND seq = NEW.seq
                 AND hash = NEW.hash)
BEGIN
  SELECT RAISE(ABORT, 'the journal head only follows the journal');
END;
CREATE TRIGGER journal_head_no_update BEFORE UPDATE ON journal_head
WHEN NEW.device_id <> OLD.device_id OR NEW.seq <> OLD.seq + 1
  OR NOT EXISTS (SELECT 1 FROM journal WHERE device_id = NEW.device_id AND seq = NEW.seq
                 AND hash = NEW.hash)
BEGIN
  SELECT RAISE(ABORT, 'the journal head only follows the journal');
END;
CREATE TRIGGER local_device_no_update BEFORE UPDATE ON local_device
BEGIN
  SELECT RAISE(ABORT, 'a database belongs to one device for good');
END;
CREATE TRIGGER local_device_no_delete BEFORE DELETE ON local_device
BEGIN
  SELECT RAISE(ABORT, 'a database belongs to one device for good');
END;
CREATE TABLE journal_check (
  device_id   TEXT PRIMARY KEY,
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  hash        TEXT NOT NULL,
  checked_at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
)SQL",
        // 7: a batch corrected after the fact. The batch and its contributions hold what is
        // true now, with how many corrections made it so (`revision`); each correction keeps
        // what it replaced (`previous`, the batch as it was, in the journal's own words), who
        // made it, when and why. A correction made from an older revision is refused, and a
        // device pulling a batch applies only a newer revision than it holds. Two devices may
        // correct the same revision offline: both records are kept. Not a foreign key to
        // staff_user: a correction pulled from another device names staff this database may
        // not know. The pull starts again from the beginning: a device that pulled before it
        // had this step skipped the corrections it met (applying a page twice is harmless).
        R"SQL(
ALTER TABLE batch ADD COLUMN revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0);
CREATE TABLE batch_correction (
  id             TEXT PRIMARY KEY,
  batch_id       TEXT NOT NULL REFERENCES batch(id),
  revision       INTEGER NOT NULL CHECK (revision >= 1),
  corrected_at   TEXT NOT NULL,
  corrected_by   TEXT NOT NULL,
  reason         TEXT NOT NULL CHECK (length(reason) > 0),
  units_before   INTEGER NOT NULL CHECK (units_before > 0),
  units_after    INTEGER NOT NULL CHECK (units_after > 0),
  minutes_before INTEGER NOT NULL CHECK (minutes_before >= 0),
  minutes_after  INTEGER NOT NULL CHECK (minutes_after >= 0),
  previous       TEXT NOT NULL
) STRICT;
CREATE INDEX batch_correction_batch ON batch_correction(batch_id, revision);
UPDATE sync_pull SET cursor = 0;
)SQL",
        // 8: how the catalogue looks on the till's tiles. A colour per category (a key of
        // the palette in shared/rules/catalogue_look; '' once an organiser took it away) and a
        // small PNG per product (made small before it is kept; '' once taken away). Each row
        // names the journal row that set it, so the verifier can hold it to that row; a row
        // pulled from the central store names none (its journal row is another device's). The
        // pull starts again from the beginning, for the colours and pictures skipped before.
        R"SQL(
UPDATE sync_pull SET cursor = 0;
CREATE TABLE category_colour (
  category     TEXT PRIMARY KEY,
  colour       TEXT NOT NULL,
  device_id    TEXT,
  journal_seq  INTEGER CHECK (journal_seq >= 1),
  updated_at   TEXT NOT NULL,
  CHECK ((device_id IS NULL) = (journal_seq IS NULL))
) STRICT;
CREATE TABLE product_picture (
  product_id   TEXT PRIMARY KEY REFERENCES product(id),
  png          BLOB NOT NULL CHECK (length(png) <= 98304),
  sha256       TEXT NOT NULL,
  device_id    TEXT,
  journal_seq  INTEGER CHECK (journal_seq >= 1),
  updated_at   TEXT NOT NULL,
  CHECK ((device_id IS NULL) = (journal_seq IS NULL))
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
