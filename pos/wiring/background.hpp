#pragma once
/// Work the till's window must not wait for (printing, the receipts' copies on disk, the
/// backup after a Z), done in order on one thread of its own.
///
/// Thread affinity: submit() and the destructor are called on the till's (UI) thread. Jobs
/// run on the background thread: they must not touch the window, the flows or a Database
/// opened on another thread (SQLite connections are not shared between threads); they hand
/// their results back through `post_to_ui`, given at construction and wired to
/// wxApp::CallAfter, which queues a call for the UI thread and may be called from any
/// thread. Without a `post_to_ui` (tests, command-line tools) jobs run at once, on the
/// caller's thread.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace bl::pos {

class Background {
public:
    /// Queues a call to run on the UI thread.
    using Post = std::function<void(std::function<void()>)>;

    explicit Background(Post post_to_ui = {});
    /// Lets the job under way finish (each job has its own time limits) and drops the ones
    /// still waiting; their results are never posted.
    ~Background();
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;

    /// Runs `job` off the UI thread, after the jobs before it; `job` gives back a call that
    /// is then made on the UI thread (or nothing to say).
    void submit(std::function<std::function<void()>()> job);
    /// Whether jobs run on their own thread (false: at once, on the caller's).
    bool threaded() const { return static_cast<bool>(m_post); }

private:
    void run();
    Post m_post;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<std::function<void()>()>> m_jobs;
    bool m_stopping = false;
    std::thread m_thread; ///< last: started once everything above exists
};

} // namespace bl::pos
