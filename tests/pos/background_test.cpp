// Work off the till's thread: jobs run in order on a thread of their own and hand their
// answers back through post_to_ui; the printer sink keeps its copies and prints there, so a
// printer that does not answer never holds the caller.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

#include <catch2/catch.hpp>

#include "pos/wiring/background.hpp"
#include "pos/wiring/printer_sink.hpp"
#include "sample_receipt.hpp"

namespace {

/// A stand-in for the window's event queue: calls posted from any thread, run by the test.
struct UiQueue {
    std::mutex mutex;
    std::condition_variable posted;
    std::deque<std::function<void()>> calls;
    bl::pos::Background::Post post() {
        return [this](std::function<void()> call) {
            {
                std::lock_guard lock(mutex);
                calls.push_back(std::move(call));
            }
            posted.notify_all();
        };
    }
    /// Runs the next posted call, waiting for it (a generous limit: only a hang fails).
    bool run_next() {
        std::unique_lock lock(mutex);
        if (!posted.wait_for(lock, std::chrono::seconds(60), [this] { return !calls.empty(); }))
            return false;
        auto call = std::move(calls.front());
        calls.pop_front();
        lock.unlock();
        call();
        return true;
    }
};

} // namespace

TEST_CASE("background jobs run in order off the caller's thread and answer through post") {
    UiQueue ui;
    std::vector<int> answers;
    std::vector<std::thread::id> ran_on;
    {
        bl::pos::Background bg(ui.post());
        CHECK(bg.threaded());
        for (int i = 0; i < 3; ++i)
            bg.submit([&, i]() -> std::function<void()> {
                ran_on.push_back(std::this_thread::get_id());
                return [&answers, i] { answers.push_back(i); };
            });
        for (int i = 0; i < 3; ++i)
            REQUIRE(ui.run_next());
    }
    CHECK(answers == std::vector<int>{0, 1, 2});
    REQUIRE(ran_on.size() == 3);
    CHECK(ran_on[0] != std::this_thread::get_id());

    bl::pos::Background now; // no post: at once, here
    CHECK_FALSE(now.threaded());
    bool done = false;
    now.submit([&]() -> std::function<void()> { return [&done] { done = true; }; });
    CHECK(done);
}

TEST_CASE("the printer sink keeps its copies and prints off the caller's thread") {
    namespace fs = std::filesystem;
    UiQueue ui;
    const fs::path folder = fs::temp_directory_path() / "bundlinje-sink-test";
    fs::remove_all(folder);
    const auto receipt = bl::receipts::sales_receipt(test::sample_receipt(false));
    {
        bl::pos::PrinterSink sink(std::nullopt, folder, ui.post());
        std::optional<std::optional<bl::Message>> answer;
        sink.deliver(receipt, [&](std::optional<bl::Message> p) { answer = p; });
        CHECK_FALSE(answer); // not yet: the caller goes on at once
        REQUIRE(ui.run_next());
        REQUIRE(answer);
        CHECK_FALSE(*answer);
        CHECK(fs::exists(folder / (receipt.name + ".txt")));
        CHECK(fs::exists(folder / (receipt.name + ".pdf")));

        // A printer that refuses: said through the answer, nothing thrown, nothing held.
        REQUIRE_FALSE(sink.use_printer("127.0.0.1:1"));
        answer.reset();
        sink.deliver(receipt, [&](std::optional<bl::Message> p) { answer = p; });
        REQUIRE(ui.run_next());
        REQUIRE(answer);
        REQUIRE(*answer);
        CHECK_THAT(bl::render(**answer), Catch::Contains("does not answer"));
    }
    fs::remove_all(folder);
}
