#include "core/graph/event_merging.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace storyline {
namespace {

// asserted and reported describe what happened; planned and hypothetical what may; negated what did not.
int modality_class(const std::string& m) {
    if (m == "negated") return 2;
    if (m == "planned" || m == "hypothetical") return 1;
    return 0;
}

std::vector<std::string> participants(const EventRecord& r) {
    std::vector<std::string> all = r.agents;
    all.insert(all.end(), r.targets.begin(), r.targets.end());
    all.insert(all.end(), r.places.begin(), r.places.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

std::size_t shared_count(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::size_t n = 0;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) ++i;
        else if (*j < *i) ++j;
        else { ++n; ++i; ++j; }
    }
    return n;
}

// What a cluster's members from one article say: the temporal expressions that dated them and
// the actors (agents and targets) they name.
struct ArticleTrace {
    std::set<std::string> timex_values;
    std::set<std::string> actors;
};

struct Cluster {
    std::string type;
    int modality = 0;
    TimeInterval core;                      // intersection of the members' intervals
    std::vector<std::string> participants;  // sorted union
    std::vector<std::size_t> members;
    std::map<std::string, ArticleTrace> by_article;
};

// Within one article a writer tells two events of a type apart by dating them differently
// ("announced earlier this week" / "confirmed on Thursday") or by naming different actors;
// sharing only a place is not enough there (it is across articles: wire copies of one story).
bool apart_in_article(const Cluster& cl, const EventRecord& r) {
    const auto it = cl.by_article.find(r.article_id);
    if (it == cl.by_article.end()) return false;
    const ArticleTrace& seen = it->second;
    if (r.time_source == "timex" && !seen.timex_values.empty() && !seen.timex_values.count(r.time_value)) return true;
    const auto shares = [&](const std::vector<std::string>& ids) {
        return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return seen.actors.count(id) > 0; });
    };
    return !shares(r.agents) && !shares(r.targets);
}

void remember(Cluster& cl, const EventRecord& r) {
    ArticleTrace& trace = cl.by_article[r.article_id];
    if (r.time_source == "timex") trace.timex_values.insert(r.time_value);
    trace.actors.insert(r.agents.begin(), r.agents.end());
    trace.actors.insert(r.targets.begin(), r.targets.end());
}

} // namespace

bool mergeable(const EventRecord& a, const EventRecord& b) {
    if (a.type != b.type || modality_class(a.modality) != modality_class(b.modality)) return false;
    if (!a.when.compatible(b.when)) return false;
    return shared_count(participants(a), participants(b)) > 0;
}

std::vector<std::vector<std::size_t>> merge_events(const std::vector<EventRecord>& records) {
    // Canonical order: finest intervals first, so day-dated mentions found the clusters that
    // week- and month-dated mentions then join.
    std::vector<std::size_t> order(records.size());
    std::iota(order.begin(), order.end(), 0);
    const auto by_mention = [&](std::size_t x, std::size_t y) {
        // The strings are compared by reference: a tuple of copies allocated on every comparison.
        return std::tie(records[x].article_id, records[x].trigger) < std::tie(records[y].article_id, records[y].trigger);
    };
    // GraphBuilder hands the records sorted by (article, trigger), each once: then a record's
    // index is its rank in that order, and the ties of equal intervals (most of them) are broken
    // without comparing strings.
    bool ranked = true;
    for (std::size_t k = 1; k < records.size() && ranked; ++k) ranked = by_mention(k - 1, k);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const auto& a = records[x];
        const auto& b = records[y];
        const auto ka = std::make_tuple(a.when.length_days() == 0, a.when.length_days(), a.when.first);
        const auto kb = std::make_tuple(b.when.length_days() == 0, b.when.length_days(), b.when.first);
        if (ka != kb) return ka < kb;
        return ranked ? x < y : by_mention(x, y);
    });
    std::vector<Cluster> clusters;
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_type_participant;
    for (std::size_t idx : order) {
        const auto& r = records[idx];
        const auto people = participants(r);
        std::size_t best = clusters.size();
        std::size_t best_shared = 0;
        if (r.when.known()) {
            std::set<std::size_t> candidates;
            for (const auto& p : people) {
                if (auto it = by_type_participant.find({r.type, p}); it != by_type_participant.end()) {
                    candidates.insert(it->second.begin(), it->second.end());
                }
            }
            for (std::size_t c : candidates) {
                const auto& cl = clusters[c];
                if (cl.modality != modality_class(r.modality) || !cl.core.compatible(r.when) || apart_in_article(cl, r)) continue;
                const std::size_t shared = shared_count(cl.participants, people);
                if (shared > best_shared) {
                    best = c;
                    best_shared = shared;
                }
            }
        }
        if (best == clusters.size()) {
            clusters.push_back(Cluster{r.type, modality_class(r.modality), r.when, {}, {}, {}});
        }
        Cluster& cl = clusters[best];
        cl.members.push_back(idx);
        remember(cl, r);
        if (r.when.known() && r.when.length_days() < cl.core.length_days()) cl.core = r.when;
        std::vector<std::string> merged;
        std::set_union(cl.participants.begin(), cl.participants.end(), people.begin(), people.end(),
                       std::back_inserter(merged));
        cl.participants = std::move(merged);
        for (const auto& p : people) {
            auto& list = by_type_participant[{r.type, p}];
            if (list.empty() || list.back() != best) list.push_back(best);
        }
    }
    std::vector<std::vector<std::size_t>> groups;
    groups.reserve(clusters.size());
    for (auto& cl : clusters) {
        std::sort(cl.members.begin(), cl.members.end());
        groups.push_back(std::move(cl.members));
    }
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
    return groups;
}

} // namespace storyline
