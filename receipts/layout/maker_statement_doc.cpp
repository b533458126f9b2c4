#include "receipts/layout/impact_documents.hpp"
#include "receipts/layout/numbers.hpp"
#include "shared/impact/work.hpp"

namespace bl::doc {

namespace {

// Easy-read: short sentences, large type, one idea a line.
constexpr double big = 15;
constexpr double huge = 24;

std::string how_shown(int level, const std::string& name) {
    switch (level) {
    case 0:
        return "Dit navn står ikke. Du bliver talt med, men ikke nævnt.";
    case 1:
        return "Du står med det navn, du har valgt: " + name + ".";
    case 2:
        return "Du står med dit fornavn.";
    default:
        return "Du står med dit fornavn og din egen historie.";
    }
}

} // namespace

Document maker_statement(const MakerStatementData& d) {
    Document doc;
    doc.page = a4();
    doc.title = "Din opgørelse " + d.summary.period.from + " – " + d.summary.period.to;
    doc.subject = "Opgørelse til " + d.display_name;
    doc.author = d.workshop;
    doc.created = d.generated_at;
    doc.footer = d.workshop + " · kun til dig · " + impact::method_version;
    auto para = [&](std::string t, double size = big, bool bold = false, double after = 8) {
        Paragraph p{{Run{std::move(t), Style{size, bold}}}, Align::left, 0, after, 1.35};
        if (bold && size > big)
            p.keep_with_next = 70; // a heading stays with what it heads
        doc.blocks.push_back(std::move(p));
    };

    para("Hej " + d.display_name, huge, true, 4);
    para("Her er dine timer fra " + danish_date(d.summary.period.from) + " til " +
             danish_date(d.summary.period.to) + ".",
         big, false, 14);

    para("Dine timer", 19, true, 4);
    const double hours = static_cast<double>(d.summary.minutes) / 60.0;
    para("I alt: " + format_number(hours, hours < 100 ? 1 : 0) + " timer.", big, false, 6);
    BarChart weeks{"", "timer", {}, false, 150, 11};
    for (const auto& w : d.summary.weeks) {
        const auto day = parse_date(w.week);
        const std::string label =
            day ? std::to_string(static_cast<unsigned>(std::chrono::year_month_day{*day}.day())) +
                      "/" +
                      std::to_string(
                          static_cast<unsigned>(std::chrono::year_month_day{*day}.month()))
                : w.week;
        const double h = static_cast<double>(w.minutes) / 60.0;
        weeks.bars.push_back({label, h, w.minutes > 0 ? format_number(h, 1) : std::string()});
    }
    doc.blocks.push_back(weeks);
    para("Hver søjle er en uge. Tallet under søjlen er ugens mandag.", 11, false, 14);

    para("Det har du været med til at lave", 19, true, 4);
    if (d.summary.products.empty()) {
        para("I denne periode er der ikke registreret produktioner med dig.");
    } else {
        Table t{
            {{"Vare", 4, Align::left}, {"Lavet", 1.4, Align::right}, {"Solgt", 1.4, Align::right}},
            {},
            Style{13},
            {},
            6};
        for (const auto& p : d.summary.products)
            t.rows.push_back({p.product_name, std::to_string(p.made) + " stk.",
                              std::to_string(p.sold) + " stk."});
        doc.blocks.push_back(t);
        para("\"Lavet\" er alle stk. fra de produktioner, du var med på. \"Solgt\" er dem, en "
             "kunde har købt.",
             11, false, 14);
    }

    para("Det har du øvet", 19, true, 4);
    if (d.summary.tasks.empty()) {
        para("Der er ikke skrevet opgaver på.");
    } else {
        std::string tasks;
        for (std::size_t i = 0; i < d.summary.tasks.size(); ++i)
            tasks += (i ? ", " : "") + d.summary.tasks[i];
        para(tasks + ".");
    }

    para("Sådan står du", 19, true, 4);
    para("På kvitteringer i butikken: " + how_shown(d.receipt_level, d.display_name));
    para("I rapporter: " + how_shown(d.report_level, d.display_name));
    para("På nettet: " + how_shown(d.web_level, d.display_name));
    para("Vil du ændre det? Sig det til din værkstedsleder. Du må altid sige nej igen.", big, true,
         10);
    para("Ingen andre får denne opgørelse. Den sammenligner dig ikke med nogen.", 11, false, 4);
    return doc;
}

} // namespace bl::doc
