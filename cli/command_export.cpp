#include "cli/commands_list.hpp"
#include "cli/export_job.hpp"
#include "exporters/filter.hpp"
#include "exporters/graph_walk.hpp"
#include "exporters/registry.hpp"

#include <iostream>

namespace storyline::cli {
namespace {

// Writes one part of a multi-file format through the single-stream write_export().
class PartExporter final : public Exporter {
public:
    PartExporter(const Exporter& whole, std::string part) : m_whole(whole), m_part(std::move(part)) {}
    std::string_view name() const override { return m_whole.name(); }
    std::string_view extension() const override { return m_part; }
    std::string_view description() const override { return m_whole.description(); }
    void write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const override {
        m_whole.write_part(graph, m_part, out, options);
    }

private:
    const Exporter& m_whole;
    std::string m_part;
}; // class PartExporter

// `-o out/graph` or `-o out/graph.csv` → out/graph.nodes.csv, out/graph.edges.csv.
std::string part_path(const std::string& output, std::string_view extension, const std::string& part) {
    std::string stem = output;
    const std::string dot_ext = "." + std::string(extension);
    if (stem.size() > dot_ext.size() && stem.compare(stem.size() - dot_ext.size(), dot_ext.size(), dot_ext) == 0)
        stem.resize(stem.size() - dot_ext.size());
    return stem + "." + part;
}

CLI::Validator iso_day_validator() {
    return CLI::Validator(
        [](std::string& s) { return day_of(s) && s.size() == 10 ? std::string() : "not a calendar day YYYY-MM-DD: " + s; },
        "YYYY-MM-DD");
}

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
        app.add_option("--db", m_db, "Database: a SQLite file, or postgresql://user@host/db")->capture_default_str();
        app.add_option("-o,--output", m_output,
                       "Output file, - for standard output (csv: a path stem, writes STEM.nodes.csv and STEM.edges.csv)")
            ->capture_default_str();
        app.add_option("--title", m_options.title, "Title of the graph / timeline")->capture_default_str();
        app.add_option("--format", m_options.format_variant, "Variant of the format (timeline: vis)");
        app.add_option("--max-events", m_options.max_slides,
                       "TimelineJS slides (timeline, html): the N most reported events, 0 = all")
            ->capture_default_str();
        app.add_flag("--keep-near-duplicates", m_keep_near_duplicates,
                     "Keep near-duplicate articles (the same story under two outlets) as separate articles");
        auto* filters = "Filters (events passing all given filters, with their actors and articles)";
        app.add_option("--from", m_from, "Events overlapping this day or later (YYYY-MM-DD)")
            ->check(iso_day_validator())->group(filters);
        app.add_option("--to", m_to, "Events overlapping this day or earlier (YYYY-MM-DD)")
            ->check(iso_day_validator())->group(filters);
        app.add_option("--entity", m_filter.entities, "Events involving this entity (name or alias; repeatable)")
            ->group(filters);
        app.add_option("--type", m_filter.types, "Event type or type prefix (repeatable)")->group(filters);
        app.add_option("--min-sources", m_filter.min_sources, "Events reported by at least N articles")
            ->check(CLI::NonNegativeNumber)->group(filters);
        app.add_option("--lang", m_filter.langs, "Events reported in this language; other articles dropped (repeatable)")
            ->group(filters);
        app.add_option("--thread", m_filter.threads, "Events of this story thread (repeatable)")->group(filters);
        app.footer("Formats:" + formats);
    }
    int run() override {
        const Exporter* exporter = exporter_by_name(m_format);
        if (!exporter->accepts_variant(m_options.format_variant)) {
            std::cerr << "export " << m_format << ": unknown --format " << m_options.format_variant << '\n';
            return ExitCode::usage_error;
        }
        if (!m_from.empty()) m_filter.from = day_of(m_from);
        if (!m_to.empty()) m_filter.to = day_of(m_to);
        if (m_filter.from && m_filter.to && *m_filter.to < *m_filter.from) {
            std::cerr << "export: --to " << m_to << " is before --from " << m_from << '\n';
            return ExitCode::usage_error;
        }
        StoryGraph loaded = load_graph(m_db, m_keep_near_duplicates);
        const StoryGraph& graph = keep_until_exit(m_filter.empty() ? std::move(loaded) : filter_graph(loaded, m_filter));
        const std::vector<std::string> parts = exporter->parts();
        if (parts.empty() || m_output == "-") {
            write_export(*exporter, graph, m_options, m_output);
            if (m_output != "-") std::cerr << "Wrote " << m_output << ": " << describe_graph(graph) << '\n';
            return ExitCode::ok;
        }
        for (const std::string& part : parts) {
            const std::string path = part_path(m_output, exporter->extension(), part);
            write_export(PartExporter(*exporter, part), graph, m_options, path);
            std::cerr << "Wrote " << path << '\n';
        }
        std::cerr << "Graph: " << describe_graph(graph) << '\n';
        return ExitCode::ok;
    }

private:
    std::string m_format, m_db = "storyline.db", m_output = "-", m_from, m_to;
    ExportOptions m_options;
    ExportFilter m_filter;
    bool m_keep_near_duplicates = false;
};

} // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

} // namespace storyline::cli
