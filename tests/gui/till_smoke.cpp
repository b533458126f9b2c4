// GUI smoke test of the till under Xvfb, driven like a person would with
// wxUIActionSimulator: log in with the PIN pad, count the float, scan two items, pay cash
// with a quick-amount button, see the change; then an organiser refunds one item by
// scanning the receipt's barcode and closes the day with a Z report. Exits 0 when every step did
// what a person would see, else 1, naming the step.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/textctrl.h>
#include <wx/translation.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include "pos/ui/till_frame.hpp"
#include "pos/wiring/store_adapter.hpp"
#include "shared/core/catalog.hpp"
#include "shared/demo/demo.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/production.hpp"
#include "shared/store/raw_sql.hpp"

namespace fs = std::filesystem;

namespace {

int failures = 0;
int passes = 0;
fs::path screenshots; // set by --screenshots DIR: pictures of the main screens

void check(bool ok, const char* what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    (ok ? passes : failures)++;
}

bool wait_for(const std::function<bool()>& cond, int ms = 5000) {
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

class SmokeApp : public wxApp {
public:
    bool OnInit() override {
        bl::pos::use_utf8_strings();
        bl::pos::use_language("da");
        std::random_device rd;
        m_dir = fs::temp_directory_path() / ("bundlinje-gui-" + std::to_string(rd()));
        fs::create_directories(m_dir);
        m_db = std::make_unique<bl::Database>((m_dir / "till.db").string());
        bl::DemoOptions o;
        o.until = "2026-11-26";
        o.sales_days = 2;
        if (!bl::load_demo(*m_db, o)) {
            std::printf("FAIL demo database\n");
            return false;
        }
        m_store = std::make_unique<bl::pos::StoreTill>(*m_db);
        m_sink = std::make_unique<bl::pos::PrinterSink>(std::nullopt, m_dir / "receipts");
        m_frame = new bl::pos::TillFrame("Bundlinje");
        m_presenter = std::make_unique<bl::pos::TillPresenter>(*m_store, *m_frame, *m_sink);
        m_frame->attach(*m_presenter);
        m_presenter->start();
        m_frame->SetPosition(wxPoint(0, 0));
        m_frame->Show();
        m_frame->Raise();
        CallAfter([this] { run(); });
        return true;
    }

    int OnExit() override {
        m_presenter.reset();
        m_sink.reset();
        m_store.reset();
        m_db.reset();
        std::error_code ec;
        fs::remove_all(m_dir, ec);
        return wxApp::OnExit();
    }

private:
    void click(wxWindow* w) {
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

    // Pictures come from the X server itself (ImageMagick's import), which shows exactly
    // what a person would see on the screen.
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

    std::int64_t count(const char* sql) { return bl::raw_sql::integer(*m_db, sql); }

    void run() {
        auto& f = *m_frame;
        wait_for([&] { return f.IsShownOnScreen(); });
        settle();

        check(f.current_page() == "login", "the till opens on the login screen");
        wxButton* mette = f.staff_button("Mette");
        check(mette != nullptr, "staff names are shown as buttons");
        if (!mette)
            return finish();
        click(mette);
        click(f.pin_field());
        type("1357");
        check(wait_for([&] { return f.current_page() == "open_shift"; }),
              "PIN 1357 logs Mette in and asks for the float");

        click(f.float_field());
        type("1000");
        check(wait_for([&] { return f.current_page() == "sale"; }),
              "counting the float opens the sale screen");

        // Two items from the catalogue that have stock.
        std::vector<std::string> codes;
        for (const auto& p : bl::list_products(*m_db))
            if (p.workshop_id && !bl::open_batches(*m_db, p.id).empty() && codes.size() < 2)
                codes.push_back(p.barcode);
        click(f.scan_field());
        type(codes.at(0));
        type(codes.at(1));
        check(wait_for([&] { return m_presenter->cart().lines().size() == 2; }),
              "two scanned items are in the cart");
        type("5701234567899");
        check(wait_for([&] { return f.problem_text().find("5701234567899") != std::string::npos; }),
              "an unknown barcode is explained on screen");
        check(m_presenter->cart().lines().size() == 2, "and it does not change the cart");
        shot("sale-screen.png");
        click(f.park_button());
        check(wait_for([&] { return m_presenter->cart().empty(); }),
              "Park sale puts the cart aside");
        click(f.resume_button());
        check(wait_for([&] { return m_presenter->cart().lines().size() == 2; }),
              "Resume parked brings it back");

        const std::int64_t sales_before = count("SELECT count(*) FROM sale");
        click(f.pay_button());
        check(wait_for([&] { return f.current_page() == "payment"; }),
              "Pay opens the payment screen");
        shot("payment.png");
        wxButton* quick = f.quick_cash_button(1);
        check(quick != nullptr, "quick cash amounts are offered");
        if (!quick)
            return finish();
        click(quick);
        check(wait_for([&] { return f.current_page() == "done"; }),
              "a quick cash amount pays and shows the change");
        check(count("SELECT count(*) FROM sale") == sales_before + 1, "the sale is committed");
        check(fs::exists(m_dir / "receipts") && !fs::is_empty(m_dir / "receipts"),
              "a receipt is produced");
        shot("change.png");
        // The next customer's first item scanned straight away on the change screen starts
        // the next sale with it; no keystroke is lost.
        type(codes.at(0));
        check(wait_for([&] { return f.current_page() == "sale"; }) &&
                  wait_for([&] { return m_presenter->cart().lines().size() == 1; }),
              "scanning on the change screen starts the next sale with that item");
        m_presenter->remove(0);
        // A copy of the receipt just printed: the lookup suggests it, Enter prints it.
        click(f.copy_button());
        check(wait_for([&] { return f.current_page() == "refund_lookup"; }) &&
                  !f.receipt_field()->GetValue().empty(),
              "Receipt copy asks which receipt and suggests the last one");
        type("");
        check(
            wait_for([&] { return f.current_page() == "sale"; }) &&
                [&] {
                    for (const auto& e : fs::directory_iterator(m_dir / "receipts"))
                        if (e.path().filename().string().find("-kopi") != std::string::npos)
                            return true;
                    return false;
                }(),
            "Enter prints the copy, kept as a -kopi file");

        // An organiser closes the day.
        m_presenter->log_out();
        wait_for([&] { return f.current_page() == "login"; });
        click(f.staff_button("Lise"));
        click(f.pin_field());
        type("8642");
        check(wait_for([&] { return f.current_page() == "sale"; }),
              "the organiser logs in to the open shift");
        // The X report at any time.
        m_presenter->x_report();
        check(wait_for([&] { return f.current_page() == "x"; }), "X report shows the day so far");
        m_presenter->next_sale();
        wait_for([&] { return f.current_page() == "sale"; });

        // Refund one item of the sale just made.
        const std::int64_t number = count("SELECT max(receipt_number) FROM sale");
        click(f.refund_button());
        check(wait_for([&] { return f.current_page() == "refund_lookup"; }),
              "Refund asks for the receipt");
        click(f.receipt_field());
        type("R1-" + std::to_string(number));
        check(wait_for([&] { return f.current_page() == "refund"; }),
              "the scanned receipt barcode finds the receipt");
        click(f.refund_more_button());
        click(f.refund_cash_button());
        check(wait_for([&] { return f.current_page() == "done"; }),
              "paying back in cash completes the refund");
        check(count("SELECT count(*) FROM sale WHERE refund_of IS NOT NULL") == 1,
              "the refund is committed and references the original");
        click(f.next_button());
        check(wait_for([&] { return f.current_page() == "sale"; }) && m_presenter->cart().empty(),
              "Next customer returns to an empty sale");
        click(f.close_day_button());
        check(wait_for([&] { return f.current_page() == "close"; }),
              "Close the day shows the Z figures");
        shot("z-report.png");
        click(f.counted_field());
        type("1400");
        check(wait_for([&] { return f.current_page() == "login"; }),
              "counting the cash closes the day and logs out");
        check(count("SELECT count(*) FROM shift WHERE closed_at IS NULL") == 0,
              "the shift is closed with a Z number");
        finish();
    }

    void finish() {
        std::printf("%d passed, %d failed\n", passes, failures);
        m_frame->Destroy();
        ExitMainLoop();
    }

    fs::path m_dir;
    std::unique_ptr<bl::Database> m_db;
    std::unique_ptr<bl::pos::StoreTill> m_store;
    std::unique_ptr<bl::pos::PrinterSink> m_sink;
    std::unique_ptr<bl::pos::TillPresenter> m_presenter;
    bl::pos::TillFrame* m_frame = nullptr;
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
