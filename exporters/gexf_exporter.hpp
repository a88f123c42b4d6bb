#pragma once
#include "exporters/exporter.hpp"

namespace storyline {

// GEXF 1.3 for Gephi's timeline: mode="dynamic", timeformat="date", start/end or spells on
// nodes and edges (closed day intervals: end is the last day), viz colours and sizes per node
// kind, typed attributes per class. Streamed node by node. See docs/exporters.md.
class GexfExporter final : public Exporter {
public:
    std::string_view name() const override { return "gexf"; }
    std::string_view extension() const override { return "gexf"; }
    std::string_view description() const override { return "GEXF 1.3 with time, for Gephi's timeline"; }
    void write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const override;
}; // class GexfExporter

} // namespace storyline
