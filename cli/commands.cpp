#include "cli/command.hpp"
#include "cli/commands_list.hpp"

namespace storyline::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> all;
    all.push_back(make_run_command());
    all.push_back(make_import_command());
    all.push_back(make_export_command());
    all.push_back(make_annotate_command());
    all.push_back(make_stats_command());
    all.push_back(make_timeline_command());
    return all;
}

} // namespace storyline::cli
