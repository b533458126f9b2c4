#include <algorithm>
#include <map>

#include "receipts/layout/impact_documents.hpp"
#include "receipts/layout/numbers.hpp"
#include "shared/impact/work.hpp"

namespace bl::doc {

using namespace impact;

namespace {

const char* basis_text(Basis b) {
    switch (b) {
    case Basis::production:
        return "Produktion";
    case Basis::sales:
        return "Salg";
    case Basis::stock:
        return "Ved periodens slut";
    }
    return "";
}

std::string kroner(Money m) {
    return format_amount(m) + " kr.";
}

std::string hours_of(const WorkMinutes& w) {
    return format_hours(static_cast<double>(w.numerator()) / static_cast<double>(w.denominator()));
}

const char* const under_five = "under 5 (vises ikke)";

class Report {
public:
    explicit Report(const PeriodReportData& d) : m_data(d), m(d.metrics) {
        m_doc.page = a4();
        m_doc.title = "Effektrapport " + d.metrics.period.from + " – " + d.metrics.period.to;
        m_doc.subject = "Socialøkonomi: mennesker, forretning og samfund";
        m_doc.author = d.organisation;
        m_doc.keywords = std::string("Bundlinje; effektmåling; ") + method_version;
        m_doc.created = d.generated_at;
        m_doc.footer = d.organisation + " · " + method_version + " · dannet " +
                       format_copenhagen(d.generated_at);
    }

    Document build() {
        summary();
        charts();
        people();
        business();
        society();
        method();
        appendix();
        return std::move(m_doc);
    }

private:
    void heading(const std::string& t, double size = 15) {
        Paragraph p{{Run{t, Style{size, true}}}, Align::left, size > 14 ? 6.0 : 4.0, 4};
        p.keep_with_next = 60; // never the last line of a page
        m_doc.blocks.push_back(std::move(p));
    }

    // A count of people: groups of 1 to 4 are not shown.
    static std::string count_text(std::int64_t n) {
        const auto shown = shown_count(n);
        return shown ? format_number(static_cast<double>(*shown)) : std::string(under_five);
    }
    // A figure about all the active makers, not shown for so small a group.
    std::string group_text(const std::string& value) const {
        return m.people.small_group ? std::string(under_five) : value;
    }
    void text(const std::string& t, double size = 9.5, double gray = 0) {
        m_doc.blocks.push_back(
            Paragraph{{Run{t, Style{size, false, Face::sans, gray}}}, Align::left, 0, 5});
    }
    void bullet(const std::string& t) {
        m_doc.blocks.push_back(Paragraph{{Run{"•  " + t, Style{9.5}}}, Align::left, 0, 2, 1.25, 8});
    }

    // A table of figures: what, value, basis, label.
    struct Row {
        std::string what, value;
        Basis basis;
        Label label;
    };
    void figures(const std::vector<Row>& rows) {
        Table t{{{"Mål", 5.2, Align::left},
                 {"Værdi", 2.6, Align::right},
                 {"Tidsgrundlag", 2.2, Align::left},
                 {"Type", 0.8, Align::centre}},
                {},
                Style{9},
                {},
                10};
        for (const auto& r : rows)
            t.rows.push_back({r.what, r.value, basis_text(r.basis), label_code(r.label)});
        m_doc.blocks.push_back(std::move(t));
    }

    std::string period_text() const {
        return danish_date(m.period.from) + " – " + danish_date(m.period.to);
    }

    std::string transitions_text() const {
        const auto& p = m.people;
        return count_text(p.transitions_job + p.transitions_flex_job + p.transitions_education);
    }

