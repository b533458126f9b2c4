// bench_till_startup: the till's cold start with a big shop (100,000 products, 1,000,000
// past sale lines): from starting the program to the sale screen drawn with its tiles, and
// the most memory it held. Runs bundlinje-till --exit-when-ready under the display it is
// given (scripts/bench uses a virtual one), three times, and reports the median time and the
// highest resident memory.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/seed.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::current_path() / "bench-data";
    fs::create_directories(dir);
    const fs::path file = dir / "startup.db";
    for (const char* ext : {"", "-wal", "-shm"})
        fs::remove(file.string() + ext);
    {
        bl::Database db(file.string());
        bench::make_till(db);
        bench::seed_big_shop(db.path(), 100000, 1000000);
        bench::open_raw(db.path()).exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::vector<double> seconds;
    long max_rss_kb = 0;
    for (int run = 0; run < 3; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        const pid_t pid = fork();
        if (pid == 0) {
            execl(BL_TILL_PATH, BL_TILL_PATH, "--db", file.c_str(), "--exit-when-ready",
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        int status = 0;
        rusage usage{};
        wait4(pid, &status, 0, &usage);
        const auto t1 = std::chrono::steady_clock::now();
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::printf("bundlinje-till did not start (status %d); is there a display?\n", status);
            return 1;
        }
        seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
        max_rss_kb = std::max(max_rss_kb, usage.ru_maxrss);
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[1];
    const double rss_mb = static_cast<double>(max_rss_kb) / 1024.0;
    std::printf("bench: till_cold_start = %.2f s (goal <= 1) %s\n", median,
                median <= 1.0 ? "PASS" : "FAIL");
    std::printf("bench: till_resident_memory = %.0f MB (goal <= 150) %s\n", rss_mb,
                rss_mb <= 150.0 ? "PASS" : "FAIL");
    return 0;
}
