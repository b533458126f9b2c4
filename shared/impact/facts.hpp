#pragma once
/// What the period metrics read, as plain facts: already summed by the store (per batch, per
/// maker and week, per sale), so that a period over a million sale lines stays small in
/// memory. ImpactSource is the interface a store implements (the till's and workshop's
/// SQLite store; the central store, on any database, later).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/money.hpp"
#include "shared/core/time.hpp"

namespace bl::impact {

/// Days are Copenhagen calendar days, "YYYY-MM-DD", both ends included.
struct Period {
    std::string from;
    std::string to;
};

/// Which shop's sales and which workshop's production count (none: all).
struct Scope {
    std::optional<std::string> shop_id;
    std::optional<std::string> workshop_id;
};

/// A batch: what it made and the work logged on it (all contributions, any date).
struct BatchFact {
    std::string id;
    std::string product_id;
    std::string product_name;
    std::string workshop_id;
    std::string produced_on;
    std::int64_t units = 0;
    std::int64_t minutes = 0;
    Money material_cost;
};

/// A maker's minutes on one batch (all dates).
struct BatchMakerFact {
    std::string batch_id;
    std::string maker_id;
    std::int64_t minutes = 0;
};

/// Minutes logged by a maker in one week of the period, by the contribution's own date
/// (the production basis), with the task tags used that week.
struct WeekMinutesFact {
    std::string maker_id;
    std::string workshop_id;
    std::string week; ///< the Monday of the ISO week, "YYYY-MM-DD"
    std::int64_t minutes = 0;
    std::vector<std::string> tasks;
};

/// How a sale line's units were tied to a batch.
enum class Link { scanned, fifo, none };

/// Units sold from a batch (or from none) in the period, by how they were linked, net of
/// refunds (a refund's units come back to the batches its original took them from), and
/// their share of net revenue without VAT.
struct SoldFact {
    std::string batch_id; ///< "" for units no batch was logged for
    Link link = Link::fifo;
    std::int64_t units = 0;
    Money revenue_ex_vat;
};

/// The period's receipts, training receipts excluded.
struct SalesTotals {
    std::int64_t sales = 0;   ///< receipts that sold goods
    std::int64_t refunds = 0; ///< refund receipts
    Money gross;              ///< with VAT, refunds subtracted
    Money net_ex_vat;         ///< without VAT, refunds subtracted
    std::int64_t units = 0;   ///< net
};

/// Net revenue and units per week (the sales basis), for the charts.
struct WeekSalesFact {
    std::string week;
    Money net_ex_vat;
    std::int64_t units = 0;
};

/// The sales side of a period, read in one pass over the sale lines up to its last day.
struct SalesFacts {
    SalesTotals totals;
    std::vector<SoldFact> sold;        ///< units sold in the period, per batch and link
    std::vector<SoldFact> sold_by_end; ///< units sold up to the period's last day (stock)
    std::vector<WeekSalesFact> weeks;  ///< per week of the period, oldest first
};

/// A maker as reports may show them: counted always, named only with consent for reports.
struct MakerFact {
    std::string id;
    std::string workshop_id;
    std::string report_name; ///< the chosen name, only when consent for reports allows it
};

/// A documented move out of sheltered work, recorded by staff with the maker's consent
/// (self-reported or staff-recorded: label S).
enum class TransitionKind { job, flex_job, education };
struct TransitionFact {
    std::string maker_id;
    TransitionKind kind = TransitionKind::job;
    std::string date;
};

struct NamedPlace {
    std::string id;
    std::string name;
};

/// Everything a period report needs from a store. Each call reads within the scope.
class ImpactSource {
public:
    virtual ~ImpactSource() = default;
    virtual std::vector<NamedPlace> workshops(const Scope& s) = 0;
    virtual std::vector<NamedPlace> shops(const Scope& s) = 0;
    virtual std::vector<BatchFact> batches(const Scope& s) = 0;
    virtual std::vector<BatchMakerFact> batch_makers(const Scope& s) = 0;
    virtual std::vector<WeekMinutesFact> week_minutes(const Period& p, const Scope& s) = 0;
    virtual SalesFacts sales(const Period& p, const Scope& s) = 0;
    virtual std::vector<MakerFact> makers(const Scope& s) = 0;
    virtual std::vector<TransitionFact> transitions(const Period& p, const Scope& s) = 0;
};

} // namespace bl::impact
