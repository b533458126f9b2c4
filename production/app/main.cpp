// bundlinje-workshop: the workshop program. Danish by default (--lang en for English).
//   bundlinje-workshop --db FILE [--lang da|en] [--documents FOLDER] [--coefficients FILE]

#include <filesystem>
#include <memory>

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "production/model/back_office.hpp"
#include "production/ui/workshop_frame.hpp"
#include "production/wiring/store_workshop.hpp"
#include "shared/core/catalog.hpp"
#include "shared/store/setup.hpp"
#include "shared/sync/client.hpp"
#include "shared/sync/wiring/store_local.hpp"
#include "shared/wxui/wx_text.hpp"

namespace {

using bl::wxui::utf8;
using bl::wxui::wx;

class WorkshopApp : public wxApp {
public:
    bool OnInit() override {
        bl::wxui::use_utf8_strings();
        wxCmdLineParser cmd(argc, argv);
        cmd.AddOption("", "db", "database file", wxCMD_LINE_VAL_STRING,
                      wxCMD_LINE_OPTION_MANDATORY);
        cmd.AddOption("", "lang", "da or en", wxCMD_LINE_VAL_STRING);
        cmd.AddOption("", "documents", "folder for labels, delivery notes, exports, reports",
                      wxCMD_LINE_VAL_STRING);
        cmd.AddOption("", "coefficients", "coefficient file for the impact report's estimates",
                      wxCMD_LINE_VAL_STRING);
        if (cmd.Parse() != 0)
            return false;
        wxString db_path, lang = "da", documents,
                          coefficients = BL_SOURCE_ASSETS "/impact/coefficients.csv";
        cmd.Found("db", &db_path);
        cmd.Found("lang", &lang);
        cmd.Found("coefficients", &coefficients);
        bl::wxui::use_language(utf8(lang));
        const std::filesystem::path folder =
            cmd.Found("documents", &documents)
                ? std::filesystem::path(utf8(documents))
                : bl::production::documents_folder_for(utf8(db_path));
        try {
            // Documents print Copenhagen time: a machine without the time zone database must
            // say so now, not on the first label.
            (void)bl::format_copenhagen(bl::now_utc());
            if (!std::filesystem::exists(utf8(db_path)))
                return refuse(bl::render(
                    bl::Message(BL_N_("The database %s does not exist."), {utf8(db_path)}),
                    bl::translator_for(utf8(lang))));
            m_db = std::make_unique<bl::Database>(utf8(db_path));
            m_store =
                std::make_unique<bl::production::StoreWorkshop>(*m_db, folder, utf8(coefficients));
        } catch (const bl::StoreError& e) {
            return refuse(bl::render(e.message(), bl::translator_for(utf8(lang))));
        } catch (const std::exception& e) {
            return refuse(e.what());
        }
        if (!cmd.Found("lang")) {
            const std::string chosen = bl::get_setting(*m_db, "language").value_or("da");
            if (chosen != utf8(lang))
                bl::wxui::use_language(chosen);
        }

        m_frame = new bl::production::WorkshopFrame(wx("Bundlinje – " + m_store->device().name));
        m_workshop =
            std::make_unique<bl::production::BackOffice>(m_store->ports(), m_frame->views());
        m_frame->attach(*m_workshop);
        m_workshop->start();
        start_sync(utf8(db_path));
        m_frame->Show();
        return true;
    }

    int OnExit() override {
        // The client's thread ends before the database it reads is closed.
        m_sync.reset();
        m_workshop.reset();
        m_store.reset();
        m_db.reset();
        return wxApp::OnExit();
    }

    // The store's one exception (a read the database refused; writes report their failures
    // themselves) and other faults reach here from event handlers: say so and keep running;
    // nothing was half-saved.
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
    // A station enrolled with the central store (bundlinje-sync enrol) syncs in the
    // background; its news reaches the status bar on the window's thread.
    void start_sync(const std::string& db_path) {
        auto e = bl::sync::load_enrolment(bl::sync::enrolment_folder(db_path));
        if (!e)
            return;
        m_sync = std::make_unique<bl::sync::SyncClient>(
            [db_path] { return bl::sync::store_local(db_path); }, *e, bl::sync::ClientOptions{},
            [this](const bl::sync::ClientStatus& s) {
                CallAfter([this, problem = s.last_error] {
                    if (!m_frame)
                        return;
                    m_frame->show_sync_problem(problem);
                    if (m_workshop)
                        m_workshop->refresh_status();
                });
            });
        m_sync->start();
    }

    bool refuse(const std::string& why) {
        wxMessageBox(wx(why), _("The workshop program cannot start"), wxOK | wxICON_ERROR);
        return false;
    }

    std::unique_ptr<bl::Database> m_db;
    std::unique_ptr<bl::production::StoreWorkshop> m_store;
    std::unique_ptr<bl::production::BackOffice> m_workshop;
    bl::production::WorkshopFrame* m_frame = nullptr;
    std::unique_ptr<bl::sync::SyncClient> m_sync;
};

} // namespace

wxIMPLEMENT_APP(WorkshopApp);
