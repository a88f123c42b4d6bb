#include "core/graph/graph_builder.hpp"

#include <gtest/gtest.h>

using namespace storyline;

namespace {

// A hand-built document: one sentence, entities and one event at the given offsets.
Document make_doc(const std::string& id, const std::string& text, const std::string& type, const std::string& date,
                  std::vector<std::pair<std::string, EntityType>> names) {
    Document d;
    d.article.id = id;
    d.article.title = id;
    d.article.text = text;
    d.article.lang = "en";
    d.sentences.push_back(Sentence{Span{0, static_cast<std::uint32_t>(text.size())}});
    EventMention ev;
    ev.trigger = Span{0, 1};
    ev.sentence = d.sentences[0].span;
    ev.type = type;
    ev.summary = text;
    ev.time_value = date;
    ev.time_source = TimeSource::timex;
    for (const auto& [name, t] : names) {
        const auto at = text.find(name);
        EntityMention m;
        m.span = Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + name.size())};
        m.type = t;
        m.key = name;
        ev.agents.push_back(static_cast<int>(d.entities.size()));
        d.entities.push_back(m);
    }
    d.events.push_back(ev);
    return d;
}

std::size_t count_kind(const StoryGraph& g, NodeKind k) {
    std::size_t n = 0;
    for (auto v : g.nodes_sorted()) n += g.node(v).kind == k;
    return n;
}

} // namespace

TEST(test_graph_builder, same_event_in_two_articles_merges_with_two_sources) {
    GraphBuilder b;
    b.add(make_doc("a1", "X Russia withdraws troops", "withdraw", "2022-01-13", {{"Russia", EntityType::location}}));
    b.add(make_doc("a2", "X Russia began the withdrawal", "withdraw", "2022-01-13", {{"Russia", EntityType::location}}));
    const StoryGraph g = b.build();
    ASSERT_EQ(count_kind(g, NodeKind::event), 1u);
    for (auto v : g.nodes_sorted()) {
        if (g.node(v).kind == NodeKind::event) {
            EXPECT_EQ(g.node(v).sources, 2);
        }
    }
    EXPECT_EQ(count_kind(g, NodeKind::location), 1u);
}

TEST(test_graph_builder, an_event_without_a_summary_of_its_own_shows_its_sentence) {
    // EventMention::summary empty: the sentence's own bytes, as the event annotator leaves it.
    Document d = make_doc("a1", "X Russia withdraws troops", "withdraw", "2022-01-13", {{"Russia", EntityType::location}});
    d.events[0].summary.clear();
    GraphBuilder b;
    b.add(d);
    const StoryGraph g = b.build();
    std::size_t events = 0;
    for (auto v : g.nodes_sorted()) {
        if (g.node(v).kind != NodeKind::event) continue;
        ++events;
        EXPECT_EQ(g.node(v).summary, "X Russia withdraws troops");
        EXPECT_EQ(g.node(v).label, "X Russia withdraws troops");
    }
    EXPECT_EQ(events, 1u);
}

TEST(test_graph_builder, same_type_on_different_days_stays_apart_and_is_ordered) {
    GraphBuilder b;
    b.add(make_doc("a1", "X Russia withdraws", "withdraw", "2022-01-13", {{"Russia", EntityType::location}}));
    b.add(make_doc("a2", "X Russia withdraws", "withdraw", "2022-01-19", {{"Russia", EntityType::location}}));
    const StoryGraph g = b.build();
    ASSERT_EQ(count_kind(g, NodeKind::event), 2u);
    int before = 0;
    for (auto e : g.edges_sorted()) before += g.edge(e).relation == Relation::before;
    EXPECT_EQ(before, 1);
}

TEST(test_graph_builder, output_does_not_depend_on_insertion_order) {
    auto d1 = make_doc("a1", "X Putin said", "statement", "2022-01-07", {{"Putin", EntityType::person}});
    auto d2 = make_doc("a2", "X Tokayev said", "statement", "2022-01-08", {{"Tokayev", EntityType::person}});
    GraphBuilder b1, b2;
    b1.add(d1);
    b1.add(d2);
    b2.add(d2);
    b2.add(d1);
    const StoryGraph g1 = b1.build(), g2 = b2.build();
    ASSERT_EQ(g1.node_count(), g2.node_count());
    const auto n1 = g1.nodes_sorted(), n2 = g2.nodes_sorted();
    for (std::size_t i = 0; i < n1.size(); ++i) EXPECT_EQ(g1.node(n1[i]).id, g2.node(n2[i]).id);
}
