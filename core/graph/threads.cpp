#include "core/graph/threads.hpp"

#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace storyline {

std::size_t assign_threads(StoryGraph& g, int window_days) {
    const auto& impl = g.impl();
    std::vector<Vertex> events;
    for (Vertex v : g.nodes_sorted()) {
        if (g.node(v).kind == NodeKind::event) events.push_back(v);
    }
    std::map<Vertex, std::size_t> index;
    for (std::size_t i = 0; i < events.size(); ++i) index[events[i]] = i;

    // Each participant's events in time order; consecutive ones within the window are linked
    // (undated events link to the participant's other undated events only).
    std::map<Vertex, std::vector<std::size_t>> by_entity;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Vertex e = events[i];
        for (auto [it, end] = boost::out_edges(e, impl); it != end; ++it) {
            const auto r = impl[*it].relation;
            if (r == Relation::target || r == Relation::located_in) by_entity[boost::target(*it, impl)].push_back(i);
        }
        for (auto [it, end] = boost::in_edges(e, impl); it != end; ++it) {
            if (impl[*it].relation == Relation::agent) by_entity[boost::source(*it, impl)].push_back(i);
        }
    }
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> links(events.size());
    for (auto& [entity, list] : by_entity) {
        std::sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            const auto& x = g.node(events[a]).when;
            const auto& y = g.node(events[b]).when;
            return std::make_tuple(!x.known(), x.first, a) < std::make_tuple(!y.known(), y.first, b);
        });
        list.erase(std::unique(list.begin(), list.end()), list.end());
        for (std::size_t k = 1; k < list.size(); ++k) {
            const auto& a = g.node(events[list[k - 1]]).when;
            const auto& b = g.node(events[list[k]]).when;
            const bool near = (a.known() && b.known()) ? (b.first - a.last).count() <= window_days : !a.known() && !b.known();
            if (near) boost::add_edge(list[k - 1], list[k], links);
        }
    }
    std::vector<int> component(events.size());
    const int count = events.empty() ? 0 : boost::connected_components(links, component.data());
    // Number threads by their earliest event (then id) so that names are stable.
    std::vector<std::tuple<bool, date::sys_days, std::string, int>> first(static_cast<std::size_t>(count),
                                                                          {true, date::sys_days::max(), "", 0});
    std::vector<int> sizes(static_cast<std::size_t>(count), 0);
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& n = g.node(events[i]);
        const auto c = static_cast<std::size_t>(component[i]);
        ++sizes[c];
        auto candidate = std::make_tuple(!n.when.known(), n.when.first, n.id, component[i]);
        if (std::get<2>(first[c]).empty() || candidate < first[c]) first[c] = candidate;
    }
    std::sort(first.begin(), first.end());
    std::vector<int> name(static_cast<std::size_t>(count));
    for (std::size_t k = 0; k < first.size(); ++k) name[static_cast<std::size_t>(std::get<3>(first[k]))] = static_cast<int>(k + 1);
    for (std::size_t i = 0; i < events.size(); ++i) {
        g.node(events[i]).thread = "thread-" + std::to_string(name[static_cast<std::size_t>(component[i])]);
    }
    return static_cast<std::size_t>(std::count_if(sizes.begin(), sizes.end(), [](int s) { return s > 1; }));
}

} // namespace storyline
