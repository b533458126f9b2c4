// GUI smoke test of the workshop program under Xvfb on a 1024 x 600 screen, driven like a
// person would with wxUIActionSimulator: log in with the PIN pad; open a maker, their consent,
// and erase another maker (the erasure checked in the database); log a batch with the quick
// form (makers picked from tiles, each maker's own time, the sums shown) and print a sheet of
// labels from position 5; log a batch with the easy-read steps; deliver units with a delivery
// note; see stock and hours and the task tags; an organiser opens the catalogue, an import's
// check and the reports. With --screenshots DIR, a picture of every screen goes there.
// Exits 0 when every step did what a person would see, else 1, naming the step.
//
// Waiting: each step waits until what a person would see has happened (up to 60 s), so a
// busy machine only makes the test slower; no check depends on how fast anything happens.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/radiobox.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include "production/ui/workshop_frame.hpp"
#include "production/wiring/store_workshop.hpp"
#include "shared/demo/demo.hpp"
#include "shared/store/people.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/wxui/wx_text.hpp"

namespace fs = std::filesystem;
using bl::production::WorkshopFrame;

namespace {

int failures = 0;
int passes = 0;
fs::path screenshots;

void check(bool ok, const char* what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    std::fflush(stdout);
    (ok ? passes : failures)++;
}

bool wait_for(const std::function<bool()>& cond, int ms = 60000) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < end) {
        wxTheApp->Yield(true);
        if (cond())
            return true;
        wxMilliSleep(20);
    }
    return cond();
}

void settle() {
    for (int i = 0; i < 10; ++i) {
        wxTheApp->Yield(true);
        wxMilliSleep(15);
    }
}

bool has_file(const fs::path& dir, const std::string& prefix) {
    if (!fs::exists(dir))
        return false;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().filename().string().rfind(prefix, 0) == 0 && e.path().extension() == ".pdf")
            return true;
    return false;
}

class SmokeApp : public wxApp {
public:
    bool OnInit() override {
        bl::wxui::use_utf8_strings();
        bl::wxui::use_language("da");
        std::random_device rd;
        m_dir = fs::temp_directory_path() / ("bundlinje-workshop-gui-" + std::to_string(rd()));
        fs::create_directories(m_dir);
        m_db = std::make_unique<bl::Database>((m_dir / "workshop.db").string());
        bl::DemoOptions o;
        o.role = bl::DemoRole::workshop;
        o.until = "2026-11-26";
        o.sales_days = 2;
        if (!bl::load_demo(*m_db, o)) {
            std::printf("FAIL demo database\n");
            return false;
        }
        m_store = std::make_unique<bl::production::StoreWorkshop>(
            *m_db, m_dir / "dokumenter", BL_SOURCE_ASSETS "/impact/coefficients.csv");
        m_frame = new WorkshopFrame("Bundlinje");
        m_workshop =
            std::make_unique<bl::production::BackOffice>(m_store->ports(), m_frame->views());
        m_frame->attach(*m_workshop);
        m_workshop->start();
        m_frame->SetPosition(wxPoint(0, 0));
        m_frame->SetSize(wxSize(1024, 600));
        m_frame->Show();
        m_frame->Raise();
        CallAfter([this] { run(); });
        return true;
    }

    int OnExit() override {
        m_workshop.reset();
        m_store.reset();
        m_db.reset();
        std::error_code ec;
        fs::remove_all(m_dir, ec);
        return wxApp::OnExit();
    }

private:
    void click(wxWindow* w) {
        if (!w) {
            check(false, "the button to click is there");
            return;
        }
        wxUIActionSimulator sim;
        const wxRect r = w->GetScreenRect();
        sim.MouseMove(r.GetPosition() + wxPoint(r.width / 2, r.height / 2));
        settle();
        sim.MouseClick();
        settle();
    }

    void type(const std::string& text, bool enter = true) {
        wxUIActionSimulator sim;
        sim.Text(text.c_str());
        if (enter)
            sim.Char(WXK_RETURN);
        settle();
    }

    void key(int code) {
        wxUIActionSimulator sim;
        sim.Char(code);
        settle();
    }

    // Pictures come from the X server itself (ImageMagick's import): what a person would see.
    void shot(const char* name) {
        if (screenshots.empty())
            return;
        for (int i = 0; i < 30; ++i) {
            wxTheApp->Yield(true);
            wxMilliSleep(20);
        }
        fs::create_directories(screenshots);
        const std::string cmd = "import -window root '" + (screenshots / name).string() + "'";
        if (std::system(cmd.c_str()) != 0)
            std::printf("FAIL screenshot %s\n", name);
    }

