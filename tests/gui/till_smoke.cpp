// GUI smoke test of the till under Xvfb, driven like a person would with
// wxUIActionSimulator: log in with the PIN pad, count the float, scan two items, pay cash
// with a quick-amount button, see the change; an organiser changes the receipt's last line
// in Settings and saves; a card part payment survives a restart of the till (and the cart
// cannot then be shrunk below it); then the organiser refunds one item by scanning the
// receipt's barcode and closes the day with a Z report. Exits 0 when every step did what a
// person would see, else 1, naming the step.
//
// Waiting: the simulator's events go through the X server, so each step waits until what a
// person would see has happened. The wait is long (60 s) so that a busy machine only makes
// the test slower; no check depends on how fast anything happens.

#include <algorithm>
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
#include "pos/wiring/printer_sink.hpp"
#include "pos/wiring/store_till.hpp"
#include "shared/core/catalog.hpp"
#include "shared/demo/demo.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/production.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/store/setup.hpp"
#include "shared/wxui/wx_text.hpp"

namespace fs = std::filesystem;

namespace {

int failures = 0;
int passes = 0;
fs::path screenshots; // set by --screenshots DIR: pictures of the main screens

void check(bool ok, const char* what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what);
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

class SmokeApp : public wxApp {
public:
    bool OnInit() override {
        bl::wxui::use_utf8_strings();
        bl::wxui::use_language("da");
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
        open_till();
        CallAfter([this] { run(); });
        return true;
    }

    // A till window on the database, as the program starts it.
    void open_till() {
        m_frame = new bl::pos::TillFrame("Bundlinje");
        m_till = std::make_unique<bl::pos::Till>(m_store->ports(*m_sink), m_frame->views());
        m_frame->attach(*m_till);
        m_till->start();
        m_frame->SetPosition(wxPoint(0, 0));
        m_frame->Show();
        m_frame->Raise();
    }

    // The power goes and the till starts again: nothing is logged out or closed.
    void restart_till() {
        m_frame->Destroy();
        settle();
        m_till.reset();
        open_till();
        wait_for([&] { return m_frame->IsShownOnScreen(); });
        settle();
    }

    const bl::pos::Cart& cart() const { return m_till->state().cart; }

