// bundlinje-till: the till. Danish by default (--lang en for English).
//   bundlinje-till --db FILE [--lang da|en] [--receipts FOLDER]

#include <filesystem>
#include <memory>

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "pos/model/till.hpp"
#include "pos/ui/till_frame.hpp"
#include "pos/wiring/printer_sink.hpp"
#include "pos/wiring/store_till.hpp"
#include "shared/core/catalog.hpp"
#include "shared/store/setup.hpp"
#include "shared/wxui/wx_text.hpp"

namespace {

using bl::wxui::utf8;
using bl::wxui::wx;

class TillApp : public wxApp {
public:
    bool OnInit() override {
        bl::wxui::use_utf8_strings();
        wxCmdLineParser cmd(argc, argv);
        cmd.AddOption("", "db", "database file", wxCMD_LINE_VAL_STRING,
                      wxCMD_LINE_OPTION_MANDATORY);
        cmd.AddOption("", "lang", "da or en", wxCMD_LINE_VAL_STRING);
        cmd.AddOption("", "receipts", "folder for receipt copies", wxCMD_LINE_VAL_STRING);
        cmd.AddSwitch("", "exit-when-ready",
                      "build the sale screen, draw it, and exit (for bench_till_startup)");
        if (cmd.Parse() != 0)
            return false;
        wxString db_path, lang = "da", receipts;
        cmd.Found("db", &db_path);
        cmd.Found("lang", &lang);
        bl::wxui::use_language(utf8(lang));

        try {
            // Receipts print Copenhagen time: a machine without the time zone database must
            // say so before the first sale, not after it.
            (void)bl::format_copenhagen(bl::now_utc());
            m_db = std::make_unique<bl::Database>(utf8(db_path));
            m_store = std::make_unique<bl::pos::StoreTill>(*m_db, post_to_ui());
        } catch (const bl::StoreError& e) {
            return refuse(bl::render(e.message(), bl::translator_for(utf8(lang))));
        } catch (const std::exception& e) {
            return refuse(e.what());
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
        m_frame->Show();
        if (cmd.Found("exit-when-ready")) {
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

    bool refuse(const std::string& why) {
        wxMessageBox(wx(why), _("The till cannot start"), wxOK | wxICON_ERROR);
        return false;
    }

    std::unique_ptr<bl::Database> m_db;
    std::unique_ptr<bl::pos::StoreTill> m_store;
    std::unique_ptr<bl::pos::PrinterSink> m_sink;
    std::unique_ptr<bl::pos::Till> m_till;
    bl::pos::TillFrame* m_frame = nullptr;
};

} // namespace

wxIMPLEMENT_APP(TillApp);
