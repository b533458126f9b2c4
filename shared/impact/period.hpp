#pragma once
/// The three bottom lines of a period, computed from the records (see docs/impact.md):
/// people (makers, hours, FTE, spread, retention, breadth, growth, documented transitions),
/// business (revenue, units, baskets, revenue and margin per maker-hour, sell-through, hours
/// still in stock) and society (reach, change against the previous period, and estimates
/// only for documented transitions). Every figure says whether it is measured (M), self-
/// reported or recorded by staff (S) or estimated (E), and which time basis it uses.
/// Groups of fewer than 5 people are suppressed.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/impact/coefficients.hpp"
#include "shared/impact/facts.hpp"
#include "shared/impact/work.hpp"

namespace bl::impact {

/// The version of the method the numbers follow, printed on every report.
inline constexpr const char* method_version = "Bundlinje-metode 1.0";

/// Fewer people than this in a group: the group's figures are not shown.
inline constexpr std::int64_t min_group = 5;

enum class Label { measured, self_reported, estimated };
enum class Basis {
    production, ///< by the date the work was done
    sales,      ///< by the date of the sale
    stock,      ///< as it stands at the end of the period
};

/// "M", "S", "E".
const char* label_code(Label l);

struct Quartiles {
    double q1 = 0, median = 0, q3 = 0; ///< hours
};

struct People {
    std::int64_t makers_with_work = 0;        ///< any minutes in the period
    std::int64_t active_makers = 0;           ///< at least 1 hour in the period
    std::int64_t minutes = 0;                 ///< logged in the period
    double fte = 0;                           ///< hours / hours of a full-time year
    std::optional<Quartiles> hours_per_maker; ///< none: fewer than 5 active makers
    /// Of the makers active in the previous period, the share active again; none when they
    /// were fewer than 5.
    std::optional<double> retention;
    std::int64_t task_tags = 0;                   ///< different tasks practised
    double tasks_per_maker = 0;                   ///< average over active makers
    std::optional<double> work_reached_customers; ///< share of their batches' work sold
    /// Active in both periods, with more hours a week now; none: fewer than 5 compared.
    std::optional<std::int64_t> makers_grew;
    std::int64_t transitions_job = 0, transitions_flex_job = 0, transitions_education = 0;
    /// Fewer than 5 active makers: the group's hours, spread and tasks are not shown.
    bool small_group = false;
};

struct BatchSellThrough {
    std::string batch_id;
    std::string product_name;
    std::int64_t produced = 0;
    std::int64_t sold = 0; ///< by the end of the period, net of refunds
};

struct Business {
    SalesTotals sales;
    Money average_basket;  ///< net without VAT per receipt that sold goods
    WorkMinutes sold_work; ///< the work in the units sold (net)
    Money linked_revenue;  ///< revenue of units linked to a batch
    std::optional<Money> revenue_per_maker_hour;
    std::optional<Money> margin_per_maker_hour; ///< none when no material cost is recorded
    std::vector<BatchSellThrough> sell_through; ///< batches with work by the scope's makers
    WorkMinutes unsold_work;                    ///< in stock at the end of the period
};

enum class Effect { societal_gain, budget };

/// One estimate: people who moved, and its value after deadweight, attribution,
/// displacement and the horizon, as low / central / high, rounded to two significant
/// figures. Budget effect and societal gain are never added together.
struct Estimate {
    TransitionKind kind = TransitionKind::job;
    Effect effect = Effect::societal_gain;
    std::int64_t people = 0;
    double low = 0, central = 0, high = 0; ///< kroner
};

struct Society {
    std::int64_t reach = 0; ///< active makers
    double reach_share = 0; ///< of the target population
    std::int64_t previous_active = 0;
    std::int64_t previous_minutes = 0;
    /// For each kind of move documented for at least 5 people; none for smaller groups.
    std::vector<Estimate> estimates;
};

/// Units sold in the period by how they were tied to a batch.
struct Completeness {
    std::int64_t scanned = 0, fifo = 0, none = 0;
    /// Units sold from batches beyond what they made, by the end of the period (scanned
    /// labels of a batch whose count was logged too low): a fault in the records to fix.
    std::int64_t oversold = 0;
    double linked_share() const;
};

struct WorkshopFigures {
    std::string name;
    std::optional<std::int64_t> makers; ///< none: fewer than 5 (suppressed)
    std::int64_t minutes = 0;           ///< 0 and not shown when the makers are suppressed
    Money revenue;                      ///< sales basis, from units of this workshop's batches
};

struct WeekFigures {
    std::string week;
    std::int64_t minutes = 0; ///< production basis
    Money revenue;            ///< sales basis
};

struct PeriodMetrics {
    Period period, previous;
    Scope scope;
    People people;
    Business business;
    Society society;
    Completeness completeness;
    std::vector<WorkshopFigures> workshops;
    std::vector<WeekFigures> weeks;
};

/// The period before `p` of the same number of days.
Period previous_period(const Period& p);

/// Computes the metrics of `p` in `scope` from `source`.
PeriodMetrics compute_period(ImpactSource& source, const Period& p, const Scope& scope,
                             const Coefficients& coefficients);

/// A count of people as organiser-level output may show it: none for 1 to 4 (so small a
/// group could be recognised), 0 and 5 or more as they are.
std::optional<std::int64_t> shown_count(std::int64_t people);

/// Rounds to two significant figures (123,456 -> 120,000; 0 stays 0).
double two_significant(double v);

/// The estimates for documented transitions (pure; see Estimate).
std::vector<Estimate> estimate_transitions(std::int64_t jobs, std::int64_t flex_jobs,
                                           const Coefficients& c);

} // namespace bl::impact
