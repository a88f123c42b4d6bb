#pragma once
// One event as the timeline-like exports show it (TimelineJS3, vis-timeline, JSON Lines, the
// HTML viewer): its node plus its actors, places and reporting articles read from the edges,
// in a stable order.
#include "core/graph/story_graph.hpp"

#include <string>
#include <vector>

namespace storyline {

struct SourceRef {
    std::string id, title, url, published, lang;
};

struct EventView {
    Vertex vertex{};
    const NodeProps* node = nullptr;
    std::vector<const NodeProps*> agents, targets, places, involved;   // each sorted by label, then id
    std::vector<SourceRef> sources;                                     // by published, then id
    std::string group;          // the story thread when set, else the event type ("event" if none)
    std::string display_date;   // human text for the interval ("Week 1, 2022 (3–9 January)", "Summer 2022")
};

// Dated events (known interval) in chronological order: first day, then id. With
// include_undated, undated events follow, by id.
std::vector<EventView> event_views(const StoryGraph& graph, bool include_undated = false);

// At most `max` views (0 = all): the events reported by the most articles, then with the most
// mentions, the highest confidence, the smallest id; returned in their chronological order.
std::vector<EventView> most_reported(std::vector<EventView> views, std::size_t max);

// "January 2022", "Q1 2022", "Summer 2022", "2020s", ... for an interval of that precision;
// empty for a plain day (clients format a day themselves).
std::string display_date_of(const TimeInterval& when);

// Text for HTML element content or a double-quoted attribute: & < > " escaped, control
// characters and malformed UTF-8 repaired as in XML.
std::string html_escaped(std::string_view text);

// TimelineJS3's slug form: lower case ASCII letters, digits and '-', not starting with a digit.
// Ids are made unique by the caller.
std::string slug(std::string_view text);

} // namespace storyline