    void summary() {
        m_doc.blocks.push_back(
            Paragraph{{Run{"Effektrapport", Style{24, true}}}, Align::left, 0, 2});
        m_doc.blocks.push_back(
            Paragraph{{Run{period_text(), Style{13, false, Face::sans, 0.2}}}, Align::left, 0, 2});
        text(m_data.scope_text + ". Mennesker, forretning og samfund: de tre bundlinjer i "
                                 "Kolding Kommunes politik Socialøkonomi er totaløkonomi.",
             9.5, 0.25);
        text("Målte tal (M) står først og kommer direkte fra registreringerne. Tal registreret "
             "af personalet med producentens samtykke er mærket S. Skøn (E) findes kun for "
             "dokumenterede overgange til job og fleksjob og vises altid som et spænd.",
             9, 0.25);
        heading("Mennesker", 13);
        const auto& p = m.people;
        figures({{"Aktive producenter (mindst 1 time i perioden)", count_text(p.active_makers),
                  Basis::production, Label::measured},
                 {"Timer arbejdet", group_text(format_hours(static_cast<double>(p.minutes))),
                  Basis::production, Label::measured},
                 {"Svarer til årsværk", group_text(format_number(p.fte, 2)), Basis::production,
                  Label::measured},
                 {"Dokumenterede overgange til job, fleksjob eller uddannelse", transitions_text(),
                  Basis::production, Label::self_reported}});
        heading("Forretning", 13);
        const auto& b = m.business;
        std::vector<Row> rows = {
            {"Omsætning uden moms, returneringer trukket fra", kroner(b.sales.net_ex_vat),
             Basis::sales, Label::measured},
            {"Solgte stk. (netto)", format_number(static_cast<double>(b.sales.units)), Basis::sales,
             Label::measured},
            {"Timer i de solgte varer", hours_of(b.sold_work), Basis::sales, Label::measured}};
        if (b.revenue_per_maker_hour)
            rows.push_back({"Omsætning pr. producenttime", kroner(*b.revenue_per_maker_hour),
                            Basis::sales, Label::measured});
        figures(rows);
        heading("Samfund", 13);
        figures({{"Rækkevidde: aktive producenter af målgruppen",
                  group_text(count_text(m.society.reach) + " (" +
                             format_percent(m.society.reach_share, 1) + ")"),
                  Basis::production, Label::measured},
                 {"Skønnet samfundsøkonomisk gevinst", estimate_range(Effect::societal_gain),
                  Basis::production, Label::estimated},
                 {"Skønnet offentlig budgetvirkning", estimate_range(Effect::budget),
                  Basis::production, Label::estimated}});
        text("Budgetvirkning og samfundsøkonomisk gevinst er to forskellige måder at se på den "
             "samme effekt og lægges aldrig sammen. Timer på værkstedet omregnes aldrig til "
             "kroner.",
             8.5, 0.3);
    }

    std::string estimate_range(Effect e) const {
        double low = 0, central = 0, high = 0;
        bool any = false;
        for (const auto& x : m.society.estimates)
            if (x.effect == e) {
                low += x.low;
                central += x.central;
                high += x.high;
                any = true;
            }
        if (!any)
            return "ikke skønnet";
        return format_number(low) + " – " + format_number(high) + " kr. (midt " +
               format_number(central) + ")";
    }

    void charts() {
        m_doc.blocks.push_back(PageBreak{});
        heading("Udviklingen i perioden");
        BarChart hours{"Timer arbejdet pr. uge (produktion, M)", "timer", {}, false, 120};
        BarChart revenue{"Omsætning uden moms pr. uge (salg, M)", "kr.", {}, false, 110};
        for (const auto& w : m.weeks) {
            const auto d = parse_date(w.week);
            const std::string label =
                d ? std::to_string(static_cast<unsigned>(std::chrono::year_month_day{*d}.day())) +
                        "/" +
                        std::to_string(
                            static_cast<unsigned>(std::chrono::year_month_day{*d}.month()))
                  : w.week;
            hours.bars.push_back({label, static_cast<double>(w.minutes) / 60.0,
                                  format_number(static_cast<double>(w.minutes) / 60.0)});
            revenue.bars.push_back({label, static_cast<double>(w.revenue.ore()) / 100.0,
                                    format_number(static_cast<double>(w.revenue.ore()) / 100.0)});
        }
        m_doc.blocks.push_back(hours);
        text("Ugerne er navngivet efter deres mandag (dag/måned).", 7.5, 0.35);
        m_doc.blocks.push_back(revenue);

        BarChart workshops{"Timer pr. værksted (produktion, M)", "timer", {}, true, 0};
        ScatterChart money{"Omsætning mod timer pr. værksted",
                           "timer arbejdet (produktion)",
                           "kr. uden moms (salg)",
                           {},
                           130};
        for (const auto& w : m.workshops) {
            const double h = static_cast<double>(w.minutes) / 60.0;
            if (!w.makers && w.minutes == 0) {
                workshops.bars.push_back({w.name, 0, "under 5 producenter: vises ikke"});
                continue;
            }
            const std::string makers =
                w.makers ? std::to_string(*w.makers) + " aktive" : "under 5 aktive";
            workshops.bars.push_back({w.name, h, format_number(h) + " t · " + makers});
            money.points.push_back({h, static_cast<double>(w.revenue.ore()) / 100.0, w.name});
        }
        m_doc.blocks.push_back(Spacer{6});
        m_doc.blocks.push_back(workshops);
        m_doc.blocks.push_back(Spacer{6});
        m_doc.blocks.push_back(money);

        // Sell-through per product: produced by the end of the period, and sold of it.
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_product;
        for (const auto& s : m.business.sell_through) {
            by_product[s.product_name].first += s.produced;
            by_product[s.product_name].second += std::min(s.sold, s.produced);
        }
        // The twelve products made in the largest numbers, most sold first: a product made
        // twice and sold twice says little next to one made a hundred times.
        struct Share {
            std::string name;
            std::int64_t produced, sold;
        };
        std::vector<Share> shares;
        for (const auto& [name, ps] : by_product)
            if (ps.first > 0)
                shares.push_back({name, ps.first, ps.second});
        std::stable_sort(shares.begin(), shares.end(),
                         [](const Share& a, const Share& b) { return a.produced > b.produced; });
        if (shares.size() > 12)
            shares.resize(12);
        const auto share = [](const Share& s) {
            return static_cast<double>(s.sold) / static_cast<double>(s.produced);
        };
        std::stable_sort(shares.begin(), shares.end(),
                         [&](const Share& a, const Share& b) { return share(a) > share(b); });
        BarChart sell{"Solgt af det producerede ved periodens slut: de 12 varer, der er lavet "
                      "flest af (M)",
                      "% solgt",
                      {},
                      true,
                      0};
        for (const auto& s : shares)
            sell.bars.push_back({s.name, share(s) * 100,
                                 format_percent(share(s)) + " (" + std::to_string(s.sold) + " af " +
                                     std::to_string(s.produced) + " stk.)"});
        m_doc.blocks.push_back(PageBreak{});
        m_doc.blocks.push_back(sell);
    }

