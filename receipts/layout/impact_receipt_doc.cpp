#include "receipts/layout/impact_documents.hpp"
#include "shared/core/text.hpp"
#include "shared/impact/work.hpp"

namespace bl::doc {

namespace {

const char* const months[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                              "juli",   "august",  "september", "oktober", "november", "december"};

std::string join_and(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += i + 1 == parts.size() ? " og " : ", ";
        out += parts[i];
    }
    return out;
}

// The sentences both forms of the receipt print (A5 or 80 mm PDF, and the thermal printer's
// text), so that they say the same.
std::string who_made(const SaleImpact& i) {
    const std::int64_t unnamed = i.makers - static_cast<std::int64_t>(i.named.size());
    if (i.named.empty())
        return "af " + std::to_string(i.makers) + (i.makers == 1 ? " producent" : " producenter");
    return "af " + join_and(i.named) +
           (unnamed > 0 ? " + " + std::to_string(unnamed) + (unnamed == 1 ? " anden" : " andre")
                        : std::string());
}

std::string work_in(const SaleImpact& i) {
    return std::string("Arbejde i varerne: ") + (i.approximate ? "ca. " : "") +
           format_work_da(display_minutes(i.work));
}

std::string how_counted(const SaleImpact& i) {
    std::string how = "Timerne kommer fra værkstedernes egne registreringer af, hvem der "
                      "arbejdede hvor længe på hvilken produktion, delt ud på de stykker, "
                      "produktionen blev til.";
    if (i.approximate)
        how += " \"ca.\": mindst én vare blev ikke scannet fra sin produktionsetiket, så den "
               "er talt fra den ældste produktion af varen, der var på lager.";
    if (i.unlinked_units > 0)
        how += " " + std::to_string(i.unlinked_units) +
               (i.unlinked_units == 1 ? " vare" : " varer") +
               " har ingen registreret produktion og er ikke talt med.";
    return how;
}

const char* const nothing_logged =
    "For disse varer er der ikke registreret en produktion på et værksted, så vi kan ikke sige, "
    "hvem der har lavet dem, eller hvor lang tid det tog. Det skriver vi hellere end at gætte.";
const char* const names_and_money =
    "Producenter nævnes kun ved navn, hvis de selv har sagt ja til det. Alle andre bliver talt "
    "med, men ikke nævnt. Der står ingen kroner for social værdi på en enkelt kvittering: det "
    "kan ingen regne ud for ét køb.";

// Text filled into lines of at most `columns` characters.
std::vector<std::string> fill(const std::string& text, std::size_t columns) {
    struct Chars : TextMeasure {
        double width(std::string_view s, const Style&) const override {
            double n = 0;
            for (const char c : s)
                n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
            return n;
        }
    } chars;
    return wrap(text, Style{}, static_cast<double>(columns), chars);
}

} // namespace

receipts::ReceiptText impact_receipt_text(const ImpactReceiptData& d) {
    using receipts::TextLine;
    receipts::ReceiptText r;
    r.name = "bag-om-tingene-" + std::to_string(d.receipt_number);
    r.created = d.generated_at;
    auto add = [&r](std::string text, TextLine::Align a = TextLine::Align::left, bool bold = false,
                    bool large = false) {
        r.lines.push_back({std::move(text), a, bold, large});
    };
    auto paragraph = [&](const std::string& text, bool bold = false) {
        for (auto& l : fill(text, receipts::receipt_columns))
            add(std::move(l), TextLine::Align::left, bold);
    };
    const std::string rule(receipts::receipt_columns, '-');
    add("Bag om tingene", TextLine::Align::centre, true, true);
    add(d.shop.name, TextLine::Align::centre);
    add("Kvittering nr. " + std::to_string(d.receipt_number) + ", " + format_copenhagen(d.sold_at),
        TextLine::Align::centre);
    add(rule);
    for (const auto& [name, qty] : d.items)
        add(receipts::two_columns(name, std::to_string(qty)));
    add(rule);
    const SaleImpact& i = d.impact;
    if (i.empty()) {
        paragraph(nothing_logged);
    } else {
        paragraph("Lavet på " + join_and(i.workshops), true);
        paragraph(who_made(i), true);
        paragraph(work_in(i), true);
        add("");
        paragraph(how_counted(i));
    }
    add("");
    paragraph(names_and_money);
    r.qr = impact_receipt_code(d.sale_id);
    r.after_barcode.push_back({"Kontrol-id " + d.sale_id, TextLine::Align::centre});
    r.after_barcode.push_back(
        {std::string(impact::method_version) + " · tal målt (M)", TextLine::Align::centre});
    return r;
}

std::string danish_date(const std::string& iso) {
    const auto d = parse_date(iso);
    if (!d)
        return iso;
    const std::chrono::year_month_day ymd{*d};
    return std::to_string(static_cast<unsigned>(ymd.day())) + ". " +
           months[static_cast<unsigned>(ymd.month()) - 1] + " " +
           std::to_string(static_cast<int>(ymd.year()));
}

std::string impact_receipt_code(const std::string& sale_id) {
    return "BUNDLINJE-IMPACT:" + sale_id + ":" + impact::method_version;
}

Document impact_receipt(const ImpactReceiptData& d, PageSpec page) {
    Document doc;
    doc.page = page;
    doc.title = "Bag om tingene – kvittering " + std::to_string(d.receipt_number);
    doc.subject = "Impact-kvittering";
    doc.author = d.shop.name;
    doc.keywords = "Bundlinje; socialøkonomi; " + std::string(impact::method_version);
    doc.created = d.generated_at;
    doc.page_numbers = false;
    doc.footer = d.shop.name + " · " + d.shop.address + ", " + d.shop.postcode + " " + d.shop.city +
                 " · CVR " + d.shop.cvr;
    const bool small = page.width < mm(100);
    const double base = small ? 8.5 : 10.5;
    auto para = [&](std::string text, double size, bool bold = false, double after = 4,
                    double gray = 0) {
        doc.blocks.push_back(Paragraph{
            {Run{std::move(text), Style{size, bold, Face::sans, gray}}}, Align::left, 0, after});
    };

    para("Bag om tingene", base * 2.1, true, 2);
    para("Det, du har købt hos " + d.shop.name + ", kvittering nr. " +
             std::to_string(d.receipt_number) + ", " + format_copenhagen(d.sold_at) + ".",
         base, false, 8, 0.25);

    Table items{
        {{"Vare", 5, Align::left}, {"Antal", 1, Align::right}}, {}, Style{base - 1}, {}, 10};
    for (const auto& [name, qty] : d.items)
        items.rows.push_back({name, std::to_string(qty)});
    if (!items.rows.empty())
        doc.blocks.push_back(items);

    const SaleImpact& i = d.impact;
    if (i.empty()) {
        para(nothing_logged, base, false, 10);
    } else {
        para("Lavet på " + join_and(i.workshops), base * 1.35, true, 3);
        para(who_made(i), base * 1.35, true, 3);
        para(work_in(i), base * 1.35, true, 10);
        para(how_counted(i), base - 1, false, 6, 0.2);
    }
    para(names_and_money, base - 1, false, 10, 0.2);
    doc.blocks.push_back(Qr{impact_receipt_code(d.sale_id), small ? 64.0 : 80.0,
                            "Kontrol-id " + d.sale_id + " · " + impact::method_version +
                                " · tal målt (M) fra "
                                "registreringerne",
                            Align::left});
    return doc;
}

} // namespace bl::doc
