#include "shared/impact/export.hpp"

#include <cmath>

#include "shared/core/canonical_json.hpp"

namespace bl::impact {

namespace {

std::int64_t per_mille(double share) {
    return static_cast<std::int64_t>(std::llround(share * 1000));
}

std::int64_t minutes_of(const WorkMinutes& w) {
    return w.rounded(1);
}

} // namespace

std::vector<ExportRow> export_rows(const PeriodMetrics& m) {
    std::vector<ExportRow> r;
    auto add = [&](std::string key, std::string section, std::optional<std::int64_t> v,
                   std::string unit, const char* basis, const char* label, std::string iris = {}) {
        r.push_back({std::move(key), std::move(section), v, std::move(unit), basis, label,
                     std::move(iris), v ? "" : "suppressed"});
    };
    const auto& p = m.people;
    // A group under 5 active makers: its counts, hours and tasks are not given out.
    auto group = [&](std::int64_t v) {
        return p.small_group ? std::nullopt : std::optional<std::int64_t>(v);
    };
    add("people.makers_with_work", "people", shown_count(p.makers_with_work), "makers",
        "production", "M");
    add("people.active_makers", "people", shown_count(p.active_makers), "makers", "production",
        "M");
    add("people.minutes", "people", group(p.minutes), "minutes", "production", "M");
    add("people.fte", "people", group(static_cast<std::int64_t>(std::llround(p.fte * 100))),
        "centi", "production", "M");
    auto q = [&](double h) { return std::optional<std::int64_t>(std::llround(h * 60)); };
    add("people.hours_per_maker_q1", "people",
        p.hours_per_maker ? q(p.hours_per_maker->q1) : std::nullopt, "minutes", "production", "M");
    add("people.hours_per_maker_median", "people",
        p.hours_per_maker ? q(p.hours_per_maker->median) : std::nullopt, "minutes", "production",
        "M");
    add("people.hours_per_maker_q3", "people",
        p.hours_per_maker ? q(p.hours_per_maker->q3) : std::nullopt, "minutes", "production", "M");
    add("people.retention", "people",
        p.retention ? std::optional<std::int64_t>(per_mille(*p.retention)) : std::nullopt,
        "permille", "production", "M");
    add("people.task_tags", "people", group(p.task_tags), "tasks", "production", "M");
    add("people.work_reached_customers", "people",
        p.work_reached_customers && !p.small_group
            ? std::optional<std::int64_t>(per_mille(*p.work_reached_customers))
            : std::nullopt,
        "permille", "stock", "M");
    add("people.makers_grew", "people", p.makers_grew, "makers", "production", "M");
    add("people.transitions_job", "people", shown_count(p.transitions_job), "makers", "production",
        "S");
    add("people.transitions_flex_job", "people", shown_count(p.transitions_flex_job), "makers",
        "production", "S");
    add("people.transitions_education", "people", shown_count(p.transitions_education), "makers",
        "production", "S");

    const auto& b = m.business;
    add("business.receipts", "business", b.sales.sales, "receipts", "sales", "M");
    add("business.refunds", "business", b.sales.refunds, "receipts", "sales", "M");
    add("business.gross", "business", b.sales.gross.ore(), "ore", "sales", "M");
    add("business.net_ex_vat", "business", b.sales.net_ex_vat.ore(), "ore", "sales", "M");
    add("business.units", "business", b.sales.units, "units", "sales", "M", "PI1263");
    add("business.average_basket_ex_vat", "business", b.average_basket.ore(), "ore", "sales", "M");
    add("business.sold_work", "business", minutes_of(b.sold_work), "minutes", "sales", "M");
    add("business.revenue_per_maker_hour", "business",
        b.revenue_per_maker_hour ? std::optional<std::int64_t>(b.revenue_per_maker_hour->ore())
                                 : std::nullopt,
        "ore", "sales", "M");
    add("business.margin_per_maker_hour", "business",
        b.margin_per_maker_hour ? std::optional<std::int64_t>(b.margin_per_maker_hour->ore())
                                : std::nullopt,
        "ore", "sales", "M");
    add("business.unsold_work", "business", minutes_of(b.unsold_work), "minutes", "stock", "M");

    const auto& c = m.completeness;
    add("completeness.units_scanned", "completeness", c.scanned, "units", "sales", "M");
    add("completeness.units_fifo", "completeness", c.fifo, "units", "sales", "M");
    add("completeness.units_unlinked", "completeness", c.none, "units", "sales", "M");
    add("completeness.units_oversold", "completeness", c.oversold, "units", "stock", "M");

    const auto& s = m.society;
    const bool small_before = s.previous_active > 0 && s.previous_active < min_group;
    add("society.reach", "society", shown_count(s.reach), "makers", "production", "M");
    add("society.reach_share", "society", group(per_mille(s.reach_share)), "permille", "production",
        "M");
    add("society.previous_active", "society", shown_count(s.previous_active), "makers",
        "production", "M");
    add("society.previous_minutes", "society",
        small_before ? std::nullopt : std::optional<std::int64_t>(s.previous_minutes), "minutes",
        "production", "M");
    // Figures that may lack a value for want of data rather than to protect a small group.
    for (auto& row : r) {
        if (row.value)
            continue;
        if (row.key == "people.retention")
            row.missing = small_before ? "suppressed" : "not_available";
        else if ((row.key.rfind("people.hours_per_maker", 0) == 0 ||
                  row.key == "people.work_reached_customers" ||
                  row.key == "business.revenue_per_maker_hour" ||
                  row.key == "business.margin_per_maker_hour") &&
                 !p.small_group)
            row.missing = "not_available";
    }
    for (const auto& e : s.estimates) {
        const std::string what = std::string(e.effect == Effect::budget ? "budget" : "societal") +
                                 (e.kind == TransitionKind::job ? "_job" : "_flex_job");
        add("estimate." + what + ".people", "estimate", e.people, "makers", "production", "S");
        add("estimate." + what + ".low", "estimate", std::llround(e.low), "kroner", "production",
            "E");
        add("estimate." + what + ".central", "estimate", std::llround(e.central), "kroner",
            "production", "E");
        add("estimate." + what + ".high", "estimate", std::llround(e.high), "kroner", "production",
            "E");
    }
    return r;
}

std::string export_csv(const PeriodMetrics& m) {
    std::string out = "\xEF\xBB\xBF"
                      "key;section;value;unit;basis;label;iris;missing;period_from;period_to\r\n";
    for (const auto& r : export_rows(m))
        out += r.key + ";" + r.section + ";" + (r.value ? std::to_string(*r.value) : "") + ";" +
               r.unit + ";" + r.basis + ";" + r.label + ";" + r.iris + ";" + r.missing + ";" +
               m.period.from + ";" + m.period.to + "\r\n";
    return out;
}

std::string export_json(const PeriodMetrics& m, const std::string& generated_at) {
    JsonArray rows;
    for (const auto& r : export_rows(m))
        rows.push_back(
            JsonObject{{"key", r.key},
                       {"section", r.section},
                       {"value", r.value ? JsonValue(*r.value) : JsonValue()},
                       {"unit", r.unit},
                       {"basis", r.basis},
                       {"label", r.label},
                       {"iris", r.iris.empty() ? JsonValue() : JsonValue(r.iris)},
                       {"missing", r.missing.empty() ? JsonValue() : JsonValue(r.missing)}});
    JsonObject scope{
        {"shop_id", m.scope.shop_id ? JsonValue(*m.scope.shop_id) : JsonValue()},
        {"workshop_id", m.scope.workshop_id ? JsonValue(*m.scope.workshop_id) : JsonValue()}};
    return JsonValue(
               JsonObject{{"method", method_version},
                          {"generated_at", generated_at},
                          {"period", JsonObject{{"from", m.period.from}, {"to", m.period.to}}},
                          {"previous_period",
                           JsonObject{{"from", m.previous.from}, {"to", m.previous.to}}},
                          {"scope", scope},
                          {"figures", rows}})
        .dump();
}

} // namespace bl::impact
