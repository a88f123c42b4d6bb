#include "core/graph/story_graph.hpp"

#include <algorithm>
#include <tuple>

namespace storyline {

void StoryGraph::reserve_nodes(std::size_t n) {
    // Boost has no reserve() for a vecS vertex list; m_vertices is that list, a public member.
    m_graph->m_vertices.reserve(n);
    m_index.reserve(n);
}

Vertex StoryGraph::add_node(NodeProps props) {
    if (auto it = m_index.find(props.id); it != m_index.end()) return it->second;
    std::string id = props.id;
    // Boost's add_vertex(props, g) copies the properties (a dozen strings and lists): add a
    // default vertex and move them in.
    const Vertex v = boost::add_vertex(*m_graph);
    (*m_graph)[v] = std::move(props);
    m_index.emplace(std::move(id), v);
    return v;
}

Edge StoryGraph::add_edge(Vertex from, Vertex to, Relation relation, double weight,
                          std::optional<Provenance> provenance) {
    for (auto [it, end] = boost::out_edges(from, (*m_graph)); it != end; ++it) {
        if (boost::target(*it, (*m_graph)) == to && (*m_graph)[*it].relation == relation) {
            auto& props = (*m_graph)[*it];
            props.weight += weight;
            if (provenance) {
                auto pos = std::lower_bound(props.provenance.begin(), props.provenance.end(), *provenance);
                if (pos == props.provenance.end() || *pos != *provenance) props.provenance.insert(pos, *provenance);
            }
            return *it;
        }
    }
    EdgeProps props;
    props.relation = relation;
    props.weight = weight;
    if (provenance) props.provenance.push_back(*provenance);
    const Edge e = boost::add_edge(from, to, *m_graph).first;   // then moved in, as for nodes
    (*m_graph)[e] = std::move(props);
    return e;
}

std::optional<Vertex> StoryGraph::find(const std::string& id) const {
    if (auto it = m_index.find(id); it != m_index.end()) return it->second;
    return std::nullopt;
}

std::vector<Vertex> StoryGraph::nodes_sorted() const {
    std::vector<Vertex> out;
    out.reserve(node_count());
    for (auto [it, end] = boost::vertices((*m_graph)); it != end; ++it) out.push_back(*it);
    auto by_id = [this](Vertex a, Vertex b) { return (*m_graph)[a].id < (*m_graph)[b].id; };
    // GraphBuilder adds nodes in id order already (and filters keep it): one linear check
    // spares the sort, which several analyses and every writer ask for.
    if (!std::is_sorted(out.begin(), out.end(), by_id)) std::sort(out.begin(), out.end(), by_id);
    return out;
}

std::vector<Edge> StoryGraph::edges_sorted() const {
    std::vector<Edge> out;
    out.reserve(edge_count());
    for (auto [it, end] = boost::edges((*m_graph)); it != end; ++it) out.push_back(*it);
    auto key = [this](Edge e) {
        return std::tie((*m_graph)[boost::source(e, (*m_graph))].id, (*m_graph)[boost::target(e, (*m_graph))].id);
    };
    std::sort(out.begin(), out.end(), [&](Edge a, Edge b) {
        const auto ka = key(a);
        const auto kb = key(b);
        if (ka != kb) return ka < kb;
        return (*m_graph)[a].relation < (*m_graph)[b].relation;
    });
    return out;
}

const char* to_string(NodeKind k) {
    switch (k) {
    case NodeKind::article: return "article";
    case NodeKind::event: return "event";
    case NodeKind::person: return "person";
    case NodeKind::organization: return "organization";
    case NodeKind::location: return "location";
    case NodeKind::misc: return "misc";
    }
    return "misc";
}

const char* to_string(Relation r) {
    switch (r) {
    case Relation::agent: return "agent";
    case Relation::target: return "target";
    case Relation::involves: return "involves";
    case Relation::located_in: return "located_in";
    case Relation::reported_by: return "reported_by";
    case Relation::mentions: return "mentions";
    case Relation::before: return "before";
    case Relation::includes: return "includes";
    case Relation::same_as: return "same_as";
    case Relation::co_occurs: return "co_occurs";
    }
    return "involves";
}

} // namespace storyline
