#include "pos/ui/till_frame.hpp"

#include <wx/button.h>
#include <wx/display.h>
#include <wx/intl.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

namespace {

/// The size the till is laid out for; smaller screens (from 1024 x 600) get the whole screen.
const wxSize designed_size(1280, 800);

} // namespace

TillFrame::TillFrame(const wxString& title) : wxFrame(nullptr, wxID_ANY, title) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    m_bar = new wxui::MessageBar(this);
    root->Add(m_bar, 0, wxEXPAND);
    m_training_banner = new wxStaticText(
        this, wxID_ANY, _("TRAINING MODE: sales are not real and count nowhere"), wxDefaultPosition,
        wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE);
    m_training_banner->SetBackgroundColour(wxColour(255, 170, 0));
    wxui::scale_font(m_training_banner, 1.3, true);
    m_training_banner->Hide();
    root->Add(m_training_banner, 0, wxEXPAND);
    m_book = new wxSimplebook(this);
    m_login = add<LoginScreen>();
    m_open_shift = add<OpenShiftScreen>();
    m_sale = add<SaleScreen>(m_training_banner);
    m_menu = add<MenuScreen>();
    m_payment = add<PaymentScreen>();
    m_done = add<DoneScreen>([this](wxChar key) {
        // The next customer's first key, typed on the change screen, starts the scan field.
        // Focus first: GTK selects a field's text when it gets focus, and the next key would
        // replace a selected first character.
        wxTextCtrl* scan = m_sale->scan_field();
        scan->SetFocus();
        scan->ChangeValue(wxString(key));
        scan->SetInsertionPointEnd();
    });
    m_close_day = add<CloseDayScreen>();
    m_z_report = add<ZReportScreen>();
    m_lookup = add<ReceiptLookupScreen>();
    m_refund = add<RefundScreen>();
    m_x_report = add<XReportScreen>();
    m_settings = add<SettingsScreen>();
    m_import = add<ImportScreen>();
    m_approval = add<ApprovalScreen>();
    root->Add(m_book, 1, wxEXPAND);
    SetSizer(root);
    m_status = new wxui::SyncStatusBar(this);
    SetStatusBar(m_status);
    // While the message bar asks, Enter answers and Escape drops the question, wherever the
    // keyboard is; a scanner's digits drop it and go on into the scan field.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (!m_bar->take_key(e))
            e.Skip();
    });
    fit_to_display();
}

void TillFrame::fit_to_display() {
    // The screen the window opens on: the one under the pointer (where the person is).
    int display = wxDisplay::GetFromPoint(wxGetMousePosition());
    if (display == wxNOT_FOUND)
        display = 0;
    const wxRect area = wxDisplay(static_cast<unsigned>(display)).GetClientArea();
    SetMinSize(wxSize(std::min(area.width, 1024), std::min(area.height, 600)));
    if (area.width < designed_size.x || area.height < designed_size.y) {
        // A small screen: all of it. Without a window manager Maximize() does nothing, so
        // the size is set as well.
        SetSize(area);
        Maximize();
    } else {
        SetSize(designed_size);
        SetPosition(area.GetPosition() + (area.GetSize() - designed_size) / 2);
    }
}

template <class S, class... A>
S* TillFrame::add(A&&... args) {
    auto* screen = new S(m_book, *m_bar, std::forward<A>(args)...);
    m_book->AddPage(screen, screen->name());
    m_screens.push_back(screen);
    return screen;
}

TillViews TillFrame::views() {
    return TillViews{*this,         *this,       *m_login,    *m_approval,
                     *m_open_shift, *m_sale,     *m_menu,     *m_payment,
                     *m_done,       *m_lookup,   *m_refund,   *m_x_report,
                     *m_close_day,  *m_z_report, *m_settings, *m_import};
}

void TillFrame::attach(Till& till) {
    for (auto* s : m_screens)
        s->attach(till);
}

std::string TillFrame::current_page() const {
    const int page = m_book->GetSelection();
    return page == wxNOT_FOUND ? std::string() : m_screens[static_cast<std::size_t>(page)]->name();
}

std::string TillFrame::problem_text() const {
    return wxui::utf8(m_bar->last_text());
}

void TillFrame::show_problem(const Message& m) {
    m_bar->show_problem(wxui::translated(m));
    if (current_page() == std::string("sale"))
        m_sale->focus_scan(); // the scanner keeps typing into its field
}

void TillFrame::show_news(const Message& m) {
    m_bar->show_news(wxui::translated(m));
}

void TillFrame::clear() {
    m_bar->clear();
}

void TillFrame::ask(const Message& question, const Message& answer, std::function<void()> yes) {
    m_bar->ask(wxui::translated(question), wxui::translated(answer), std::move(yes));
}

void TillFrame::show_sync_problem(const std::optional<Message>& problem) {
    m_status->show_problem(problem ? wxui::translated(*problem) : wxString());
}

void TillFrame::show_status(const std::string& staff_name, std::int64_t unsent,
                            std::optional<Timestamp> last_sync, const std::string& till_name) {
    m_status->show(staff_name, unsent, last_sync, till_name);
}

} // namespace bl::pos
