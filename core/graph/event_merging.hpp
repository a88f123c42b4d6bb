#pragma once
// Cross-article event merging: which event mentions report the same real event.
// Two mentions merge when they have the same type, compatible modality, nested time intervals
// (a week includes its days; two different days never merge) and at least one shared
// participant or place. Clusters keep the intersection of their members' intervals, so a
// cluster of day D never absorbs day D+1 through a week-long mention. Within one article,
// mentions dated by different temporal expressions stay apart ("announced earlier this week" /
// "confirmed on Thursday"), and a shared place is not enough: they need a shared actor.
#include "core/graph/time_interval.hpp"
#include "core/model/span.hpp"

#include <string>
#include <vector>

namespace storyline {

struct EventRecord {
    std::string article_id;
    Span trigger;
    Span sentence;
    std::string type, lemma, summary, time_value, time_source, modality;
    TimeInterval when;
    double confidence = 0.5;
    std::vector<std::string> agents, targets, places;   // entity node ids, sorted
};

// Whether two mentions may be one event (the pairwise rule; clusters also check the interval
// against every member through their intersection).
bool mergeable(const EventRecord& a, const EventRecord& b);

// Groups of indices into `records` (each group sorted, groups ordered by their first index).
// The result depends only on the records' content, not on their order.
std::vector<std::vector<std::size_t>> merge_events(const std::vector<EventRecord>& records);

} // namespace storyline
