// bundlinje-report: the impact documents from any Bundlinje database (till, workshop station,
// organiser).
//   bundlinje-report impact-report   --db FILE --from DATE --to DATE [--shop S] [--workshop W]
//                                    [--format pdf|csv|json] [--out FILE] [--coefficients FILE]
//   bundlinje-report impact-receipts --db FILE --from DATE --to DATE --out DIR [--jobs N]
//   bundlinje-report maker-statement --db FILE --maker ID --from DATE --to DATE [--out FILE]
// Messages in Danish (--lang en for English). Exit 0 when done, 1 when refused (said why).

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "receipts/app/report_data.hpp"
#include "receipts/pdf/pdf_document.hpp"
#include "shared/core/catalog.hpp"
#include "shared/impact/export.hpp"

namespace fs = std::filesystem;

namespace {

const bl::Translator* tr = nullptr;

int refuse(const bl::Message& m) {
    std::cerr << bl::render(m, tr) << "\n";
    return 1;
}

bool write_text(const std::string& path, const std::string& text) {
    const std::string part = path + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush())
            return false;
    }
    std::error_code ec;
    fs::rename(part, path, ec);
    return !ec;
}

// A progress bar on a terminal; nothing when the output goes to a file or a pipe.
class Progress {
public:
    explicit Progress(std::size_t total) : m_total(total), m_tty(isatty(STDERR_FILENO) != 0) {}
    void step() {
        const std::size_t done = ++m_done;
        if (!m_tty || (done % 25 != 0 && done != m_total))
            return;
        std::lock_guard lock(m_mutex);
        const int width = 40;
        const auto filled =
            static_cast<int>(static_cast<double>(done) /
                             static_cast<double>(std::max<std::size_t>(m_total, 1)) * width);
        std::fprintf(
            stderr, "\r[%s%s] %zu/%zu", std::string(static_cast<std::size_t>(filled), '#').c_str(),
            std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), done, m_total);
        if (done == m_total)
            std::fprintf(stderr, "\n");
    }

private:
    std::size_t m_total;
    std::atomic<std::size_t> m_done{0};
    bool m_tty;
    std::mutex m_mutex;
};

int impact_report(const std::string& db_path, const std::string& from, const std::string& to,
                  const std::string& shop, const std::string& workshop, const std::string& format,
                  std::string out, const std::string& coefficients_path) {
    auto period = bl::report::read_period(from, to);
    if (!period)
        return refuse(period.error());
    auto c = bl::impact::Coefficients::load(coefficients_path);
    if (!c)
        return refuse(bl::Message(BL_N_("The coefficient file %s cannot be used: %s"),
                                  {coefficients_path, bl::render(c.error(), tr)}));
    bl::Database db(db_path);
    auto shop_id = bl::report::find_shop_id(db, shop);
    if (!shop_id)
        return refuse(shop_id.error());
    auto workshop_id = bl::report::find_workshop_id(db, workshop);
    if (!workshop_id)
        return refuse(workshop_id.error());
    const bl::Timestamp now = bl::now_utc();
    auto data = bl::report::period_report_data(
        db, period.value(), {shop_id.value(), workshop_id.value()}, c.value(), now);
    if (!data)
        return refuse(data.error());
    if (out.empty())
        out = "effektrapport-" + from + "-" + to + "." + format;
    bool ok = true;
    if (format == "pdf") {
        if (auto problem = bl::receipts::write_pdf(bl::doc::period_report(data.value()), out))
            return refuse(*problem);
    } else {
        const std::string text =
            format == "csv" ? bl::impact::export_csv(data.value().metrics)
                            : bl::impact::export_json(data.value().metrics, bl::format_utc(now));
        if (out == "-") { // to standard output, for a pipe
            std::cout << text << (format == "json" ? "\n" : "");
            return std::cout.flush() ? 0 : 1;
        }
        ok = write_text(out, text);
    }
    if (!ok)
        return refuse(bl::Message(BL_N_("%s could not be written. Check the folder and the free "
                                        "space."),
                                  {out}));
    std::cout << out << "\n";
    return 0;
}

// One worker of impact-receipts: its own connection (SQLite's are not shared between threads);
// takes the next sale; a receipt whose PDF exists is skipped, so a stopped run goes on where it
// stopped.
void run_receipts(const std::string& db_path, const std::vector<std::string>& sales,
                  const std::string& out_dir, bl::Timestamp now, std::atomic<std::size_t>& next,
                  std::atomic<std::size_t>& written, std::atomic<std::size_t>& skipped,
                  Progress& progress, const std::function<void(const bl::Message&)>& problem) {
    bl::Database db(db_path);
    for (std::size_t i = next++; i < sales.size(); i = next++) {
        const std::string path =
            (fs::path(out_dir) / ("bag-om-tingene-" + sales[i] + ".pdf")).string();
        if (fs::exists(path)) {
            ++skipped;
            progress.step();
            continue;
        }
        auto data = bl::report::impact_receipt_data(db, sales[i], now);
        if (!data)
            problem(bl::Message(BL_N_("Sale %s was not found."), {sales[i]}));
        else if (auto p = bl::receipts::write_pdf(bl::doc::impact_receipt(*data), path))
            problem(*p);
        else
            ++written;
        progress.step();
    }
}