    std::int64_t count(const std::string& sql) { return bl::raw_sql::integer(*m_db, sql); }

    // With --screenshots, a document the program made goes along, for scripts/screenshots to
    // render.
    void keep_pdf(const std::string& prefix, const std::string& name) {
        if (screenshots.empty())
            return;
        fs::create_directories(screenshots);
        for (const auto& e : fs::recursive_directory_iterator(m_dir / "dokumenter"))
            if (e.path().filename().string().rfind(prefix, 0) == 0) {
                fs::copy_file(e.path(), screenshots / name, fs::copy_options::overwrite_existing);
                return;
            }
    }

    bool on(const char* page) {
        return wait_for([&] { return m_frame->current_page() == page; });
    }

    void log_in(const std::string& name, const std::string& pin) {
        auto& login = m_frame->screen<bl::production::LoginScreen>();
        wxButton* person = login.pad().person_button(name);
        check(person != nullptr, "the leaders and organisers are shown as buttons");
        if (!person)
            return;
        click(person);
        click(login.pad().pin_field());
        type(pin);
    }

    void run() {
        auto& f = *m_frame;
        wait_for([&] { return f.IsShownOnScreen(); });
        settle();
        check(f.current_page() == "login", "the program opens on the login screen");
        shot("workshop-login.png");
        log_in("Jonas", "2468");
        check(on("home"), "PIN 2468 logs Jonas in to the start screen");
        shot("workshop-home.png");
        makers();
        quick();
        easy();
        deliveries();
        others();
        organiser();
        finish();
    }

    void makers() {
        auto& f = *m_frame;
        auto& home = f.screen<bl::production::HomeScreen>();
        click(home.button(bl::production::Place::makers));
        check(on("makers"), "Makers shows the workshop's makers");
        auto& list = f.screen<bl::production::MakersScreen>();
        shot("workshop-makers.png");
        check(list.select("Anna"), "Anna is on the list");
        click(list.edit_button());
        check(on("maker"), "Edit opens Anna's details");
        check(f.screen<bl::production::MakerEditScreen>().name_field()->GetValue() == "Anna",
              "with the name she chose");
        shot("workshop-maker.png");
        key(WXK_ESCAPE);
        check(on("makers"), "Esc goes back to the list");
        list.select("Anna");
        click(list.consent_button());
        check(on("consent"), "Consent shows what Anna agreed to, with its history");
        shot("workshop-consent.png");
        key(WXK_ESCAPE);
        on("makers");
        const std::string tut = *bl::raw_sql::text(*m_db, "SELECT id FROM maker WHERE "
                                                          "display_name = 'Tut'");
        check(list.select("Tut"), "Tut is on the list");
        click(list.erase_button());
        check(on("erase"), "Erase asks first, saying what goes and what stays");
        shot("workshop-erase.png");
        click(f.screen<bl::production::EraseScreen>().erase_button());
        check(wait_for([&] { return bl::find_maker(*m_db, tut)->erased; }),
              "Erase for good erases Tut's personal data");
        check(count("SELECT count(*) FROM maker_private WHERE maker_id = '" + tut + "'") == 0,
              "and the private details are gone");
        shot("workshop-erased.png");
        m_workshop->access().home();
        on("home");
    }