    void people() {
        heading("Mennesker");
        const auto& p = m.people;
        std::vector<Row> rows = {
            {"Producenter med registreret arbejde", count_text(p.makers_with_work),
             Basis::production, Label::measured},
            {"Aktive producenter (mindst 1 time)", count_text(p.active_makers), Basis::production,
             Label::measured},
            {"Timer arbejdet", group_text(format_hours(static_cast<double>(p.minutes))),
             Basis::production, Label::measured},
            {"Årsværk (timer / " + format_number(coefficient("fte_hours")) + ")",
             group_text(format_number(p.fte, 2)), Basis::production, Label::measured}};
        rows.push_back({"Timer pr. aktiv producent: median (kvartiler)",
                        p.hours_per_maker ? format_number(p.hours_per_maker->median, 1) + " (" +
                                                format_number(p.hours_per_maker->q1, 1) + " – " +
                                                format_number(p.hours_per_maker->q3, 1) + ")"
                                          : std::string(under_five),
                        Basis::production, Label::measured});
        rows.push_back({"Fastholdelse: aktive i forrige periode, der også er aktive nu",
                        p.retention ? format_percent(*p.retention) : std::string(under_five),
                        Basis::production, Label::measured});
        rows.push_back({"Forskellige arbejdsopgaver øvet (gns. pr. aktiv producent)",
                        group_text(format_number(static_cast<double>(p.task_tags)) + " (" +
                                   format_number(p.tasks_per_maker, 1) + ")"),
                        Basis::production, Label::measured});
        rows.push_back({"Andel af producenternes arbejde, der er solgt til kunder",
                        p.work_reached_customers
                            ? group_text(format_percent(*p.work_reached_customers))
                            : std::string("–"),
                        Basis::stock, Label::measured});
        rows.push_back({"Aktive i begge perioder med flere timer om ugen nu",
                        p.makers_grew ? format_number(static_cast<double>(*p.makers_grew))
                                      : std::string(under_five),
                        Basis::production, Label::measured});
        rows.push_back({"Overgange til job", count_text(p.transitions_job), Basis::production,
                        Label::self_reported});
        rows.push_back({"Overgange til fleksjob", count_text(p.transitions_flex_job),
                        Basis::production, Label::self_reported});
        rows.push_back({"Overgange til uddannelse", count_text(p.transitions_education),
                        Basis::production, Label::self_reported});
        figures(rows);
        text("Hver producents timer er deres egne: intet ganges med antallet af deltagere. "
             "Forrige periode er " +
                 danish_date(m.previous.from) + " – " + danish_date(m.previous.to) +
                 ". Grupper på 1 til 4 personer vises ikke.",
             8.5, 0.3);
    }

