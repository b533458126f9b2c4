#include "shared/wxui/sync_status_bar.hpp"

#include <wx/intl.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::wxui {

SyncStatusBar::SyncStatusBar(wxWindow* parent) : wxStatusBar(parent, wxID_ANY) {
    const int widths[4] = {-2, -5, -4, -1};
    SetFieldsCount(4, widths);
}

void SyncStatusBar::show(const std::string& staff_name, std::int64_t unsent,
                         std::optional<Timestamp> last_sync, const std::string& device_name) {
    SetStatusText(staff_name.empty() ? _("Nobody is logged in")
                                     : wxString::Format(_("Logged in: %s"), wx(staff_name)),
                  0);
    const wxString when = last_sync ? wx(format_copenhagen(*last_sync)) : _("never");
    SetStatusText(wxString::Format(_("%lld records not yet sent to the central store (last "
                                     "sent: %s)"),
                                   static_cast<long long>(unsent), when),
                  1);
    SetStatusText(wx(device_name), 3);
}

void SyncStatusBar::show_problem(const wxString& problem) {
    // The bar shows a cut text's whole in its own tooltip (wxSTB_SHOW_TIPS).
    SetStatusText(problem, 2);
}

} // namespace bl::wxui
