#include "core/graph/chronology.hpp"

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <tuple>

namespace storyline {
namespace {

// Events with the same interval: one class, one representative (the smallest id).
struct IntervalClass {
    TimeInterval when;
    std::vector<Vertex> members;   // sorted by id
};

std::vector<IntervalClass> interval_classes(const StoryGraph& g) {
    std::map<std::pair<date::sys_days, date::sys_days>, IntervalClass> by_interval;
    for (Vertex v : g.nodes_sorted()) {
        const auto& n = g.node(v);
        if (n.kind != NodeKind::event || !n.when.known()) continue;
        auto& c = by_interval[{n.when.first, n.when.last}];
        c.when = n.when;
        c.members.push_back(v);
    }
    std::vector<IntervalClass> out;
    out.reserve(by_interval.size());
    for (auto& [key, c] : by_interval) out.push_back(std::move(c));   // sorted by first, then last
    return out;
}

// Links two classes: every member of `a` to the representative of `b` and the representative
// of `a` to every member of `b`, so each event is related with |a| + |b| edges, not |a| × |b|.
std::size_t link(StoryGraph& g, const IntervalClass& a, const IntervalClass& b, Relation r) {
    std::set<std::pair<Vertex, Vertex>> pairs;
    for (Vertex x : a.members) pairs.emplace(x, b.members.front());
    for (Vertex y : b.members) pairs.emplace(a.members.front(), y);
    for (const auto& [x, y] : pairs) g.add_edge(x, y, r, 1.0);
    return pairs.size();
}

} // namespace

void add_interval_edges(StoryGraph& g, ChronologyReport& report) {
    const auto classes = interval_classes(g);
    const std::size_t n = classes.size();
    // suffix_min_last[i] = the earliest end among classes i.. (classes sorted by first).
    std::vector<date::sys_days> suffix_min_last(n + 1, date::sys_days::max());
    for (std::size_t i = n; i-- > 0;) suffix_min_last[i] = std::min(suffix_min_last[i + 1], classes[i].when.last);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& a = classes[i];
        // Immediate successors of a: classes starting after a ends, but no later than the
        // earliest end m among them (a class starting after m has one in between).
        const auto from = std::upper_bound(classes.begin(), classes.end(), a.when.last,
                                           [](date::sys_days d, const IntervalClass& c) { return d < c.when.first; });
        const std::size_t j0 = static_cast<std::size_t>(from - classes.begin());
        if (j0 >= n) continue;
        const date::sys_days m = suffix_min_last[j0];
        for (std::size_t j = j0; j < n && classes[j].when.first <= m; ++j) {
            report.before_edges += link(g, a, classes[j], Relation::before);
        }
    }
    // includes: each class to its immediate containers (no class strictly between them).
    std::vector<std::size_t> coarse;
    for (std::size_t i = 0; i < n; ++i) {
        if (classes[i].when.length_days() > 1) coarse.push_back(i);
    }
    for (std::size_t j = 0; j < n; ++j) {
        std::vector<std::size_t> containers;
        for (std::size_t c : coarse) {
            if (c != j && classes[c].when.includes(classes[j].when) && !classes[c].when.same_days(classes[j].when)) {
                containers.push_back(c);
            }
        }
        for (std::size_t c : containers) {
            const bool immediate = std::none_of(containers.begin(), containers.end(), [&](std::size_t d) {
                return d != c && classes[c].when.includes(classes[d].when);
            });
            if (immediate) report.includes_edges += link(g, classes[c], classes[j], Relation::includes);
        }
    }
}

void order_events(StoryGraph& g, ChronologyReport& report) {
    auto& impl = g.impl();
    using Filter = std::function<bool(Edge)>;
    const Filter only_before = [&impl](Edge e) { return impl[e].relation == Relation::before; };
    const boost::filtered_graph<GraphImpl, Filter> before_graph(impl, only_before);
    const std::size_t n = boost::num_vertices(impl);
    std::vector<std::size_t> component(n);
    const std::size_t count = boost::strong_components(
        before_graph, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, impl)));

    std::vector<std::vector<Vertex>> members(count);
    for (Vertex v = 0; v < n; ++v) members[component[v]].push_back(v);
    for (const auto& m : members) {
        if (m.size() < 2) continue;
        std::vector<std::string> ids;
        for (Vertex v : m) ids.push_back(g.node(v).id);
        std::sort(ids.begin(), ids.end());
        report.cycles.push_back(std::move(ids));
    }
    std::sort(report.cycles.begin(), report.cycles.end());

    // Kahn's algorithm on the condensation; ready components leave earliest interval first.
    std::vector<std::set<std::size_t>> next(count);
    std::vector<int> indegree(count, 0);
    std::vector<bool> involved(count, false);
    for (auto [it, end] = boost::edges(before_graph); it != end; ++it) {
        const std::size_t a = component[boost::source(*it, impl)];
        const std::size_t b = component[boost::target(*it, impl)];
        involved[a] = involved[b] = true;
        if (a != b && next[a].insert(b).second) ++indegree[b];
    }
    auto key = [&](std::size_t c) {
        const NodeProps* best = nullptr;
        for (Vertex v : members[c]) {
            const auto& p = g.node(v);
            if (!best || std::tie(p.when.first, p.when.last, p.id) < std::tie(best->when.first, best->when.last, best->id)) best = &p;
        }
        return std::make_tuple(best->when.known() ? 0 : 1, best->when.first, best->when.last, best->id);
    };
    using Item = std::pair<decltype(key(0)), std::size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> ready;
    for (std::size_t c = 0; c < count; ++c) {
        if (indegree[c] == 0) ready.emplace(key(c), c);
    }
    // Position = longest chain of `before` edges leading to the event, so every `before` edge
    // goes to a later position and events with the same predecessors share one.
    std::vector<int> level(count, 1);
    while (!ready.empty()) {
        const std::size_t c = ready.top().second;
        ready.pop();
        bool placeable = involved[c];
        for (Vertex v : members[c]) placeable = placeable || (g.node(v).kind == NodeKind::event && g.node(v).when.known());
        for (Vertex v : members[c]) {
            if (g.node(v).kind == NodeKind::event) g.node(v).order = placeable ? level[c] : 0;
        }
        for (std::size_t d : next[c]) {
            level[d] = std::max(level[d], level[c] + 1);
            if (--indegree[d] == 0) ready.emplace(key(d), d);
        }
    }
}

} // namespace storyline
