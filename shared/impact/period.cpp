#include "shared/impact/period.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

namespace bl::impact {

namespace {

std::chrono::sys_days day(const std::string& s) {
    auto d = parse_date(s);
    if (!d)
        throw std::invalid_argument("not a date: " + s);
    return *d;
}

// Linear interpolation between order statistics (as spreadsheets' QUARTILE.INC).
double quantile(const std::vector<double>& sorted, double q) {
    const double pos = q * static_cast<double>(sorted.size() - 1);
    const auto i = static_cast<std::size_t>(pos);
    const double frac = pos - static_cast<double>(i);
    if (i + 1 >= sorted.size())
        return sorted.back();
    return sorted[i] + frac * (sorted[i + 1] - sorted[i]);
}

struct MakerWork {
    std::int64_t minutes = 0;
    std::set<std::string> tasks;
    std::string workshop_id;
};

std::map<std::string, MakerWork> by_maker(const std::vector<WeekMinutesFact>& weeks) {
    std::map<std::string, MakerWork> out;
    for (const auto& w : weeks) {
        auto& m = out[w.maker_id];
        m.minutes += w.minutes;
        m.workshop_id = w.workshop_id;
        m.tasks.insert(w.tasks.begin(), w.tasks.end());
    }
    return out;
}

std::set<std::string> active(const std::map<std::string, MakerWork>& makers) {
    std::set<std::string> out;
    for (const auto& [id, w] : makers)
        if (w.minutes >= 60)
            out.insert(id);
    return out;
}

// Money for a fraction of an amount: amount * num / den, rounded half away from zero.
Money share_of(Money amount, std::int64_t num, std::int64_t den) {
    const double v =
        static_cast<double>(amount.ore()) * static_cast<double>(num) / static_cast<double>(den);
    return Money::from_ore(static_cast<std::int64_t>(std::llround(v)));
}

Money per_hour(Money amount, const WorkMinutes& work) {
    // amount / (work / 60 min): øre per hour, from the exact fraction of minutes.
    const double minutes =
        static_cast<double>(work.numerator()) / static_cast<double>(work.denominator());
    return Money::from_ore(static_cast<std::int64_t>(
        std::llround(static_cast<double>(amount.ore()) * 60.0 / minutes)));
}

} // namespace

std::optional<std::int64_t> shown_count(std::int64_t people) {
    if (people > 0 && people < min_group)
        return std::nullopt;
    return people;
}

const char* label_code(Label l) {
    switch (l) {
    case Label::measured:
        return "M";
    case Label::self_reported:
        return "S";
    case Label::estimated:
        return "E";
    }
    return "?";
}

double Completeness::linked_share() const {
    const std::int64_t all = scanned + fifo + none;
    return all == 0 ? 0.0 : static_cast<double>(scanned + fifo) / static_cast<double>(all);
}

Period previous_period(const Period& p) {
    const auto from = day(p.from), to = day(p.to);
    const auto length = to - from + std::chrono::days{1};
    return Period{format_date(from - length), format_date(from - std::chrono::days{1})};
}

double two_significant(double v) {
    if (v == 0 || !std::isfinite(v))
        return v;
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::fabs(v))) - 1);
    return std::round(v / magnitude) * magnitude;
}

std::vector<Estimate> estimate_transitions(std::int64_t jobs, std::int64_t flex_jobs,
                                           const Coefficients& c) {
    // Each estimate: people x coefficient x what is ours (1 - deadweight) (1 - attribution)
    // (1 - displacement) x years. Low takes the low coefficient with the high deductions,
    // high the opposite; the horizon's years count a yearly value once a year.
    const Coefficient& dw = c.get("deadweight");
    const Coefficient& at = c.get("attribution");
    const Coefficient& di = c.get("displacement");
    const Coefficient& hz = c.get("horizon");
    auto kept = [](double dead, double attr, double disp) {
        return (1 - dead / 100) * (1 - attr / 100) * (1 - disp / 100);
    };
    auto make = [&](TransitionKind kind, Effect effect, std::int64_t people, const Coefficient& k,
                    bool yearly) {
        const double n = static_cast<double>(people);
        Estimate e{kind, effect, people, 0, 0, 0};
        e.low =
            two_significant(n * k.low * kept(dw.high, at.high, di.high) * (yearly ? hz.low : 1));
        e.central = two_significant(n * k.central * kept(dw.central, at.central, di.central) *
                                    (yearly ? hz.central : 1));
        e.high =
            two_significant(n * k.high * kept(dw.low, at.low, di.low) * (yearly ? hz.high : 1));
        return e;
    };
    std::vector<Estimate> out;
    if (jobs > 0) {
        out.push_back(make(TransitionKind::job, Effect::societal_gain, jobs,
                           c.get("societal_gain_job"), true));
        out.push_back(
            make(TransitionKind::job, Effect::budget, jobs, c.get("budget_saving_job"), false));
    }
    if (flex_jobs > 0)
        out.push_back(make(TransitionKind::flex_job, Effect::societal_gain, flex_jobs,
                           c.get("societal_gain_flex_job"), true));
    return out;
}