    void quick() {
        auto& f = *m_frame;
        const std::int64_t before = count("SELECT count(*) FROM batch");
        click(f.screen<bl::production::HomeScreen>().button(bl::production::Place::quick));
        check(on("quick"), "Log a batch opens the quick form");
        auto& q = f.screen<bl::production::QuickLogScreen>();
        click(q.product_choice());
        key(WXK_ESCAPE); // the list closes; the product is chosen with the keyboard below
        q.product_choice()->SetSelection(0);
        wxCommandEvent chosen(wxEVT_CHOICE, q.product_choice()->GetId());
        q.product_choice()->GetEventHandler()->ProcessEvent(chosen);
        click(q.units_field());
        type("12", false);
        click(q.maker_tiles().tile(0));
        check(wait_for([&] { return q.read().rows.size() == 1; }), "a maker tile picks the maker");
        click(q.time_field(0));
        type("2", false);
        click(q.maker_tiles().tile(1));
        check(wait_for([&] { return q.read().rows.size() == 2; }) &&
                  q.read().rows[1].same_as_others,
              "a second maker tile picks a maker with the same time as the others");
        check(wait_for([&] { return q.sums_label().Find("4 t i alt") != wxNOT_FOUND; }),
              "the sums show each maker's own 2 hours: 4 hours in all");
        check(q.sums_label().Find("20 min pr. stk.") != wxNOT_FOUND,
              "and 20 minutes per unit (12 units)");
        shot("workshop-quick.png");
        click(q.save_button());
        check(on("labels"), "Save logs the batch and offers its labels");
        check(count("SELECT count(*) FROM batch") == before + 1, "the batch is recorded");
        auto& labels = f.screen<bl::production::LabelsScreen>();
        labels.format_choice()->SetSelection(1);
        click(labels.start_field());
        type("5", false);
        shot("workshop-labels.png");
        click(labels.make_button());
        check(wait_for([&] { return has_file(m_dir / "dokumenter", "etiketter-"); }),
              "Make the labels writes a sheet of labels as PDF");
        check(count("SELECT count(*) FROM journal WHERE kind = 'labels_printed'") == 1,
              "and the printing is journaled");
        keep_pdf("etiketter-", "labels-sheet.pdf");
        // The same labels one to a page, for a label printer.
        for (const auto& e : fs::directory_iterator(m_dir / "dokumenter"))
            fs::remove(e.path());
        labels.format_choice()->SetSelection(2);
        click(labels.copies_field());
        type("1", false);
        click(labels.make_button());
        check(wait_for([&] { return has_file(m_dir / "dokumenter", "etiketter-"); }),
              "single 50 x 30 mm labels are made too");
        keep_pdf("etiketter-", "label-50x30.pdf");
        m_workshop->access().home();
        on("home");
    }

    void easy() {
        auto& f = *m_frame;
        const std::int64_t before = count("SELECT count(*) FROM batch");
        click(f.screen<bl::production::HomeScreen>().button(bl::production::Place::easy));
        check(on("easy"), "Log together opens the easy-read steps");
        auto& e = f.screen<bl::production::EasyReadScreen>();
        shot("workshop-easy-product.png");
        check(!e.buttons().empty(), "the products are big picture buttons");
        click(e.buttons().at(0));
        check(wait_for([&] { return e.button_starting("+") != nullptr; }), "then: how many?");
        click(e.button_starting("6"));
        click(e.button_starting("+"));
        shot("workshop-easy-units.png");
        click(e.button_starting(wxString::FromUTF8("Næste")));
        check(wait_for([&] {
                  return m_workshop->state().easy.step == bl::production::EasyStep::makers;
              }),
              "then: who helped?");
        click(e.buttons().at(0));
        click(e.buttons().at(1));
        shot("workshop-easy-makers.png");
        click(e.button_starting(wxString::FromUTF8("Næste")));
        check(wait_for(
                  [&] { return m_workshop->state().easy.step == bl::production::EasyStep::time; }),
              "then: how long did each work?");
        shot("workshop-easy-time.png");
        click(e.button_starting(wxString::FromUTF8("\u25d1")));
        wait_for([&] { return m_workshop->state().easy.asking == 1; });
        click(e.button_starting(wxString::FromUTF8("\u25d5")));
        check(wait_for([&] {
                  return m_workshop->state().easy.step == bl::production::EasyStep::summary;
              }),
              "then a summary to confirm");
        shot("workshop-easy-summary.png");
        click(e.button_starting(wxString::FromUTF8("\u2714")));
        check(wait_for([&] { return count("SELECT count(*) FROM batch") == before + 1; }),
              "Yes logs the batch");
        check(count("SELECT units FROM batch ORDER BY created_at DESC, id DESC LIMIT 1") == 7,
              "with the 7 units chosen");
        m_workshop->access().home();
        on("home");
    }

    void deliveries() {
        auto& f = *m_frame;
        click(f.screen<bl::production::HomeScreen>().button(bl::production::Place::deliveries));
        check(on("deliveries"), "Deliveries shows the batches at the workshop");
        auto& d = f.screen<bl::production::DeliveriesScreen>();
        click(d.units_field());
        type("2");
        check(wait_for([&] { return m_workshop->state().delivery.size() == 1; }),
              "2 units go on the delivery");
        shot("workshop-deliveries.png");
        const std::int64_t before = count("SELECT count(*) FROM journal WHERE kind = "
                                          "'batch_delivered'");
        click(d.deliver_button());
        check(wait_for([&] { return has_file(m_dir / "dokumenter", "foelgeseddel-"); }),
              "Deliver writes the delivery note");
        check(count("SELECT count(*) FROM journal WHERE kind = 'batch_delivered'") == before + 1,
              "and the delivery is recorded");
        keep_pdf("foelgeseddel-", "delivery-note.pdf");
        m_workshop->access().home();
        on("home");
    }

