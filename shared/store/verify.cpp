#include "shared/store/verify.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "shared/core/canonical_json.hpp"
#include "shared/core/sha256.hpp"
#include "shared/rules/journal_hash.hpp"
#include "shared/rules/journal_kind.hpp"
#include "shared/rules/payloads.hpp"
#include "shared/store/detail/connection.hpp"
#include "shared/store/detail/migrations.hpp"
#include "shared/store/shifts.hpp"

namespace bl {

namespace {

constexpr std::size_t max_findings = 40;

std::string num(std::int64_t n) {
    return std::to_string(n);
}

// --- The structure -------------------------------------------------------------------------

struct SchemaObject {
    std::string type;
    std::string sql;
};
using Schema = std::map<std::string, SchemaObject>;

Schema schema_of(SQLite::Database& db) {
    Schema out;
    SQLite::Statement q(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema "
                            "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    while (q.executeStep())
        out[q.getColumn(1).getString()] = {q.getColumn(0).getString(), q.getColumn(2).getString()};
    return out;
}

// What this build's migrations make: tables, indexes and the triggers that keep the journal
// append-only and the stock right. Made once, in memory.
const Schema& reference_schema() {
    static const Schema schema = [] {
        SQLite::Database mem(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store::migrate(mem);
        return schema_of(mem);
    }();
    return schema;
}

// --- Reading rows back ---------------------------------------------------------------------

// A sale as its rows hold it: rebuilt as record_sale had it, and the sums it stored beside.
struct StoredSale {
    Sale sale;
    std::string device_id;
    std::int64_t journal_seq = 0;
    std::string sold_at;
    std::int64_t total_ore = 0, vat_ore = 0, rounding_ore = 0;
    std::vector<std::int64_t> line_totals;
    std::string bad_tender; // a tender this build does not know, if any
};

std::optional<StoredSale> load_sale(Database& db, const std::string& id) {
    store::Statement q(db, "SELECT device_id, shop_id, shift_id, staff_id, sold_at, "
                           "receipt_number, training, refund_of, total_ore, vat_ore, "
                           "rounding_ore, journal_seq FROM sale WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep())
        return std::nullopt;
    StoredSale s;
    s.sale.id = id;
    s.device_id = q->getColumn(0).getString();
    s.sale.device_id = s.device_id;
    s.sale.shop_id = q->getColumn(1).getString();
    s.sale.shift_id = q->getColumn(2).getString();
    s.sale.staff_id = q->getColumn(3).getString();
    s.sold_at = q->getColumn(4).getString();
    s.sale.receipt_number = q->getColumn(5).getInt64();
    s.sale.training = q->getColumn(6).getInt64() != 0;
    if (!q->getColumn(7).isNull())
        s.sale.refund_of = q->getColumn(7).getString();
    s.total_ore = q->getColumn(8).getInt64();
    s.vat_ore = q->getColumn(9).getInt64();
    s.rounding_ore = q->getColumn(10).getInt64();
    s.journal_seq = q->getColumn(11).getInt64();

    store::Statement l(db, "SELECT line_no, product_id, description, scanned_batch_id, quantity, "
                           "unit_price_ore, discount_ore, vat_rate_bp, refund_of_sale_id, "
                           "refund_of_line_no, line_total_ore FROM sale_line WHERE sale_id = ? "
                           "ORDER BY line_no");
    l->bind(1, id);
    while (l->executeStep()) {
        SaleLine line;
        line.line_no = static_cast<int>(l->getColumn(0).getInt64());
        line.product_id = l->getColumn(1).getString();
        line.description = l->getColumn(2).getString();
        if (!l->getColumn(3).isNull())
            line.scanned_batch_id = l->getColumn(3).getString();
        line.quantity = l->getColumn(4).getInt64();
        line.unit_price = Money::from_ore(l->getColumn(5).getInt64());
        line.discount = Money::from_ore(l->getColumn(6).getInt64());
        line.vat_rate = VatRate{static_cast<std::int32_t>(l->getColumn(7).getInt64())};
        if (!l->getColumn(8).isNull()) {
            line.refund_of_sale_id = l->getColumn(8).getString();
            line.refund_of_line_no = static_cast<int>(l->getColumn(9).getInt64());
        }
        s.line_totals.push_back(l->getColumn(10).getInt64());
        s.sale.lines.push_back(std::move(line));
    }
    store::Statement a(db, "SELECT line_no, coalesce(batch_id, ''), units, allocated FROM "
                           "sale_allocation WHERE sale_id = ? ORDER BY line_no, part");
    a->bind(1, id);
    while (a->executeStep()) {
        const auto line_no = a->getColumn(0).getInt64();
        for (auto& line : s.sale.lines)
            if (line.line_no == line_no)
                line.allocations.push_back({a->getColumn(1).getString(), a->getColumn(2).getInt64(),
                                            a->getColumn(3).getInt64() != 0});
    }
    store::Statement p(db, "SELECT tender, amount_ore, tendered_ore, change_ore, rounding_ore, "
                           "reference FROM payment WHERE sale_id = ? ORDER BY part");
    p->bind(1, id);
    while (p->executeStep()) {
        const std::string tender = p->getColumn(0).getString();
        const auto t = tender_from(tender);
        if (!t && s.bad_tender.empty())
            s.bad_tender = tender;
        s.sale.payments.push_back(
            {t.value_or(Tender::cash), Money::from_ore(p->getColumn(1).getInt64()),
             Money::from_ore(p->getColumn(2).getInt64()),
             Money::from_ore(p->getColumn(3).getInt64()),
             Money::from_ore(p->getColumn(4).getInt64()), p->getColumn(5).getString()});
    }
    return s;
}

struct StoredShift {
    std::string device_id, opened_by, opened_at;
    std::int64_t opening_float_ore = 0;
    std::optional<std::string> closed_at, closed_by;
    std::optional<std::int64_t> z_number, counted_ore, expected_ore, journal_seq;
};

std::optional<StoredShift> load_shift(Database& db, const std::string& id) {
    store::Statement q(db, "SELECT device_id, opened_by, opened_at, opening_float_ore, closed_at, "
                           "closed_by, z_number, counted_cash_ore, expected_cash_ore, journal_seq "
                           "FROM shift WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep())
        return std::nullopt;
    auto text = [&](int i) {
        return q->getColumn(i).isNull() ? std::nullopt
                                        : std::optional<std::string>(q->getColumn(i).getString());
    };
    auto number = [&](int i) {
        return q->getColumn(i).isNull() ? std::nullopt
                                        : std::optional<std::int64_t>(q->getColumn(i).getInt64());
    };
    StoredShift s;
    s.device_id = q->getColumn(0).getString();
    s.opened_by = q->getColumn(1).getString();
    s.opened_at = q->getColumn(2).getString();
    s.opening_float_ore = q->getColumn(3).getInt64();
    s.closed_at = text(4);
    s.closed_by = text(5);
    s.z_number = number(6);
    s.counted_ore = number(7);
    s.expected_ore = number(8);
    s.journal_seq = number(9);
    return s;
}

// --- Comparing -------------------------------------------------------------------------------

// Where two JSON values first differ, as a path a person can follow ("lines[2].quantity",
// 1-based), or none when they are equal.
std::optional<std::string> first_difference(const JsonValue& a, const JsonValue& b,
                                            const std::string& path) {
    const JsonObject* oa = a.as_object();
    const JsonObject* ob = b.as_object();
    if (oa && ob) {
        std::set<std::string> keys;
        for (const auto& [k, v] : *oa)
            keys.insert(k);
        for (const auto& [k, v] : *ob)
            keys.insert(k);
        for (const auto& k : keys) {
            const std::string sub = path.empty() ? k : path + "." + k;
            const JsonValue* va = a.find(k);
            const JsonValue* vb = b.find(k);
            if (!va || !vb)
                return sub;
            if (auto d = first_difference(*va, *vb, sub))
                return d;
        }
        return std::nullopt;
    }
    const JsonArray* aa = a.as_array();
    const JsonArray* ab = b.as_array();
    if (aa && ab) {
        const std::size_t n = std::min(aa->size(), ab->size());
        for (std::size_t i = 0; i < n; ++i)
            if (auto d =
                    first_difference((*aa)[i], (*ab)[i], path + "[" + std::to_string(i + 1) + "]"))
                return d;
        if (aa->size() != ab->size())
            return path + "[" + std::to_string(n + 1) + "]";
        return std::nullopt;
    }
    if (a == b)
        return std::nullopt;
    return path.empty() ? std::string("payload") : path;
}

// The table a difference in a sale's payload belongs to.
std::string sale_table_of(const std::string& path) {
    if (path.rfind("lines", 0) == 0)
        return path.find(".batches") != std::string::npos ? "sale_allocation" : "sale_line";
    if (path.rfind("payments", 0) == 0)
        return "payment";
    return "sale";
}

// A row's time against its journal row's: the same instant since the time is written once;
// up to a second earlier in databases from before that.
bool same_time(const std::string& row_time, const std::string& journal_time) {
    const auto r = parse_utc(row_time);
    const auto j = parse_utc(journal_time);
    return r && j && *r <= *j && *j - *r <= std::chrono::seconds(1);
}

std::string text_of(const JsonValue* v) {
    if (!v)
        return {};
    if (const std::string* s = v->as_string())
        return *s;
    if (const std::int64_t* i = v->as_int())
        return num(*i);
    return {};
}

std::int64_t int_of(const JsonValue* v) {
    const std::int64_t* i = v ? v->as_int() : nullptr;
    return i ? *i : 0;
}

// --- The check -------------------------------------------------------------------------------

struct JournalRow {
    std::string device;
    std::int64_t seq = 0;
    std::string recorded_at, kind, payload, prev_hash, hash;
};

// A stock move: what it moved, where and why; its journal row when it was expected from one.
struct Move {
    std::string product_id, batch_id, location, reason, reference;
    std::int64_t units = 0;
    bool operator<(const Move& o) const {
        return std::tie(product_id, batch_id, location, reason, reference, units) <
               std::tie(o.product_id, o.batch_id, o.location, o.reason, o.reference, o.units);
    }
};
struct ExpectedMove {
    std::string device;
    std::int64_t seq = 0;
};

class Checker {
public:
    Checker(Database& db, bool full) : m_db(db), m_full(full) {}

    DatabaseCheck run(const VerifyHooks& hooks) {
        store::ReadSnapshot snapshot(m_db);
        check_structure();
        m_local = local_device();
        check_local_device();
        for (const auto& device : devices())
            walk(device);
        if (hooks.after_journal)
            hooks.after_journal();
        for (const auto& device : devices())
            check_ends(device);
        if (m_full) {
            check_batches();
            check_stock_moves();
            check_unrecorded();
            check_looks();
        }
        return std::move(m_out);
    }

private:
    Database& m_db;
    bool m_full;
    DatabaseCheck m_out;
    std::string m_local;
    // What each chain's walk saw: its last row, its hash, and whether it held together.
    struct Walked {
        std::int64_t last = 0;
        std::string hash = genesis_hash;
        bool broken = false;
    };
    std::map<std::string, Walked> m_walked;
    std::unordered_set<std::string> m_journaled_sales, m_opened_shifts, m_closed_shifts;
    std::multimap<Move, ExpectedMove> m_expected_moves;
    // The newest journal row that set each category's colour (the colour) or each product's
    // picture (its SHA-256).
    struct Looked {
        std::string device;
        std::int64_t seq = 0;
        std::string value;
    };
    std::map<std::string, Looked> m_colours, m_pictures;

    void add(std::string device, std::int64_t seq, std::string table, std::string row,
             Message problem) {
        if (m_out.findings.size() < max_findings)
            m_out.findings.push_back(
                {std::move(device), seq, std::move(table), std::move(row), std::move(problem)});
    }

    std::string local_device() {
        store::Statement q(m_db, "SELECT device_id FROM local_device WHERE singleton = 1");
        return q->executeStep() ? q->getColumn(0).getString() : std::string();
    }

    // Every device something in the file names as having a journal.
    std::vector<std::string> devices() {
        std::set<std::string> out;
        SQLite::Statement q(store::sql(m_db),
                            "SELECT device_id FROM journal_head UNION SELECT device_id FROM "
                            "journal_check UNION SELECT device_id FROM outbox UNION SELECT "
                            "device_id FROM sync_state UNION SELECT device_id FROM local_device" +
                                std::string(m_full ? " UNION SELECT DISTINCT device_id FROM "
                                                     "journal UNION SELECT device_id FROM sale "
                                                     "UNION SELECT device_id FROM shift"
                                                   : ""));
        while (q.executeStep())
            out.insert(q.getColumn(0).getString());
        // The database's own chain first: it is the one a person asks about.
        std::vector<std::string> ordered;
        if (!m_local.empty())
            ordered.push_back(m_local);
        for (const auto& d : out)
            if (d != m_local)
                ordered.push_back(d);
        return ordered;
    }

    void check_structure() {
        const Schema file = schema_of(store::sql(m_db));
        const Schema& want = reference_schema();
        for (const auto& [name, object] : want) {
            auto it = file.find(name);
            if (it == file.end()) {
                add({}, 0, "schema", name,
                    object.type == "trigger"
                        ? Message(BL_N_("The database's safeguard %s has been removed, so rows it "
                                        "protects may have been changed or deleted."),
                                  {name})
                        : Message(BL_N_("The database's table or index %s is missing."), {name}));
            } else if (it->second.sql != object.sql || it->second.type != object.type) {
                add({}, 0, "schema", name,
                    object.type == "trigger"
                        ? Message(BL_N_("The database's safeguard %s has been changed."), {name})
                        : Message(BL_N_("The database's table or index %s has been changed."),
                                  {name}));
            }
        }
        for (const auto& [name, object] : file)
            if (!want.count(name))
                add({}, 0, "schema", name,
                    Message(BL_N_("The database holds %s, which Bundlinje did not make there "
                                  "(a trigger can change rows as they are written)."),
                            {name}));
    }

    void check_local_device() {
        if (!m_local.empty()) {
            store::Statement d(m_db, "SELECT 1 FROM device WHERE id = ?");
            d->bind(1, m_local);
            if (!d->executeStep())
                add(m_local, 0, "device", m_local,
                    Message(BL_N_("The record of this database's own device has been "
                                  "deleted.")));
            return;
        }
        // Never set up is fine for an empty file; a file that recorded anything names its
        // device, and that row is never deleted (a trigger refuses it).
        store::Statement q(m_db, "SELECT EXISTS (SELECT 1 FROM journal) OR EXISTS (SELECT 1 "
                                 "FROM journal_head) OR EXISTS (SELECT 1 FROM device) OR EXISTS "
                                 "(SELECT 1 FROM sale) OR EXISTS (SELECT 1 FROM shift) OR EXISTS "
                                 "(SELECT 1 FROM staff_user) OR EXISTS (SELECT 1 FROM product)");
        if (q->executeStep() && q->getColumn(0).getInt() != 0)
            add({}, 0, "local_device", {},
                Message(BL_N_("This database holds records but no longer says which device it "
                              "belongs to: the record of its own device has been deleted.")));
    }

    // Walks one chain, from where its last full check ended for the start check, and checks
    // the business rows of the rows it reads.
    void walk(const std::string& device) {
        Walked w;
        std::int64_t from = 1;
        std::optional<JournalAnchor> checked;
        {
            store::Statement c(m_db, "SELECT seq, hash FROM journal_check WHERE device_id = ?");
            c->bind(1, device);
            if (c->executeStep())
                checked = JournalAnchor{c->getColumn(0).getInt64(), c->getColumn(1).getString()};
        }
        auto chain_problem = [&](std::int64_t seq, Message m) {
            if (!w.broken)
                add(device, seq, "journal", num(seq), std::move(m));
            w.broken = true;
        };
        if (!m_full && checked) {
            // The row the last full check ended at must still be there, unchanged.
            store::Statement r(m_db, "SELECT recorded_at, kind, payload, prev_hash, hash FROM "
                                     "journal WHERE device_id = ? AND seq = ?");
            r->bind(1, device);
            r->bind(2, checked->seq);
            if (!r->executeStep() || r->getColumn(4).getString() != checked->hash ||
                journal_hash(r->getColumn(3).getString(), device, checked->seq,
                             r->getColumn(0).getString(), r->getColumn(1).getString(),
                             r->getColumn(2).getString()) != checked->hash)
                chain_problem(checked->seq,
                              Message(BL_N_("Journal row %s is not the row the last full check "
                                            "saw there: the journal was changed since."),
                                      {num(checked->seq)}));
            from = checked->seq + 1;
            w.last = checked->seq;
            w.hash = checked->hash;
        }
        SQLite::Statement q(store::sql(m_db),
                            "SELECT seq, recorded_at, kind, payload, prev_hash, hash FROM journal "
                            "WHERE device_id = ? AND seq >= ? ORDER BY seq");
        q.bind(1, device);
        q.bind(2, from);
        std::int64_t expected = from;
        while (q.executeStep()) {
            JournalRow r{device,
                         q.getColumn(0).getInt64(),
                         q.getColumn(1).getString(),
                         q.getColumn(2).getString(),
                         q.getColumn(3).getString(),
                         q.getColumn(4).getString(),
                         q.getColumn(5).getString()};
            ++m_out.journal_rows;
            if (r.seq != expected)
                chain_problem(expected,
                              r.seq == expected + 1
                                  ? Message(BL_N_("Journal row %s is missing."), {num(expected)})
                                  : Message(BL_N_("Journal rows %s to %s are missing."),
                                            {num(expected), num(r.seq - 1)}));
            else if (r.prev_hash != w.hash)
                chain_problem(r.seq, Message(BL_N_("Journal row %s does not follow the row before "
                                                   "it: rows were removed, inserted or moved "
                                                   "here."),
                                             {num(r.seq)}));
            else if (journal_hash(r.prev_hash, device, r.seq, r.recorded_at, r.kind, r.payload) !=
                     r.hash)
                chain_problem(r.seq, Message(BL_N_("Journal row %s has been changed after it was "
                                                   "written."),
                                             {num(r.seq)}));
            if (m_full && checked && checked->seq == r.seq && checked->hash != r.hash)
                chain_problem(r.seq, Message(BL_N_("Journal row %s is not the row the last full "
                                                   "check saw there: the journal was changed "
                                                   "since."),
                                             {num(r.seq)}));
            if (r.seq == 1 && device == m_local &&
                (r.kind != to_string(JournalKind::device_initialised) ||
                 r.payload.find("\"device_id\":\"" + device + "\"") == std::string::npos))
                chain_problem(1, Message(BL_N_("The journal of this database's own device does "
                                               "not begin where it was set up: its first rows "
                                               "were replaced.")));
            business(r);
            w.last = r.seq;
            w.hash = r.hash;
            expected = r.seq + 1;
        }
        if (device == m_local && w.last == 0)
            chain_problem(1, Message(BL_N_("The journal of this database's own device is "
                                           "missing, though the device was set up: it has been "
                                           "deleted.")));
        ++m_out.chains;
        m_walked[device] = w;
        m_out.heads.emplace_back(device, JournalAnchor{w.last, w.hash});
    }

    // The chain's end against everything that points at it: its head record and the rows
    // that name journal rows.
    void check_ends(const std::string& device) {
        const Walked& w = m_walked[device];
        if (w.broken)
            return;
        auto missing_tail = [&](std::int64_t should_reach) {
            add(device, w.last + 1, "journal", num(w.last + 1),
                Message(BL_N_("The journal ends at row %s, but row %s was written: the rows "
                              "after %s are missing."),
                        {num(w.last), num(should_reach), num(w.last)}));
        };
        store::Statement h(m_db, "SELECT seq, hash FROM journal_head WHERE device_id = ?");
        h->bind(1, device);
        const bool has_head = h->executeStep();
        if (has_head) {
            const std::int64_t head = h->getColumn(0).getInt64();
            if (head > w.last)
                return missing_tail(head);
            if (head < w.last)
                return add(device, head + 1, "journal_head", device,
                           Message(BL_N_("The journal's head record names row %s as the last, "
                                         "but the journal goes on to row %s: the head was moved "
                                         "back."),
                                   {num(head), num(w.last)}));
            if (h->getColumn(1).getString() != w.hash)
                return add(device, w.last, "journal_head", device,
                           Message(BL_N_("Journal row %s is not the row that was written last."),
                                   {num(w.last)}));
        }
        std::vector<const char*> refs = {
            "SELECT max(journal_seq) FROM outbox WHERE device_id = ?",
            "SELECT max(acked_seq) FROM sync_state WHERE device_id = ?",
            "SELECT max(seq) FROM journal_check WHERE device_id = ?"};
        if (m_full) {
            refs.push_back("SELECT max(journal_seq) FROM sale WHERE device_id = ?");
            refs.push_back("SELECT max(journal_seq) FROM shift WHERE device_id = ?");
        }
        for (const char* sql : refs) {
            store::Statement q(m_db, sql);
            q->bind(1, device);
            if (q->executeStep() && !q->getColumn(0).isNull() &&
                q->getColumn(0).getInt64() > w.last)
                return missing_tail(q->getColumn(0).getInt64());
        }
        // Rows that point past the end say more than a missing head, so they come first.
        if (!has_head && w.last > 0)
            add(device, w.last, "journal_head", device,
                Message(BL_N_("The journal's head record is missing: it has been deleted.")));
    }

    // --- Business rows against their journal row ---------------------------------------------

    void business(const JournalRow& r) {
        const auto kind = journal_kind_from(r.kind);
        if (!kind)
            return;
        const bool sale = *kind == JournalKind::sale || *kind == JournalKind::refund;
        const bool z = *kind == JournalKind::z_report;
        const bool opened = *kind == JournalKind::shift_opened;
        const bool batch =
            *kind == JournalKind::batch_logged || *kind == JournalKind::batch_corrected ||
            *kind == JournalKind::batch_delivered || *kind == JournalKind::stock_returned;
        const bool look =
            *kind == JournalKind::category_colour_set || *kind == JournalKind::product_picture_set;
        if (!sale && !z && !opened && !((batch || look) && m_full))
            return;
        const auto payload = parse_json(r.payload);
        if (!payload || !payload->as_object()) {
            add(r.device, r.seq, "journal", num(r.seq),
                Message(BL_N_("Journal row %s cannot be read: its content is not what Bundlinje "
                              "writes."),
                        {num(r.seq)}));
            return;
        }
        ++m_out.business_rows;
        try {
            if (sale)
                check_sale(r, *payload, *kind == JournalKind::refund);
            else if (z)
                check_z(r, *payload);
            else if (opened)
                check_opened(r, *payload);
            else if (*kind == JournalKind::batch_logged)
                batch_logged(r, *payload);
            else if (*kind == JournalKind::batch_corrected)
                batch_corrected(r, *payload);
            else if (*kind == JournalKind::batch_delivered)
                expect_delivery(r, *payload);
            else if (*kind == JournalKind::category_colour_set)
                m_colours[text_of(payload->find("category"))] =
                    Looked{r.device, r.seq, text_of(payload->find("colour"))};
            else if (*kind == JournalKind::product_picture_set)
                m_pictures[text_of(payload->find("product_id"))] =
                    Looked{r.device, r.seq, text_of(payload->find("sha256"))};
            else
                expect_report_back(r, *payload);
        } catch (const std::overflow_error&) {
            // Amounts no till could have recorded (checked arithmetic refuses them).
            add(r.device, r.seq, "journal", num(r.seq),
                Message(BL_N_("The rows journal row %s recorded hold amounts out of range: they "
                              "have been changed."),
                        {num(r.seq)}));
        }
    }

    void check_sale(const JournalRow& r, const JsonValue& p, bool refund_kind) {
        const std::string id = text_of(p.find("sale_id"));
        const std::string receipt = text_of(p.find("receipt_number"));
        m_journaled_sales.insert(id);
        const auto stored = load_sale(m_db, id);
        if (!stored) {
            add(r.device, r.seq, "sale", id,
                Message(BL_N_("Sale %s (receipt %s), recorded in journal row %s, is missing from "
                              "the sales."),
                        {id, receipt, num(r.seq)}));
            return;
        }
        auto differs = [&](const std::string& table, const std::string& field) {
            add(r.device, r.seq, table, id,
                Message(BL_N_("Sale %s (receipt %s) differs from its journal row %s in %s."),
                        {id, receipt, num(r.seq), field}));
        };
        const StoredSale& s = *stored;
        if (s.device_id != r.device || s.journal_seq != r.seq)
            return differs("sale", "journal_seq");
        if (!s.bad_tender.empty())
            return differs("payment", "tender");
        if (s.sale.staff_id != text_of(p.find("staff_id")))
            return differs("sale", "staff_id");
        if (!same_time(s.sold_at, r.recorded_at))
            return differs("sale", "sold_at");
        if (s.sale.lines.empty())
            return differs("sale_line", "lines");
        if ((s.sale.lines.front().quantity < 0) != refund_kind)
            return differs("sale", "kind");
        JsonObject rebuilt = sale_payload(s.sale);
        rebuilt.emplace("staff_id", s.sale.staff_id);
        if (auto d = first_difference(JsonValue(rebuilt), p, {}))
            return differs(sale_table_of(*d), *d);
        // The sums kept beside the lines must be the journal's too.
        if (s.total_ore != int_of(p.find("total_ore")))
            return differs("sale", "total_ore");
        if (s.rounding_ore != int_of(p.find("rounding_ore")))
            return differs("sale", "rounding_ore");
        if (s.vat_ore != sale_vat(s.sale).vat_total().ore())
            return differs("sale", "vat_ore");
        for (std::size_t i = 0; i < s.sale.lines.size(); ++i)
            if (s.line_totals[i] != s.sale.lines[i].line_total().ore())
                return differs("sale_line", "lines[" + std::to_string(i + 1) + "].line_total_ore");
    }

    void check_opened(const JournalRow& r, const JsonValue& p) {
        const std::string id = text_of(p.find("shift_id"));
        m_opened_shifts.insert(id);
        const auto s = load_shift(m_db, id);
        if (!s)
            return add(r.device, r.seq, "shift", id,
                       Message(BL_N_("Shift %s, opened in journal row %s, is missing from the "
                                     "shifts."),
                               {id, num(r.seq)}));
        std::string field;
        if (s->device_id != r.device)
            field = "device_id";
        else if (s->opened_by != text_of(p.find("staff_id")))
            field = "opened_by";
        else if (s->opening_float_ore != int_of(p.find("opening_float_ore")))
            field = "opening_float_ore";
        else if (!same_time(s->opened_at, r.recorded_at))
            field = "opened_at";
        if (!field.empty())
            add(r.device, r.seq, "shift", id,
                Message(BL_N_("Shift %s differs from journal row %s, which opened it, in %s."),
                        {id, num(r.seq), field}));
    }

    void check_z(const JournalRow& r, const JsonValue& p) {
        const std::string id = text_of(p.find("shift_id"));
        const std::string z = text_of(p.find("z_number"));
        m_closed_shifts.insert(id);
        const auto s = load_shift(m_db, id);
        if (!s)
            return add(r.device, r.seq, "shift", id,
                       Message(BL_N_("Shift %s, closed by Z report %s in journal row %s, is "
                                     "missing from the shifts."),
                               {id, z, num(r.seq)}));
        auto differs = [&](const std::string& field) {
            add(r.device, r.seq, "shift", id,
                Message(BL_N_("Z report %s (journal row %s) no longer matches shift %s and its "
                              "sales in %s."),
                        {z, num(r.seq), id, field}));
        };
        if (s->device_id != r.device || s->journal_seq != r.seq)
            return differs("journal_seq");
        if (!s->z_number || !s->closed_at || !s->counted_ore || !s->expected_ore)
            return differs("closed_at");
        if (s->closed_by.value_or("") != text_of(p.find("staff_id")))
            return differs("closed_by");
        if (!same_time(*s->closed_at, r.recorded_at))
            return differs("closed_at");
        if (*s->expected_ore != int_of(p.find("expected_cash_ore")))
            return differs("expected_cash_ore");
        // The totals again from the sales of the shift, as close_shift counted them; the grand
        // total is the till's sales up to this Z.
        ZReport again{id, *s->z_number, shift_totals(m_db, id),
                      Money::from_ore(s->opening_float_ore), Money::from_ore(*s->counted_ore)};
        store::Statement g(m_db, "SELECT coalesce(sum(total_ore), 0) FROM sale WHERE device_id = "
                                 "? AND training = 0 AND journal_seq < ?");
        g->bind(1, r.device);
        g->bind(2, r.seq);
        g->executeStep();
        again.totals.grand_total = Money::from_ore(g->getColumn(0).getInt64());
        JsonObject rebuilt = z_report_payload(again);
        rebuilt.emplace("staff_id", s->closed_by.value_or(""));
        if (auto d = first_difference(JsonValue(rebuilt), p, {}))
            differs(*d);
    }

    // A batch as the journal last said it is: logged, then perhaps corrected (the newest
    // revision wins, whichever device's journal holds it). Checked once every chain is read.
    struct JournaledBatch {
        JournalRow row; ///< the row that says it
        JsonValue payload;
        std::int64_t revision = 0;
    };
    std::map<std::string, JournaledBatch> m_batches;
    std::vector<std::string> m_batch_order;              ///< as the journal first names them
    std::map<std::string, JournaledBatch> m_corrections; ///< by correction id

    void batch_logged(const JournalRow& r, const JsonValue& p) {
        const std::string id = text_of(p.find("batch_id"));
        if (!m_batches.count(id)) {
            m_batches[id] = JournaledBatch{r, p, 0};
            m_batch_order.push_back(id);
        }
        m_expected_moves.emplace(Move{text_of(p.find("product_id")), id,
                                      "workshop:" + text_of(p.find("workshop_id")), "produced",
                                      text_of(p.find("label_code")), int_of(p.find("units"))},
                                 ExpectedMove{r.device, r.seq});
    }

    void batch_corrected(const JournalRow& r, const JsonValue& p) {
        const std::string id = text_of(p.find("batch_id"));
        const std::string correction = text_of(p.find("correction_id"));
        const std::int64_t revision = int_of(p.find("revision"));
        if (!m_batches.count(id))
            m_batch_order.push_back(id); // logged on another device, pulled here
        JournaledBatch& b = m_batches[id];
        if (b.payload == JsonValue() || revision > b.revision)
            b = JournaledBatch{r, p, revision};
        m_corrections[correction] = JournaledBatch{r, p, revision};
        const JsonValue* previous = p.find("previous");
        const std::int64_t delta =
            int_of(p.find("units")) - (previous ? int_of(previous->find("units")) : 0);
        if (delta != 0)
            m_expected_moves.emplace(Move{text_of(p.find("product_id")), id,
                                          "workshop:" + text_of(p.find("workshop_id")), "adjusted",
                                          "corrected:" + correction, delta},
                                     ExpectedMove{r.device, r.seq});
    }

    void check_batches() {
        for (const auto& id : m_batch_order) {
            const JournaledBatch& b = m_batches[id];
            // A newer correction pulled from another device is that device's record, in its
            // journal on the central store, not in this one (like every pulled record); its
            // correction record, pulled before it, must be here and agree with the work.
            store::Statement q(m_db, "SELECT revision, (SELECT coalesce(sum(minutes), 0) FROM "
                                     "contribution WHERE batch_id = ?1) FROM batch WHERE id = ?1");
            q->bind(1, id);
            if (q->executeStep() && q->getColumn(0).getInt64() > b.revision) {
                store::Statement r(m_db, "SELECT 1 FROM batch_correction WHERE batch_id = ? AND "
                                         "revision = ? AND minutes_after = ?");
                r->bind(1, id);
                r->bind(2, q->getColumn(0).getInt64());
                r->bind(3, q->getColumn(1).getInt64());
                if (!r->executeStep())
                    add({}, 0, "batch", id,
                        Message(BL_N_("Batch %s says it was corrected on another device (revision "
                                      "%s), but no correction record here says so: it was "
                                      "changed."),
                                {id, num(q->getColumn(0).getInt64())}));
                continue;
            }
            check_batch(b.row, b.payload, b.revision > 0);
        }
        for (const auto& [id, c] : m_corrections)
            check_correction(id, c);
    }

    // The batch and its contributions against the journal row that last said them.
    bool check_batch(const JournalRow& r, const JsonValue& p, bool corrected) {
        const std::string id = text_of(p.find("batch_id"));
        store::Statement b(m_db, "SELECT product_id, workshop_id, produced_on, units, "
                                 "material_cost_ore, notes, label_code, revision FROM batch "
                                 "WHERE id = ?");
        b->bind(1, id);
        if (!b->executeStep()) {
            add(r.device, r.seq, "batch", id,
                Message(BL_N_("Batch %s, logged in journal row %s, is missing from the batches."),
                        {id, num(r.seq)}));
            return false;
        }
        JsonObject rebuilt{{"batch_id", id},
                           {"product_id", b->getColumn(0).getString()},
                           {"workshop_id", b->getColumn(1).getString()},
                           {"produced_on", b->getColumn(2).getString()},
                           {"units", b->getColumn(3).getInt64()},
                           {"material_cost_ore", b->getColumn(4).getInt64()},
                           {"notes", b->getColumn(5).getString()},
                           {"label_code", b->getColumn(6).getString()}};
        if (corrected || b->getColumn(7).getInt64() != 0)
            rebuilt.emplace("revision", b->getColumn(7).getInt64());
        if (const JsonValue* staff = p.find("staff_id"))
            rebuilt.emplace("staff_id", *staff);
        // Contributions in the order of their ids on both sides: the journal keeps the order
        // they were typed in, the table has none.
        std::map<std::string, JsonValue> mine;
        store::Statement c(m_db, "SELECT id, maker_id, minutes, task_tag, worked_on FROM "
                                 "contribution WHERE batch_id = ?");
        c->bind(1, id);
        while (c->executeStep())
            mine[c->getColumn(0).getString()] =
                JsonObject{{"contribution_id", c->getColumn(0).getString()},
                           {"maker_id", c->getColumn(1).getString()},
                           {"minutes", c->getColumn(2).getInt64()},
                           {"task_tag", c->getColumn(3).getString()},
                           {"worked_on", c->getColumn(4).getString()}};
        std::map<std::string, JsonValue> theirs;
        if (const JsonValue* list = p.find("contributions"); list && list->as_array())
            for (const auto& item : *list->as_array())
                theirs[text_of(item.find("contribution_id"))] = item;
        JsonArray a, t;
        for (auto& [k, v] : mine)
            a.push_back(v);
        for (auto& [k, v] : theirs)
            t.push_back(v);
        rebuilt.emplace("contributions", a);
        JsonObject journaled = *p.as_object();
        journaled["contributions"] = t;
        for (const char* only_in_correction : {"correction_id", "reason", "previous"})
            journaled.erase(only_in_correction);
        if (auto d = first_difference(JsonValue(rebuilt), JsonValue(journaled), {})) {
            add(r.device, r.seq, d->rfind("contributions", 0) == 0 ? "contribution" : "batch", id,
                corrected ? Message(BL_N_("Batch %s differs from journal row %s, which corrected "
                                          "it last, in %s."),
                                    {id, num(r.seq), *d})
                          : Message(BL_N_("Batch %s differs from journal row %s, which logged it, "
                                          "in %s."),
                                    {id, num(r.seq), *d}));
            return false;
        }
        return true;
    }

    // A correction's record (what it replaced, who, when, why) against its journal row.
    bool check_correction(const std::string& id, const JournaledBatch& c) {
        const JournalRow& r = c.row;
        const JsonValue& p = c.payload;
        store::Statement q(m_db, "SELECT batch_id, revision, corrected_at, corrected_by, reason, "
                                 "units_before, units_after, minutes_before, minutes_after, "
                                 "previous FROM batch_correction WHERE id = ?");
        q->bind(1, id);
        if (!q->executeStep()) {
            add(r.device, r.seq, "batch_correction", id,
                Message(BL_N_("The correction of batch %s in journal row %s is missing from the "
                              "corrections: what it replaced is no longer shown."),
                        {text_of(p.find("batch_id")), num(r.seq)}));
            return false;
        }
        auto minutes = [](const JsonValue* list) {
            std::int64_t m = 0;
            if (list && list->as_array())
                for (const auto& item : *list->as_array())
                    m += int_of(item.find("minutes"));
            return m;
        };
        const JsonValue* previous = p.find("previous");
        const auto stored_previous = parse_json(q->getColumn(9).getString());
        const char* field = nullptr;
        if (q->getColumn(0).getString() != text_of(p.find("batch_id")))
            field = "batch_id";
        else if (q->getColumn(1).getInt64() != c.revision)
            field = "revision";
        else if (!same_time(q->getColumn(2).getString(), r.recorded_at))
            field = "corrected_at";
        else if (q->getColumn(3).getString() != text_of(p.find("staff_id")))
            field = "corrected_by";
        else if (q->getColumn(4).getString() != text_of(p.find("reason")))
            field = "reason";
        else if (!previous || q->getColumn(5).getInt64() != int_of(previous->find("units")))
            field = "units_before";
        else if (q->getColumn(6).getInt64() != int_of(p.find("units")))
            field = "units_after";
        else if (q->getColumn(7).getInt64() != minutes(previous->find("contributions")))
            field = "minutes_before";
        else if (q->getColumn(8).getInt64() != minutes(p.find("contributions")))
            field = "minutes_after";
        else if (!stored_previous || !(*stored_previous == *previous))
            field = "previous";
        if (!field)
            return true;
        add(r.device, r.seq, "batch_correction", id,
            Message(BL_N_("The correction of batch %s differs from journal row %s, which "
                          "recorded it, in %s."),
                    {text_of(p.find("batch_id")), num(r.seq), field}));
        return false;
    }

    void expect_delivery(const JournalRow& r, const JsonValue& p) {
        const std::string id = text_of(p.find("batch_id"));
        const std::string shop = text_of(p.find("shop_id"));
        const std::int64_t units = int_of(p.find("units"));
        store::Statement b(m_db, "SELECT product_id, workshop_id FROM batch WHERE id = ?");
        b->bind(1, id);
        if (!b->executeStep())
            return add(r.device, r.seq, "batch", id,
                       Message(BL_N_("Batch %s, delivered in journal row %s, is missing from the "
                                     "batches."),
                               {id, num(r.seq)}));
        const std::string product = b->getColumn(0).getString();
        const std::string workshop = b->getColumn(1).getString();
        m_expected_moves.emplace(
            Move{product, id, "workshop:" + workshop, "delivered", shop, -units},
            ExpectedMove{r.device, r.seq});
        m_expected_moves.emplace(Move{product, id, "shop:" + shop, "delivered", workshop, units},
                                 ExpectedMove{r.device, r.seq});
    }

    // Units a shop reported back (report_back): returned to the workshop's shelf (two moves)
    // or broken (one).
    void expect_report_back(const JournalRow& r, const JsonValue& p) {
        const std::string id = text_of(p.find("batch_id"));
        const std::string shop = text_of(p.find("shop_id"));
        const std::int64_t units = int_of(p.find("units"));
        const std::string how = text_of(p.find("kind"));
        store::Statement b(m_db, "SELECT product_id, workshop_id FROM batch WHERE id = ?");
        b->bind(1, id);
        if (!b->executeStep())
            return add(r.device, r.seq, "batch", id,
                       Message(BL_N_("Batch %s, reported back in journal row %s, is missing from "
                                     "the batches."),
                               {id, num(r.seq)}));
        const std::string product = b->getColumn(0).getString();
        const std::string workshop = b->getColumn(1).getString();
        if (how == "returned") {
            m_expected_moves.emplace(
                Move{product, id, "shop:" + shop, "adjusted", "returned", -units},
                ExpectedMove{r.device, r.seq});
            m_expected_moves.emplace(
                Move{product, id, "workshop:" + workshop, "adjusted", "returned:" + shop, units},
                ExpectedMove{r.device, r.seq});
        } else {
            m_expected_moves.emplace(
                Move{product, id, "shop:" + shop, "lost", "broken:" + shop, -units},
                ExpectedMove{r.device, r.seq});
        }
    }

    // Every stock move is one the journal recorded, and every one it recorded is there; each
    // batch's stock is its moves less what its sales took.
    void check_stock_moves() {
        SQLite::Statement q(store::sql(m_db),
                            "SELECT id, product_id, coalesce(batch_id, ''), location, units, "
                            "reason, reference FROM stock_move ORDER BY id");
        bool reported = false;
        while (q.executeStep()) {
            ++m_out.business_rows;
            Move m{q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString(), q.getColumn(4).getInt64()};
            auto it = m_expected_moves.find(m);
            if (it != m_expected_moves.end()) {
                m_expected_moves.erase(it);
                continue;
            }
            if (!reported)
                add({}, 0, "stock_move", num(q.getColumn(0).getInt64()),
                    Message(
                        BL_N_("Stock move %s (%s units of batch %s, %s) was recorded by no "
                              "journal row: it was added or changed."),
                        {num(q.getColumn(0).getInt64()), num(m.units), m.batch_id, m.location}));
            reported = true;
        }
        if (!m_expected_moves.empty()) {
            // The one the earliest journal row recorded.
            auto first = std::min_element(m_expected_moves.begin(), m_expected_moves.end(),
                                          [](const auto& a, const auto& b) {
                                              return std::tie(a.second.device, a.second.seq) <
                                                     std::tie(b.second.device, b.second.seq);
                                          });
            add(first->second.device, first->second.seq, "stock_move", {},
                Message(BL_N_("Journal row %s records a stock move of %s units of batch %s (%s) "
                              "that is missing from the stock moves."),
                        {num(first->second.seq), num(first->first.units), first->first.batch_id,
                         first->first.location}));
        }
        SQLite::Statement s(
            store::sql(m_db),
            "SELECT b.id, b.on_hand, (SELECT coalesce(sum(units), 0) FROM stock_move m WHERE "
            "m.batch_id = b.id) - (SELECT coalesce(sum(a.units), 0) FROM sale_allocation a JOIN "
            "sale s ON s.id = a.sale_id WHERE a.batch_id = b.id AND s.training = 0) FROM batch b "
            "WHERE b.on_hand <> (SELECT coalesce(sum(units), 0) FROM stock_move m WHERE "
            "m.batch_id = b.id) - (SELECT coalesce(sum(a.units), 0) FROM sale_allocation a JOIN "
            "sale s ON s.id = a.sale_id WHERE a.batch_id = b.id AND s.training = 0) LIMIT 1");
        if (s.executeStep())
            add({}, 0, "batch", s.getColumn(0).getString(),
                Message(BL_N_("Batch %s has %s units in stock, but its moves and sales leave %s: "
                              "its stock was changed."),
                        {s.getColumn(0).getString(), num(s.getColumn(1).getInt64()),
                         num(s.getColumn(2).getInt64())}));
    }

    // Category colours and product pictures against the journal rows that set them. A row
    // pulled from the central store names no journal row (its row is another device's) and a
    // later pull may replace one this device set; what names a row must be what that row set,
    // and be the newest one for its category or product.
    void check_looks() {
        auto check = [this](const char* table, const char* key_column, const char* value_sql,
                            std::map<std::string, Looked>& journaled, bool colour) {
            SQLite::Statement q(store::sql(m_db), std::string("SELECT ") + key_column + ", " +
                                                      value_sql + ", device_id, journal_seq FROM " +
                                                      table + " ORDER BY " + key_column);
            std::set<std::string> seen;
            bool reported = false;
            while (q.executeStep()) {
                ++m_out.business_rows;
                const std::string key = q.getColumn(0).getString();
                seen.insert(key);
                if (q.getColumn(3).isNull() || reported)
                    continue;
                const std::string value = q.getColumn(1).getString();
                const std::string device = q.getColumn(2).getString();
                const std::int64_t seq = q.getColumn(3).getInt64();
                auto j = journaled.find(key);
                if (j == journaled.end()) {
                    reported = true;
                    add(device, seq, table, key,
                        colour ? Message(BL_N_("The colour of category %s was set by no journal "
                                               "row: it was added or changed."),
                                         {key})
                               : Message(BL_N_("The picture of product %s was set by no journal "
                                               "row: it was added or changed."),
                                         {key}));
                } else if (j->second.device != device || j->second.seq != seq ||
                           j->second.value != value) {
                    reported = true;
                    add(j->second.device, j->second.seq, table, key,
                        colour ? Message(BL_N_("The colour of category %s differs from journal "
                                               "row %s, which set it: it was changed."),
                                         {key, num(j->second.seq)})
                               : Message(BL_N_("The picture of product %s differs from journal "
                                               "row %s, which set it: it was changed."),
                                         {key, num(j->second.seq)}));
                }
            }
            for (const auto& [key, j] : journaled)
                if (!seen.count(key)) {
                    add(j.device, j.seq, table, key,
                        colour ? Message(BL_N_("Journal row %s gives category %s a colour that "
                                               "is missing from the category colours."),
                                         {num(j.seq), key})
                               : Message(BL_N_("Journal row %s gives product %s a picture that "
                                               "is missing from the product pictures."),
                                         {num(j.seq), key}));
                    break;
                }
        };
        check("category_colour", "category", "colour", m_colours, true);
        // The picture's own bytes, hashed here: a picture changed without its hash is named.
        check("product_picture", "product_id",
              "CASE WHEN length(png) = 0 THEN '' ELSE "
              "sha256 END",
              m_pictures, false);
        SQLite::Statement h(store::sql(m_db), "SELECT product_id, png, sha256, journal_seq, "
                                              "coalesce(device_id, '') FROM product_picture "
                                              "WHERE length(png) > 0");
        while (h.executeStep()) {
            const auto png = h.getColumn(1);
            const std::string bytes(static_cast<const char*>(png.getBlob()),
                                    static_cast<std::size_t>(png.getBytes()));
            if (sha256_hex(bytes) != h.getColumn(2).getString()) {
                const std::string key = h.getColumn(0).getString();
                add(h.getColumn(4).getString(),
                    h.getColumn(3).isNull() ? 0 : h.getColumn(3).getInt64(), "product_picture", key,
                    Message(BL_N_("The picture of product %s is not the one its SHA-256 names: "
                                  "it was changed."),
                            {key}));
                break;
            }
        }
    }

    // Business rows no journal row recorded: added after the fact, or their journal row gone.
    void check_unrecorded() {
        {
            SQLite::Statement q(store::sql(m_db),
                                "SELECT id, receipt_number, device_id, journal_seq FROM sale "
                                "ORDER BY device_id, journal_seq");
            while (q.executeStep()) {
                ++m_out.business_rows;
                const std::string id = q.getColumn(0).getString();
                if (m_journaled_sales.count(id))
                    continue;
                add(q.getColumn(2).getString(), 0, "sale", id,
                    Message(BL_N_("Sale %s (receipt %s) was recorded by no journal row: it was "
                                  "added after the fact, or its journal row is gone."),
                            {id, num(q.getColumn(1).getInt64())}));
                break;
            }
        }
        for (const char* table : {"sale_line", "sale_allocation", "payment"}) {
            SQLite::Statement q(store::sql(m_db), std::string("SELECT sale_id FROM ") + table +
                                                      " WHERE sale_id NOT IN (SELECT id FROM "
                                                      "sale) LIMIT 1");
            if (q.executeStep())
                add({}, 0, table, q.getColumn(0).getString(),
                    Message(BL_N_("Rows of %s belong to sale %s, which does not exist: the sale "
                                  "was deleted."),
                            {table, q.getColumn(0).getString()}));
        }
        {
            SQLite::Statement q(store::sql(m_db),
                                "SELECT id, device_id, z_number FROM shift ORDER BY opened_at, id");
            bool opened = false, closed = false;
            while (q.executeStep()) {
                ++m_out.business_rows;
                const std::string id = q.getColumn(0).getString();
                if (!opened && !m_opened_shifts.count(id)) {
                    opened = true;
                    add(q.getColumn(1).getString(), 0, "shift", id,
                        Message(BL_N_("Shift %s was opened by no journal row: it was added after "
                                      "the fact, or its journal row is gone."),
                                {id}));
                }
                if (!closed && !q.getColumn(2).isNull() && !m_closed_shifts.count(id)) {
                    closed = true;
                    add(q.getColumn(1).getString(), 0, "shift", id,
                        Message(BL_N_("Shift %s has Z number %s, but no journal row holds that Z "
                                      "report."),
                                {id, num(q.getColumn(2).getInt64())}));
                }
            }
        }
    }
};

DatabaseCheck run_check(Database& db, bool full, const VerifyHooks& hooks) {
    return store::reading([&] { return Checker(db, full).run(hooks); });
}

} // namespace

DatabaseCheck verify_database(Database& db, const VerifyHooks& hooks) {
    return run_check(db, true, hooks);
}

DatabaseCheck check_journal_tail(Database& db) {
    return run_check(db, false, {});
}

Result<Done, Message> record_full_check(Database& db, const DatabaseCheck& passed) {
    if (!passed.ok())
        return err(Message(BL_N_("The check found problems, so it is not kept as passed.")));
    return store::writing([&]() -> Result<Done, Message> {
        auto tx = store::begin_write(db);
        const std::string now = format_utc(db.clock());
        for (const auto& [device, head] : passed.heads) {
            if (head.seq < 1)
                continue;
            store::Statement q(db, "INSERT INTO journal_check(device_id, seq, hash, checked_at) "
                                   "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM journal "
                                   "WHERE device_id = ?1 AND seq = ?2 AND hash = ?3) "
                                   "ON CONFLICT(device_id) DO UPDATE SET seq = excluded.seq, "
                                   "hash = excluded.hash, checked_at = excluded.checked_at "
                                   "WHERE excluded.seq >= journal_check.seq");
            q->bind(1, device);
            q->bind(2, head.seq);
            q->bind(3, head.hash);
            q->bind(4, now);
            q->exec();
        }
        tx.commit();
        return Done{};
    });
}

std::vector<std::string> describe(const DatabaseCheck& check, const Translator* t) {
    std::vector<std::string> out;
    for (const auto& f : check.findings)
        out.push_back(render(f.problem, t));
    return out;
}

} // namespace bl
