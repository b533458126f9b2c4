#include "shared/wxui/sync_status_bar.hpp"

#include <algorithm>

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
    SetStatusText(
        wxString::Format(wxPLURAL("%lld record not yet sent to the central store (last "
                                  "sent: %s)",
                                  "%lld records not yet sent to the central store (last "
                                  "sent: %s)",
                                  static_cast<unsigned>(std::min<std::int64_t>(unsent, 1000000))),
                         static_cast<long long>(unsent), when),
        1);
    SetStatusText(wx(device_name), 3);
    fit_fields();
}

void SyncStatusBar::show_problem(const wxString& problem) {
    // The bar shows a cut text's whole in its own tooltip (wxSTB_SHOW_TIPS).
    SetStatusText(problem, 2);
    fit_fields();
}

void SyncStatusBar::fit_fields() {
    const auto whole = [this](int field) {
        // Room for the field's border and, in the last field, the size grip.
        return GetTextExtent(GetStatusText(field)).x + FromDIP(field == 3 ? 40 : 16);
    };
    const int widths[4] = {whole(0), -3, GetStatusText(2).empty() ? 0 : -2, whole(3)};
    SetStatusWidths(4, widths);
}

} // namespace bl::wxui
