#pragma once
// An exporter writes the story graph in one format. Exporters get a graph that the shared
// filters (exporters/filter.hpp) have already narrowed, and write to a stream.
#include "core/graph/story_graph.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace storyline {

struct ExportOptions {
    std::string title = "Storyline";   // timeline title slide, graph description
    std::string format_variant;        // e.g. "vis" for the timeline exporter
};

class Exporter {
public:
    virtual ~Exporter() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;
    [[nodiscard]] virtual std::string_view extension() const = 0;   // "graphml", "json"
    [[nodiscard]] virtual std::string_view description() const = 0;
    virtual void write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const = 0;
}; // class Exporter

} // namespace storyline
