// storyline: picks the verb, nothing else.
#include "cli/command.hpp"

#include <iostream>

int main(int argc, char** argv) {
    using namespace storyline::cli;
    CLI::App app{"Storyline: turns a folder of news articles into an event-and-timeline knowledge graph.\n"
                 "Typical use: storyline run articles/ -o out/   (import, then Gephi and timeline exports)",
                 "storyline"};
    app.footer("Environment:\n"
               "  STORYLINE_RESOURCES  where lang/ and data/ are read from (default: the installed share/storyline,\n"
               "                       else the source tree)\n"
               "  STORYLINE_CACHE_DIR  where the gazetteer's image is cached between runs (default: ~/.cache/storyline;\n"
               "                       \"off\": build it from the data files at each start)");
    app.require_subcommand(1);
    app.set_version_flag("--version", "storyline 0.1.0");
    auto commands = make_commands();
    std::vector<std::pair<CLI::App*, Command*>> subs;
    for (auto& cmd : commands) {
        CLI::App* sub = app.add_subcommand(std::string(cmd->name()), std::string(cmd->description()));
        cmd->setup(*sub);
        subs.emplace_back(sub, cmd.get());
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? ExitCode::ok : ExitCode::usage_error;
    }
    for (auto& [sub, cmd] : subs) {
        if (!sub->parsed()) continue;
        try {
            return cmd->run();
        } catch (const std::exception& e) {
            std::cerr << "storyline " << cmd->name() << ": error: " << e.what() << '\n';
            return ExitCode::partial_failure;
        }
    }
    return ExitCode::usage_error;
}
