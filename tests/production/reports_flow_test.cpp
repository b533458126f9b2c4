// Reports, for organisers: bundlinje-report's documents made from the program with the same
// data functions, with a progress dialog that can be cancelled; and the privacy rule across
// every output of the program: a maker who did not agree is never named, and a withdrawal
// holds at once.

#include <fstream>

#include "shared/core/barcode.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/shifts.hpp"
#include "workshop_rig.hpp"

namespace {

// A sale at the shop's till of `units` units scanned from the batch's label.
void sell(test::WorkshopRig& rig, const std::string& batch_id, std::int64_t units) {
    const bl::Actor till{rig.s.till.id, rig.s.clerk.id};
    if (test::count(rig.db(), "SELECT count(*) FROM shift WHERE closed_at IS NULL") == 0)
        REQUIRE(bl::open_shift(rig.db(), till, bl::Money::from_kroner(500)).ok());
    bl::Sale s;
    s.lines = {test::Shop::line(rig.s.mug, units, batch_id)};
    test::Shop::pay(s, bl::Tender::card);
    auto r = bl::record_sale(rig.db(), till, s);
    if (!r)
        FAIL(bl::render(r.error()));
}

std::string logged_and_sold(test::WorkshopRig& rig) {
    rig.workshop.quick().save(rig.mug_form("6", {{&rig.s.anna, "2"}, {&rig.s.prik, "same"}}));
    REQUIRE(rig.view.screen == "labels");
    const std::string batch = rig.view.labels.selected;
    REQUIRE(bl::deliver_batch(rig.db(), rig.s.at_station(), batch, rig.s.shop.id, 6).ok());
    sell(rig, batch, 2);
    sell(rig, batch, 1);
    return batch;
}

bl::production::ReportRequest request(test::WorkshopRig& rig, bl::production::ReportKind kind) {
    bl::production::ReportRequest r;
    r.kind = kind;
    r.from = rig.view.reports.from.substr(0, 4) + "-01-01";
    r.to = bl::format_date(bl::copenhagen_day(bl::now_utc()));
    return r;
}

std::vector<std::string> pdfs_under(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    if (!std::filesystem::exists(dir))
        return out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.path().extension() == ".pdf")
            out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("the impact report is made as PDF, CSV and JSON from the program") {
    test::WorkshopRig rig("Lise");
    logged_and_sold(rig);
    rig.workshop.reports().open();
    REQUIRE(rig.view.screen == "reports");
    CHECK(rig.view.reports.workshops.size() == 2);
    CHECK(rig.view.reports.from.substr(8) == "01"); // the last full month
    rig.workshop.reports().make(request(rig, bl::production::ReportKind::impact_report));
    INFO(rig.view.last_problem());
    REQUIRE(rig.view.last_news().find("effektrapport-") != std::string::npos);
    CHECK_FALSE(rig.view.progress_open);
    CHECK(rig.view.progress_done == 2);
    const auto pdfs = pdfs_under(rig.s.documents());
    REQUIRE(pdfs.size() == 1);
    CHECK(test::pdf_text(pdfs[0]).find("Bundlinje-metode") != std::string::npos);
    rig.workshop.reports().make(request(rig, bl::production::ReportKind::impact_csv));
    CHECK(rig.view.last_news().find(".csv") != std::string::npos);
    rig.workshop.reports().make(request(rig, bl::production::ReportKind::impact_json));
    CHECK(rig.view.last_news().find(".json") != std::string::npos);

    auto bad = request(rig, bl::production::ReportKind::impact_report);
    bad.from = "2026-13-01";
    rig.workshop.reports().make(bad);
    CHECK(rig.view.last_problem().find("is not a date") != std::string::npos);
    bad.from = "2030-01-01";
    bad.to = "2029-01-01";
    rig.workshop.reports().make(bad);
    CHECK(rig.view.last_problem().find("after it ends") != std::string::npos);
}

TEST_CASE("impact receipts: a progress dialog that can be cancelled, and a run that goes on") {
    test::WorkshopRig rig("Lise");
    logged_and_sold(rig);
    sell(rig, rig.view.labels.selected, 1);
    rig.workshop.reports().open();
    rig.view.cancel_after = 1; // the person presses Cancel after the first receipt
    rig.workshop.reports().make(request(rig, bl::production::ReportKind::impact_receipts));
    CHECK(rig.view.progress_steps == 3);
    CHECK_FALSE(rig.view.progress_open);
    CHECK(rig.view.last_news().find("Stopped: 1 impact receipts") != std::string::npos);
    CHECK(pdfs_under(rig.s.documents()).size() == 1);
    rig.view.cancel_after.reset();
    rig.workshop.reports().make(request(rig, bl::production::ReportKind::impact_receipts));
    CHECK(rig.view.last_news().find("2 impact receipts written") != std::string::npos);
    CHECK(rig.view.last_news().find("(1 were there already)") != std::string::npos);
    CHECK(pdfs_under(rig.s.documents()).size() == 3);
}

TEST_CASE("a maker's statement is made for the chosen maker") {
    test::WorkshopRig rig("Lise");
    logged_and_sold(rig);
    rig.workshop.reports().open();
    auto r = request(rig, bl::production::ReportKind::maker_statement);
    rig.workshop.reports().make(r);
    CHECK(rig.view.last_problem() == "Choose the maker whose statement it is.");
    r.maker_id = rig.s.anna.id;
    rig.workshop.reports().make(r);
    REQUIRE(rig.view.last_news().find("opgoerelse-") != std::string::npos);
    const auto pdfs = pdfs_under(rig.s.documents());
    REQUIRE(pdfs.size() == 1);
    const std::string text = test::pdf_text(pdfs[0]);
    CHECK(text.find("Hej Anna") != std::string::npos);
    CHECK(text.find("Prikkeline") == std::string::npos);
}

TEST_CASE("a maker who did not agree is named in no output; a withdrawal holds at once") {
    test::WorkshopRig rig("Lise");
    const std::string batch = logged_and_sold(rig);
    // Every document and export the program makes.
    bl::production::LabelRequest labels;
    labels.batch_id = batch;
    rig.workshop.labels().make(labels);
    rig.workshop.deliveries().open();
    rig.workshop.deliveries().report_back(batch, "1", false);
    rig.workshop.deliveries().add_line(batch, "1");
    rig.workshop.deliveries().deliver();
    rig.workshop.stock().export_csv();
    rig.workshop.reports().open();
    for (auto kind :
         {bl::production::ReportKind::impact_report, bl::production::ReportKind::impact_csv,
          bl::production::ReportKind::impact_json, bl::production::ReportKind::impact_receipts})
        rig.workshop.reports().make(request(rig, kind));
    std::string everything;
    for (const auto& e : std::filesystem::recursive_directory_iterator(rig.s.documents())) {
        if (!e.is_regular_file())
            continue;
        if (e.path().extension() == ".pdf") {
            everything += test::pdf_text(e.path().string());
        } else {
            std::ifstream in(e.path());
            everything += std::string(std::istreambuf_iterator<char>(in), {});
        }
    }
    CHECK(everything.find("Prikkeline") == std::string::npos);
    CHECK(everything.find("Pernille") == std::string::npos);
    CHECK(everything.find("Anna") != std::string::npos); // she agreed, on receipts

    // Anna withdraws: the very next impact receipt counts her without her name.
    rig.workshop.makers().set_consent(rig.s.anna.id, bl::ConsentChannel::receipt, 0);
    std::filesystem::remove_all(rig.s.documents());
    rig.workshop.reports().make(request(rig, bl::production::ReportKind::impact_receipts));
    std::string receipts;
    for (const auto& pdf : pdfs_under(rig.s.documents()))
        receipts += test::pdf_text(pdf);
    CHECK_FALSE(receipts.empty());
    CHECK(receipts.find("Anna") == std::string::npos);
}

TEST_CASE("an organiser adds a product; bad input is refused and changes nothing") {
    test::WorkshopRig rig("Lise");
    auto& catalogue = rig.workshop.catalogue();
    catalogue.new_product();
    REQUIRE(rig.view.screen == "product");
    CHECK(rig.view.product_form.workshop_id == rig.s.workshop.id);
    CHECK(rig.view.product_workshops == 2);
    bl::production::ProductForm f = rig.view.product_form;
    f.name = "Krus, grøn";
    f.category = "Keramik";
    f.price = "179,00";
    f.materials = "stentøj";
    f.locally_sourced = true;
    const auto before = rig.count("SELECT count(*) FROM product");
    auto refused = [&](bl::production::ProductForm bad, const std::string& part) {
        catalogue.add_product(bad);
        INFO(rig.view.last_problem());
        CHECK(rig.view.last_problem().find(part) != std::string::npos);
        CHECK(rig.count("SELECT count(*) FROM product") == before);
    };
    auto bad = f;
    bad.price = "-5";
    refused(bad, "negative");
    bad = f;
    bad.vat = "12";
    refused(bad, "25 % or 0 %");
    bad = f;
    bad.ean = "5701234567891";
    refused(bad, "5701234567891");
    bad = f;
    bad.ean = bl::make_batch_label(107, 1);
    refused(bad, "batch label");
    bad = f;
    bad.name = "";
    refused(bad, "Name");
    catalogue.add_product(f);
    REQUIRE(rig.view.screen == "catalogue");
    CHECK(rig.view.last_news().find("Krus, grøn is added to the catalogue with the barcode 28") !=
          std::string::npos);
    CHECK(rig.count("SELECT count(*) FROM product") == before + 1);
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'product_added' AND payload LIKE "
                    "'%Krus, grøn%'") == 1);
    // A workshop leader may not.
    test::WorkshopRig leader;
    leader.workshop.catalogue().add_product(f);
    CHECK(leader.view.last_problem() == "Only an organiser can change the catalogue.");
}
