#pragma once
// One CLI verb. setup() only declares options (no I/O), so bad arguments fail before any work;
// run() does the work and returns the exit code.
#include <CLI/CLI.hpp>

#include <memory>
#include <string_view>
#include <vector>

namespace storyline::cli {

enum ExitCode : int { ok = 0, partial_failure = 1, usage_error = 2 };

class Command {
public:
    virtual ~Command() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;
    [[nodiscard]] virtual std::string_view description() const = 0;
    virtual void setup(CLI::App& app) = 0;
    virtual int run() = 0;
}; // class Command

// The table of verbs, in --help order (commands.cpp).
std::vector<std::unique_ptr<Command>> make_commands();

} // namespace storyline::cli
