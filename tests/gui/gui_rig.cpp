#include "gui_rig.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <vector>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/display.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include "layout_check.hpp"
#include "shared/demo/demo.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/production.hpp"
#include "shared/store/raw_sql.hpp"
#include "shared/wxui/wx_text.hpp"

namespace fs = std::filesystem;

namespace gui {

namespace {

std::map<std::string, Scenario>& scenarios() {
    static std::map<std::string, Scenario> all;
    return all;
}

} // namespace

Registered::Registered(const char* name, Scenario run) {
    scenarios()[name] = run;
}

void Gui::open_till() {
    frame = new bl::pos::TillFrame("Bundlinje");
    till = std::make_unique<bl::pos::Till>(store->ports(*sink), frame->views());
    frame->attach(*till);
    till->start();
    frame->Show();
    frame->Raise();
    wait_for([&] { return frame->IsShownOnScreen(); });
    settle();
}

void Gui::restart_till() {
    // The old window goes first, whole: a top-level window is deleted when the program is
    // next idle, and a scenario runs without idle time, so it is made idle here.
    bl::pos::TillFrame* old = frame;
    old->Destroy();
    wait_for([&] {
        wxTheApp->ProcessIdle();
        return !wxTopLevelWindows.Find(old);
    });
    till.reset();
    open_till();
}

void Gui::check(bool ok, const std::string& what) {
    static const auto start = std::chrono::steady_clock::now();
    const auto seconds = static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                 std::chrono::steady_clock::now() - start)
                                                 .count()) /
                         1000.0;
    std::printf("%s %s (%.1f s)\n", ok ? "ok  " : "FAIL", what.c_str(), seconds);
    std::fflush(stdout);
    (ok ? passes : failures)++;
}

bool Gui::wait_for(const std::function<bool()>& cond, int ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < end) {
        wxTheApp->Yield(true);
        if (cond())
            return true;
        wxMilliSleep(20);
    }
    return cond();
}

void Gui::settle() {
    for (int i = 0; i < 10; ++i) {
        wxTheApp->Yield(true);
        wxMilliSleep(15);
    }
}

void Gui::click(wxWindow* w) {
    wxUIActionSimulator sim;
    const wxRect r = w->GetScreenRect();
    sim.MouseMove(r.GetPosition() + wxPoint(r.width / 2, r.height / 2));
    settle();
    sim.MouseClick();
    settle();
}

void Gui::type(const std::string& text, bool enter) {
    wxUIActionSimulator sim;
    if (!text.empty())
        sim.Text(text.c_str());
    keys += static_cast<int>(bl::wxui::wx(text).length());
    if (enter) {
        sim.Char(WXK_RETURN);
        ++keys;
    }
    settle();
}

void Gui::key(int keycode, int modifiers) {
    wxUIActionSimulator sim;
    sim.Char(keycode, modifiers);
    ++keys;
    settle();
}

void Gui::log_in(const std::string& name, const std::string& pin) {
    auto& pad = frame->screen<bl::pos::LoginScreen>().pad();
    if (auto* b = pad.person_button(name))
        click(b);
    click(pad.pin_field());
    type(pin);
}

bool Gui::asking() const {
    return frame->message_bar().asking();
}

void Gui::answer() {
    click(frame->message_bar().answer_button());
}

std::int64_t Gui::count(const std::string& sql) {
    return bl::raw_sql::integer(*db, sql);
}

std::vector<std::string> Gui::stocked_barcodes() {
    std::vector<bl::Product> stocked;
    for (const auto& p : bl::list_products(*db))
        if (p.workshop_id && !bl::open_batches(*db, p.id).empty())
            stocked.push_back(p);
    std::sort(stocked.begin(), stocked.end(),
              [](const auto& a, const auto& b) { return a.price < b.price; });
    std::vector<std::string> codes;
    for (const auto& p : stocked)
        codes.push_back(p.barcode);
    return codes;
}

void Gui::check_readable(const std::string& what) {
    settle();
    const auto problems = unreadable(frame);
    for (const auto& p : problems)
        std::printf("     %s: %s\n", what.c_str(), p.c_str());
    const wxRect screen = wxDisplay(0u).GetGeometry();
    const wxRect window = frame->GetScreenRect();
    check(problems.empty() && screen.Contains(window),
          what + ": every text can be read whole, inside the window and the screen");
}

