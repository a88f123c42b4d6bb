#pragma once
// Runs the storyline binary as a child process with a wall-clock limit, and measures what the
// hostile-input tests bound: time, peak memory, exit status, stderr.
#include <string>
#include <vector>

namespace storyline::test_support {

struct CliRun {
    int exit_code = -1;        // -1 when killed by a signal
    int signal = 0;            // the signal that ended it, 0 for a normal exit
    bool timed_out = false;    // killed by us after the limit
    double seconds = 0;
    long max_rss_mb = 0;
    std::string out, err;
};

// The storyline binary this test suite was built with.
std::string storyline_binary();
CliRun run_cli(const std::vector<std::string>& args, double limit_seconds);
// True in a sanitizer build, where time and memory limits are scaled.
bool sanitized_build();

} // namespace storyline::test_support
