#include "exporters/graphml_exporter.hpp"

#include "exporters/graph_walk.hpp"
#include "exporters/xml_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace storyline {
namespace {

// A key's value for one node (edge): a view of the property itself, or of `scratch` for
// computed values; empty = no <data> element. Plain function pointers and views keep the
// per-value cost to a call, without allocation (a 5,000,000-edge graph writes 40 M values).
using NodeValue = std::string_view (*)(const NodeProps&, std::string& scratch);
using EdgeValue = std::string_view (*)(const EdgeProps&, std::string& scratch);

struct NodeKey {
    const char* id;
    const char* type;   // GraphML attr.type
    NodeValue value;
};
struct EdgeKey {
    const char* id;     // unique among all keys ("weight" is a node key too)
    const char* name;   // attr.name
    const char* type;
    EdgeValue value;
};

std::string_view number_into(std::string& scratch, double v) { return scratch = number_text(v); }

std::string_view int_into(std::string& scratch, long long v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    scratch.assign(buf, r.ptr);
    return scratch;
}

std::string_view provenance_into(std::string& s, const std::vector<Provenance>& prov) {
    s.clear();
    for (const auto& p : prov) {
        if (!s.empty()) s += ' ';
        s += p.article_id;
        s += '@';
        s += std::to_string(p.span.begin);
        s += '-';
        s += std::to_string(p.span.end);
    }
    return s;
}

// The keys, in output order. "label" and "weight" are the names Gephi recognises
// (../shared/docs/gephi-graphml.md); the edge relation is an ordinary string key.
constexpr std::array node_keys{
    NodeKey{"label", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.label; }},
    NodeKey{"kind", "string", [](const NodeProps& n, std::string&) -> std::string_view { return to_string(n.kind); }},
    NodeKey{"weight", "double",
            [](const NodeProps& n, std::string& s) { return number_into(s, std::max(1, n.mentions)); }},
    NodeKey{"mentions", "int", [](const NodeProps& n, std::string& s) { return int_into(s, n.mentions); }},
    NodeKey{"sources", "int", [](const NodeProps& n, std::string& s) { return int_into(s, n.sources); }},
    NodeKey{"event_type", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.event_type; }},
    NodeKey{"date", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.date; }},
    NodeKey{"start", "string",
            [](const NodeProps& n, std::string& s) -> std::string_view {
                if (!n.when.known()) return {};
                return s = iso_day(n.when.first);
            }},
    NodeKey{"end", "string",
            [](const NodeProps& n, std::string& s) -> std::string_view {
                if (!n.when.known()) return {};
                return s = iso_day(n.when.last);
            }},
    NodeKey{"precision", "string",
            [](const NodeProps& n, std::string&) -> std::string_view {
                return n.kind == NodeKind::event ? to_string(n.when.precision) : "";
            }},
    NodeKey{"time_source", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.time_source; }},
    NodeKey{"modality", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.modality; }},
    NodeKey{"summary", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.summary; }},
    NodeKey{"confidence", "double",
            [](const NodeProps& n, std::string& s) -> std::string_view {
                return n.confidence > 0 ? number_into(s, n.confidence) : std::string_view();
            }},
    NodeKey{"thread", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.thread; }},
    // Chronological rank of an event (1 = earliest; absent = not placeable) and importance in the
    // participation graph (centrality.hpp): Gephi sizes and filters nodes by these.
    NodeKey{"order", "int",
            [](const NodeProps& n, std::string& s) -> std::string_view {
                return n.order > 0 ? int_into(s, n.order) : std::string_view();
            }},
    NodeKey{"degree", "int",
            [](const NodeProps& n, std::string& s) -> std::string_view {
                return n.degree > 0 ? int_into(s, n.degree) : std::string_view();
            }},
    NodeKey{"betweenness", "double",
            [](const NodeProps& n, std::string& s) -> std::string_view {
                return n.betweenness > 0 ? number_into(s, n.betweenness) : std::string_view();
            }},
    NodeKey{"aliases", "string", [](const NodeProps& n, std::string& s) -> std::string_view { return s = joined(n.aliases, " | "); }},
    NodeKey{"kb_id", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.kb_id; }},
    NodeKey{"country", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.country; }},
    NodeKey{"latitude", "double",
            [](const NodeProps& n, std::string& s) -> std::string_view {
                return n.latitude ? number_into(s, *n.latitude) : std::string_view();
            }},
    NodeKey{"longitude", "double",
            [](const NodeProps& n, std::string& s) -> std::string_view {
                return n.longitude ? number_into(s, *n.longitude) : std::string_view();
            }},
    NodeKey{"url", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.url; }},
    NodeKey{"lang", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.lang; }},
    NodeKey{"published", "string", [](const NodeProps& n, std::string&) -> std::string_view { return n.published; }},
    NodeKey{"provenance", "string", [](const NodeProps& n, std::string& s) { return provenance_into(s, n.provenance); }},
};