    void business() {
        heading("Forretning");
        const auto& b = m.business;
        std::vector<Row> rows = {
            {"Kvitteringer med salg", format_number(static_cast<double>(b.sales.sales)),
             Basis::sales, Label::measured},
            {"Returneringer", format_number(static_cast<double>(b.sales.refunds)), Basis::sales,
             Label::measured},
            {"Omsætning med moms (netto)", kroner(b.sales.gross), Basis::sales, Label::measured},
            {"Omsætning uden moms (netto)", kroner(b.sales.net_ex_vat), Basis::sales,
             Label::measured},
            {"Gennemsnitligt køb uden moms", kroner(b.average_basket), Basis::sales,
             Label::measured},
            {"Solgte stk. (netto)", format_number(static_cast<double>(b.sales.units)), Basis::sales,
             Label::measured},
            {"Timer i de solgte varer", hours_of(b.sold_work), Basis::sales, Label::measured},
            {"Omsætning pr. producenttime",
             b.revenue_per_maker_hour ? kroner(*b.revenue_per_maker_hour) : std::string("–"),
             Basis::sales, Label::measured},
            {"Dækningsbidrag pr. producenttime",
             b.margin_per_maker_hour ? kroner(*b.margin_per_maker_hour)
                                     : std::string("mangler materialepriser"),
             Basis::sales, Label::measured},
            {"Timer i varer, der endnu ikke er solgt", hours_of(b.unsold_work), Basis::stock,
             Label::measured}};
        figures(rows);
        heading("Datakvalitet", 11);
        const auto& c = m.completeness;
        const double all = static_cast<double>(c.scanned + c.fifo + c.none);
        auto share = [&](std::int64_t v) {
            return all > 0 ? format_percent(static_cast<double>(v) / all) : std::string("–");
        };
        Table t{{{"Solgte stk., bundet til en produktion", 5, Align::left},
                 {"Stk.", 1.5, Align::right},
                 {"Andel", 1.5, Align::right}},
                {{"scannet fra produktionsetiketten", format_number(static_cast<double>(c.scanned)),
                  share(c.scanned)},
                 {"fordelt på den ældste produktion på lager",
                  format_number(static_cast<double>(c.fifo)), share(c.fifo)},
                 {"uden registreret produktion", format_number(static_cast<double>(c.none)),
                  share(c.none)}},
                Style{9},
                {},
                6};
        m_doc.blocks.push_back(t);
        if (c.oversold > 0)
            text(format_number(static_cast<double>(c.oversold)) +
                     " stk. er solgt fra produktioner ud over det antal, der blev registreret. "
                     "Antallet på produktionerne bør rettes.",
                 9, 0);
    }

    void society() {
        heading("Samfund");
        const auto& s = m.society;
        const double change = s.previous_active > 0
                                  ? static_cast<double>(s.reach - s.previous_active) /
                                        static_cast<double>(s.previous_active)
                                  : 0;
        const bool small_before = s.previous_active > 0 && s.previous_active < min_group;
        figures({{"Aktive producenter af målgruppen på " +
                      format_number(coefficient("target_population")) + " borgere",
                  group_text(count_text(s.reach) + " (" + format_percent(s.reach_share, 1) + ")"),
                  Basis::production, Label::measured},
                 {"Aktive producenter i forrige periode", count_text(s.previous_active),
                  Basis::production, Label::measured},
                 {"Ændring i aktive producenter",
                  s.previous_active >= min_group && !m.people.small_group
                      ? (change > 0 ? "+" : "") + format_percent(change)
                      : std::string("–"),
                  Basis::production, Label::measured},
                 {"Timer i forrige periode",
                  small_before ? std::string(under_five)
                               : format_hours(static_cast<double>(s.previous_minutes)),
                  Basis::production, Label::measured}});
        heading("Skøn for dokumenterede overgange", 11);
        if (s.estimates.empty()) {
            text("Der er ikke dokumenteret mindst 5 overgange af samme slags (job eller "
                 "fleksjob) i perioden. Så små grupper vises ikke, og der skønnes ikke over dem.",
                 9.5);
            return;
        }
        Table t{{{"Skøn (E)", 4.2, Align::left},
                 {"Personer", 1.2, Align::right},
                 {"Lav", 1.6, Align::right},
                 {"Midt", 1.6, Align::right},
                 {"Høj", 1.6, Align::right}},
                {},
                Style{9},
                {},
                6};
        for (const auto& e : s.estimates) {
            std::string what = e.effect == Effect::budget ? "Offentlig budgetvirkning"
                                                          : "Samfundsøkonomisk gevinst";
            what += e.kind == TransitionKind::job ? ", job" : ", fleksjob";
            t.rows.push_back({what, std::to_string(e.people), format_number(e.low) + " kr.",
                              format_number(e.central) + " kr.", format_number(e.high) + " kr."});
        }
        m_doc.blocks.push_back(t);
        text("Hvert skøn er: antal personer × koefficient × (1 − dødvægt) × (1 − andres andel) × "
             "(1 − fortrængning) × tidshorisont i år for årlige værdier. Lav bruger den lave "
             "koefficient og de høje fradrag, høj det modsatte. Afrundet til to betydende "
             "cifre. Budgetvirkning og samfundsøkonomisk gevinst lægges aldrig sammen.",
             8.5, 0.3);
    }

