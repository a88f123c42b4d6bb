#pragma once
// What several exporters need from the graph beyond one node: edges streamed in canonical
// order without a copy of the edge list, the day a node lives on, an ISO day from an
// article's publication date.
#include "core/graph/story_graph.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// Calls fn for every edge in the order of StoryGraph::edges_sorted() (source id, target id,
// relation), holding only the out-edges of one node at a time.
void for_each_edge_sorted(const StoryGraph& graph, const std::vector<Vertex>& nodes_sorted,
                          const std::function<void(Edge)>& fn);

// "2022-01-14" from "2022-01-14", "2022-01-14T09:30:00+01:00"; nullopt when not a real day.
std::optional<date::sys_days> day_of(std::string_view iso);

// A closed day interval [first, last].
struct DaySpan {
    date::sys_days first{}, last{};
    bool open_end = false;   // present from `first` on (articles)
    friend bool operator==(const DaySpan&, const DaySpan&) = default;
};

// When a node is on stage: an event over its interval, an article from its publication day
// on, an entity over the intervals of its dated events (merged where they touch), else over
// the publication days of the articles mentioning it. Empty = no time known.
std::vector<DaySpan> node_lifetime(const StoryGraph& graph, Vertex v);
// An edge touching a dated event lives over that event (a `before` edge from the first
// event's start to the later end); an article's edge from the article's day on.
std::optional<DaySpan> edge_lifetime(const StoryGraph& graph, Edge e);

// Shortest round-trip decimal text of a double ("2", "0.75").
std::string number_text(double v);
std::string joined(const std::vector<std::string>& parts, std::string_view sep);

} // namespace storyline
