#pragma once
// Actor importance for Gephi: NodeProps::degree (events a person, organisation, place or
// other entity takes part in, through agent/target/located_in edges) and
// NodeProps::betweenness (Brandes, on the undirected entity–event graph, normalised to 0..1).
#include "core/graph/story_graph.hpp"

namespace storyline {

// Betweenness is O(V·E): above this many entity and event nodes only degrees are computed.
constexpr std::size_t betweenness_node_limit = 20000;

// Returns false when the graph was too large for betweenness.
bool assign_centrality(StoryGraph& g, std::size_t node_limit = betweenness_node_limit);

} // namespace storyline