    void method() {
        m_doc.blocks.push_back(PageBreak{});
        heading("Omfang og metode");
        text("Omfang: " + m_data.scope_text + ". Periode: " + period_text() + ". Dannet " +
             format_copenhagen(m_data.generated_at) + " af Bundlinje med " + method_version +
             "; alle registreringer frem til da er med.");
        bullet("Timer (produktion): hver producents egne registrerede minutter på en "
               "produktion, efter den dag arbejdet blev udført.");
        bullet("Salg: kvitteringer efter salgstidspunktet i dansk tid; returneringer trækkes "
               "fra, og deres stk. og timer går tilbage til de produktioner, de kom fra. "
               "Øvelseskvitteringer tæller ikke.");
        bullet("Timer i solgte varer: hvert solgt stk. bærer sin produktions minutter delt med "
               "produktionens antal stk. Et stk., der ikke blev scannet fra sin etiket, er talt "
               "fra den ældste produktion af varen på lager.");
        bullet("Grupper med færre end 5 personer vises ikke i denne rapport.");
        bullet("Skøn (E) laves kun for dokumenterede overgange til job og fleksjob, med "
               "koefficienterne i bilaget, og altid som lav – midt – høj.");
        heading("Det har vi ikke talt med", 11);
        bullet("Værdien af trivsel, fællesskab og selvværd for den enkelte: den måles ikke her.");
        bullet("Timer på værkstedet omregnes ikke til kroner for det offentlige.");
        bullet("Overgange til uddannelse tælles, men der skønnes ikke over dem (ingen "
               "koefficient).");
        bullet("Varer uden registreret produktion bærer ingen timer.");
        bullet("Effekter ud over tidshorisonten i bilaget.");
        heading("Privatliv", 11);
        text("Producenter optræder i data kun med et pseudonymt id. Ingen navne står i denne "
             "rapport; navne bruges kun på kvitteringer og kun med producentens eget samtykke. "
             "Der registreres aldrig CPR-nummer, diagnoser eller ydelser. Grupper med færre end "
             "5 personer vises ikke, så ingen kan genkendes.");
    }

    void appendix() {
        heading("Bilag: koefficienter", 13);
        Table t{{{"Koefficient", 3.2, Align::left},
                 {"Midt", 1.2, Align::right},
                 {"Spænd", 2.1, Align::right},
                 {"Enhed", 1.3, Align::left},
                 {"Kilde, år, evidens", 3.4, Align::left}},
                {},
                Style{8},
                {},
                6};
        for (const auto& c : m_data.coefficients)
            t.rows.push_back({c.label, format_number(c.central),
                              format_number(c.low) + " – " + format_number(c.high), c.unit,
                              c.source + ", " + c.year + ". " + c.grade});
        m_doc.blocks.push_back(t);
        text("Koefficienterne kan erstattes af organisationens egne; rapporten viser altid dem, "
             "den er regnet med.",
             8.5, 0.3);
    }

    double coefficient(const std::string& key) const {
        for (const auto& c : m_data.coefficients)
            if (c.key == key)
                return c.central;
        return 0;
    }

    const PeriodReportData& m_data;
    const PeriodMetrics& m;
    Document m_doc;
};

} // namespace

Document period_report(const PeriodReportData& d) {
    return Report(d).build();
}

} // namespace bl::doc
