#include "cli/commands_list.hpp"
#include "cli/export_job.hpp"
#include "exporters/registry.hpp"

#include <iostream>

namespace storyline::cli {
namespace {

class ExportCommand final : public Command {
public:
    std::string_view name() const override { return "export"; }
    std::string_view description() const override { return "Write the graph or the timeline in one format"; }
    void setup(CLI::App& app) override {
        std::vector<std::string> names;
        std::string formats;
        for (const Exporter* e : all_exporters()) {
            names.emplace_back(e->name());
            formats += "\n  " + std::string(e->name()) + ": " + std::string(e->description());
        }
        app.add_option("format", m_format, "Export format")->required()->check(CLI::IsMember(names));
        app.add_option("--db", m_db, "Database file")->capture_default_str();
        app.add_option("-o,--output", m_output, "Output file, - for standard output")->capture_default_str();
        app.add_option("--title", m_options.title, "Title of the graph / timeline")->capture_default_str();
        app.footer("Formats:" + formats);
    }
    int run() override {
        const Exporter* exporter = exporter_by_name(m_format);
        const StoryGraph graph = load_graph(m_db);
        write_export(*exporter, graph, m_options, m_output);
        if (m_output != "-") std::cerr << "Wrote " << m_output << ": " << describe_graph(graph) << '\n';
        return ExitCode::ok;
    }

private:
    std::string m_format, m_db = "storyline.db", m_output = "-";
    ExportOptions m_options;
};

} // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

} // namespace storyline::cli
