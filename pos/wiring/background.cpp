#include "pos/wiring/background.hpp"

namespace bl::pos {

Background::Background(Post post_to_ui) : m_post(std::move(post_to_ui)) {
    if (m_post)
        m_thread = std::thread([this] { run(); });
}

Background::~Background() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void Background::submit(std::function<std::function<void()>()> job) {
    if (!m_post) { // no background thread: now, here
        if (auto then = job())
            then();
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void Background::run() {
    // Background thread.
    for (;;) {
        std::function<std::function<void()>()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        std::function<void()> then = job();
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return; // the till is closing: nobody to tell
        }
        if (then)
            m_post(std::move(then));
    }
}

} // namespace bl::pos
