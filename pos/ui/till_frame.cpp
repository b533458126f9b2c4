#include "pos/ui/till_frame.hpp"

#include <wx/intl.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

TillFrame::TillFrame(const wxString& title)
    : wxFrame(nullptr, wxID_ANY, title, wxDefaultPosition, wxSize(1280, 800)) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    m_bar = new wxui::MessageBar(this);
    root->Add(m_bar, 0, wxEXPAND);
    m_training_banner = new wxStaticText(
        this, wxID_ANY, _("TRAINING MODE: sales are not real and count nowhere"), wxDefaultPosition,
        wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE);
    m_training_banner->SetBackgroundColour(wxColour(255, 170, 0));
    wxui::scale_font(m_training_banner, 1.5, true);
    m_training_banner->Hide();
    root->Add(m_training_banner, 0, wxEXPAND);
    m_book = new wxSimplebook(this);
    m_login = add<LoginScreen>();
    m_open_shift = add<OpenShiftScreen>();
    m_sale = add<SaleScreen>(m_training_banner);
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
}

template <class S, class... A>
S* TillFrame::add(A&&... args) {
    auto* screen = new S(m_book, *m_bar, std::forward<A>(args)...);
    m_book->AddPage(screen, screen->name());
    m_screens.push_back(screen);
    return screen;
}

TillViews TillFrame::views() {
    return TillViews{*this,       *this,        *m_login,    *m_approval, *m_open_shift,
                     *m_sale,     *m_payment,   *m_done,     *m_lookup,   *m_refund,
                     *m_x_report, *m_close_day, *m_settings, *m_import};
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

void TillFrame::show_sync_problem(const std::optional<Message>& problem) {
    m_status->show_problem(problem ? wxui::translated(*problem) : wxString());
}

void TillFrame::show_status(const std::string& staff_name, std::int64_t unsent,
                            std::optional<Timestamp> last_sync, const std::string& till_name) {
    m_status->show(staff_name, unsent, last_sync, till_name);
}

} // namespace bl::pos