    // A batch corrected after the fact, from the stock list: the quick form filled in with
    // the batch, a reason asked for, the correction saved beside the original.
    void correct() {
        auto& f = *m_frame;
        auto& stock = f.screen<bl::production::StockScreen>();
        stock.list()->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                   wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        const std::string label = bl::wxui::utf8(stock.list()->GetItemText(0, 1));
        const std::int64_t units =
            count("SELECT units FROM batch WHERE label_code = '" + label + "'");
        const std::int64_t corrections = count("SELECT count(*) FROM batch_correction");
        click(stock.correct_button());
        check(on("quick"), "Correct the batch opens the quick form");
        auto& q = f.screen<bl::production::QuickLogScreen>();
        check(!q.history_label().empty(), "for that batch, saying what happens to the original");
        check(bl::wxui::utf8(q.units_field()->GetValue()) == std::to_string(units),
              "filled in with its units");
        check(q.reason_field()->IsShownOnScreen() && !q.product_choice()->IsEnabled(),
              "asking why, with its product fixed");
        q.units_field()->SelectAll();
        click(q.units_field());
        q.units_field()->SelectAll();
        type(std::to_string(units + 1), false);
        click(q.save_button());
        check(m_frame->current_page() == "quick" &&
                  count("SELECT count(*) FROM batch_correction") == corrections,
              "without a reason nothing is saved");
        click(q.reason_field());
        type("fandt en mere i ovnen", false);
        shot("workshop-correct.png");
        click(q.save_button());
        check(on("stock"), "Save the correction goes back to stock and hours");
        check(count("SELECT units FROM batch WHERE label_code = '" + label + "'") == units + 1 &&
                  count("SELECT count(*) FROM batch_correction WHERE reason = 'fandt en mere "
                        "i ovnen'") == 1,
              "the batch is corrected and the correction kept with its reason");
    }

    void others() {
        auto& f = *m_frame;
        key(WXK_F7);
        check(on("stock"), "F7 shows stock and hours");
        shot("workshop-stock.png");
        correct();
        key(WXK_ESCAPE);
        on("home");
        click(f.screen<bl::production::HomeScreen>().button(bl::production::Place::tags));
        check(on("tags"), "Task tags shows the list");
        shot("workshop-tags.png");
        m_workshop->access().log_out();
        on("login");
    }

    void organiser() {
        auto& f = *m_frame;
        log_in("Lise", "8642");
        check(on("home"), "the organiser logs in");
        click(f.screen<bl::production::HomeScreen>().button(bl::production::Place::catalogue));
        check(on("catalogue"), "Catalogue opens for an organiser");
        shot("workshop-catalogue.png");
        m_workshop->catalogue().new_product();
        check(on("product"), "New product opens the form");
        shot("workshop-product.png");
        key(WXK_ESCAPE);
        check(on("catalogue"), "Esc goes back to the catalogue");
        const fs::path csv = m_dir / "varer.csv";
        std::ofstream(csv) << "navn;pris;kategori;værksted\nKrus, grøn;179,00;Keramik;"
                              "Keramikværkstedet\nSkål;-5;Keramik;\n";
        m_workshop->catalogue().import_file(csv.string());
        check(on("import"), "a catalogue file is checked before it is imported");
        shot("workshop-import.png");
        key(WXK_ESCAPE);
        check(on("catalogue"), "Esc leaves the import without importing");
        key(WXK_F9);
        check(on("reports"), "F9 opens the reports");
        shot("workshop-reports.png");
    }

    void finish() {
        std::printf("%d passed, %d failed\n", passes, failures);
        m_frame->Destroy();
        ExitMainLoop();
    }

    fs::path m_dir;
    std::unique_ptr<bl::Database> m_db;
    std::unique_ptr<bl::production::StoreWorkshop> m_store;
    std::unique_ptr<bl::production::BackOffice> m_workshop;
    WorkshopFrame* m_frame = nullptr;
};

} // namespace

wxIMPLEMENT_APP_NO_MAIN(SmokeApp);

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--screenshots") {
        screenshots = argv[2];
        argc = 1;
    }
    const int rc = wxEntry(argc, argv);
    return rc != 0 || failures > 0 || passes == 0 ? 1 : 0;
}
