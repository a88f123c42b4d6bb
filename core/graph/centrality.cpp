#include "core/graph/centrality.hpp"

#include <boost/graph/betweenness_centrality.hpp>

#include <map>

namespace storyline {

bool assign_centrality(StoryGraph& g, std::size_t node_limit) {
    auto& impl = g.impl();
    // The participation subgraph: entities and events, linked by agent / target / located_in.
    std::map<Vertex, std::size_t> local;
    std::vector<Vertex> global;
    auto index_of = [&](Vertex v) {
        auto [it, inserted] = local.emplace(v, global.size());
        if (inserted) global.push_back(v);
        return it->second;
    };
    std::vector<std::pair<std::size_t, std::size_t>> links;
    for (auto [it, end] = boost::edges(impl); it != end; ++it) {
        const auto r = impl[*it].relation;
        if (r != Relation::agent && r != Relation::target && r != Relation::located_in) continue;
        const Vertex a = boost::source(*it, impl), b = boost::target(*it, impl);
        links.emplace_back(index_of(a), index_of(b));
        ++impl[a].degree;
        ++impl[b].degree;
    }
    if (global.size() > node_limit || global.size() < 3) return global.size() <= node_limit;
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Undirected sub(global.size());
    for (const auto& [a, b] : links) boost::add_edge(a, b, sub);
    std::vector<double> centrality(global.size(), 0.0);
    boost::brandes_betweenness_centrality(
        sub, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, sub)));
    boost::relative_betweenness_centrality(
        sub, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, sub)));
    for (std::size_t i = 0; i < global.size(); ++i) impl[global[i]].betweenness = centrality[i];
    return true;
}

} // namespace storyline
