#include "exporters/csv_exporter.hpp"

#include "exporters/graph_walk.hpp"

#include <array>

namespace storyline {
namespace {

constexpr std::array node_columns{"Id",       "Label",     "kind",     "event_type", "date",      "start",
                                  "end",      "precision", "sources",  "mentions",   "confidence", "thread",
                                  "modality", "summary",   "aliases",  "kb_id",      "country",   "latitude",
                                  "longitude", "url",      "lang",     "published",  "order",     "degree",
                                  "betweenness"};
constexpr std::array edge_columns{"Source", "Target", "Type", "Id", "Label", "Weight", "relation", "start", "end"};

template <std::size_t N>
void write_header(std::ostream& out, const std::array<const char*, N>& columns) {
    for (std::size_t i = 0; i < N; ++i) out << (i ? "," : "") << columns[i];
    out << '\n';
}

void write_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out << ',';
        write_csv_field(out, fields[i]);
    }
    out << '\n';
}

std::string optional_number(const std::optional<double>& v) { return v ? number_text(*v) : std::string(); }

void write_nodes(const StoryGraph& graph, std::ostream& out) {
    write_header(out, node_columns);
    const auto& g = graph.impl();
    std::vector<std::string> row;
    for (const Vertex v : graph.nodes_sorted()) {
        const NodeProps& n = g[v];
        const bool event = n.kind == NodeKind::event;
        const bool dated = event && n.when.known();
        row = {n.id,
               n.label,
               to_string(n.kind),
               n.event_type,
               n.date,
               dated ? iso_day(n.when.first) : "",
               dated ? iso_day(n.when.last) : "",
               event ? to_string(n.when.precision) : "",
               std::to_string(n.sources),
               std::to_string(n.mentions),
               n.confidence > 0 ? number_text(n.confidence) : "",
               n.thread,
               n.modality,
               n.summary,
               joined(n.aliases, " | "),
               n.kb_id,
               n.country,
               optional_number(n.latitude),
               optional_number(n.longitude),
               n.url,
               n.lang,
               n.published,
               n.order > 0 ? std::to_string(n.order) : "",
               n.degree > 0 ? std::to_string(n.degree) : "",
               n.betweenness > 0 ? number_text(n.betweenness) : ""};
        write_row(out, row);
    }
}

void write_edges(const StoryGraph& graph, std::ostream& out) {
    write_header(out, edge_columns);
    const auto& g = graph.impl();
    std::size_t count = 0;
    std::vector<std::string> row;
    for_each_edge_sorted(graph, graph.nodes_sorted(), [&](Edge e) {
        const EdgeProps& p = g[e];
        const auto life = edge_lifetime(graph, e);
        row = {g[boost::source(e, g)].id,
               g[boost::target(e, g)].id,
               "Directed",
               "e" + std::to_string(count++),
               to_string(p.relation),
               number_text(p.weight),
               to_string(p.relation),
               life ? iso_day(life->first) : "",
               life && !life->open_end ? iso_day(life->last) : ""};
        write_row(out, row);
    });
}

} // namespace

void write_csv_field(std::ostream& out, std::string_view value) {
    const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote) out << '"';
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"') out << "\"\"";
        else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out << "\xEF\xBF\xBD";
        else out << ch;
    }
    if (quote) out << '"';
}

void CsvExporter::write_part(const StoryGraph& graph, std::string_view part, std::ostream& out,
                             const ExportOptions&) const {
    if (part == "edges.csv") write_edges(graph, out);
    else write_nodes(graph, out);
}

void CsvExporter::write(const StoryGraph& graph, std::ostream& out, const ExportOptions&) const {
    write_nodes(graph, out);
    out << '\n';
    write_edges(graph, out);
}

} // namespace storyline
