// The impact documents as a reader gets them: PDFs of the demo shop's period report, impact
// receipts and a maker's statement, read back with the tools a reader or an auditor would use
// (pdftotext, qpdf, zbarimg). The text must come out in Danish letters, the files must be
// valid, the QR code must carry the receipt's id, the same input must give the same bytes, and
// no maker may be named where they have not said yes.

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "../store/fixture.hpp"
#include "receipts/app/report_data.hpp"
#include "receipts/layout/impact_documents.hpp"
#include "receipts/layout/receipt_document.hpp"
#include "receipts/layout/numbers.hpp"
#include "receipts/pdf/pdf_document.hpp"
#include "shared/core/csv.hpp"
#include "shared/demo/demo.hpp"
#include "shared/impact/coefficients.hpp"
#include "shared/store/raw_sql.hpp"

namespace {

struct Run {
    int status = -1;
    std::string out;
};

// Runs a shell command and returns what it wrote to stdout (and to stderr, unless the tool
// chatters there about things beside the point, as zbarimg does about D-Bus).
Run run(const std::string& command, bool with_stderr = true) {
    Run r;
    FILE* p = ::popen((command + (with_stderr ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
    REQUIRE(p != nullptr);
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0)
        r.out.append(buf.data(), n);
    r.status = ::pclose(p);
    return r;
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The demo database, loaded once for the whole file, and a folder for the PDFs.
struct Demo {
    test::TempDir dir;
    bl::Database db;
    Demo() : db(dir.file("demo.db")) {
        bl::DemoOptions o;
        o.until = "2026-11-26";
        REQUIRE(bl::load_demo(db, o).ok());
    }
};

Demo& demo() {
    static Demo d;
    return d;
}

const bl::Timestamp generated = *bl::parse_utc("2026-11-27T09:00:00Z");
const bl::impact::Period autumn{"2026-09-01", "2026-11-26"};

// The demo's makers from its source file: display name and consent per channel.
struct DemoMaker {
    std::string display_name;
    int receipt = 0, report = 0;
};

std::vector<DemoMaker> demo_makers() {
    const auto rows = bl::parse_csv(read_all(BL_SOURCE_ASSETS "/demo/makers.csv"));
    REQUIRE(rows.ok());
    std::vector<DemoMaker> out;
    for (std::size_t i = 1; i < rows.value().size(); ++i) {
        const auto& f = rows.value()[i].fields;
        if (f.size() >= 6)
            out.push_back({f[1], std::stoi(f[3]), std::stoi(f[4])});
    }
    REQUIRE(out.size() >= 10);
    return out;
}

// Whether `name` stands as a word of its own in `text` (so "Tut" is not found in "Tutorial").
bool names(const std::string& text, const std::string& name) {
    for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        const auto is_letter = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
        const bool starts = at == 0 || !is_letter(static_cast<unsigned char>(text[at - 1]));
        const auto end = at + name.size();
        const bool ends = end >= text.size() || !is_letter(static_cast<unsigned char>(text[end]));
        if (starts && ends)
            return true;
    }
    return false;
}

// Words in the documents that are not names: a maker whose chosen name is also such a word
// ("Blå" is a glaze) cannot be looked for by name.
bool ordinary_word(const std::string& name, const std::string& everything_but_makers) {
    return names(everything_but_makers, name);
}

std::string pdf_text(const std::string& path) {
    const auto r = run("pdftotext -enc UTF-8 -layout '" + path + "' -");
    REQUIRE(r.status == 0);
    return r.out;
}

std::string write(const bl::doc::Document& d, const std::string& path) {
    const auto problem = bl::receipts::write_pdf(d, path);
    if (problem)
        FAIL(bl::render(*problem, nullptr));
    return path;
}

bl::doc::PeriodReportData report_data() {
    auto c = bl::impact::Coefficients::load(BL_SOURCE_ASSETS "/impact/coefficients.csv");
    REQUIRE(c.ok());
    auto d = bl::report::period_report_data(demo().db, autumn, {}, c.value(), generated);
    REQUIRE(d.ok());
    return d.value();
}

} // namespace

TEST_CASE("documents: the period report is a valid PDF whose text reads back in Danish, with "
          "the headline numbers, the labels and the appendix") {
    const auto data = report_data();
    const auto path = write(bl::doc::period_report(data), demo().dir.file("report.pdf"));

    const auto check = run("qpdf --check '" + path + "'");
    INFO(check.out);
    CHECK(check.status == 0);
    CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);

    const auto text = pdf_text(path);
    INFO(text.substr(0, 3000));
    for (const char* heading : {"Mennesker", "Forretning", "Samfund", "Omfang og metode",
                                "Det har vi ikke talt med", "Privatliv", "Bilag: koefficienter"})
        CHECK(text.find(heading) != std::string::npos);
    // Danish letters survive the trip: no replacement marks in place of æ, ø or å.
    CHECK(text.find("æ") != std::string::npos);
    CHECK(text.find("ø") != std::string::npos);
    CHECK(text.find("å") != std::string::npos);
    CHECK(text.find('?') == std::string::npos);
    // The number of active makers and the number of sales are printed as computed.
    CHECK(text.find(std::to_string(data.metrics.people.active_makers)) != std::string::npos);
    CHECK(text.find(bl::doc::format_number(
              static_cast<double>(data.metrics.business.sales.sales))) != std::string::npos);
    // Every page says where it is in the whole.
    const auto pages = run("pdfinfo '" + path + "'");
    std::smatch m;
    REQUIRE(std::regex_search(pages.out, m, std::regex("Pages:\\s+(\\d+)")));
    const int page_count = std::stoi(m[1]);
    CHECK(page_count >= 3);
    CHECK(text.find("Side " + std::to_string(page_count) + " af " + std::to_string(page_count)) !=
          std::string::npos);
}

TEST_CASE("documents: the same report made twice is the same bytes") {
    const auto data = report_data();
    const auto a = bl::receipts::pdf_bytes(bl::doc::period_report(data));
    const auto b = bl::receipts::pdf_bytes(bl::doc::period_report(data));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value().size() > 10000);
    CHECK(a.value() == b.value());
}