constexpr std::array edge_keys{
    EdgeKey{"e_weight", "weight", "double", [](const EdgeProps& e, std::string& s) { return number_into(s, e.weight); }},
    EdgeKey{"relation", "relation", "string",
            [](const EdgeProps& e, std::string&) -> std::string_view { return to_string(e.relation); }},
    EdgeKey{"edge_provenance", "provenance", "string",
            [](const EdgeProps& e, std::string& s) { return provenance_into(s, e.provenance); }},
};

// The lines of a node the writer reads, and the text of its label.
void prefetch_node(const NodeProps& n) {
    const char* p = reinterpret_cast<const char*>(&n);
    for (std::size_t at = 0; at < sizeof(NodeProps); at += 64) __builtin_prefetch(p + at);
    __builtin_prefetch(n.label.data());
}

// "<data key=\"id\">" for each key, built once: a graph of millions of nodes writes tens of
// millions of these.
template <class Keys>
std::vector<std::string> data_tags(const Keys& keys) {
    std::vector<std::string> tags;
    for (const auto& k : keys) tags.push_back(std::string("<data key=\"") + k.id + "\">");
    return tags;
}

void write_data(XmlWriter& xml, const std::string& open_tag, std::string_view value) {
    if (!value.empty()) xml.raw(open_tag).text(value).raw("</data>");
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
    for (const auto& k : node_keys) {
        xml.open("key").attr("id", k.id).attr("for", "node").attr("attr.name", k.id).attr("attr.type", k.type).close();
        xml.newline();
    }
    for (const auto& k : edge_keys) {
        xml.open("key").attr("id", k.id).attr("for", "edge").attr("attr.name", k.name).attr("attr.type", k.type).close();
        xml.newline();
    }
    xml.open("graph").attr("id", "storyline").attr("edgedefault", "directed");
    xml.newline();
    const auto& g = graph.impl();
    const std::vector<Vertex> nodes = graph.nodes_sorted();
    std::string scratch;
    const auto node_tags = data_tags(node_keys);
    const auto edge_tags = data_tags(edge_keys);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (i + 4 < nodes.size()) prefetch_node(g[nodes[i + 4]]);   // see for_each_edge_sorted()
        const NodeProps& n = g[nodes[i]];
        xml.raw("<node id=\"").text(n.id).raw("\">");
        for (std::size_t k = 0; k < node_keys.size(); ++k) write_data(xml, node_tags[k], node_keys[k].value(n, scratch));
        xml.raw("</node>\n");
    }
    std::size_t count = 0;
    char digits[24];
    // Edges stream node by node (no copy of the edge list), in edges_sorted() order.
    for_each_edge_sorted(graph, nodes, [&](Edge e) {
        const EdgeProps& p = g[e];
        const auto id_end = std::to_chars(digits, digits + sizeof digits, count++).ptr;
        xml.raw("<edge id=\"e").raw(std::string_view(digits, static_cast<std::size_t>(id_end - digits)));
        xml.raw("\" source=\"").text(g[boost::source(e, g)].id).raw("\" target=\"").text(g[boost::target(e, g)].id).raw("\">");
        for (std::size_t k = 0; k < edge_keys.size(); ++k) write_data(xml, edge_tags[k], edge_keys[k].value(p, scratch));
        xml.raw("</edge>\n");
    });
    xml.close();   // graph
    xml.newline();
    xml.close();   // graphml
    xml.newline();
    xml.flush();
}

} // namespace storyline