void Gui::shot(const std::string& name) {
    if (screenshots.empty())
        return;
    for (int i = 0; i < 30; ++i) {
        wxTheApp->Yield(true);
        wxMilliSleep(20);
    }
    // Pictures come from the X server itself (ImageMagick's import), which shows exactly
    // what a person would see on the screen.
    fs::create_directories(screenshots);
    const std::string cmd =
        "import -window root '" + (screenshots / (name + ".png")).string() + "'";
    if (std::system(cmd.c_str()) != 0)
        std::printf("FAIL screenshot %s\n", name.c_str());
}

namespace {

std::string chosen_scenario;
fs::path chosen_screenshots;
int exit_code = 1;

class GuiApp : public wxApp {
public:
    bool OnInit() override {
        bl::wxui::use_utf8_strings();
        bl::wxui::use_language("da");
        auto it = scenarios().find(chosen_scenario);
        if (it == scenarios().end()) {
            std::printf("FAIL no scenario called \"%s\"\n", chosen_scenario.c_str());
            return false;
        }
        std::random_device rd;
        m_gui.dir = fs::temp_directory_path() / ("bundlinje-gui-" + std::to_string(rd()));
        fs::create_directories(m_gui.dir);
        m_gui.screenshots = chosen_screenshots;
        m_gui.db = std::make_unique<bl::Database>((m_gui.dir / "till.db").string());
        bl::DemoOptions o;
        o.until = "2026-11-26";
        o.sales_days = 2;
        if (!bl::load_demo(*m_gui.db, o)) {
            std::printf("FAIL demo database\n");
            return false;
        }
        // Printing and backups on background threads, as in the till.
        auto post = [this](std::function<void()> call) { CallAfter(std::move(call)); };
        m_gui.store = std::make_unique<bl::pos::StoreTill>(*m_gui.db, post);
        m_gui.sink = std::make_unique<bl::pos::PrinterSink>(
            std::nullopt, m_gui.dir / "receipts", post,
            bl::pos::PrinterLimits{std::chrono::minutes(10), std::chrono::minutes(10)});
        m_gui.open_till();
        const wxSize screen = wxDisplay(0u).GetGeometry().GetSize();
        std::printf("screen %dx%d, window %dx%d\n", screen.x, screen.y, m_gui.frame->GetSize().x,
                    m_gui.frame->GetSize().y);
        CallAfter([this, run = it->second] {
            run(m_gui);
            keep_documents();
            std::printf("%d passed, %d failed\n", m_gui.passes, m_gui.failures);
            exit_code = m_gui.failures == 0 && m_gui.passes > 0 ? 0 : 1;
            m_gui.frame->Destroy();
            ExitMainLoop();
        });
        return true;
    }

    int OnExit() override {
        m_gui.till.reset();
        m_gui.sink.reset();
        m_gui.store.reset();
        m_gui.db.reset();
        std::error_code ec;
        fs::remove_all(m_gui.dir, ec);
        return wxApp::OnExit();
    }

private:
    /// With --screenshots, the PDF copies the till kept of its first receipt and of its Z
    /// report go along, for scripts/screenshots to render; a Z replaces one an earlier
    /// scenario left there (the close-day scenario's has the notes and coins counted).
    void keep_documents() {
        const fs::path receipts = m_gui.dir / "receipts";
        if (m_gui.screenshots.empty() || !fs::is_directory(receipts))
            return;
        std::vector<fs::path> pdfs;
        for (const auto& e : fs::directory_iterator(receipts))
            if (e.path().extension() == ".pdf")
                pdfs.push_back(e.path());
        std::sort(pdfs.begin(), pdfs.end());
        for (const auto& pdf : pdfs) {
            const std::string name = pdf.filename().string();
            const bool z = name.rfind("Z-", 0) == 0;
            const bool sale = name.rfind("R", 0) == 0 && name.find("kopi") == std::string::npos;
            if (!z && !sale)
                continue;
            const auto target = m_gui.screenshots / (z ? "z-report-80mm.pdf" : "receipt-80mm.pdf");
            std::error_code ec;
            if (z || !fs::exists(target))
                fs::copy_file(pdf, target, fs::copy_options::overwrite_existing, ec);
        }
    }

    Gui m_gui;
};

} // namespace

} // namespace gui

wxIMPLEMENT_APP_NO_MAIN(gui::GuiApp);

// till_gui SCENARIO [--screenshots DIR]
int main(int argc, char** argv) {
    if (argc < 2) {
        std::printf("usage: till_gui SCENARIO [--screenshots DIR]\n");
        return 2;
    }
    gui::chosen_scenario = argv[1];
    if (argc == 4 && std::string(argv[2]) == "--screenshots")
        gui::chosen_screenshots = argv[3];
    int one = 1;
    const int rc = wxEntry(one, argv);
    return rc != 0 ? 1 : gui::exit_code;
}