    int OnExit() override {
        m_till.reset();
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
        wxButton* mette = f.screen<bl::pos::LoginScreen>().pad().person_button("Mette");
        check(mette != nullptr, "staff names are shown as buttons");
        if (!mette)
            return finish();
        click(mette);
        click(f.screen<bl::pos::LoginScreen>().pad().pin_field());
        type("1357");
        check(wait_for([&] { return f.current_page() == "open_shift"; }),
              "PIN 1357 logs Mette in and asks for the float");

        click(f.screen<bl::pos::OpenShiftScreen>().float_field());
        type("1000");
        check(wait_for([&] { return f.current_page() == "sale"; }),
              "counting the float opens the sale screen");

        // Two items from the catalogue that have stock.
        std::vector<std::string> codes;
        for (const auto& p : bl::list_products(*m_db))
            if (p.workshop_id && !bl::open_batches(*m_db, p.id).empty() && codes.size() < 2)
                codes.push_back(p.barcode);
        click(f.screen<bl::pos::SaleScreen>().scan_field());
        type(codes.at(0));
        type(codes.at(1));
        check(wait_for([&] { return cart().lines().size() == 2; }),
              "two scanned items are in the cart");
        type("5701234567899");
        check(wait_for([&] { return f.problem_text().find("5701234567899") != std::string::npos; }),
              "an unknown barcode is explained on screen");
        check(cart().lines().size() == 2, "and it does not change the cart");
        shot("sale-screen.png");
        click(f.screen<bl::pos::SaleScreen>().cart_panel().park_button());
        check(wait_for([&] { return cart().empty(); }), "Park sale puts the cart aside");
        click(f.screen<bl::pos::SaleScreen>().cart_panel().resume_button());
        check(wait_for([&] { return cart().lines().size() == 2; }), "Resume parked brings it back");

        const std::int64_t sales_before = count("SELECT count(*) FROM sale");
        click(f.screen<bl::pos::SaleScreen>().cart_panel().pay_button());
        check(wait_for([&] { return f.current_page() == "payment"; }),
              "Pay opens the payment screen");
        shot("payment.png");
        wxButton* quick = f.screen<bl::pos::PaymentScreen>().quick_cash_button(1);
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
                  wait_for([&] { return cart().lines().size() == 1; }),
              "scanning on the change screen starts the next sale with that item");
        m_till->selling().remove(0);
        // A copy of the receipt just printed: the lookup suggests it, Enter prints it.
        click(f.screen<bl::pos::SaleScreen>().cart_panel().copy_button());
        check(wait_for([&] { return f.current_page() == "refund_lookup"; }) &&
                  !f.screen<bl::pos::ReceiptLookupScreen>().receipt_field()->GetValue().empty(),
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
        m_till->access().log_out();
        wait_for([&] { return f.current_page() == "login"; });
        click(f.screen<bl::pos::LoginScreen>().pad().person_button("Lise"));
        click(f.screen<bl::pos::LoginScreen>().pad().pin_field());
        type("8642");
        check(wait_for([&] { return f.current_page() == "sale"; }),
              "the organiser logs in to the open shift");
        // The X report at any time.
        m_till->shift().x_report();
        check(wait_for([&] { return f.current_page() == "x"; }), "X report shows the day so far");
        m_till->selling().back_to_sale();
        wait_for([&] { return f.current_page() == "sale"; });

        // Settings, saved through the real form: only the receipt's last line changes.
        click(f.screen<bl::pos::SaleScreen>().cart_panel().settings_button());
        check(wait_for([&] { return f.current_page() == "settings"; }),
              "Settings opens for an organiser");
        shot("settings.png");
        click(f.screen<bl::pos::SettingsScreen>().footer_field());
        f.screen<bl::pos::SettingsScreen>().footer_field()->SelectAll();
        type("Tak for i dag", false);
        click(f.screen<bl::pos::SettingsScreen>().save_button());
        check(wait_for([&] {
                  return bl::get_setting(*m_db, "receipt_footer") ==
                         std::optional<std::string>("Tak for i dag");
              }),
              "Save keeps the new last line of the receipt");
        check(f.current_page() == "sale" && f.problem_text().find("udfyldes") == std::string::npos,
              "and goes back to the sale without a complaint about the shop's details");
        check(count("SELECT count(*) FROM journal WHERE kind = 'shop_changed'") == 0,
              "the shop's details, not touched, are not saved again");

        // Part of a sale paid by card, then the till stops.
        click(f.screen<bl::pos::SaleScreen>().scan_field());
        type(codes.at(0));
        type(codes.at(1));
        wait_for([&] { return cart().lines().size() == 2; });
        m_part_paid_total = cart().totals().total;
        click(f.screen<bl::pos::SaleScreen>().cart_panel().pay_button());
        wait_for([&] { return f.current_page() == "payment"; });
        click(f.screen<bl::pos::PaymentScreen>().amount_field());
        type("100", false);
        click(f.screen<bl::pos::PaymentScreen>().card_button());
        check(wait_for([&] {
                  const auto* paying = std::get_if<bl::pos::Paying>(&m_till->state().mode);
                  return paying && paying->tender.payments().size() == 1 &&
                         paying->tender.paid().ore() == 10000;
              }),
              "100 kr. on card is taken as a part payment");
        restart_till();
        run_after_restart();
    }

