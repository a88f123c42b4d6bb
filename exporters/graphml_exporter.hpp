#pragma once
#include "exporters/exporter.hpp"

namespace storyline {

// GraphML 1.1 for Gephi, networkx and igraph: typed keys (label, kind, date, start, end,
// weight, relation, ...), streamed node by node. See docs/exporters.md.
class GraphmlExporter final : public Exporter {
public:
    std::string_view name() const override { return "graphml"; }
    std::string_view extension() const override { return "graphml"; }
    std::string_view description() const override { return "GraphML for Gephi, networkx, igraph"; }
    void write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const override;
}; // class GraphmlExporter

} // namespace storyline
