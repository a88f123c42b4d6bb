#include "cli/commands_list.hpp"
#include "cli/export_job.hpp"
#include "cli/import_job.hpp"
#include "exporters/registry.hpp"

#include <filesystem>
#include <iostream>

namespace storyline::cli {
namespace {

// The one-shot job: import, then the Gephi and timeline exports into one folder.
class RunCommand final : public Command {
public:
    std::string_view name() const override { return "run"; }
    std::string_view description() const override {
        return "Import PATHs into DIR/storyline.db, then write DIR/graph.graphml, graph.gexf, timeline.json, "
               "timeline.html and events.jsonl";
    }
    void setup(CLI::App& app) override {
        app.add_option("paths", m_import.inputs, "Files or folders to import")->required();
        app.add_option("-o,--output", m_dir, "Output folder")->required();
        app.add_option("--db", m_import.db, "Database: a SQLite file (default: DIR/storyline.db), or postgresql://user@host/db");
        app.add_option("--lang", m_import.lang, "Language: auto, or a code such as fr, en")->capture_default_str();
        app.add_option("--date", m_import.date, "Publication date (YYYY-MM-DD) for articles that carry none");
        app.add_option("--title", m_options.title, "Title of the graph / timeline")->capture_default_str();
        app.add_option("--max-events", m_options.max_slides,
                       "TimelineJS slides (timeline, html): the N most reported events, 0 = all")
            ->capture_default_str();
        app.add_flag("--keep-near-duplicates", m_keep_near_duplicates,
                     "Keep near-duplicate articles (the same story under two outlets) as separate articles");
        app.add_flag("-q,--quiet", m_import.quiet, "No progress line");
    }
    int run() override {
        std::filesystem::create_directories(m_dir);
        if (m_import.db.empty() || m_import.db == "storyline.db") m_import.db = (std::filesystem::path(m_dir) / "storyline.db").string();
        const ImportSummary s = run_import(m_import, std::cerr);
        print_summary(s, m_import.db, std::cout);
        const StoryGraph& graph = keep_until_exit(load_graph(m_import.db, m_keep_near_duplicates));
        // Every single-file export: Gephi (GraphML, GEXF with time), the web (TimelineJS3 JSON and
        // the self-contained viewer) and scripts (JSON Lines).
        for (const auto& [format, file] : {std::pair{"graphml", "graph.graphml"}, std::pair{"gexf", "graph.gexf"},
                                           std::pair{"timeline", "timeline.json"}, std::pair{"html", "timeline.html"},
                                           std::pair{"jsonl", "events.jsonl"}}) {
            const auto path = (std::filesystem::path(m_dir) / file).string();
            write_export(*exporter_by_name(format), graph, m_options, path);
            std::cout << "Wrote " << path << '\n';
        }
        std::cout << "Graph: " << describe_graph(graph) << '\n';
        return s.clean() ? ExitCode::ok : ExitCode::partial_failure;
    }

private:
    ImportOptions m_import;
    std::string m_dir;
    ExportOptions m_options;
    bool m_keep_near_duplicates = false;
};

} // namespace

std::unique_ptr<Command> make_run_command() { return std::make_unique<RunCommand>(); }

} // namespace storyline::cli
