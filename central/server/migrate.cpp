#include "central/server/migrate.hpp"

#include <map>
#include <set>

namespace bl::central {

namespace {

constexpr int page = 1000;

bool same_row(const StoredRow& a, const StoredRow& b) {
    return a.device_id == b.device_id && a.seq == b.seq && a.recorded_at == b.recorded_at &&
           a.kind == b.kind && a.payload == b.payload && a.prev_hash == b.prev_hash &&
           a.hash == b.hash && a.extra == b.extra && a.signature == b.signature;
}

bool same_sale(const SaleFact& a, const SaleFact& b) {
    return a.sale_id == b.sale_id && a.device_id == b.device_id && a.shop_id == b.shop_id &&
           a.seq == b.seq && a.total_ore == b.total_ore && a.training == b.training &&
           a.refund == b.refund;
}

bool same_change(const ChangeRecord& a, const ChangeRecord& b) {
    return a.cursor == b.cursor && a.entity == b.entity && a.entity_id == b.entity_id &&
           a.audience == b.audience && a.shop_id == b.shop_id && a.workshop_id == b.workshop_id &&
           a.body == b.body;
}

bool same_alarm(const Alarm& a, const Alarm& b) {
    return a.at == b.at && a.device_id == b.device_id && a.code == b.code && a.detail == b.detail;
}

/// Sales of a store in id order (byte order on both databases), a page at a time.
class SaleStream {
public:
    explicit SaleStream(CentralStore& s) : m_store(s) { fill(); }
    const SaleFact* peek() const { return m_i < m_page.size() ? &m_page[m_i] : nullptr; }
    void next() {
        if (++m_i >= m_page.size())
            fill();
    }

private:
    void fill() {
        const std::string after = m_page.empty() ? m_last : m_page.back().sale_id;
        m_last = after;
        m_page = m_store.sales_after(after, page);
        m_i = 0;
    }
    CentralStore& m_store;
    std::vector<SaleFact> m_page;
    std::size_t m_i = 0;
    std::string m_last;
};

/// Every change of a store in cursor order, a page at a time.
class ChangeStream {
public:
    explicit ChangeStream(CentralStore& s) : m_store(s) { fill(); }
    const ChangeRecord* peek() const { return m_i < m_page.size() ? &m_page[m_i] : nullptr; }
    void next() {
        if (++m_i >= m_page.size())
            fill();
    }

private:
    void fill() {
        if (!m_page.empty())
            m_cursor = m_page.back().cursor;
        std::int64_t next_cursor = 0;
        m_page = m_store.changes_since(m_cursor, Scope{Role::organiser, {}, {}}, page, next_cursor);
        m_i = 0;
    }
    CentralStore& m_store;
    std::vector<ChangeRecord> m_page;
    std::size_t m_i = 0;
    std::int64_t m_cursor = 0;
};

Message refusal(const std::string& what) {
    return Message(BL_N_("The target already holds records the source does not (%s): it has "
                         "taken pushes of its own, or holds another central store. Nothing was "
                         "copied."),
                   {what});
}

MoveCounts count(CentralStore& s) {
    MoveCounts c;
    c.devices = static_cast<std::int64_t>(s.list_devices().size());
    c.codes = static_cast<std::int64_t>(s.enrol_codes().size());
    c.makers = static_cast<std::int64_t>(s.makers().size());
    for (const auto& t : s.totals())
        c.rows += t.rows;
    c.sales = s.sale_count();
    for (ChangeStream ch(s); ch.peek(); ch.next())
        ++c.changes;
    c.alarms = static_cast<std::int64_t>(s.alarms().size());
    return c;
}

std::map<std::string, std::int64_t> rows_per_device(CentralStore& s) {
    std::map<std::string, std::int64_t> out;
    for (const auto& t : s.totals())
        out[t.device_id] = t.rows;
    return out;
}

/// Everything the target holds must be the source's; the first thing that is not.
std::optional<Message> check_target(CentralStore& from, CentralStore& to) {
    const auto src_rows = rows_per_device(from);
    for (const auto& [device, held] : rows_per_device(to)) {
        auto it = src_rows.find(device);
        if (it == src_rows.end() || it->second < held)
            return refusal("journal rows of device " + device);
        // Each row's hash covers the one before it: the same last row is the same chain.
        auto mine = to.find_row(device, held);
        auto theirs = from.find_row(device, held);
        if (!mine || !theirs || !same_row(*mine, *theirs))
            return refusal("journal row " + std::to_string(held) + " of device " + device);
    }
    std::set<std::string> src_devices;
    for (const auto& d : from.list_devices())
        src_devices.insert(d.id);
    for (const auto& d : to.list_devices())
        if (!src_devices.count(d.id))
            return refusal("device " + d.id);
    {
        SaleStream src(from), dst(to);
        for (; dst.peek(); dst.next()) {
            while (src.peek() && src.peek()->sale_id < dst.peek()->sale_id)
                src.next();
            if (!src.peek() || !same_sale(*src.peek(), *dst.peek()))
                return refusal("sale " + dst.peek()->sale_id);
        }
    }
    {
        ChangeStream src(from), dst(to);
        for (; dst.peek(); dst.next()) {
            while (src.peek() && src.peek()->cursor < dst.peek()->cursor)
                src.next();
            if (!src.peek() || !same_change(*src.peek(), *dst.peek()))
                return refusal("change " + std::to_string(dst.peek()->cursor));
        }
    }
    const auto src_alarms = from.alarms();
    const auto dst_alarms = to.alarms();
    if (dst_alarms.size() > src_alarms.size())
        return refusal("alarms");
    for (std::size_t i = 0; i < dst_alarms.size(); ++i)
        if (!same_alarm(dst_alarms[i], src_alarms[i]))
            return refusal("alarm " + std::to_string(i + 1));
    return std::nullopt;
}

Result<Done, Message> put(CentralStore& to, const StoreImport& part) {
    return to.import_records(part);
}

} // namespace

Result<MoveReport, Message> copy_central_store(CentralStore& from, CentralStore& to) {
    if (auto refused = check_target(from, to))
        return err(*refused);
    MoveReport report;

    // Codes and makers as the source has them now.
    {
        StoreImport part;
        part.codes = from.enrol_codes();
        part.makers = from.makers();
        report.copied.codes = static_cast<std::int64_t>(part.codes.size());
        report.copied.makers = static_cast<std::int64_t>(part.makers.size());
        if (auto r = put(to, part); !r)
            return err(r.error());
    }
    // Journals: the rows after the ones the target holds.
    const auto held_rows = rows_per_device(to);
    for (const auto& device : from.journal_devices()) {
        auto it = held_rows.find(device);
        std::int64_t next = (it == held_rows.end() ? 0 : it->second) + 1;
        for (;;) {
            StoreImport part;
            part.rows = from.rows(device, next, page);
            if (part.rows.empty())
                break;
            next = part.rows.back().seq + 1;
            report.copied.rows += static_cast<std::int64_t>(part.rows.size());
            if (auto r = put(to, part); !r)
                return err(r.error());
        }
    }
    // Sales the target does not hold (it holds only the source's: checked above).
    {
        SaleStream src(from), dst(to);
        StoreImport part;
        auto flush = [&]() -> Result<Done, Message> {
            if (part.sales.empty())
                return Done{};
            report.copied.sales += static_cast<std::int64_t>(part.sales.size());
            auto r = put(to, part);
            part.sales.clear();
            return r;
        };
        for (; src.peek(); src.next()) {
            while (dst.peek() && dst.peek()->sale_id < src.peek()->sale_id)
                dst.next();
            if (dst.peek() && dst.peek()->sale_id == src.peek()->sale_id)
                continue;
            part.sales.push_back(*src.peek());
            if (static_cast<int>(part.sales.size()) >= page)
                if (auto r = flush(); !r)
                    return err(r.error());
        }
        if (auto r = flush(); !r)
            return err(r.error());
    }
    // Changes after the target's newest, with their cursors.
    {
        std::int64_t top = 0;
        for (ChangeStream dst(to); dst.peek(); dst.next())
            top = dst.peek()->cursor;
        for (;;) {
            std::int64_t next_cursor = 0;
            StoreImport part;
            part.changes =
                from.changes_since(top, Scope{Role::organiser, {}, {}}, page, next_cursor);
            if (part.changes.empty())
                break;
            top = part.changes.back().cursor;
            report.copied.changes += static_cast<std::int64_t>(part.changes.size());
            if (auto r = put(to, part); !r)
                return err(r.error());
        }
    }
    // Alarms the target does not have yet, then the devices with their anchors, last, so that
    // an anchor never points past the rows copied.
    {
        StoreImport part;
        const auto src_alarms = from.alarms();
        const std::size_t held = to.alarms().size();
        part.alarms.assign(src_alarms.begin() + static_cast<std::ptrdiff_t>(held),
                           src_alarms.end());
        part.devices = from.list_devices();
        report.copied.alarms = static_cast<std::int64_t>(part.alarms.size());
        report.copied.devices = static_cast<std::int64_t>(part.devices.size());
        if (auto r = put(to, part); !r)
            return err(r.error());
    }

    // What the target holds now, against the source.
    report.source = count(from);
    report.target = count(to);
    if (report.source.rows != report.target.rows)
        report.differences.push_back("journal rows: source " + std::to_string(report.source.rows) +
                                     ", target " + std::to_string(report.target.rows));
    if (report.source.sales != report.target.sales)
        report.differences.push_back("sales: source " + std::to_string(report.source.sales) +
                                     ", target " + std::to_string(report.target.sales));
    if (report.source.changes != report.target.changes)
        report.differences.push_back("changes: source " + std::to_string(report.source.changes) +
                                     ", target " + std::to_string(report.target.changes));
    if (!(report.source == report.target) && report.differences.empty())
        report.differences.push_back("devices, codes, makers or alarms differ in number");
    const auto src_totals = from.totals();
    const auto dst_totals = to.totals();
    if (src_totals.size() != dst_totals.size())
        report.differences.push_back("the number of journals differs");
    for (std::size_t i = 0; i < std::min(src_totals.size(), dst_totals.size()); ++i) {
        const auto& a = src_totals[i];
        const auto& b = dst_totals[i];
        if (a.device_id != b.device_id || a.sales != b.sales || a.total_ore != b.total_ore ||
            a.rows != b.rows)
            report.differences.push_back("totals of device " + a.device_id + " differ");
    }
    report.source_chains = verify_chains(from);
    report.target_chains = verify_chains(to);
    if (report.source_chains.size() != report.target_chains.size()) {
        report.differences.push_back("the number of chains differs");
    } else {
        for (std::size_t i = 0; i < report.source_chains.size(); ++i) {
            const auto& a = report.source_chains[i];
            const auto& b = report.target_chains[i];
            if (a.device_id != b.device_id || a.rows != b.rows || a.ok != b.ok ||
                a.problem != b.problem)
                report.differences.push_back(
                    "the chain of device " + a.device_id +
                    " verifies differently: " + (b.ok ? std::string("ok") : b.problem));
        }
    }
    return report;
}

} // namespace bl::central
