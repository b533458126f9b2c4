#pragma once
/// The status bar: who is logged in, what waits for the central store and when it last
/// confirmed having this device's records, why the last sync failed (in words), and the
/// device's name.

#include <cstdint>
#include <optional>
#include <string>

#include <wx/statusbr.h>

#include "shared/core/time.hpp"

namespace bl::wxui {

class SyncStatusBar : public wxStatusBar {
public:
    explicit SyncStatusBar(wxWindow* parent);
    void show(const std::string& staff_name, std::int64_t unsent,
              std::optional<Timestamp> last_sync, const std::string& device_name);
    /// Why the last sync failed, in words (empty: nothing to say).
    void show_problem(const wxString& problem);

private:
    /// Who is logged in and the device's name are shown whole; the sync count takes the rest,
    /// shared with a problem only while there is one.
    void fit_fields();
};

} // namespace bl::wxui