PeriodMetrics compute_period(ImpactSource& source, const Period& p, const Scope& scope,
                             const Coefficients& coefficients) {
    PeriodMetrics r;
    r.period = p;
    r.previous = previous_period(p);
    r.scope = scope;
    const auto end = day(p.to);

    // People: the production basis, each maker's own minutes.
    const auto weeks = source.week_minutes(p, scope);
    const auto makers = by_maker(weeks);
    const auto now_active = active(makers);
    People& people = r.people;
    std::set<std::string> tasks;
    std::vector<double> hours;
    double task_sum = 0;
    for (const auto& [id, w] : makers) {
        if (w.minutes > 0)
            ++people.makers_with_work;
        people.minutes += w.minutes;
        tasks.insert(w.tasks.begin(), w.tasks.end());
        if (now_active.count(id)) {
            hours.push_back(static_cast<double>(w.minutes) / 60.0);
            task_sum += static_cast<double>(w.tasks.size());
        }
    }
    people.active_makers = static_cast<std::int64_t>(now_active.size());
    people.fte = static_cast<double>(people.minutes) / 60.0 / coefficients.get("fte_hours").central;
    people.task_tags = static_cast<std::int64_t>(tasks.size());
    people.tasks_per_maker = hours.empty() ? 0 : task_sum / static_cast<double>(hours.size());
    if (static_cast<std::int64_t>(hours.size()) >= min_group) {
        std::sort(hours.begin(), hours.end());
        people.hours_per_maker =
            Quartiles{quantile(hours, 0.25), quantile(hours, 0.5), quantile(hours, 0.75)};
    }
    const auto before = by_maker(source.week_minutes(r.previous, scope));
    const auto before_active = active(before);
    if (static_cast<std::int64_t>(before_active.size()) >= min_group) {
        std::int64_t again = 0;
        for (const auto& id : before_active)
            again += now_active.count(id) ? 1 : 0;
        people.retention = static_cast<double>(again) / static_cast<double>(before_active.size());
    }
    std::int64_t compared = 0, grew = 0;
    for (const auto& id : now_active) {
        auto b = before.find(id);
        if (b == before.end() || !before_active.count(id))
            continue;
        ++compared; // the periods are equally long: more minutes is more a week
        grew += makers.at(id).minutes > b->second.minutes ? 1 : 0;
    }
    if (compared >= min_group)
        people.makers_grew = shown_count(grew);
    for (const auto& t : source.transitions(p, scope)) {
        if (t.kind == TransitionKind::job)
            ++people.transitions_job;
        else if (t.kind == TransitionKind::flex_job)
            ++people.transitions_flex_job;
        else
            ++people.transitions_education;
    }
    people.small_group = people.active_makers > 0 && people.active_makers < min_group;

    // Business: the sales basis, net of refunds, from the batch allocations.
    std::map<std::string, BatchFact> batches;
    for (auto& b : source.batches(scope))
        batches.emplace(b.id, std::move(b));
    Business& business = r.business;
    const SalesFacts sales = source.sales(p, scope);
    business.sales = sales.totals;
    if (business.sales.sales > 0)
        business.average_basket =
            Money::from_ore(business.sales.net_ex_vat.ore() / business.sales.sales);
    Money material;
    bool every_cost_known = true;
    std::map<std::string, Money> revenue_by_workshop;
    for (const auto& s : sales.sold) {
        if (s.link == Link::scanned)
            r.completeness.scanned += s.units;
        else if (s.link == Link::fifo)
            r.completeness.fifo += s.units;
        else
            r.completeness.none += s.units;
        auto b = batches.find(s.batch_id);
        if (s.batch_id.empty() || b == batches.end() || b->second.units <= 0)
            continue;
        business.sold_work =
            business.sold_work + work_in_units(b->second.minutes, b->second.units, s.units);
        business.linked_revenue += s.revenue_ex_vat;
        revenue_by_workshop[b->second.workshop_id] += s.revenue_ex_vat;
        if (b->second.material_cost.is_zero())
            every_cost_known = false;
        material += share_of(b->second.material_cost, s.units, b->second.units);
    }
    if (business.sold_work.numerator() > 0) {
        business.revenue_per_maker_hour = per_hour(business.linked_revenue, business.sold_work);
        if (every_cost_known)
            business.margin_per_maker_hour =
                per_hour(business.linked_revenue - material, business.sold_work);
    }
    std::map<std::string, std::int64_t> sold_by_end;
    for (const auto& s : sales.sold_by_end)
        sold_by_end[s.batch_id] += s.units;
    for (const auto& [id, b] : batches) {
        if (b.units <= 0 || day(b.produced_on) > end)
            continue;
        const std::int64_t sold = sold_by_end.count(id) ? sold_by_end[id] : 0;
        business.sell_through.push_back({id, b.product_name, b.units, sold});
        r.completeness.oversold += std::max<std::int64_t>(sold - b.units, 0);
        const std::int64_t left = std::max<std::int64_t>(b.units - sold, 0);
        business.unsold_work = business.unsold_work + work_in_units(b.minutes, b.units, left);
    }

    // The share of the active makers' own work (on all their batches) that has been sold.
    WorkMinutes logged, reached;
    for (const auto& bm : source.batch_makers(scope)) {
        auto b = batches.find(bm.batch_id);
        if (!now_active.count(bm.maker_id) || b == batches.end() || b->second.units <= 0)
            continue;
        logged = logged + WorkMinutes::whole(bm.minutes);
        const std::int64_t sold = std::min(
            sold_by_end.count(bm.batch_id) ? sold_by_end[bm.batch_id] : 0, b->second.units);
        reached =
            reached + work_in_units(bm.minutes, b->second.units, std::max<std::int64_t>(sold, 0));
    }
    if (logged.numerator() > 0)
        people.work_reached_customers =
            (static_cast<double>(reached.numerator()) /
             static_cast<double>(reached.denominator())) /
            (static_cast<double>(logged.numerator()) / static_cast<double>(logged.denominator()));

    // Society: reach and change; estimates only for documented transitions, never for
    // workshop hours, and only for groups of at least 5.
    Society& society = r.society;
    society.reach = people.active_makers;
    society.reach_share =
        static_cast<double>(people.active_makers) / coefficients.get("target_population").central;
    society.previous_active = static_cast<std::int64_t>(before_active.size());
    for (const auto& [id, w] : before)
        society.previous_minutes += w.minutes;
    society.estimates = estimate_transitions(
        people.transitions_job >= min_group ? people.transitions_job : 0,
        people.transitions_flex_job >= min_group ? people.transitions_flex_job : 0, coefficients);

    // Per workshop and per week, for the charts.
    for (const auto& w : source.workshops(scope)) {
        WorkshopFigures f;
        f.name = w.name;
        std::int64_t active_here = 0, with_work = 0;
        for (const auto& [id, mw] : makers) {
            if (mw.workshop_id != w.id || mw.minutes <= 0)
                continue;
            ++with_work;
            active_here += now_active.count(id) ? 1 : 0;
            f.minutes += mw.minutes;
        }
        if (active_here >= min_group)
            f.makers = active_here;
        if (with_work > 0 && with_work < min_group)
            f.minutes = 0; // the hours of so small a group are not shown either
        f.revenue = revenue_by_workshop[w.id];
        r.workshops.push_back(f);
    }
    std::map<std::string, WeekFigures> weeks_out;
    for (const auto& w : weeks) {
        weeks_out[w.week].week = w.week;
        weeks_out[w.week].minutes += w.minutes;
    }
    for (const auto& w : sales.weeks) {
        weeks_out[w.week].week = w.week;
        weeks_out[w.week].revenue += w.net_ex_vat;
    }
    for (auto& [k, w] : weeks_out)
        r.weeks.push_back(w);
    return r;
}

} // namespace bl::impact
