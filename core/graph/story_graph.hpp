#pragma once
// The Boost.Graph core: one directed graph of articles, events and entities with bundled
// properties, indexed by stable id. Vertices and edges are kept in a canonical order
// (vertices by id, edges by source, target, relation) so that every export is byte-identical
// for the same input.
#include "core/graph/time_interval.hpp"
#include "core/model/span.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace storyline {

enum class NodeKind { article, event, person, organization, location, misc };
enum class Relation {
    agent, target, involves, located_in, reported_by, mentions, before, includes, same_as, co_occurs
};

// Where a node or edge comes from: one article, a byte range in its text, a confidence.
struct Provenance {
    std::string article_id;
    Span span;
    double confidence = 0.5;
    friend bool operator==(const Provenance&, const Provenance&) = default;
    friend auto operator<=>(const Provenance&, const Provenance&) = default;
};

struct NodeProps {
    std::string id;            // NMTOKEN-safe and slug-safe: "evt-1a2b3c4d5e6f", "per-...", "art-..."
    NodeKind kind = NodeKind::misc;
    std::string label;
    // events
    std::string event_type;    // taxonomy code
    std::string date;          // TIMEX3 value the event is dated by
    TimeInterval when;         // the same, as an interval
    std::string time_source;   // timex | anchor | document | none
    std::string modality;      // asserted | negated | planned | reported | hypothetical
    std::string summary;
    int sources = 0;           // distinct articles reporting it (events) or mentioning it (entities)
    int mentions = 0;
    double confidence = 0.0;
    std::string thread;        // story thread id ("thread-3"), see threads.hpp
    int order = 0;             // chronological position, 1 = earliest, 0 = not placeable (chronology.hpp)
    // entities (and events): participation degree and normalised betweenness (centrality.hpp)
    int degree = 0;
    double betweenness = 0.0;
    // entities
    std::vector<std::string> aliases;   // every surface form seen, sorted
    std::string kb_id;                  // gazetteer id where linked; for articles, the article id
    std::string country;                // ISO 3166-1 alpha-2 where known
    std::optional<double> latitude, longitude;
    // articles
    std::string url, lang, published, title, source_key;
    std::vector<Provenance> provenance; // sorted
};

struct EdgeProps {
    Relation relation = Relation::involves;
    double weight = 1.0;
    std::vector<Provenance> provenance; // sorted
};

using GraphImpl = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;
using Vertex = GraphImpl::vertex_descriptor;
using Edge = GraphImpl::edge_descriptor;

class StoryGraph {
public:
    StoryGraph() : m_graph(std::make_unique<GraphImpl>()) {}
    StoryGraph(const StoryGraph& other) : m_graph(std::make_unique<GraphImpl>(*other.m_graph)), m_index(other.m_index) {}
    StoryGraph& operator=(const StoryGraph& other) {
        if (this != &other) *this = StoryGraph(other);
        return *this;
    }
    // Boost 1.74's adjacency_list has a copy constructor and no move (its swap copies too): the
    // graph is held through a pointer so that returning or handing over a StoryGraph does not
    // copy hundreds of thousands of nodes. A moved-from StoryGraph may only be destroyed.
    StoryGraph(StoryGraph&&) noexcept = default;
    StoryGraph& operator=(StoryGraph&&) noexcept = default;
    ~StoryGraph() = default;

    // Room for n nodes, so that adding them moves none (a node holds a dozen strings).
    void reserve_nodes(std::size_t n);
    // Adds the node, or returns the existing vertex with that id (properties untouched).
    Vertex add_node(NodeProps props);
    // Adds an edge, or merges into the existing edge with the same endpoints and relation
    // (weights add up, provenance is united).
    Edge add_edge(Vertex from, Vertex to, Relation relation, double weight = 1.0,
                  std::optional<Provenance> provenance = std::nullopt);
    [[nodiscard]] std::optional<Vertex> find(const std::string& id) const;

    [[nodiscard]] const GraphImpl& impl() const { return *m_graph; }
    [[nodiscard]] GraphImpl& impl() { return *m_graph; }
    [[nodiscard]] const NodeProps& node(Vertex v) const { return (*m_graph)[v]; }
    [[nodiscard]] NodeProps& node(Vertex v) { return (*m_graph)[v]; }
    [[nodiscard]] const EdgeProps& edge(Edge e) const { return (*m_graph)[e]; }
    [[nodiscard]] std::size_t node_count() const { return boost::num_vertices(*m_graph); }
    [[nodiscard]] std::size_t edge_count() const { return boost::num_edges(*m_graph); }

    // Canonical orders for writers.
    [[nodiscard]] std::vector<Vertex> nodes_sorted() const;
    [[nodiscard]] std::vector<Edge> edges_sorted() const;

private:
    std::unique_ptr<GraphImpl> m_graph;
    std::unordered_map<std::string, Vertex> m_index;
}; // class StoryGraph

const char* to_string(NodeKind k);
const char* to_string(Relation r);

} // namespace storyline
