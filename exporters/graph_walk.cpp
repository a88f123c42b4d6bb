#include "exporters/graph_walk.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <tuple>

namespace storyline {

void for_each_edge_sorted(const StoryGraph& graph, const std::vector<Vertex>& nodes_sorted,
                          const std::function<void(Edge)>& fn) {
    const auto& g = graph.impl();
    // Ids are unique, so a target's rank in nodes_sorted orders as its id does, with integer
    // comparisons instead of string ones.
    std::vector<std::uint32_t> rank(nodes_sorted.size());
    for (std::size_t i = 0; i < nodes_sorted.size(); ++i) rank[nodes_sorted[i]] = static_cast<std::uint32_t>(i);
    // On a large graph the writer waits on memory (edge properties and target nodes lie all
    // over the heap): the out-edges of a few nodes ahead are gathered and prefetched, so their
    // cache misses overlap instead of coming one after the other.
    constexpr std::size_t ahead = 4;
    std::array<std::vector<Edge>, ahead> ring;
    auto gather = [&](std::size_t i) {
        std::vector<Edge>& out = ring[i % ahead];
        out.clear();
        __builtin_prefetch(&g[nodes_sorted[i]]);
        for (auto [it, end] = boost::out_edges(nodes_sorted[i], g); it != end; ++it) {
            out.push_back(*it);
            const Vertex t = boost::target(*it, g);
            __builtin_prefetch(&g[*it]);
            __builtin_prefetch(&g[t]);
            __builtin_prefetch(&rank[t]);
        }
    };
    const std::size_t n = nodes_sorted.size();
    for (std::size_t i = 0; i < std::min(ahead - 1, n); ++i) gather(i);
    for (std::size_t i = 0; i < n; ++i) {
        if (i + ahead - 1 < n) gather(i + ahead - 1);
        std::vector<Edge>& out = ring[i % ahead];
        if (out.size() > 1) {
            std::sort(out.begin(), out.end(), [&](Edge a, Edge b) {
                const std::uint32_t ta = rank[boost::target(a, g)];
                const std::uint32_t tb = rank[boost::target(b, g)];
                if (ta != tb) return ta < tb;
                return g[a].relation < g[b].relation;
            });
        }
        for (const Edge e : out) fn(e);
    }
}

std::optional<date::sys_days> day_of(std::string_view iso) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    if (iso.size() > 10 && iso[10] != 'T' && iso[10] != ' ') return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    auto num = [&](std::size_t at, std::size_t len, auto& out) {
        const auto r = std::from_chars(iso.data() + at, iso.data() + at + len, out);
        return r.ec == std::errc{} && r.ptr == iso.data() + at + len;
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days{ymd};
}

namespace {

std::optional<DaySpan> event_span(const NodeProps& n) {
    if (n.kind != NodeKind::event || !n.when.known()) return std::nullopt;
    return DaySpan{n.when.first, n.when.last, false};
}

std::optional<date::sys_days> article_day(const NodeProps& n) {
    if (n.kind != NodeKind::article) return std::nullopt;
    return day_of(n.published);
}

} // namespace

std::vector<DaySpan> node_lifetime(const StoryGraph& graph, Vertex v) {
    const auto& g = graph.impl();
    const NodeProps& n = g[v];
    if (n.kind == NodeKind::event) {
        if (auto s = event_span(n)) return {*s};
        return {};
    }
    if (n.kind == NodeKind::article) {
        if (auto d = article_day(n)) return {DaySpan{*d, *d, true}};
        return {};
    }
    std::vector<DaySpan> spans;
    std::vector<date::sys_days> article_days;
    auto visit = [&](Vertex other) {
        const NodeProps& o = g[other];
        if (auto s = event_span(o)) spans.push_back(*s);
        else if (auto d = article_day(o)) article_days.push_back(*d);
    };
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) visit(boost::target(*it, g));
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) visit(boost::source(*it, g));
    if (spans.empty()) {
        if (article_days.empty()) return {};
        const auto [lo, hi] = std::minmax_element(article_days.begin(), article_days.end());
        return {DaySpan{*lo, *hi, false}};
    }
    std::sort(spans.begin(), spans.end(),
              [](const DaySpan& a, const DaySpan& b) { return std::tie(a.first, a.last) < std::tie(b.first, b.last); });
    std::vector<DaySpan> merged;
    for (const DaySpan& s : spans) {
        // Touching days merge too: [1,3] and [4,6] are one stretch on the slider.
        if (!merged.empty() && s.first <= merged.back().last + date::days{1}) {
            merged.back().last = std::max(merged.back().last, s.last);
        } else {
            merged.push_back(s);
        }
    }
    return merged;
}

std::optional<DaySpan> edge_lifetime(const StoryGraph& graph, Edge e) {
    const auto& g = graph.impl();
    const NodeProps& s = g[boost::source(e, g)];
    const NodeProps& t = g[boost::target(e, g)];
    const auto ss = event_span(s);
    const auto ts = event_span(t);
    if (ss && ts) return DaySpan{std::min(ss->first, ts->first), std::max(ss->last, ts->last), false};
    if (ss) return ss;
    if (ts) return ts;
    if (auto d = article_day(s)) return DaySpan{*d, *d, true};
    if (auto d = article_day(t)) return DaySpan{*d, *d, true};
    return std::nullopt;
}

std::string number_text(double v) {
    char buf[32];
    // Small whole numbers (edge weights, counts) take the integer path: same text as the
    // shortest form below, a fraction of its cost.
    if (v > -10000 && v < 10000 && v == static_cast<double>(static_cast<int>(v)) && !(v == 0 && std::signbit(v))) {
        const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<int>(v));
        return std::string(buf, r.ptr);
    }
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
    std::string s;
    for (const auto& x : parts) {
        if (!s.empty()) s += sep;
        s += x;
    }
    return s;
}

} // namespace storyline
