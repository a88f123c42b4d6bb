#pragma once
#include "exporters/exporter.hpp"

namespace storyline {

// JSON Lines for scripts: one event per line (dated events chronologically, then undated ones
// by id) with its date, interval, type, summary, participants with their roles, places and
// sources. See docs/exporters.md for the fields.
class JsonlExporter final : public Exporter {
public:
    std::string_view name() const override { return "jsonl"; }
    std::string_view extension() const override { return "jsonl"; }
    std::string_view description() const override { return "JSON Lines, one event per line, for scripts"; }
    void write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const override;
}; // class JsonlExporter

} // namespace storyline
