#include "exporters/gexf_exporter.hpp"

#include "exporters/graph_walk.hpp"
#include "exporters/xml_writer.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace storyline {
namespace {

struct NodeAttribute {
    const char* id;
    const char* type;   // GEXF 1.3 type; dates and URLs are strings (Gephi drops anyURI)
    std::function<std::string(const NodeProps&)> value;   // empty = no attvalue
};

const std::vector<NodeAttribute>& node_attributes() {
    static const std::vector<NodeAttribute> all{
        {"kind", "string", [](const NodeProps& n) { return std::string(to_string(n.kind)); }},
        {"event_type", "string", [](const NodeProps& n) { return n.event_type; }},
        {"date", "string", [](const NodeProps& n) { return n.date; }},
        {"precision", "string",
         [](const NodeProps& n) { return n.kind == NodeKind::event ? std::string(to_string(n.when.precision)) : std::string(); }},
        {"time_source", "string", [](const NodeProps& n) { return n.time_source; }},
        {"modality", "string", [](const NodeProps& n) { return n.modality; }},
        {"summary", "string", [](const NodeProps& n) { return n.summary; }},
        {"sources", "integer", [](const NodeProps& n) { return std::to_string(n.sources); }},
        {"mentions", "integer", [](const NodeProps& n) { return std::to_string(n.mentions); }},
        {"confidence", "double",
         [](const NodeProps& n) { return n.confidence > 0 ? number_text(n.confidence) : std::string(); }},
        {"thread", "string", [](const NodeProps& n) { return n.thread; }},
        {"order", "integer", [](const NodeProps& n) { return n.order > 0 ? std::to_string(n.order) : std::string(); }},
        {"degree", "integer", [](const NodeProps& n) { return n.degree > 0 ? std::to_string(n.degree) : std::string(); }},
        {"betweenness", "double",
         [](const NodeProps& n) { return n.betweenness > 0 ? number_text(n.betweenness) : std::string(); }},
        {"aliases", "string", [](const NodeProps& n) { return joined(n.aliases, " | "); }},
        {"kb_id", "string", [](const NodeProps& n) { return n.kb_id; }},
        {"country", "string", [](const NodeProps& n) { return n.country; }},
        {"latitude", "double", [](const NodeProps& n) { return n.latitude ? number_text(*n.latitude) : std::string(); }},
        {"longitude", "double", [](const NodeProps& n) { return n.longitude ? number_text(*n.longitude) : std::string(); }},
        {"url", "string", [](const NodeProps& n) { return n.url; }},
        {"lang", "string", [](const NodeProps& n) { return n.lang; }},
        {"published", "string", [](const NodeProps& n) { return n.published; }},
    };
    return all;
}

struct Rgb {
    int r, g, b;
};

// One colour per node kind, so Gephi shows the kinds apart without a partition step.
Rgb colour_of(NodeKind k) {
    switch (k) {
    case NodeKind::article: return {150, 150, 150};
    case NodeKind::event: return {230, 90, 40};
    case NodeKind::person: return {66, 133, 244};
    case NodeKind::organization: return {52, 168, 83};
    case NodeKind::location: return {251, 188, 5};
    case NodeKind::misc: return {171, 71, 188};
    }
    return {0, 0, 0};
}

// Node size grows with the evidence (sources for events, mentions for entities), gently.
double size_of(const NodeProps& n) {
    const int evidence = std::max({1, n.sources, n.mentions});
    return std::round((4.0 + 4.0 * std::sqrt(static_cast<double>(evidence))) * 10.0) / 10.0;
}

void write_span(XmlWriter& xml, const DaySpan& s) {
    xml.attr("start", iso_day(s.first));
    if (!s.open_end) xml.attr("end", iso_day(s.last));
}

} // namespace

void GexfExporter::write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const {
    XmlWriter xml(out);
    xml.declaration();
    xml.open("gexf").attr("xmlns", "http://gexf.net/1.3").attr("xmlns:viz", "http://gexf.net/1.3/viz")
        .attr("version", "1.3");
    xml.newline();
    // No lastmodifieddate: it would make two exports of the same database differ.
    xml.open("meta");
    xml.leaf("creator", "storyline");
    xml.leaf("description", options.title);
    xml.close();
    xml.newline();
    xml.open("graph").attr("defaultedgetype", "directed").attr("mode", "dynamic").attr("timeformat", "date");
    xml.newline();
    xml.open("attributes").attr("class", "node");
    xml.newline();
    for (const auto& a : node_attributes()) {
        xml.open("attribute").attr("id", a.id).attr("title", a.id).attr("type", a.type).close();
        xml.newline();
    }
    xml.close();
    xml.newline();
    xml.open("attributes").attr("class", "edge");
    xml.newline();
    xml.open("attribute").attr("id", "relation").attr("title", "relation").attr("type", "string").close();
    xml.newline();
    xml.close();
    xml.newline();

    const auto& g = graph.impl();
    const std::vector<Vertex> nodes = graph.nodes_sorted();
    xml.open("nodes");
    xml.newline();
    for (const Vertex v : nodes) {
        const NodeProps& n = g[v];
        xml.open("node").attr("id", n.id).attr("label", n.label);
        const std::vector<DaySpan> life = node_lifetime(graph, v);
        if (life.size() == 1) write_span(xml, life.front());
        xml.open("attvalues");
        for (const auto& a : node_attributes()) {
            const std::string value = a.value(n);
            if (!value.empty()) xml.open("attvalue").attr("for", a.id).attr("value", value).close();
        }
        xml.close();
        if (life.size() > 1) {
            xml.open("spells");
            for (const DaySpan& s : life) {
                xml.open("spell");
                write_span(xml, s);
                xml.close();
            }
            xml.close();
        }
        const Rgb c = colour_of(n.kind);
        xml.open("viz:color").attr("r", std::to_string(c.r)).attr("g", std::to_string(c.g))
            .attr("b", std::to_string(c.b)).close();
        xml.open("viz:size").attr("value", number_text(size_of(n))).close();
        xml.close();
        xml.newline();
    }
    xml.close();
    xml.newline();
    xml.open("edges");
    xml.newline();
    std::size_t count = 0;
    for_each_edge_sorted(graph, nodes, [&](Edge e) {
        const EdgeProps& p = g[e];
        const char* relation = to_string(p.relation);
        xml.open("edge").attr("id", "e" + std::to_string(count++)).attr("source", g[boost::source(e, g)].id)
            .attr("target", g[boost::target(e, g)].id).attr("kind", relation).attr("label", relation)
            .attr("weight", number_text(p.weight));
        if (auto s = edge_lifetime(graph, e)) write_span(xml, *s);
        xml.open("attvalues");
        xml.open("attvalue").attr("for", "relation").attr("value", relation).close();
        xml.close();
        xml.close();
        xml.newline();
    });
    xml.close();   // edges
    xml.newline();
    xml.close();   // graph
    xml.newline();
    xml.close();   // gexf
    xml.newline();
    xml.flush();
}

} // namespace storyline
