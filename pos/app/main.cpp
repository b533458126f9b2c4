// bundlinje-till: the till. Danish by default (--lang en for English).
//   bundlinje-till [--db FILE] [--lang da|en] [--receipts FOLDER] [--exit-when-ready]
// Without --db (started from the desktop menu) the till's database is
// $XDG_DATA_HOME/bundlinje/till.db (~/.local/share/bundlinje/till.db); it is never created
// here: when it is missing the till says how to make one.
// The file must be a till's own database: a missing path, an empty file or another device's
// file is refused unchanged. With --exit-when-ready (scripts, the start-up benchmark) a
// refusal or a failed journal check is written to standard error and the exit code is not 0,
// instead of a dialog that would wait for a person.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "pos/model/sync_flow.hpp"
#include "pos/model/till.hpp"
#include "pos/ui/screens/enrol_screen.hpp"
#include "pos/ui/till_frame.hpp"
#include "pos/wiring/printer_sink.hpp"
#include "pos/wiring/store_till.hpp"
#include "shared/core/catalog.hpp"
#include "shared/store/setup.hpp"
#include "shared/store/verify.hpp"
#include "shared/sync/client.hpp"
#include "shared/sync/wiring/store_local.hpp"
#include "shared/wxui/wx_text.hpp"

namespace {

using bl::wxui::utf8;
using bl::wxui::wx;

/// The till's sync: enrolment on a worker thread, then the background client over its own
/// connection to the till's database. Its news reaches the window's thread through CallAfter.
class TillSync : public bl::pos::SyncPort {
public:
    TillSync(wxEvtHandler& ui, std::string db_path, std::string device_id, std::string name)
        : m_ui(ui), m_db_path(std::move(db_path)), m_device_id(std::move(device_id)),
          m_name(std::move(name)) {}
    ~TillSync() override { stop(); }

    void attach(bl::pos::SyncFlow& flow) { m_flow = &flow; }

    std::optional<std::string> enrolled_server() override {
        auto e = bl::sync::load_enrolment(bl::sync::enrolment_folder(m_db_path));
        if (!e)
            return std::nullopt;
        return e->host + ":" + e->port;
    }

    void enrol(const std::string& server, const std::string& ca_file,
               const std::string& code) override {
        std::ifstream in(ca_file, std::ios::binary);
        std::ostringstream ca;
        ca << in.rdbuf();
        if (!in) {
            m_flow->enrolled(
                bl::err(bl::Message(BL_N_("Certificate file: %s cannot be read."), {ca_file})));
            return;
        }
        if (m_enrolling.joinable())
            m_enrolling.join();
        // Enrolment waits on the network: never on the window's thread.
        m_enrolling = std::thread([this, server, pem = ca.str(), code] {
            auto e = bl::sync::enrol_device(server, pem, code, m_device_id, m_name);
            std::optional<bl::Message> problem;
            if (!e)
                problem = e.error();
            else if (auto saved =
                         bl::sync::save_enrolment(bl::sync::enrolment_folder(m_db_path), e.value());
                     !saved)
                problem = saved.error();
            m_ui.CallAfter([this, problem] {
                if (problem) {
                    m_flow->enrolled(bl::err(*problem));
                } else {
                    start();
                    m_flow->enrolled(bl::Done{});
                }
            });
        });
    }

    /// Starts the background client when the till is enrolled.
    void start() {
        auto e = bl::sync::load_enrolment(bl::sync::enrolment_folder(m_db_path));
        if (!e || m_client)
            return;
        const std::string path = m_db_path;
        m_client = std::make_unique<bl::sync::SyncClient>(
            [path] { return bl::sync::store_local(path); }, *e, bl::sync::ClientOptions{},
            [this](const bl::sync::ClientStatus& s) {
                m_ui.CallAfter([this, problem = s.last_error] { m_flow->synced(problem); });
            });
        m_client->start();
    }

