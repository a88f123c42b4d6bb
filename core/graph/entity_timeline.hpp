#pragma once
// Each entity's own timeline: the events it takes part in (agent, target or place), in the
// chronological order of the graph (NodeProps::order, then interval, then id).
#include "core/graph/story_graph.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// The folded word forms a name can be written as in a text: the full name; the name without a
// trailing lower-case head noun ("NASDAQ composite" → "nasdaq"); for a person's name also its
// distinctive last word ("Steve Jobs" → "jobs").
std::vector<std::string> name_variants(std::string_view name, bool person = false);

// Whether `words` (folded, space-joined) contains one of the variants as whole words.
bool mentions_name(std::string_view folded_text, const std::vector<std::string>& variants);

// Whether one of `entities` is a person.
bool any_person(const StoryGraph& g, const std::vector<Vertex>& entities);

// Entity vertices whose label or one alias is the name (case-, accent- and punctuation-
// insensitive); when none is, those whose label or alias contains one of its variants.
std::vector<Vertex> find_entities(const StoryGraph& g, std::string_view name);

// The events linked to any of `entities`, sorted chronologically.
std::vector<Vertex> entity_events(const StoryGraph& g, const std::vector<Vertex>& entities);

// Sorts event vertices chronologically (order, interval, id); unplaceable events (order 0) last.
void sort_chronologically(const StoryGraph& g, std::vector<Vertex>& events);

// Folded words joined by single spaces: "U.S. Air-Force!" → "u s air force".
std::string folded_words(std::string_view text);

} // namespace storyline
