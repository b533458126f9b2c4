#include "production/ui/workshop_frame.hpp"

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/progdlg.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::production {

namespace {

// Function keys, as menu ids.
enum KeyId {
    key_makers = wxID_HIGHEST + 1,
    key_quick,
    key_easy,
    key_labels,
    key_deliveries,
    key_stock,
    key_catalogue,
    key_reports,
    key_back
};

} // namespace

WorkshopFrame::WorkshopFrame(const wxString& title)
    : wxFrame(nullptr, wxID_ANY, title, wxDefaultPosition, wxSize(1024, 600)) {
    SetMinSize(wxSize(1024, 600));
    auto* root = new wxBoxSizer(wxVERTICAL);
    m_bar = new wxui::MessageBar(this);
    root->Add(m_bar, 0, wxEXPAND);
    m_book = new wxSimplebook(this);
    m_login = add<LoginScreen>();
    m_home = add<HomeScreen>();
    m_makers = add<MakersScreen>();
    m_maker = add<MakerEditScreen>();
    m_consent = add<ConsentScreen>();
    m_erase = add<EraseScreen>();
    m_quick = add<QuickLogScreen>();
    m_easy = add<EasyReadScreen>();
    m_tags = add<TagsScreen>();
    m_labels = add<LabelsScreen>();
    m_deliveries = add<DeliveriesScreen>();
    m_stock = add<StockScreen>();
    m_import = add<ImportScreen>();
    m_product = add<ProductScreen>();
    m_catalogue = add<CatalogueScreen>(*m_import, *m_product);
    m_reports = add<ReportsScreen>();
    root->Add(m_book, 1, wxEXPAND);
    SetSizer(root);
    m_status = new wxui::SyncStatusBar(this);
    SetStatusBar(m_status);

    wxAcceleratorEntry keys[] = {
        {wxACCEL_NORMAL, WXK_F2, key_makers},     {wxACCEL_NORMAL, WXK_F3, key_quick},
        {wxACCEL_NORMAL, WXK_F4, key_easy},       {wxACCEL_NORMAL, WXK_F5, key_labels},
        {wxACCEL_NORMAL, WXK_F6, key_deliveries}, {wxACCEL_NORMAL, WXK_F7, key_stock},
        {wxACCEL_NORMAL, WXK_F8, key_catalogue},  {wxACCEL_NORMAL, WXK_F9, key_reports},
        {wxACCEL_NORMAL, WXK_ESCAPE, key_back}};
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(std::size(keys)), keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent& e) { on_key(e.GetId()); }, key_makers, key_back);
}

WorkshopFrame::~WorkshopFrame() = default;

template <class S, class... A>
S* WorkshopFrame::add(A&&... args) {
    auto* screen = new S(m_book, *m_bar, std::forward<A>(args)...);
    m_book->AddPage(screen, screen->name());
    m_screens.push_back(screen);
    return screen;
}

WorkshopViews WorkshopFrame::views() {
    return WorkshopViews{*this,         *this,    *m_login,     *m_home,    *m_makers, *m_maker,
                         *m_consent,    *m_erase, *m_quick,     *m_easy,    *m_tags,   *m_labels,
                         *m_deliveries, *m_stock, *m_catalogue, *m_reports, *this};
}

void WorkshopFrame::attach(BackOffice& workshop) {
    for (auto* s : m_screens)
        s->attach(workshop);
}

void WorkshopFrame::on_key(int id) {
    if (id == key_back) {
        // Esc does what the screen's Back button does.
        const int page = m_book->GetSelection();
        if (page == wxNOT_FOUND)
            return;
        if (wxButton* back = m_screens[static_cast<std::size_t>(page)]->back_button()) {
            wxCommandEvent click(wxEVT_BUTTON, back->GetId());
            click.SetEventObject(back);
            back->GetEventHandler()->ProcessEvent(click);
        }
        return;
    }
    if (current_page() == "login")
        return;
    const Place places[] = {Place::makers,     Place::quick, Place::easy,      Place::labels,
                            Place::deliveries, Place::stock, Place::catalogue, Place::reports};
    m_home->go(places[id - key_makers]);
}

std::string WorkshopFrame::current_page() const {
    const int page = m_book->GetSelection();
    return page == wxNOT_FOUND ? std::string() : m_screens[static_cast<std::size_t>(page)]->name();
}

std::string WorkshopFrame::message_text() const {
    return wxui::utf8(m_bar->last_text());
}

void WorkshopFrame::show_problem(const Message& m) {
    m_bar->show_problem(wxui::translated(m));
}

void WorkshopFrame::show_news(const Message& m) {
    m_bar->show_news(wxui::translated(m));
}

void WorkshopFrame::show_status(const std::string& staff_name, const std::string& workshop_name,
                                std::int64_t unsent, std::optional<Timestamp> last_sync,
                                const std::string& device_name) {
    // The workshop worked on is in every screen's title and on the start screen; the status
    // bar's first field has room for the name only.
    (void)workshop_name;
    m_status->show(staff_name, unsent, last_sync, device_name);
}

void WorkshopFrame::show_sync_problem(const std::optional<Message>& problem) {
    m_status->show_problem(problem ? wxui::translated(*problem) : wxString());
}

void WorkshopFrame::begin_progress(const Message& title, std::size_t steps) {
    m_steps = std::max<std::size_t>(steps, 1);
    m_progress = std::make_unique<wxProgressDialog>(
        wxui::translated(title), _("Working …"), static_cast<int>(m_steps), this,
        wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_REMAINING_TIME);
}

bool WorkshopFrame::progress(std::size_t done) {
    if (!m_progress)
        return true;
    return m_progress->Update(static_cast<int>(std::min(done, m_steps)),
                              wxString::Format(_("%zu of %zu done"), done, m_steps));
}

void WorkshopFrame::end_progress() {
    m_progress.reset();
}

} // namespace bl::production
