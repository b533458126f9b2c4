#pragma once
/// Enrolment with the central store and the sync's state on the status bar. The work (the
/// HTTPS request, the background client) is behind SyncPort, which the app implements over
/// shared/sync; its answers come back on the window's thread through enrolled() and
/// synced().

#include <functional>
#include <optional>
#include <string>

#include "pos/model/ports.hpp"
#include "pos/model/views.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::pos {

class SyncPort {
public:
    virtual ~SyncPort() = default;
    /// The server this till is enrolled with, if any.
    virtual std::optional<std::string> enrolled_server() = 0;
    /// Starts an enrolment; its outcome comes back through SyncFlow::enrolled().
    virtual void enrol(const std::string& server, const std::string& ca_file,
                       const std::string& code) = 0;
};

class SyncFlow {
public:
    SyncFlow(SyncPort& port, EnrolView& view, StatusView& status, TillJournal& journal,
             std::function<std::string()> staff_name, std::string till_name);

    /// At the till's start: a till not enrolled says so on the status bar, and where to enrol.
    void start();
    /// Shows the enrolment screen as things stand.
    void open();
    /// The person pressed Enrol: checks the fields, then asks the port.
    void enrol(const std::string& server, const std::string& ca_file, const std::string& code);
    /// The port's answer to enrol().
    void enrolled(const Result<Done, Message>& outcome);
    /// The background client's news: records sent or not, and why not.
    void synced(const std::optional<Message>& problem);

private:
    void show();
    void refresh_status();

    SyncPort& m_port;
    EnrolView& m_view;
    StatusView& m_status;
    TillJournal& m_journal;
    std::function<std::string()> m_staff_name;
    std::string m_till_name;
    EnrolmentState m_state;
};

} // namespace bl::pos
