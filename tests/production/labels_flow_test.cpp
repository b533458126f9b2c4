// Batch labels: A4 sheets (3 x 8, 4 x 10) from any start position and single 50 x 30 mm
// labels; every barcode decodes (zbarimg) to the batch's label code, which leads back to that
// batch; printing is journaled first; bad requests are refused and print nothing.

#include "workshop_rig.hpp"

namespace {

std::string logged_batch(test::WorkshopRig& rig, const std::string& units) {
    rig.workshop.quick().save(rig.mug_form(units, {{&rig.s.anna, "2"}}));
    REQUIRE(rig.view.screen == "labels");
    return rig.view.labels.selected;
}

std::string only_pdf(const std::string& folder) {
    std::string found;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        if (e.path().extension() == ".pdf")
            found = e.path().string();
    return found;
}

int pages_of(const std::string& pdf) {
    auto text = test::pdf_text(pdf);
    return static_cast<int>(std::count(text.begin(), text.end(), '\f'));
}

} // namespace

TEST_CASE("an A4 sheet of labels starts where a half-used sheet has its first free label") {
    test::WorkshopRig rig;
    const std::string id = logged_batch(rig, "30");
    const auto batch = bl::find_batch(rig.db(), id);
    bl::production::LabelRequest r;
    r.batch_id = id;
    r.format = bl::doc::LabelFormat::a4_4x10;
    r.start = "31"; // 30 labels from position 31 of 40: 10 on the first sheet, 20 on the next
    rig.workshop.labels().make(r);
    INFO(rig.view.last_problem());
    REQUIRE(rig.view.last_news().find("The labels (30)") != std::string::npos);
    const std::string pdf = only_pdf(rig.s.documents());
    REQUIRE_FALSE(pdf.empty());
    CHECK(pages_of(pdf) == 2);
    const std::string text = test::pdf_text(pdf);
    CHECK(text.find("Krus med hank") != std::string::npos);
    CHECK(text.find("Keramikværkstedet") != std::string::npos);
    CHECK(text.find("189,00 kr.") != std::string::npos);
    // Every barcode decodes to the batch's label, which leads back to this batch.
    const auto codes = test::barcodes_in(pdf, 4, 10);
    CHECK(codes.size() == 30);
    for (const auto& c : codes) {
        CHECK(c == "CODE-128:" + batch->label_code);
        CHECK(bl::find_batch_by_label(rig.db(), c.substr(9))->id == id);
    }
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'labels_printed' AND payload LIKE "
                    "'%\"labels\":30%'") == 1);
}

TEST_CASE("3 x 8 sheets and single 50 x 30 mm labels") {
    test::WorkshopRig rig;
    const std::string id = logged_batch(rig, "3");
    bl::production::LabelRequest r;
    r.batch_id = id;
    r.format = bl::doc::LabelFormat::a4_3x8;
    rig.workshop.labels().make(r); // as many as the batch has units
    REQUIRE(rig.view.last_news().find("The labels (3)") != std::string::npos);
    std::string pdf = only_pdf(rig.s.documents());
    CHECK(pages_of(pdf) == 1);
    CHECK(test::barcodes_in(pdf, 3, 8).size() == 3);
    std::filesystem::remove(pdf);
    r.format = bl::doc::LabelFormat::single_50x30;
    r.copies = "2";
    rig.workshop.labels().make(r);
    pdf = only_pdf(rig.s.documents());
    CHECK(pages_of(pdf) == 2);
    CHECK(test::barcodes_in(pdf, 1, 1).size() == 2);
    CHECK(bl::raw_sql::text(rig.db(), "SELECT 1") == "1");
}

TEST_CASE("bad label requests are refused and print nothing") {
    test::WorkshopRig rig;
    const std::string id = logged_batch(rig, "3");
    const auto journaled = rig.count("SELECT count(*) FROM journal");
    bl::production::LabelRequest r;
    r.batch_id = id;
    r.format = bl::doc::LabelFormat::a4_3x8;
    r.start = "25";
    rig.workshop.labels().make(r);
    CHECK(rig.view.last_problem().find("a number from 1 to 24") != std::string::npos);
    r.start = "";
    r.copies = "0";
    rig.workshop.labels().make(r);
    CHECK(rig.view.last_problem().find("at least 1") != std::string::npos);
    r.copies = "5000";
    rig.workshop.labels().make(r);
    CHECK(rig.view.last_problem().find("more than 2,000") != std::string::npos);
    r.copies = "";
    r.batch_id = "no-such-batch";
    rig.workshop.labels().make(r);
    CHECK(rig.view.last_problem().find("Choose the batch") != std::string::npos);
    r.batch_id = id;
    r.print = true; // no label printer set up
    rig.workshop.labels().make(r);
    CHECK(rig.view.last_problem().find("No label printer") != std::string::npos);
    CHECK(rig.count("SELECT count(*) FROM journal") == journaled);
    CHECK_FALSE(std::filesystem::exists(rig.s.documents()));
    rig.workshop.labels().save_printer("Etiket printer; rm");
    CHECK(rig.view.last_problem().find("is not a printer name") != std::string::npos);
    rig.workshop.labels().save_printer("Etiketprinter");
    CHECK(bl::get_setting(rig.db(), "label_printer") ==
          std::optional<std::string>("Etiketprinter"));
}

TEST_CASE("label codes are unique: two batches never share a code") {
    test::WorkshopRig rig;
    const std::string a = logged_batch(rig, "2");
    const std::string b = logged_batch(rig, "2");
    CHECK(bl::find_batch(rig.db(), a)->label_code != bl::find_batch(rig.db(), b)->label_code);
    // A second batch with the first one's code cannot be stored.
    CHECK_THROWS(bl::raw_sql::execute(
        rig.db(), "UPDATE batch SET label_code = (SELECT label_code FROM batch WHERE id = '" + a +
                      "') WHERE id = '" + b + "'"));
}
