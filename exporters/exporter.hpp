#pragma once
// An exporter writes the story graph in one format. Exporters get a graph that the shared
// filters (exporters/filter.hpp) have already narrowed, and write to a stream.
#include "core/graph/story_graph.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

struct ExportOptions {
    std::string title = "Storyline";   // timeline title slide, graph description
    std::string format_variant;        // e.g. "vis" for the timeline exporter
    // TimelineJS slides (timeline JSON and the HTML viewer): the most reported events up to
    // this many, shown in chronological order; 0 = every dated event. A story of thousands of
    // slides is unreadable and TimelineJS takes minutes to lay it out; the graph exports and
    // --format vis always carry every event.
    std::size_t max_slides = 500;
};

class Exporter {
public:
    virtual ~Exporter() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;
    [[nodiscard]] virtual std::string_view extension() const = 0;   // "graphml", "json"
    [[nodiscard]] virtual std::string_view description() const = 0;
    virtual void write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const = 0;

    // Variants of the format chosen with --format (ExportOptions::format_variant); "" = default.
    [[nodiscard]] virtual bool accepts_variant(std::string_view variant) const { return variant.empty(); }
    // A format that is several files (CSV: nodes and edges) names its parts, e.g. "nodes.csv";
    // `-o out/graph` then writes out/graph.nodes.csv, ... one part each through write_part().
    // write() still writes everything to one stream. Single-file formats have no parts.
    [[nodiscard]] virtual std::vector<std::string> parts() const { return {}; }
    virtual void write_part(const StoryGraph& graph, std::string_view part, std::ostream& out,
                            const ExportOptions& options) const {
        (void)part;
        write(graph, out, options);
    }
}; // class Exporter

} // namespace storyline
