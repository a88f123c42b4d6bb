#pragma once
// Chronology over the event nodes of a story graph:
// - `before` edges from the events' time intervals, as the transitive reduction of the interval
//   order between classes of equal intervals (so the edge count grows with the number of
//   distinct dates, not with the square of the events);
// - `includes` edges from a coarse interval (week, month...) to the finest intervals inside it;
// - `before` edges stated by the text (textual_order.hpp), added by the builder;
// - one consistent order (NodeProps::order): the length of the longest `before` chain leading
//   to each event, computed over a topological sort of the `before` graph, so every `before`
//   edge points to a later position and events with the same predecessors share one;
//   contradictions (cycles, found as strong components) are reported, never hidden: their
//   events share one position and are listed in the report.
#include "core/graph/story_graph.hpp"

#include <string>
#include <vector>

namespace storyline {

struct ChronologyReport {
    std::vector<std::vector<std::string>> cycles;   // event ids of each contradictory group, sorted
    std::size_t before_edges = 0;
    std::size_t includes_edges = 0;
};

// Adds interval-derived `before` and `includes` edges between the event nodes.
void add_interval_edges(StoryGraph& g, ChronologyReport& report);
// Sets NodeProps::order on every event node (1 = earliest; 0 = neither dated nor ordered by any
// `before` edge) and reports the cycles of the `before` relation.
void order_events(StoryGraph& g, ChronologyReport& report);

} // namespace storyline
