// bundlinje-till: the till. Danish by default (--lang en for English).
//   bundlinje-till --db FILE [--lang da|en] [--receipts FOLDER]

#include <filesystem>
#include <memory>

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/translation.h>

#include "pos/ui/till_frame.hpp"
#include "pos/wiring/store_adapter.hpp"
#include "shared/core/catalog.hpp"
#include "shared/store/setup.hpp"

namespace {

class TillApp : public wxApp {
public:
    bool OnInit() override {
        bl::pos::use_utf8_strings();
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

        bl::pos::use_language(bl::pos::utf8(lang));

        try {
            m_db = std::make_unique<bl::Database>(bl::pos::utf8(db_path));
            m_store = std::make_unique<bl::pos::StoreTill>(*m_db);
        } catch (const bl::StoreError& e) {
            wxMessageBox(
                bl::pos::wx(bl::render(e.message(), bl::translator_for(bl::pos::utf8(lang)))),
                _("The till cannot start"), wxOK | wxICON_ERROR);
            return false;
        }
        // The shop's language setting, unless --lang says otherwise.
        if (!cmd.Found("lang")) {
            const wxString chosen = bl::pos::wx(bl::get_setting(*m_db, "language").value_or("da"));
            if (chosen != lang)
                bl::pos::use_language(bl::pos::utf8(chosen));
        }

        std::filesystem::path folder =
            cmd.Found("receipts", &receipts)
                ? std::filesystem::path(bl::pos::utf8(receipts))
                : std::filesystem::path(bl::pos::utf8(db_path)).parent_path() / "receipts";
        std::optional<bl::pos::PrinterTarget> printer;
        if (auto setting = bl::get_setting(*m_db, "printer"))
            if (auto target = bl::pos::PrinterTarget::parse(*setting))
                printer = target.value();
        m_sink = std::make_unique<bl::pos::PrinterSink>(printer, folder);

        const auto shop = m_store->shop();
        m_frame = new bl::pos::TillFrame(bl::pos::wx("Bundlinje – " + shop.name));
        m_presenter = std::make_unique<bl::pos::TillPresenter>(*m_store, *m_frame, *m_sink);
        m_frame->attach(*m_presenter);
        m_presenter->start();
        m_frame->Show();
        if (cmd.Found("exit-when-ready")) {
            // Everything a person waits for before the first sale: the window, the catalogue
            // and the tiles, drawn. (The PIN check is left out: Argon2id is slow on purpose.)
            CallAfter([this] {
                bl::pos::Cart empty;
                m_frame->show_sale(empty, empty.totals());
                m_frame->Update();
                CallAfter([this] { ExitMainLoop(); });
            });
        }
        return true;
    }

    int OnExit() override {
        m_presenter.reset();
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
            text = bl::pos::translated(e.message());
        } catch (const std::exception& e) {
            text = wxString::Format(_("Something went wrong and the last action was not "
                                      "saved: %s"),
                                    bl::pos::wx(e.what()));
        }
        wxMessageBox(text, _("Bundlinje"), wxOK | wxICON_ERROR);
        return true;
    }

private:
    std::unique_ptr<bl::Database> m_db;
    std::unique_ptr<bl::pos::StoreTill> m_store;
    std::unique_ptr<bl::pos::PrinterSink> m_sink;
    std::unique_ptr<bl::pos::TillPresenter> m_presenter;
    bl::pos::TillFrame* m_frame = nullptr;
};

} // namespace

wxIMPLEMENT_APP(TillApp);
