#pragma once
/// The till's window: the book of screens (pos/ui/screens), the message bar at the top and
/// the status bar at the bottom, and the training banner over every screen. It answers the
/// message and status views itself; each screen answers its own view.

#include <stdexcept>
#include <string>

#include <wx/frame.h>

#include "pos/model/till.hpp"
#include "pos/ui/screens/login_screens.hpp"
#include "pos/ui/screens/menu_screen.hpp"
#include "pos/ui/screens/payment_screens.hpp"
#include "pos/ui/screens/refund_screens.hpp"
#include "pos/ui/screens/sale_screen.hpp"
#include "pos/ui/screens/settings_screens.hpp"
#include "pos/ui/screens/shift_screens.hpp"
#include "shared/wxui/message_bar.hpp"
#include "shared/wxui/sync_status_bar.hpp"

class wxSimplebook;
class wxStaticText;

namespace bl::pos {

class TillFrame : public wxFrame, public MessageView, public StatusView {
public:
    explicit TillFrame(const wxString& title);
    /// The views to build the till with.
    TillViews views();
    /// The till, once it exists, for the screens to call.
    void attach(Till& till);

    void show_problem(const Message& m) override;
    void show_news(const Message& m) override;
    void clear() override;
    void ask(const Message& question, const Message& answer, std::function<void()> yes) override;
    void show_status(const std::string& staff_name, std::int64_t unsent,
                     std::optional<Timestamp> last_sync, const std::string& till_name) override;
    void show_sync_problem(const std::optional<Message>& problem) override;

    /// For GUI tests and screenshots: the screen on show, the message said last, the screens.
    std::string current_page() const;
    std::string problem_text() const;
    wxui::MessageBar& message_bar() { return *m_bar; }
    /// The screen of type S (LoginScreen, SaleScreen ...).
    template <class S>
    S& screen() {
        for (auto* s : m_screens)
            if (auto* found = dynamic_cast<S*>(s))
                return *found;
        throw std::logic_error("no such screen");
    }

private:
    /// Opens within the screen it is on: the designed size, or all of a smaller screen.
    void fit_to_display();
    template <class S, class... A>
    S* add(A&&... args);
    wxSimplebook* m_book = nullptr;
    wxui::MessageBar* m_bar = nullptr;
    wxui::SyncStatusBar* m_status = nullptr;
    wxStaticText* m_training_banner = nullptr;
    LoginScreen* m_login = nullptr;
    ApprovalScreen* m_approval = nullptr;
    OpenShiftScreen* m_open_shift = nullptr;
    SaleScreen* m_sale = nullptr;
    MenuScreen* m_menu = nullptr;
    PaymentScreen* m_payment = nullptr;
    DoneScreen* m_done = nullptr;
    ReceiptLookupScreen* m_lookup = nullptr;
    RefundScreen* m_refund = nullptr;
    XReportScreen* m_x_report = nullptr;
    CloseDayScreen* m_close_day = nullptr;
    ZReportScreen* m_z_report = nullptr;
    SettingsScreen* m_settings = nullptr;
    ImportScreen* m_import = nullptr;
    std::vector<TillScreen*> m_screens;
};

} // namespace bl::pos
