#pragma once
#include "exporters/exporter.hpp"

namespace storyline {

// Gephi's spreadsheet import: a nodes table (Id, Label, kind, ...) and an edges table (Source,
// Target, Type, Id, Label, Weight, relation, ...), RFC 4180 quoting, UTF-8, LF line ends.
// Two parts: `-o out/graph` writes out/graph.nodes.csv and out/graph.edges.csv.
class CsvExporter final : public Exporter {
public:
    std::string_view name() const override { return "csv"; }
    std::string_view extension() const override { return "csv"; }
    std::string_view description() const override {
        return "CSV nodes and edges tables for Gephi's spreadsheet import (-o STEM: STEM.nodes.csv, STEM.edges.csv)";
    }
    std::vector<std::string> parts() const override { return {"nodes.csv", "edges.csv"}; }
    void write_part(const StoryGraph& graph, std::string_view part, std::ostream& out,
                    const ExportOptions& options) const override;
    // Both tables, the nodes first, separated by one empty line (for a look on standard output).
    void write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const override;
}; // class CsvExporter

// One CSV field: quoted when it holds a comma, a quote, CR or LF (quotes doubled); control
// characters other than tab, CR and LF become U+FFFD.
void write_csv_field(std::ostream& out, std::string_view value);

} // namespace storyline
