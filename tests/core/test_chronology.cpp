#include "core/graph/centrality.hpp"
#include "core/graph/chronology.hpp"
#include "core/graph/entity_timeline.hpp"
#include "core/graph/threads.hpp"

#include <gtest/gtest.h>

using namespace storyline;

namespace {

Vertex event(StoryGraph& g, const std::string& id, const std::string& date) {
    NodeProps n;
    n.id = id;
    n.kind = NodeKind::event;
    n.date = date;
    n.when = interval_from_timex(date);
    return g.add_node(std::move(n));
}

Vertex entity(StoryGraph& g, const std::string& id, NodeKind kind, const std::string& label) {
    NodeProps n;
    n.id = id;
    n.kind = kind;
    n.label = label;
    return g.add_node(std::move(n));
}

std::size_t count(const StoryGraph& g, Relation r) {
    std::size_t n = 0;
    for (auto e : g.edges_sorted()) n += g.edge(e).relation == r;
    return n;
}

bool has_edge(const StoryGraph& g, Vertex a, Vertex b, Relation r) {
    for (auto [it, end] = boost::out_edges(a, g.impl()); it != end; ++it) {
        if (boost::target(*it, g.impl()) == b && g.impl()[*it].relation == r) return true;
    }
    return false;
}

} // namespace

TEST(test_chronology, before_edges_are_the_transitive_reduction) {
    StoryGraph g;
    // Ten days, one event each: a chain of nine edges, not 45.
    std::vector<Vertex> days;
    for (int d = 1; d <= 9; ++d) days.push_back(event(g, "evt-" + std::to_string(d), "2022-01-0" + std::to_string(d)));
    days.push_back(event(g, "evt-10", "2022-01-10"));
    ChronologyReport report;
    add_interval_edges(g, report);
    EXPECT_EQ(count(g, Relation::before), 9u);
    EXPECT_TRUE(has_edge(g, days[0], days[1], Relation::before));
    EXPECT_FALSE(has_edge(g, days[0], days[2], Relation::before));
}

TEST(test_chronology, week_includes_its_days_and_is_not_ordered_with_them) {
    StoryGraph g;
    const Vertex week = event(g, "evt-week", "2022-W02");
    const Vertex thu = event(g, "evt-thu", "2022-01-13");
    const Vertex fri = event(g, "evt-fri", "2022-01-14");
    const Vertex before_week = event(g, "evt-w01", "2022-01-07");
    ChronologyReport report;
    add_interval_edges(g, report);
    EXPECT_TRUE(has_edge(g, week, thu, Relation::includes));
    EXPECT_TRUE(has_edge(g, week, fri, Relation::includes));
    EXPECT_FALSE(has_edge(g, week, thu, Relation::before));
    EXPECT_FALSE(has_edge(g, thu, week, Relation::before));
    EXPECT_TRUE(has_edge(g, thu, fri, Relation::before));
    EXPECT_TRUE(has_edge(g, before_week, week, Relation::before));
    order_events(g, report);
    EXPECT_TRUE(report.cycles.empty());
    EXPECT_LT(g.node(before_week).order, g.node(thu).order);
    EXPECT_LT(g.node(thu).order, g.node(fri).order);
}

TEST(test_chronology, contradictions_are_reported_as_cycles) {
    StoryGraph g;
    const Vertex a = event(g, "evt-a", "2022-01-10");
    const Vertex b = event(g, "evt-b", "2022-01-12");
    const Vertex c = event(g, "evt-c", "2022-01-15");
    ChronologyReport report;
    add_interval_edges(g, report);
    // The text says b happened before a, against their dates.
    g.add_edge(b, a, Relation::before);
    order_events(g, report);
    ASSERT_EQ(report.cycles.size(), 1u);
    EXPECT_EQ(report.cycles[0], (std::vector<std::string>{"evt-a", "evt-b"}));
    EXPECT_EQ(g.node(a).order, g.node(b).order);
    EXPECT_LT(g.node(b).order, g.node(c).order);
}

TEST(test_chronology, textual_order_places_undated_events) {
    StoryGraph g;
    const Vertex dated = event(g, "evt-dated", "2022-01-10");
    const Vertex undated = event(g, "evt-undated", "");
    const Vertex lonely = event(g, "evt-lonely", "");
    g.add_edge(undated, dated, Relation::before);
    ChronologyReport report;
    order_events(g, report);
    EXPECT_EQ(g.node(undated).order, 1);
    EXPECT_EQ(g.node(dated).order, 2);
    EXPECT_EQ(g.node(lonely).order, 0);
}

TEST(test_story_threads, shared_actor_within_window_makes_one_thread) {
    StoryGraph g;
    const Vertex putin = entity(g, "per-putin", NodeKind::person, "Vladimir Putin");
    const Vertex blinken = entity(g, "per-blinken", NodeKind::person, "Antony Blinken");
    const Vertex e1 = event(g, "evt-1", "2022-01-07");
    const Vertex e2 = event(g, "evt-2", "2022-01-13");
    const Vertex e3 = event(g, "evt-3", "2022-06-01");
    const Vertex e4 = event(g, "evt-4", "2022-01-08");
    g.add_edge(putin, e1, Relation::agent);
    g.add_edge(putin, e2, Relation::agent);
    g.add_edge(putin, e3, Relation::agent);   // months later: another thread
    g.add_edge(blinken, e4, Relation::agent);
    EXPECT_EQ(assign_threads(g, 14), 1u);
    EXPECT_EQ(g.node(e1).thread, g.node(e2).thread);
    EXPECT_NE(g.node(e1).thread, g.node(e3).thread);
    EXPECT_NE(g.node(e1).thread, g.node(e4).thread);
    EXPECT_EQ(g.node(e1).thread, "thread-1");
}

TEST(test_story_threads, centrality_ranks_the_bridging_actor_first) {
    StoryGraph g;
    const Vertex hub = entity(g, "per-hub", NodeKind::person, "Hub");
    const Vertex a = entity(g, "per-a", NodeKind::person, "A");
    const Vertex b = entity(g, "per-b", NodeKind::person, "B");
    const Vertex e1 = event(g, "evt-1", "2022-01-07");
    const Vertex e2 = event(g, "evt-2", "2022-01-08");
    g.add_edge(a, e1, Relation::agent);
    g.add_edge(e1, hub, Relation::target);
    g.add_edge(hub, e2, Relation::agent);
    g.add_edge(e2, b, Relation::target);
    EXPECT_TRUE(assign_centrality(g));
    EXPECT_EQ(g.node(hub).degree, 2);
    EXPECT_GT(g.node(hub).betweenness, g.node(a).betweenness);
    EXPECT_DOUBLE_EQ(g.node(a).betweenness, 0.0);
}

TEST(test_entity_timeline, names_and_their_variants) {
    const auto jobs = name_variants("Steve Jobs", true);
    EXPECT_EQ(name_variants("Bank of America").size(), 1u);
    EXPECT_TRUE(mentions_name("apple ceo jobs said", jobs));
    EXPECT_TRUE(mentions_name("steve jobs said", jobs));
    EXPECT_FALSE(mentions_name("new jobsite opened", jobs));
    EXPECT_TRUE(mentions_name("the nasdaq fell", name_variants("NASDAQ composite")));
    EXPECT_FALSE(mentions_name("the iphone 3g sold", name_variants("iPhone 4")));
    EXPECT_EQ(folded_words("U.S. Air-Force!"), "u s air force");
}
