#include "receipts/layout/production_documents.hpp"

#include "shared/impact/work.hpp"

namespace bl::doc {

namespace {

Paragraph para(std::string text, double size = 10, bool bold = false, double after = 4) {
    return Paragraph{{Run{std::move(text), Style{size, bold}}}, Align::left, 0, after};
}

std::string hours_text(std::int64_t minutes) {
    return format_work_da(minutes);
}

} // namespace

std::string consent_level_da(int level) {
    switch (level) {
    case 0:
        return "Talt med, ikke nævnt";
    case 1:
        return "Med det valgte navn";
    case 2:
        return "Med fornavn";
    default:
        return "Med fornavn og egen historie";
    }
}

Document delivery_note(const DeliveryNoteData& d) {
    Document doc;
    doc.page = a4();
    doc.title = "Følgeseddel " + d.number;
    doc.subject = "Levering fra " + d.workshop.name + " til " + d.shop.name;
    doc.author = d.workshop.name;
    doc.created = d.delivered_at;
    doc.footer = "Følgeseddel " + d.number + " · " + d.workshop.name;
    doc.blocks.push_back(para("Følgeseddel", 20, true, 2));
    doc.blocks.push_back(
        para("Nr. " + d.number + " · " + format_copenhagen(d.delivered_at), 10, false, 12));
    Table places{{{"Fra værkstedet", 1, Align::left}, {"Til butikken", 1, Align::left}},
                 {{d.workshop.name, d.shop.name},
                  {d.workshop.address, d.shop.address},
                  {"", d.shop.postcode + " " + d.shop.city},
                  {"", d.shop.cvr.empty() ? std::string() : "CVR " + d.shop.cvr}},
                 Style{10},
                 {0},
                 14};
    doc.blocks.push_back(places);
    Table t{{{"Vare", 2.7, Align::left},
             {"Parti (etiket)", 1.7, Align::left},
             {"Lavet", 1.4, Align::left},
             {"Antal", 0.8, Align::right},
             {"Stykpris", 1.5, Align::right},
             {"Værdi", 1.6, Align::right}},
            {},
            Style{9},
            {},
            10};
    std::int64_t units = 0;
    Money value;
    for (const auto& l : d.lines) {
        const Money line = l.unit_price.times(l.units);
        t.rows.push_back({l.product, l.label_code, l.produced_on, std::to_string(l.units),
                          format_dkk(l.unit_price), format_dkk(line)});
        units += l.units;
        value = value + line;
    }
    t.rows.push_back({"I alt", "", "", std::to_string(units), "", format_dkk(value)});
    t.bold_rows.push_back(t.rows.size() - 1);
    doc.blocks.push_back(t);
    doc.blocks.push_back(para("Værdien er til butikkens salgspris med moms. Hver vare bærer "
                              "partiets etiket; kassen kobler salget til partiet, når etiketten "
                              "scannes.",
                              9, false, 24));
    Table sign{{{"Afleveret af", 1, Align::left}, {"Modtaget af", 1, Align::left}},
               {{d.delivered_by, ""}, {"", ""}, {"Dato og underskrift", "Dato og underskrift"}},
               Style{10},
               {},
               8};
    doc.blocks.push_back(sign);
    return doc;
}

Document maker_data_export(const MakerDataExport& d) {
    constexpr double big = 13;
    Document doc;
    doc.page = a4();
    doc.title = "Dine data i Bundlinje";
    doc.subject = "Data om " + (d.display_name.empty() ? d.maker_id : d.display_name);
    doc.author = d.workshop;
    doc.created = d.generated_at;
    doc.footer = d.workshop + " · kun til dig · lavet " + format_copenhagen(d.generated_at);
    doc.blocks.push_back(para("Dine data i Bundlinje", 22, true, 6));
    doc.blocks.push_back(para("Her er alt, hvad " + d.workshop +
                                  " har gemt om dig i Bundlinje. Du må få en kopi, når du vil.",
                              big, false, 12));
    doc.blocks.push_back(para("Om dig", 16, true, 4));
    Table me{{{"", 1.2, Align::left}, {"", 2.8, Align::left}},
             {{"Dit nummer", d.maker_id},
              {"Dit valgte navn", d.display_name.empty() ? "(intet)" : d.display_name},
              {"Værksted", d.workshop},
              {"Aktiv", d.active ? "ja" : "nej"},
              {"Fulde navn", d.private_details.real_name},
              {"Telefon", d.private_details.phone},
              {"E-mail", d.private_details.email},
              {"Din historie", d.private_details.story}},
             Style{big - 1},
             {},
             12};
    doc.blocks.push_back(me);
    doc.blocks.push_back(para("Hvad du har sagt ja til", 16, true, 4));
    if (d.consents.empty()) {
        doc.blocks.push_back(para("Intet. Du bliver talt med, men aldrig nævnt.", big, false, 12));
    } else {
        Table c{{{"Hvor", 1.4, Align::left},
                 {"Hvad", 2.2, Align::left},
                 {"Version", 0.8, Align::right},
                 {"Hvornår", 1.5, Align::left},
                 {"Skrevet af", 1.3, Align::left}},
                {},
                Style{10},
                {},
                12};
        for (const auto& r : d.consents)
            c.rows.push_back({r.channel, consent_level_da(r.level), std::to_string(r.version),
                              format_copenhagen(r.recorded_at), r.recorded_by});
        doc.blocks.push_back(c);
    }
    doc.blocks.push_back(para("Dit arbejde", 16, true, 4));
    if (d.work.empty()) {
        doc.blocks.push_back(para("Der er ikke skrevet arbejde op med dig.", big, false, 12));
    } else {
        Table w{{{"Dag", 1.2, Align::left},
                 {"Vare", 2.8, Align::left},
                 {"Opgave", 1.3, Align::left},
                 {"Tid", 1.1, Align::right}},
                {},
                Style{10},
                {},
                12};
        std::int64_t all = 0;
        for (const auto& r : d.work) {
            w.rows.push_back({r.worked_on, r.product, r.task, hours_text(r.minutes)});
            all += r.minutes;
        }
        w.rows.push_back({"I alt", "", "", hours_text(all)});
        w.bold_rows.push_back(w.rows.size() - 1);
        doc.blocks.push_back(w);
    }
    doc.blocks.push_back(para("Det gemmer vi ikke", 16, true, 4));
    doc.blocks.push_back(para("Vi gemmer aldrig dit CPR-nummer, noget om dit helbred eller "
                              "om du får ydelser. Kassen i butikken kender ikke dit fulde navn.",
                              big, false, 10));
    doc.blocks.push_back(para("Vil du ændre noget?", 16, true, 4));
    doc.blocks.push_back(para("Sig det til din værkstedsleder. Du kan altid sige nej til at "
                              "blive nævnt, og du kan bede om at få dine data slettet. Så "
                              "slettes dit navn og dine oplysninger; dine timer bliver talt "
                              "med uden navn.",
                              big, false, 10));
    return doc;
}

} // namespace bl::doc