TEST_CASE("documents: an impact receipt's QR code carries the sale's id and the method") {
    auto& db = demo().db;
    const auto sales = bl::report::sales_in(db, autumn, std::nullopt);
    REQUIRE(sales.size() > 10);
    const auto data = bl::report::impact_receipt_data(db, sales[sales.size() / 2], generated);
    REQUIRE(data);
    const auto path = write(bl::doc::impact_receipt(*data), demo().dir.file("receipt.pdf"));
    const auto png = demo().dir.file("receipt");
    REQUIRE(run("pdftoppm -r 150 -png -singlefile '" + path + "' '" + png + "'").status == 0);
    const auto qr = run("zbarimg --quiet --raw '" + png + ".png'", false);
    INFO(qr.out);
    REQUIRE(qr.status == 0);
    CHECK(qr.out == bl::doc::impact_receipt_code(data->sale_id) + "\n");
    CHECK(qr.out.find(data->sale_id) != std::string::npos);

    // The fonts travel with the file (any reader shows the same letters), cut to the letters
    // Windows-1252 has: ten thousand receipts must not take a gigabyte.
    const auto fonts = run("pdffonts '" + path + "'");
    INFO(fonts.out);
    CHECK(fonts.out.find("DejaVuSans") != std::string::npos);
    std::istringstream font_lines(fonts.out);
    int font_count = 0;
    for (std::string l; std::getline(font_lines, l);)
        if (l.find("TrueType") != std::string::npos) {
            ++font_count;
            CHECK(std::regex_search(l, std::regex("Custom\\s+yes\\s+yes"))); // embedded, subset
        }
    CHECK(font_count == 2); // regular and bold
    CHECK(std::filesystem::file_size(path) < 40000);

    const auto text = pdf_text(path);
    CHECK(text.find("Bag om tingene") != std::string::npos);
    CHECK(text.find("kvittering nr. " + std::to_string(data->receipt_number)) != std::string::npos);
    CHECK(text.find(data->sale_id) != std::string::npos);
}

TEST_CASE("documents: the impact receipt on 80 mm paper (as a CUPS receipt printer gets it) "
          "scans and reads the same") {
    auto& db = demo().db;
    const auto sales = bl::report::sales_in(db, autumn, std::nullopt);
    REQUIRE_FALSE(sales.empty());
    const auto data = bl::report::impact_receipt_data(db, sales.back(), generated);
    REQUIRE(data);
    const auto path = write(bl::doc::receipt_document(bl::doc::impact_receipt_text(*data)),
                            demo().dir.file("impact-80mm.pdf"));
    const auto png = demo().dir.file("impact-80mm");
    REQUIRE(run("pdftoppm -r 200 -png -singlefile '" + path + "' '" + png + "'").status == 0);
    const auto qr = run("zbarimg --quiet --raw '" + png + ".png'", false);
    CHECK(qr.out == bl::doc::impact_receipt_code(data->sale_id) + "\n");
    const auto text = pdf_text(path);
    CHECK(text.find("Bag om tingene") != std::string::npos);
    CHECK(text.find("Arbejde i varerne") != std::string::npos);
    CHECK(text.find(data->sale_id) != std::string::npos);
}

