#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "shared/core/sha256.hpp"
#include "shared/store/raw_sql.hpp"

using test::count;
using test::exec;

namespace {

// A till with a handful of journaled actions: at least 12 rows on the till's chain.
struct Journaled : test::Shop {
    Journaled() {
        for (int i = 0; i < 4; ++i)
            sell({line(mug, 1), line(cloth, 1)});
    }
    bl::JournalCheck check() { return bl::verify_journal(*db, till.id); }
    std::int64_t rows() {
        return count(*db, "SELECT count(*) FROM journal WHERE device_id = '" + till.id + "'");
    }
};

} // namespace

TEST_CASE("an untouched journal verifies, for every device in the file") {
    Journaled j;
    for (const auto& device : bl::journal_devices(*j.db)) {
        auto c = bl::verify_journal(*j.db, device);
        INFO(bl::render(c.problem));
        CHECK(c.ok);
        CHECK(c.rows > 0);
    }
    CHECK(j.check().rows == j.rows());
}

TEST_CASE("the journal refuses UPDATE and DELETE") {
    Journaled j;
    CHECK_THROWS_WITH(exec(*j.db, "UPDATE journal SET kind = 'x' WHERE seq = 2"),
                      Catch::Contains("append-only"));
    CHECK_THROWS_WITH(exec(*j.db, "DELETE FROM journal WHERE seq = 2"),
                      Catch::Contains("append-only"));
    CHECK_THROWS_WITH(exec(*j.db, "DELETE FROM journal_head"), Catch::Contains("append-only"));
    CHECK(j.check().ok);
}

TEST_CASE("one changed byte in a payload is found at its row") {
    Journaled j;
    exec(*j.db, "DROP TRIGGER journal_no_update");
    // Change one digit of the total of the third sale.
    const std::int64_t seq =
        count(*j.db, "SELECT seq FROM journal WHERE kind = 'sale' AND device_id = '" + j.till.id +
                         "' ORDER BY seq LIMIT 1 OFFSET 2");
    exec(*j.db, "UPDATE journal SET payload = replace(payload, '\"total_ore\":30875', "
                "'\"total_ore\":30876') WHERE seq = " +
                    std::to_string(seq) + " AND device_id = '" + j.till.id + "'");
    REQUIRE(count(*j.db, "SELECT changes()") == 1);
    auto c = j.check();
    CHECK_FALSE(c.ok);
    CHECK(c.first_bad_seq == seq);
    CHECK_THAT(bl::render(c.problem), Catch::Contains("has been changed"));
}

TEST_CASE("a changed time or kind is found too") {
    Journaled j;
    exec(*j.db, "DROP TRIGGER journal_no_update");
    exec(*j.db, "UPDATE journal SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE seq = 5 AND "
                "device_id = '" +
                    j.till.id + "'");
    auto c = j.check();
    CHECK_FALSE(c.ok);
    CHECK(c.first_bad_seq == 5);
}

TEST_CASE("a deleted row is found and named") {
    Journaled j;
    exec(*j.db, "DROP TRIGGER journal_no_delete");
    exec(*j.db, "DELETE FROM journal WHERE seq = 6 AND device_id = '" + j.till.id + "'");
    auto c = j.check();
    CHECK_FALSE(c.ok);
    CHECK(c.first_bad_seq == 6);
    CHECK_THAT(bl::render(c.problem), Catch::Contains("row 6 is missing"));
}

TEST_CASE("two swapped rows are found at the first of them") {
    Journaled j;
    exec(*j.db, "DROP TRIGGER journal_no_update");
    const std::string dev = "device_id = '" + j.till.id + "'";
    // Swap everything but the sequence numbers of rows 7 and 8.
    exec(*j.db, "CREATE TEMP TABLE r AS SELECT * FROM journal WHERE " + dev + " AND seq IN (7, 8)");
    for (auto [to, from] : {std::pair{7, 8}, std::pair{8, 7}})
        exec(*j.db, "UPDATE journal SET (recorded_at, kind, payload, prev_hash, hash) = "
                    "(SELECT recorded_at, kind, payload, prev_hash, hash FROM r WHERE seq = " +
                        std::to_string(from) + ") WHERE " + dev +
                        " AND seq = " + std::to_string(to));
    auto c = j.check();
    CHECK_FALSE(c.ok);
    CHECK(c.first_bad_seq == 7);
    CHECK_THAT(bl::render(c.problem), Catch::Contains("does not follow"));
}

TEST_CASE("a truncated tail is found, even when the chain that is left is intact") {
    Journaled j;
    const std::int64_t last = j.rows();
    exec(*j.db, "DROP TRIGGER journal_no_delete");
    exec(*j.db, "DELETE FROM journal WHERE device_id = '" + j.till.id + "' AND seq > " +
                    std::to_string(last - 3));
    auto c = j.check();
    CHECK_FALSE(c.ok);
    CHECK(c.first_bad_seq == last - 2);
    CHECK_THAT(bl::render(c.problem), Catch::Contains("are missing"));
}

