#pragma once
/// The workshop program's window: the book of screens (production/ui/screens), the message bar
/// at the top and the status bar at the bottom, the function keys (F2 makers ... F9 reports,
/// Esc back) and the progress dialog of long work. It answers the message, status and progress
/// views itself; each screen answers its own view.

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <wx/frame.h>

#include "production/model/back_office.hpp"
#include "production/ui/screens/goods_screens.hpp"
#include "production/ui/screens/log_screens.hpp"
#include "production/ui/screens/maker_screens.hpp"
#include "production/ui/screens/organiser_screens.hpp"
#include "production/ui/screens/start_screens.hpp"
#include "shared/wxui/message_bar.hpp"
#include "shared/wxui/sync_status_bar.hpp"

class wxProgressDialog;
class wxSimplebook;

namespace bl::production {

class WorkshopFrame : public wxFrame, public MessageView, public StatusView, public ProgressView {
public:
    explicit WorkshopFrame(const wxString& title);
    ~WorkshopFrame() override;
    /// The views to build the program with.
    WorkshopViews views();
    /// The program, once it exists, for the screens to call.
    void attach(BackOffice& workshop);

    void show_problem(const Message& m) override;
    void show_news(const Message& m) override;
    void show_status(const std::string& staff_name, const std::string& workshop_name,
                     std::int64_t unsent, std::optional<Timestamp> last_sync,
                     const std::string& device_name) override;
    void begin_progress(const Message& title, std::size_t steps) override;
    bool progress(std::size_t done) override;
    void end_progress() override;
    /// Why the last attempt to reach the central store failed (none: all is well).
    void show_sync_problem(const std::optional<Message>& problem);

    /// For GUI tests and screenshots: the screen on show, the message said last, the screens.
    std::string current_page() const;
    std::string message_text() const;
    template <class S>
    S& screen() {
        for (auto* s : m_screens)
            if (auto* found = dynamic_cast<S*>(s))
                return *found;
        throw std::logic_error("no such screen");
    }

private:
    template <class S, class... A>
    S* add(A&&... args);
    void on_key(int id);
    wxSimplebook* m_book = nullptr;
    wxui::MessageBar* m_bar = nullptr;
    wxui::SyncStatusBar* m_status = nullptr;
    std::unique_ptr<wxProgressDialog> m_progress;
    std::size_t m_steps = 0;
    LoginScreen* m_login = nullptr;
    HomeScreen* m_home = nullptr;
    MakersScreen* m_makers = nullptr;
    MakerEditScreen* m_maker = nullptr;
    ConsentScreen* m_consent = nullptr;
    EraseScreen* m_erase = nullptr;
    QuickLogScreen* m_quick = nullptr;
    EasyReadScreen* m_easy = nullptr;
    TagsScreen* m_tags = nullptr;
    LabelsScreen* m_labels = nullptr;
    DeliveriesScreen* m_deliveries = nullptr;
    StockScreen* m_stock = nullptr;
    ImportScreen* m_import = nullptr;
    ProductScreen* m_product = nullptr;
    CatalogueScreen* m_catalogue = nullptr;
    ReportsScreen* m_reports = nullptr;
    std::vector<WorkshopScreen*> m_screens;
};

} // namespace bl::production