TEST_CASE("documents: no impact receipt and no report names a maker who has not said yes") {
    auto& db = demo().db;
    const auto makers = demo_makers();
    // Everything the documents print that is not a maker's name: shop, workshops, products.
    std::string ordinary =
        bl::raw_sql::text(db, "SELECT group_concat(name, ' ') FROM product").value_or("") + " " +
        bl::raw_sql::text(db, "SELECT group_concat(name, ' ') FROM workshop").value_or("");

    // Every sale's receipt in the period, in one text.
    std::string receipts;
    std::set<std::string> shown;
    for (const auto& id : bl::report::sales_in(db, autumn, std::nullopt)) {
        const auto data = bl::report::impact_receipt_data(db, id, generated);
        REQUIRE(data);
        for (const auto& n : data->impact.named)
            shown.insert(n);
        for (const auto& page :
             bl::doc::lay_out(bl::doc::impact_receipt(*data), bl::receipts::pdf_measure()))
            for (const auto& item : page.items)
                if (const auto* t = std::get_if<bl::doc::PlacedText>(&item))
                    receipts += t->text + "\n";
    }
    int looked_for = 0, consented_seen = 0;
    for (const auto& m : makers) {
        if (ordinary_word(m.display_name, ordinary))
            continue;
        if (m.receipt == 0) {
            ++looked_for;
            INFO(m.display_name);
            CHECK_FALSE(names(receipts, m.display_name));
            CHECK(shown.count(m.display_name) == 0);
        } else if (names(receipts, m.display_name)) {
            ++consented_seen;
        }
    }
    CHECK(looked_for >= 5);     // the check looked for real people
    CHECK(consented_seen >= 3); // and names do reach receipts when makers said yes

    // The period report names no maker at all below consent on reports.
    const auto report = pdf_text(
        write(bl::doc::period_report(report_data()), demo().dir.file("privacy-report.pdf")));
    for (const auto& m : makers)
        if (m.report == 0 && !ordinary_word(m.display_name, ordinary)) {
            INFO(m.display_name);
            CHECK_FALSE(names(report, m.display_name));
        }
}

TEST_CASE("documents: a maker's statement shows their own hours and names nobody else") {
    auto& db = demo().db;
    const auto makers = demo_makers();
    const auto id =
        bl::raw_sql::text(db, "SELECT m.id FROM maker m JOIN contribution c ON c.maker_id = m.id "
                              "WHERE m.display_name = 'Stjernen' GROUP BY m.id");
    REQUIRE(id);
    const auto data = bl::report::maker_statement_data(db, *id, autumn, generated);
    REQUIRE(data.ok());
    const auto text =
        pdf_text(write(bl::doc::maker_statement(data.value()), demo().dir.file("statement.pdf")));
    INFO(text);
    CHECK(names(text, "Stjernen"));
    const auto minutes =
        bl::raw_sql::text(db, "SELECT sum(minutes) FROM contribution WHERE maker_id = '" + *id +
                                  "' AND worked_on BETWEEN '2026-09-01' AND '2026-11-26'");
    REQUIRE(minutes);
    CHECK(data.value().summary.minutes == std::stoll(*minutes));
    const std::string ordinary =
        bl::raw_sql::text(db, "SELECT group_concat(name, ' ') FROM product").value_or("");
    for (const auto& m : makers)
        if (m.display_name != "Stjernen" && !ordinary_word(m.display_name, ordinary)) {
            INFO(m.display_name);
            CHECK_FALSE(names(text, m.display_name));
        }
}

TEST_CASE("documents: a statement for an unknown maker is refused with a reason") {
    const auto r = bl::report::maker_statement_data(demo().db, "no-such-maker", autumn, generated);
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(bl::render(r.error(), nullptr).empty());
}

TEST_CASE("documents: a period typed backwards or as a non-date is refused") {
    CHECK_FALSE(bl::report::read_period("2026-11-30", "2026-11-01").ok());
    CHECK_FALSE(bl::report::read_period("30-11-2026", "2026-12-01").ok());
    CHECK_FALSE(bl::report::read_period("2026-02-30", "2026-03-01").ok());
    CHECK(bl::report::read_period("2026-11-01", "2026-11-01").ok());
}
