#include "exporters/filter.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>

namespace storyline {
namespace {

bool is_entity(NodeKind k) {
    return k == NodeKind::person || k == NodeKind::organization || k == NodeKind::location || k == NodeKind::misc;
}

bool contains(const std::vector<std::string>& set, const std::string& value) {
    return std::find(set.begin(), set.end(), value) != set.end();
}

// "conflict" matches "conflict" and "conflict.attack", not "conflicting".
bool type_matches(const std::string& type, const std::string& wanted) {
    if (type == wanted) return true;
    return type.size() > wanted.size() && type.compare(0, wanted.size(), wanted) == 0 && type[wanted.size()] == '.';
}

bool entity_matches(const NodeProps& n, const std::vector<std::string>& folded_names) {
    if (!is_entity(n.kind)) return false;
    if (contains(folded_names, fold(n.label))) return true;
    return std::any_of(n.aliases.begin(), n.aliases.end(),
                       [&](const std::string& a) { return contains(folded_names, fold(a)); });
}

template <class Fn>
void for_each_neighbour(const StoryGraph& graph, Vertex v, Fn fn) {
    const auto& g = graph.impl();
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) fn(boost::target(*it, g));
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) fn(boost::source(*it, g));
}

bool event_passes_folded(const StoryGraph& graph, Vertex v, const ExportFilter& f,
                         const std::vector<std::string>& folded_entities) {
    const NodeProps& n = graph.node(v);
    if (n.kind != NodeKind::event) return false;
    if (f.from || f.to) {
        if (!n.when.known()) return false;
        if (f.from && n.when.last < *f.from) return false;
        if (f.to && n.when.first > *f.to) return false;
    }
    if (!f.types.empty() &&
        std::none_of(f.types.begin(), f.types.end(), [&](const std::string& t) { return type_matches(n.event_type, t); }))
        return false;
    if (f.min_sources > 0 && n.sources < f.min_sources) return false;
    if (!f.threads.empty() && !contains(f.threads, n.thread)) return false;
    if (!folded_entities.empty() || !f.langs.empty()) {
        bool entity_ok = folded_entities.empty();
        bool lang_ok = f.langs.empty();
        for_each_neighbour(graph, v, [&](Vertex o) {
            const NodeProps& p = graph.node(o);
            if (!entity_ok && entity_matches(p, folded_entities)) entity_ok = true;
            if (!lang_ok && p.kind == NodeKind::article && contains(f.langs, p.lang)) lang_ok = true;
        });
        if (!entity_ok || !lang_ok) return false;
    }
    return true;
}

std::vector<std::string> folded(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    out.reserve(names.size());
    for (const auto& s : names) out.push_back(fold(squeeze_spaces(s)));
    return out;
}

} // namespace

bool event_passes(const StoryGraph& graph, Vertex event, const ExportFilter& filter) {
    return event_passes_folded(graph, event, filter, folded(filter.entities));
}

StoryGraph filter_graph(const StoryGraph& graph, const ExportFilter& filter) {
    if (filter.empty()) return graph;
    const auto& g = graph.impl();
    const std::vector<std::string> names = folded(filter.entities);
    std::vector<bool> keep(graph.node_count(), false);
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        const Vertex v = *it;
        if (!event_passes_folded(graph, v, filter, names)) continue;
        keep[v] = true;
        for_each_neighbour(graph, v, [&](Vertex o) {
            const NodeProps& p = g[o];
            if (p.kind == NodeKind::event) return;   // only events that pass themselves
            if (p.kind == NodeKind::article && !filter.langs.empty() && !contains(filter.langs, p.lang)) return;
            keep[o] = true;
        });
    }
    StoryGraph out;
    std::vector<Vertex> mapped(graph.node_count());
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        if (keep[*it]) mapped[*it] = out.add_node(g[*it]);
    }
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const Vertex s = boost::source(*it, g);
        const Vertex t = boost::target(*it, g);
        if (!keep[s] || !keep[t]) continue;
        const EdgeProps& p = g[*it];
        const Edge e = out.add_edge(mapped[s], mapped[t], p.relation, p.weight);
        out.impl()[e].provenance = p.provenance;
    }
    return out;
}

} // namespace storyline
