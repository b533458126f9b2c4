#include "pos/model/sync_flow.hpp"

namespace bl::pos {

SyncFlow::SyncFlow(SyncPort& port, EnrolView& view, StatusView& status, TillJournal& journal,
                   std::function<std::string()> staff_name, std::string till_name)
    : m_port(port), m_view(view), m_status(status), m_journal(journal),
      m_staff_name(std::move(staff_name)), m_till_name(std::move(till_name)) {}

void SyncFlow::show() {
    const auto server = m_port.enrolled_server();
    m_state.enrolled = server.has_value();
    m_state.server = server.value_or("");
    m_view.show_enrolment(m_state);
}

void SyncFlow::start() {
    if (!m_port.enrolled_server())
        m_status.show_sync_problem(Message(BL_N_("Not enrolled with a central store: "
                                                 "double-click here to enrol.")));
}

void SyncFlow::open() {
    m_state.problem.reset();
    m_state.news.reset();
    show();
}

void SyncFlow::enrol(const std::string& server, const std::string& ca_file,
                     const std::string& code) {
    if (m_state.busy)
        return;
    m_state.news.reset();
    auto trimmed = [](const std::string& s) {
        const auto a = s.find_first_not_of(" \t");
        const auto b = s.find_last_not_of(" \t\r\n");
        return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
    };
    const std::string srv = trimmed(server), ca = trimmed(ca_file), c = trimmed(code);
    if (srv.empty())
        m_state.problem = Message(BL_N_("Server address: write the central store's address, "
                                        "for example central.example.dk:8443."));
    else if (ca.empty())
        m_state.problem = Message(BL_N_("Certificate file: choose the central store's "
                                        "certificate file (ca.pem) from the organiser."));
    else if (c.empty())
        m_state.problem = Message(BL_N_("Enrolment code: type the code the organiser gave you."));
    else {
        m_state.problem.reset();
        m_state.busy = true;
        show();
        m_port.enrol(srv, ca, c);
        return;
    }
    show();
}

void SyncFlow::enrolled(const Result<Done, Message>& outcome) {
    m_state.busy = false;
    if (outcome.ok()) {
        m_state.problem.reset();
        m_state.news = Message(BL_N_("This till is enrolled and sends its records to the "
                                     "central store from now on."));
    } else {
        m_state.problem = outcome.error();
    }
    show();
    refresh_status();
}

void SyncFlow::synced(const std::optional<Message>& problem) {
    m_status.show_sync_problem(problem);
    refresh_status();
}

void SyncFlow::refresh_status() {
    m_status.show_status(m_staff_name(), m_journal.unsent(), m_journal.last_sync(), m_till_name);
}

} // namespace bl::pos
