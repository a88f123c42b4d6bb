#pragma once
// The one-line progress display of long commands on stderr ("[12000/21355] reading"), redrawn
// at most every 200 ms, and only when stderr is a terminal: logs and pipes get none of it.
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <iostream>
#include <string>

namespace storyline::cli {

class Progress {
public:
    static constexpr auto interval = std::chrono::milliseconds(200);   // between two redraws
    explicit Progress(bool enabled) : m_enabled(enabled && ::isatty(2)) {}
    [[nodiscard]] bool enabled() const { return m_enabled; }
    // `within`: how far into that item, for one read as a stream ("" otherwise).
    void update(std::size_t done, std::size_t total, const std::string& what, const std::string& within = {}) {
        if (!m_enabled) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < interval && done != total) return;
        m_last = now;
        const std::string shown = what.size() > 60 ? "…" + what.substr(what.size() - 59) : what;
        std::cerr << "\r\033[K[" << done << "/" << total << "] " << shown << within << std::flush;
    }
    // Clears the line, so that a message can be written in its place; the next update
    // draws it again.
    void finish() {
        if (m_enabled) std::cerr << "\r\033[K" << std::flush;
    }

private:
    bool m_enabled;
    std::chrono::steady_clock::time_point m_last{};
};

} // namespace storyline::cli