    void run_after_restart() {
        auto& f = *m_frame;
        check(f.current_page() == "login", "after the restart the till shows the login screen");
        click(f.screen<bl::pos::LoginScreen>().pad().person_button("Lise"));
        click(f.screen<bl::pos::LoginScreen>().pad().pin_field());
        type("8642");
        check(wait_for([&] { return f.current_page() == "sale"; }) && cart().lines().size() == 2,
              "the part-paid sale is back after the restart");
        check(f.problem_text().find("100,00 kr.") != std::string::npos,
              "and the till says that 100 kr. of it is already paid");
        click(f.screen<bl::pos::SaleScreen>().cart_panel().remove_button());
        check(wait_for([&] { return f.problem_text().find("100,00 kr.") == std::string::npos; }) &&
                  cart().lines().size() == 2 && cart().totals().total == m_part_paid_total,
              "Remove is refused: a part-paid cart cannot shrink");
        click(f.screen<bl::pos::SaleScreen>().cart_panel().pay_button());
        check(wait_for([&] { return f.current_page() == "payment"; }),
              "Pay opens the payment for the rest");
        click(f.screen<bl::pos::PaymentScreen>().quick_cash_button(0));
        check(wait_for([&] { return f.current_page() == "done"; }),
              "the rest in cash completes the sale");
        check(count("SELECT count(*) FROM payment WHERE tender = 'card' AND amount_ore = 10000") ==
                  1,
              "the card part payment is on the recorded sale");
        click(f.screen<bl::pos::DoneScreen>().next_button());
        wait_for([&] { return f.current_page() == "sale"; });

        // Refund one item of the sale just made.
        const std::int64_t number = count("SELECT max(receipt_number) FROM sale");
        click(f.screen<bl::pos::SaleScreen>().cart_panel().refund_button());
        check(wait_for([&] { return f.current_page() == "refund_lookup"; }),
              "Refund asks for the receipt");
        click(f.screen<bl::pos::ReceiptLookupScreen>().receipt_field());
        type("R1-" + std::to_string(number));
        check(wait_for([&] { return f.current_page() == "refund"; }),
              "the scanned receipt barcode finds the receipt");
        click(f.screen<bl::pos::RefundScreen>().more_button());
        click(f.screen<bl::pos::RefundScreen>().cash_button());
        check(wait_for([&] { return f.current_page() == "done"; }),
              "paying back in cash completes the refund");
        check(count("SELECT count(*) FROM sale WHERE refund_of IS NOT NULL") == 1,
              "the refund is committed and references the original");
        click(f.screen<bl::pos::DoneScreen>().next_button());
        check(wait_for([&] { return f.current_page() == "sale"; }) && cart().empty(),
              "Next customer returns to an empty sale");
        click(f.screen<bl::pos::SaleScreen>().cart_panel().close_day_button());
        check(wait_for([&] { return f.current_page() == "close"; }),
              "Close the day shows the Z figures");
        shot("z-report.png");
        click(f.screen<bl::pos::CloseDayScreen>().counted_field());
        type("1400");
        check(wait_for([&] { return f.current_page() == "login"; }),
              "counting the cash closes the day and logs out");
        check(count("SELECT count(*) FROM shift WHERE closed_at IS NULL") == 0,
              "the shift is closed with a Z number");
        finish();
    }

    void finish() {
        std::printf("%d passed, %d failed\n", passes, failures);
        // With --screenshots, the PDF copies the till kept of the first receipt and of the Z
        // report go along, for scripts/screenshots to render.
        if (!screenshots.empty()) {
            std::vector<fs::path> pdfs;
            for (const auto& e : fs::directory_iterator(m_dir / "receipts"))
                if (e.path().extension() == ".pdf")
                    pdfs.push_back(e.path());
            std::sort(pdfs.begin(), pdfs.end());
            for (const auto& pdf : pdfs) {
                const std::string name = pdf.filename().string();
                const bool z = name.rfind("Z-", 0) == 0;
                const bool sale = name.rfind("R", 0) == 0 && name.find("kopi") == std::string::npos;
                if (!z && !sale)
                    continue;
                const auto target = screenshots / (z ? "z-report-80mm.pdf" : "receipt-80mm.pdf");
                if (!fs::exists(target))
                    fs::copy_file(pdf, target);
            }
        }
        m_frame->Destroy();
        ExitMainLoop();
    }

    fs::path m_dir;
    bl::Money m_part_paid_total;
    std::unique_ptr<bl::Database> m_db;
    std::unique_ptr<bl::pos::StoreTill> m_store;
    std::unique_ptr<bl::pos::PrinterSink> m_sink;
    std::unique_ptr<bl::pos::Till> m_till;
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