    void stop() {
        if (m_enrolling.joinable())
            m_enrolling.join();
        m_client.reset();
    }

private:
    wxEvtHandler& m_ui;
    std::string m_db_path, m_device_id, m_name;
    bl::pos::SyncFlow* m_flow = nullptr;
    std::thread m_enrolling;
    std::unique_ptr<bl::sync::SyncClient> m_client;
};

/// Where the till's database is when no --db is given: the XDG data folder's
/// bundlinje/till.db.
std::filesystem::path default_database() {
    const char* data = std::getenv("XDG_DATA_HOME");
    if (data && *data && std::filesystem::path(data).is_absolute())
        return std::filesystem::path(data) / "bundlinje" / "till.db";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "bundlinje" /
           "till.db";
}

class TillApp : public wxApp {
public:
    bool OnInit() override {
        bl::wxui::use_utf8_strings();
        wxCmdLineParser cmd(argc, argv);
        cmd.AddOption("", "db", "database file (default: ~/.local/share/bundlinje/till.db)",
                      wxCMD_LINE_VAL_STRING);
        cmd.AddOption("", "lang", "da or en", wxCMD_LINE_VAL_STRING);
        cmd.AddOption("", "receipts", "folder for receipt copies", wxCMD_LINE_VAL_STRING);
        cmd.AddSwitch("", "exit-when-ready",
                      "build the sale screen, draw it, and exit (for bench_till_startup)");
        if (cmd.Parse() != 0)
            return false;
        wxString db_path, lang = "da", receipts;
        const bool default_db = !cmd.Found("db", &db_path);
        if (default_db)
            db_path = wx(default_database().string());
        cmd.Found("lang", &lang);
        bl::wxui::use_language(utf8(lang));
        m_exit_when_ready = cmd.Found("exit-when-ready");
        const bl::Translator* tr = bl::translator_for(utf8(lang));
        const std::string path = utf8(db_path);

        try {
            // Receipts print Copenhagen time: a machine without the time zone database must
            // say so before the first sale, not after it.
            (void)bl::format_copenhagen(bl::now_utc());
            // A mistyped path is never made into a new, empty till.
            std::error_code ec;
            if (default_db && !std::filesystem::exists(path, ec))
                return refuse(bl::render(
                    bl::Message(BL_N_("This computer has no till yet: the till's database %s "
                                      "does not exist, so the till cannot start. Nothing was "
                                      "created. To try the till with a demo shop, run: "
                                      "bundlinje-demo --db %s and start the till again. A "
                                      "till database kept elsewhere is opened with: "
                                      "bundlinje-till --db FILE"),
                                {path, path}),
                    tr));
            if (!std::filesystem::exists(path, ec))
                return refuse(bl::render(
                    bl::Message(BL_N_("The database %s does not exist, so the till cannot start. "
                                      "Check the name and the folder; nothing was created. To "
                                      "make a demo till's database there, run: bundlinje-demo "
                                      "--db %s"),
                                {path, path}),
                    tr));
            m_db =
                std::make_unique<bl::Database>(path, bl::OpenOptions{false, bl::DeviceRole::till});
            m_store = std::make_unique<bl::pos::StoreTill>(*m_db, post_to_ui());
        } catch (const bl::StoreError& e) {
            return refuse(bl::render(e.message(), tr));
        } catch (const std::exception& e) {
            return refuse(e.what());
        }
        // The journal's newest rows, since the last full check (after each Z): cheap, and said
        // plainly when they do not hold. The till still starts: it records every sale as well
        // as before, and the organiser must know today.
        try {
            const bl::DatabaseCheck tail = bl::check_journal_tail(*m_db);
            if (!tail.ok()) {
                std::string text = bl::render(
                    bl::Message(BL_N_("The check of the till's journal at start found that the "
                                      "database was changed outside the till. The till works "
                                      "and records every sale as before, but tell the organiser "
                                      "today. What was found:")),
                    tr);
                for (const auto& line : bl::describe(tail, tr))
                    text += "\n- " + line;
                if (m_exit_when_ready) {
                    std::cerr << text << "\n";
                    return false;
                }
                wxMessageBox(wx(text), _("Bundlinje"), wxOK | wxICON_WARNING);
            }
        } catch (const bl::StoreError& e) {
            return refuse(bl::render(e.message(), tr));
        }
        // The shop's language setting, unless --lang says otherwise.
        if (!cmd.Found("lang")) {
            const std::string chosen = bl::get_setting(*m_db, "language").value_or("da");
            if (chosen != utf8(lang))
                bl::wxui::use_language(chosen);
        }

        std::filesystem::path folder =
            cmd.Found("receipts", &receipts)
                ? std::filesystem::path(utf8(receipts))
                : std::filesystem::path(utf8(db_path)).parent_path() / "receipts";
        std::optional<bl::pos::PrinterTarget> printer;
        if (auto setting = bl::get_setting(*m_db, "printer"))
            if (auto target = bl::pos::PrinterTarget::parse(*setting))
                printer = target.value();
        m_sink = std::make_unique<bl::pos::PrinterSink>(printer, folder, post_to_ui());

        m_frame = new bl::pos::TillFrame(wx("Bundlinje – " + m_store->device().name));
        m_till = std::make_unique<bl::pos::Till>(m_store->ports(*m_sink), m_frame->views());
        m_frame->attach(*m_till);
        m_till->start();

        // Sync with the central store in the background; the status bar says how it goes
        // and opens the enrolment on a double-click.
        m_sync = std::make_unique<TillSync>(*this, utf8(db_path), m_store->device().id,
                                            m_store->device().name);
        m_enrol = new bl::pos::EnrolScreen(m_frame);
        m_sync_flow = std::make_unique<bl::pos::SyncFlow>(
            *m_sync, *m_enrol, *m_frame, m_store->ports(*m_sink).journal,
            [this] {
                const auto& staff = m_till->state().staff;
                return staff ? staff->name : std::string();
            },
            m_store->device().name);
        m_enrol->attach(*m_sync_flow);
        m_sync->attach(*m_sync_flow);
        m_sync_flow->start();
        m_sync->start();
        m_frame->GetStatusBar()->Bind(wxEVT_LEFT_DCLICK, [this](wxMouseEvent&) {
            m_sync_flow->open();
            m_enrol->Show();
            m_enrol->Raise();
        });
        m_frame->Show();
        if (m_exit_when_ready) {
            // Everything a person waits for before the first sale: the window, the catalogue
            // and the tiles, drawn. (The PIN check is left out: Argon2id is slow on purpose.)
            CallAfter([this] {
                bl::pos::Cart empty;
                m_frame->screen<bl::pos::SaleScreen>().show_sale(empty, empty.totals());
                m_frame->Update();
                CallAfter([this] { ExitMainLoop(); });
            });
        }
        return true;
    }

