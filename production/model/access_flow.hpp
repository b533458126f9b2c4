#pragma once
/// Who is at the station: the login screen (the till's PIN pad, PINs and lockout), the
/// workshop worked on, the start screen, logging out. Workshop leaders work with their own
/// station's workshop; organisers may choose any. Shop staff use the till, not this program.

#include <string>

#include "production/model/workshop_context.hpp"

namespace bl::production {

class AccessFlow {
public:
    explicit AccessFlow(WorkshopContext& w) : m_w(w) {}

    /// Shows the login screen with the workshop leaders and organisers.
    void start();
    /// Checks the PIN (wrong ones count towards a lockout) and opens the start screen.
    void log_in(const std::string& staff_id, const std::string& pin);
    void log_out();
    /// Back to the start screen.
    void home();
    /// An organiser works with another workshop from now on.
    void choose_workshop(const std::string& workshop_id);

private:
    WorkshopContext& m_w;
};

} // namespace bl::production