int impact_receipts(const std::string& db_path, const std::string& from, const std::string& to,
                    const std::string& shop, const std::string& out_dir, unsigned jobs) {
    auto period = bl::report::read_period(from, to);
    if (!period)
        return refuse(period.error());
    std::vector<std::string> sales;
    {
        bl::Database db(db_path);
        auto shop_id = bl::report::find_shop_id(db, shop);
        if (!shop_id)
            return refuse(shop_id.error());
        sales = bl::report::sales_in(db, period.value(), shop_id.value());
    }
    if (sales.empty())
        return refuse(bl::Message(BL_N_("No sale was recorded from %s to %s."), {from, to}));
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (!fs::is_directory(out_dir))
        return refuse(bl::Message(BL_N_("The folder %s could not be made."), {out_dir}));
    const bl::Timestamp now = bl::now_utc();
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> written{0}, skipped{0};
    std::mutex problem_mutex;
    std::optional<bl::Message> first_problem;
    Progress progress(sales.size());
    auto note_problem = [&](const bl::Message& m) {
        std::lock_guard lock(problem_mutex);
        if (!first_problem)
            first_problem = m;
    };
    // A store error in a worker (the file taken away mid-run) stops that worker and is told
    // once; it must not end the process from inside a thread.
    auto work = [&]() noexcept {
        try {
            run_receipts(db_path, sales, out_dir, now, next, written, skipped, progress,
                         note_problem);
        } catch (const bl::StoreError& e) {
            note_problem(e.message());
        } catch (const std::exception&) {
            note_problem(bl::Message(BL_N_("The receipts could not all be made. Run the "
                                           "command again to go on where it stopped.")));
        }
    };
    std::vector<std::thread> workers;
    for (unsigned k = 1; k < std::max(jobs, 1u); ++k)
        workers.emplace_back(work);
    work();
    for (auto& t : workers)
        t.join();
    if (first_problem)
        return refuse(*first_problem);
    std::cout << bl::render(bl::Message(BL_N_("%s impact receipts written to %s (%s were there "
                                              "already)."),
                                        {std::to_string(written.load()), out_dir,
                                         std::to_string(skipped.load())}),
                            tr)
              << "\n";
    return 0;
}

int maker_statement(const std::string& db_path, const std::string& maker, const std::string& from,
                    const std::string& to, std::string out) {
    auto period = bl::report::read_period(from, to);
    if (!period)
        return refuse(period.error());
    bl::Database db(db_path);
    auto data = bl::report::maker_statement_data(db, maker, period.value(), bl::now_utc());
    if (!data)
        return refuse(data.error());
    if (out.empty())
        out = "opgoerelse-" + maker + "-" + from + "-" + to + ".pdf";
    if (auto problem = bl::receipts::write_pdf(bl::doc::maker_statement(data.value()), out))
        return refuse(*problem);
    std::cout << out << "\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Bundlinjes effektdokumenter: effektrapport, impact-kvitteringer og "
                 "producentopgørelser fra en Bundlinje-database."};
    app.require_subcommand(1);
    std::string db, from, to, shop, workshop, format = "pdf", out, maker, lang = "da";
    std::string coefficients = BL_SOURCE_ASSETS "/impact/coefficients.csv";
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    app.add_option("--lang", lang, "Sprog for beskeder: da eller en")
        ->check(CLI::IsMember({"da", "en"}));

    auto* report = app.add_subcommand("impact-report", "Effektrapport for en periode");
    report->add_option("--db", db, "Databasefilen")->required();
    report->add_option("--from", from, "Første dag, ÅÅÅÅ-MM-DD")->required();
    report->add_option("--to", to, "Sidste dag, ÅÅÅÅ-MM-DD")->required();
    report->add_option("--shop", shop, "Kun denne butik (navn eller id)");
    report->add_option("--workshop", workshop, "Kun dette værksted (navn eller id)");
    report->add_option("--format", format, "pdf, csv eller json")
        ->check(CLI::IsMember({"pdf", "csv", "json"}));
    report->add_option("--out", out, "Filen, der skrives (- for CSV og JSON på standard-output)");
    report->add_option("--coefficients", coefficients, "Egen koefficientfil (CSV)");

    auto* receipts = app.add_subcommand("impact-receipts", "En impact-kvittering (PDF) pr. salg");
    receipts->add_option("--db", db, "Databasefilen")->required();
    receipts->add_option("--from", from, "Første dag, ÅÅÅÅ-MM-DD")->required();
    receipts->add_option("--to", to, "Sidste dag, ÅÅÅÅ-MM-DD")->required();
    receipts->add_option("--shop", shop, "Kun denne butik (navn eller id)");
    receipts->add_option("--out", out, "Mappen, kvitteringerne skrives i")->required();
    receipts->add_option("--jobs", jobs, "Antal samtidige tråde")->check(CLI::Range(1u, 64u));

    auto* statement = app.add_subcommand("maker-statement", "En producents egen opgørelse");
    statement->add_option("--db", db, "Databasefilen")->required();
    statement->add_option("--maker", maker, "Producentens id")->required();
    statement->add_option("--from", from, "Første dag, ÅÅÅÅ-MM-DD")->required();
    statement->add_option("--to", to, "Sidste dag, ÅÅÅÅ-MM-DD")->required();
    statement->add_option("--out", out, "Filen, der skrives");

    CLI11_PARSE(app, argc, argv);
    tr = bl::translator_for(lang);
    try {
        if (!fs::exists(db))
            return refuse(bl::Message(BL_N_("The database %s does not exist."), {db}));
        if (report->parsed())
            return impact_report(db, from, to, shop, workshop, format, out, coefficients);
        if (receipts->parsed())
            return impact_receipts(db, from, to, shop, out, jobs);
        return maker_statement(db, maker, from, to, out);
    } catch (const bl::StoreError& e) {
        return refuse(e.message());
    }
}