    int OnExit() override {
        // The client's thread ends before the database it reads is closed.
        if (m_sync)
            m_sync->stop();
        m_sync_flow.reset();
        m_sync.reset();
        m_till.reset();
        m_sink.reset();
        m_store.reset();
        m_db.reset();
        return wxApp::OnExit();
    }

    // The store's one exception (a read the database refused; writes report their failures
    // themselves) and other faults reach here from event handlers: say so in the till's
    // language and keep the till running; nothing was half-saved.
    bool OnExceptionInMainLoop() override {
        wxString text;
        try {
            throw;
        } catch (const bl::StoreError& e) {
            text = bl::wxui::translated(e.message());
        } catch (const std::exception& e) {
            text = wxString::Format(_("Something went wrong and the last action was not "
                                      "saved: %s"),
                                    wx(e.what()));
        }
        wxMessageBox(text, _("Bundlinje"), wxOK | wxICON_ERROR);
        return true;
    }

private:
    // Printing and the backup after a Z run on background threads and hand their answers to
    // the window's thread through this (CallAfter may be called from any thread).
    bl::pos::Background::Post post_to_ui() {
        return [this](std::function<void()> call) { CallAfter(std::move(call)); };
    }

    // OnInit's false ends the program with a code that is not 0.
    bool refuse(const std::string& why) {
        if (m_exit_when_ready)
            std::cerr << why << "\n";
        else
            wxMessageBox(wx(why), _("The till cannot start"), wxOK | wxICON_ERROR);
        return false;
    }

    bool m_exit_when_ready = false;

    std::unique_ptr<bl::Database> m_db;
    std::unique_ptr<bl::pos::StoreTill> m_store;
    std::unique_ptr<bl::pos::PrinterSink> m_sink;
    std::unique_ptr<bl::pos::Till> m_till;
    bl::pos::TillFrame* m_frame = nullptr;
    std::unique_ptr<TillSync> m_sync;
    std::unique_ptr<bl::pos::SyncFlow> m_sync_flow;
    bl::pos::EnrolScreen* m_enrol = nullptr; // owned by the frame
};

} // namespace

wxIMPLEMENT_APP(TillApp);
