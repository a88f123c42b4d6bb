#pragma once
// The filters every export shares (--from/--to, --entity, --type, --min-sources, --lang,
// --thread). A filter keeps the events that pass every given criterion, plus the entities and
// articles attached to them and the edges among what is kept; exporters then see a smaller
// StoryGraph and need no filter code of their own.
#include "core/graph/story_graph.hpp"

#include <optional>
#include <string>
#include <vector>

namespace storyline {

struct ExportFilter {
    std::optional<date::sys_days> from, to;   // an event passes when its interval overlaps [from, to]
    std::vector<std::string> entities;         // label or alias, case- and accent-folded; any one
    std::vector<std::string> types;            // event type, or a prefix ending at a '.'; any one
    int min_sources = 0;                       // distinct reporting articles
    std::vector<std::string> langs;            // reported by an article in one of these languages
    std::vector<std::string> threads;          // story thread id; any one

    [[nodiscard]] bool empty() const {
        return !from && !to && entities.empty() && types.empty() && min_sources <= 0 && langs.empty() &&
               threads.empty();
    }
};

// Whether one event node passes (the entity and lang tests look at its neighbours).
[[nodiscard]] bool event_passes(const StoryGraph& graph, Vertex event, const ExportFilter& filter);

// The filtered graph. An empty filter returns a copy of the whole graph (events-free entities
// and articles included); otherwise nodes not attached to a passing event are dropped, and with
// langs set, articles in other languages too.
[[nodiscard]] StoryGraph filter_graph(const StoryGraph& graph, const ExportFilter& filter);

} // namespace storyline
