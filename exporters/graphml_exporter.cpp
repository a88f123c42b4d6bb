#include "exporters/graphml_exporter.hpp"

#include "exporters/graph_walk.hpp"
#include "exporters/xml_writer.hpp"

#include <array>
#include <charconv>
#include <functional>

namespace storyline {
namespace {

enum class Domain { node, edge };

struct Key {
    const char* id;
    Domain domain;
    const char* type;   // GraphML attr.type
    // Value of this key for a node (or edge); empty = no <data> element.
    std::function<std::string(const NodeProps&)> node_value;
    std::function<std::string(const EdgeProps&)> edge_value;
};

std::string provenance_text(const std::vector<Provenance>& prov) {
    std::string s;
    for (const auto& p : prov) {
        if (!s.empty()) s += ' ';
        s += p.article_id + "@" + std::to_string(p.span.begin) + "-" + std::to_string(p.span.end);
    }
    return s;
}

// The keys, in output order. "label" and "weight" are the names Gephi recognises
// (../shared/docs/gephi-graphml.md); the edge relation is an ordinary string key.
const std::vector<Key>& keys() {
    static const std::vector<Key> all{
        {"label", Domain::node, "string", [](const NodeProps& n) { return n.label; }, {}},
        {"kind", Domain::node, "string", [](const NodeProps& n) { return std::string(to_string(n.kind)); }, {}},
        {"weight", Domain::node, "double", [](const NodeProps& n) { return number_text(std::max(1, n.mentions)); }, {}},
        {"mentions", Domain::node, "int", [](const NodeProps& n) { return std::to_string(n.mentions); }, {}},
        {"sources", Domain::node, "int", [](const NodeProps& n) { return std::to_string(n.sources); }, {}},
        {"event_type", Domain::node, "string", [](const NodeProps& n) { return n.event_type; }, {}},
        {"date", Domain::node, "string", [](const NodeProps& n) { return n.date; }, {}},
        {"start", Domain::node, "string",
         [](const NodeProps& n) { return n.when.known() ? iso_day(n.when.first) : std::string(); }, {}},
        {"end", Domain::node, "string",
         [](const NodeProps& n) { return n.when.known() ? iso_day(n.when.last) : std::string(); }, {}},
        {"precision", Domain::node, "string",
         [](const NodeProps& n) { return n.kind == NodeKind::event ? std::string(to_string(n.when.precision)) : std::string(); }, {}},
        {"time_source", Domain::node, "string", [](const NodeProps& n) { return n.time_source; }, {}},
        {"modality", Domain::node, "string", [](const NodeProps& n) { return n.modality; }, {}},
        {"summary", Domain::node, "string", [](const NodeProps& n) { return n.summary; }, {}},
        {"confidence", Domain::node, "double",
         [](const NodeProps& n) { return n.confidence > 0 ? number_text(n.confidence) : std::string(); }, {}},
        {"thread", Domain::node, "string", [](const NodeProps& n) { return n.thread; }, {}},
        {"aliases", Domain::node, "string", [](const NodeProps& n) { return joined(n.aliases, " | "); }, {}},
        {"kb_id", Domain::node, "string", [](const NodeProps& n) { return n.kb_id; }, {}},
        {"country", Domain::node, "string", [](const NodeProps& n) { return n.country; }, {}},
        {"latitude", Domain::node, "double",
         [](const NodeProps& n) { return n.latitude ? number_text(*n.latitude) : std::string(); }, {}},
        {"longitude", Domain::node, "double",
         [](const NodeProps& n) { return n.longitude ? number_text(*n.longitude) : std::string(); }, {}},
        {"url", Domain::node, "string", [](const NodeProps& n) { return n.url; }, {}},
        {"lang", Domain::node, "string", [](const NodeProps& n) { return n.lang; }, {}},
        {"published", Domain::node, "string", [](const NodeProps& n) { return n.published; }, {}},
        {"provenance", Domain::node, "string", [](const NodeProps& n) { return provenance_text(n.provenance); }, {}},
        {"weight", Domain::edge, "double", {}, [](const EdgeProps& e) { return number_text(e.weight); }},
        {"relation", Domain::edge, "string", {}, [](const EdgeProps& e) { return std::string(to_string(e.relation)); }},
        {"edge_provenance", Domain::edge, "string", {}, [](const EdgeProps& e) { return provenance_text(e.provenance); }},
    };
    return all;
}

std::string key_id(const Key& k) {
    // Node and edge keys may share a name ("weight"); ids must be unique.
    return k.domain == Domain::edge && std::string_view(k.id) == "weight" ? "e_weight" : k.id;
}

} // namespace

void GraphmlExporter::write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const {
    XmlWriter xml(out);
    xml.declaration();
    xml.open("graphml").attr("xmlns", "http://graphml.graphdrawing.org/xmlns")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .attr("xsi:schemaLocation",
              "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd");
    xml.newline();
    xml.open("desc").text(options.title).close();
    xml.newline();
    for (const auto& k : keys()) {
        const std::string name = k.id == std::string_view("edge_provenance") ? "provenance" : k.id;
        xml.open("key").attr("id", key_id(k)).attr("for", k.domain == Domain::node ? "node" : "edge")
            .attr("attr.name", name).attr("attr.type", k.type).close();
        xml.newline();
    }
    xml.open("graph").attr("id", "storyline").attr("edgedefault", "directed");
    xml.newline();
    const auto& g = graph.impl();
    const std::vector<Vertex> nodes = graph.nodes_sorted();
    for (const Vertex v : nodes) {
        const NodeProps& n = g[v];
        xml.open("node").attr("id", n.id);
        for (const auto& k : keys()) {
            if (k.domain != Domain::node) continue;
            const std::string value = k.node_value(n);
            if (value.empty()) continue;
            xml.open("data").attr("key", key_id(k)).text(value).close();
        }
        xml.close();
        xml.newline();
    }
    std::size_t n = 0;
    // Edges stream node by node (no copy of the edge list), in edges_sorted() order.
    for_each_edge_sorted(graph, nodes, [&](Edge e) {
        const EdgeProps& p = g[e];
        xml.open("edge").attr("id", "e" + std::to_string(n++)).attr("source", g[boost::source(e, g)].id)
            .attr("target", g[boost::target(e, g)].id);
        for (const auto& k : keys()) {
            if (k.domain != Domain::edge) continue;
            const std::string value = k.edge_value(p);
            if (value.empty()) continue;
            xml.open("data").attr("key", key_id(k)).text(value).close();
        }
        xml.close();
        xml.newline();
    });
    xml.close();   // graph
    xml.newline();
    xml.close();   // graphml
    xml.newline();
}

} // namespace storyline
