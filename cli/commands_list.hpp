#pragma once
// One factory per verb, each defined in its own command_<verb>.cpp.
#include "cli/command.hpp"

namespace storyline::cli {

std::unique_ptr<Command> make_run_command();
std::unique_ptr<Command> make_import_command();
std::unique_ptr<Command> make_export_command();
std::unique_ptr<Command> make_annotate_command();
std::unique_ptr<Command> make_stats_command();
std::unique_ptr<Command> make_timeline_command();

} // namespace storyline::cli