TEST_CASE("a truncated tail is found even when the head record is forged as well") {
    Journaled j;
    const std::int64_t last = j.rows();
    exec(*j.db, "DROP TRIGGER journal_no_delete");
    exec(*j.db, "DROP TRIGGER journal_head_no_delete");
    exec(*j.db, "DROP TRIGGER journal_head_no_update");
    exec(*j.db, "DELETE FROM journal WHERE device_id = '" + j.till.id + "' AND seq > " +
                    std::to_string(last - 2));
    exec(*j.db, "UPDATE journal_head SET (seq, hash) = (SELECT seq, hash FROM journal WHERE "
                "device_id = journal_head.device_id ORDER BY seq DESC LIMIT 1)");
    // The last sale and its outbox row still point at the deleted rows.
    auto c = j.check();
    CHECK_FALSE(c.ok);
    CHECK(c.first_bad_seq == last - 1);
}

TEST_CASE("an anchor recorded elsewhere catches a rewritten tail") {
    Journaled j;
    const auto head = bl::journal_head(*j.db, j.till.id);
    REQUIRE(head);
    CHECK(bl::verify_journal(*j.db, j.till.id, head).ok);
    bl::JournalAnchor wrong = *head;
    wrong.hash[0] = wrong.hash[0] == 'a' ? 'b' : 'a';
    auto c = bl::verify_journal(*j.db, j.till.id, wrong);
    CHECK_FALSE(c.ok);
    CHECK(c.first_bad_seq == head->seq);
    bl::JournalAnchor beyond{head->seq + 5, head->hash};
    CHECK_FALSE(bl::verify_journal(*j.db, j.till.id, beyond).ok);
}

TEST_CASE("journal hashes follow the documented formula") {
    Journaled j;
    const auto rows = bl::raw_sql::rows(*j.db, "SELECT device_id, seq, recorded_at, kind, "
                                               "payload, prev_hash, hash FROM journal WHERE "
                                               "seq = 1 LIMIT 1");
    REQUIRE(rows.size() == 1);
    const auto& q = rows[0];
    const std::string expected =
        bl::sha256_hex(*q[5] + "\n" + *q[0] + "\n1\n" + *q[2] + "\n" + *q[3] + "\n" + *q[4]);
    CHECK(*q[6] == expected);
    CHECK(*q[5] == bl::genesis_hash);
    // The pure function the central store uses gives the same.
    CHECK(bl::journal_hash(*q[5], *q[0], 1, *q[2], *q[3], *q[4]) == expected);
}

TEST_CASE("the outbox hands out rows in order with their hashes, and forgets acknowledged ones") {
    Journaled j;
    const std::int64_t pending = bl::outbox_pending_count(*j.db);
    REQUIRE(pending >= 8);
    CHECK_FALSE(bl::last_acknowledged(*j.db, j.till.id).has_value());
    const auto first = bl::outbox_pending(*j.db, 3);
    REQUIRE(first.size() == 3);
    CHECK(first[0].journal_seq < first[1].journal_seq);
    for (const auto& item : first) {
        CHECK(item.journal_hash.size() == 64);
        CHECK_FALSE(item.payload.empty());
    }
    REQUIRE(bl::outbox_mark_sent(*j.db, first[2].id));
    CHECK(bl::outbox_pending_count(*j.db) == pending - 3);
    CHECK(bl::last_acknowledged(*j.db, j.till.id).has_value());
    CHECK(bl::outbox_pending(*j.db, 1)[0].id > first[2].id);
    // Everything acknowledged: the outbox is empty, yet a truncated journal is still caught
    // (the last action here refers to no other row, so only the acknowledgement knows it).
    REQUIRE(bl::record_event(*j.db, j.at_till(), bl::JournalKind::drawer_opened, {}));
    REQUIRE(bl::outbox_mark_sent(*j.db, bl::outbox_pending(*j.db, 1000).back().id));
    CHECK(bl::outbox_pending_count(*j.db) == 0);
    CHECK(j.check().ok);
    const std::int64_t last = j.rows();
    exec(*j.db, "DROP TRIGGER journal_no_delete");
    exec(*j.db, "DROP TRIGGER journal_head_no_delete");
    exec(*j.db, "DELETE FROM journal WHERE device_id = '" + j.till.id +
                    "' AND seq = " + std::to_string(last));
    exec(*j.db, "DELETE FROM journal_head");
    const auto c = j.check();
    CHECK_FALSE(c.ok);
    CHECK(c.first_bad_seq == last);
}
