#include "receipts/app/report_data.hpp"

#include "shared/core/text.hpp"
#include "shared/impact/period.hpp"
#include "shared/store/impact_source.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/setup.hpp"

namespace bl::report {

namespace {

template <class Place>
Result<std::optional<std::string>, Message>
find_place(const std::vector<Place>& places, const std::string& typed, const char* unknown) {
    if (typed.empty())
        return std::optional<std::string>();
    const std::string folded = search_fold(typed);
    for (const auto& p : places)
        if (p.id == typed || search_fold(p.name) == folded)
            return std::optional<std::string>(p.id);
    std::string known;
    for (const auto& p : places)
        known += (known.empty() ? "" : ", ") + p.name;
    return err(Message(unknown, {typed, known}));
}

} // namespace

Result<impact::Period, Message> read_period(const std::string& from, const std::string& to) {
    const auto f = parse_date(from), t = parse_date(to);
    if (!f)
        return err(Message(BL_N_("%s is not a date. Write it as 2026-11-30."), {from}));
    if (!t)
        return err(Message(BL_N_("%s is not a date. Write it as 2026-11-30."), {to}));
    if (*f > *t)
        return err(Message(BL_N_("The period starts (%s) after it ends (%s)."), {from, to}));
    return impact::Period{from, to};
}

Result<std::optional<std::string>, Message> find_shop_id(Database& db, const std::string& typed) {
    return find_place(list_shops(db), typed,
                      BL_N_("There is no shop called %s here. The shops are: %s."));
}

Result<std::optional<std::string>, Message> find_workshop_id(Database& db,
                                                             const std::string& typed) {
    return find_place(list_workshops(db), typed,
                      BL_N_("There is no workshop called %s here. The workshops are: %s."));
}

Result<doc::PeriodReportData, Message> period_report_data(Database& db, const impact::Period& p,
                                                          const impact::Scope& scope,
                                                          const impact::Coefficients& c,
                                                          Timestamp generated_at) {
    StoreImpactSource source(db);
    doc::PeriodReportData d;
    d.metrics = impact::compute_period(source, p, scope, c);
    if (d.metrics.business.sales.sales == 0 && d.metrics.business.sales.refunds == 0 &&
        d.metrics.people.minutes == 0)
        return err(Message(BL_N_("Nothing was recorded from %s to %s: no sales and no work "
                                 "logged. Choose another period."),
                           {p.from, p.to}));
    d.coefficients = c.all();
    d.generated_at = generated_at;
    std::string shops, workshops;
    for (const auto& s : source.shops(scope))
        shops += (shops.empty() ? "" : ", ") + s.name;
    for (const auto& w : source.workshops(scope))
        workshops += (workshops.empty() ? "" : ", ") + w.name;
    d.scope_text =
        (scope.shop_id ? "Butik: " + shops : "Alle butikker: " + shops) +
        (scope.workshop_id ? "; værksted: " + workshops : "; alle værksteder: " + workshops);
    d.organisation = shops.empty() ? std::string("Bundlinje") : shops;
    return d;
}

std::vector<std::string> sales_in(Database& db, const impact::Period& p,
                                  const std::optional<std::string>& shop_id) {
    const auto [from, to] = period_bounds(p);
    return sales_between(db, from, to, shop_id);
}

std::optional<doc::ImpactReceiptData> impact_receipt_data(Database& db, const std::string& sale_id,
                                                          Timestamp generated_at) {
    auto sale = find_sale(db, sale_id);
    if (!sale)
        return std::nullopt;
    doc::ImpactReceiptData d;
    d.shop = find_shop(db, sale->shop_id).value_or(Shop{});
    d.sale_id = sale->id;
    d.receipt_number = sale->receipt_number;
    d.sold_at = sale->sold_at;
    for (const auto& l : sale->lines)
        d.items.emplace_back(l.description, l.quantity);
    d.impact = impact_of_sale(db, sale_id);
    d.generated_at = generated_at;
    return d;
}

Result<doc::MakerStatementData, Message> maker_statement_data(Database& db,
                                                              const std::string& maker_id,
                                                              const impact::Period& p,
                                                              Timestamp generated_at) {
    StoreImpactSource source(db);
    const auto profile = source.maker_profile(maker_id);
    if (!profile)
        return err(Message(BL_N_("There is no maker with the id %s here."), {maker_id}));
    if (profile->erased)
        return err(Message(BL_N_("That maker's records have been erased.")));
    doc::MakerStatementData d;
    d.display_name = profile->display_name;
    d.workshop = profile->workshop;
    d.summary = impact::maker_summary(source, maker_id, profile->workshop_id, p);
    d.receipt_level = profile->receipt_level;
    d.report_level = profile->report_level;
    d.web_level = profile->web_level;
    d.generated_at = generated_at;
    return d;
}

} // namespace bl::report
