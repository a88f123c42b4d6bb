#include "exporters/filter.hpp"
#include "sample_story.hpp"

#include <gtest/gtest.h>

using namespace storyline;

namespace {
std::vector<std::string> ids_of(const StoryGraph& g) {
    std::vector<std::string> out;
    for (const Vertex v : g.nodes_sorted()) out.push_back(g.node(v).id);
    return out;
}
bool kept(const StoryGraph& g, const std::string& id) { return g.find(id).has_value(); }
} // namespace

TEST(test_filter, empty_filter_keeps_everything) {
    const StoryGraph g = test::sample_story();
    const StoryGraph f = filter_graph(g, ExportFilter{});
    EXPECT_EQ(ids_of(f), ids_of(g));
    EXPECT_EQ(f.edge_count(), g.edge_count());
}

TEST(test_filter, date_range_keeps_overlapping_events_and_their_neighbours) {
    const StoryGraph g = test::sample_story();
    ExportFilter f;
    f.from = date::sys_days{date::year{2022} / 1 / 20};   // inside the week 2022-W03
    const StoryGraph out = filter_graph(g, f);
    EXPECT_TRUE(kept(out, "evt-week"));
    EXPECT_FALSE(kept(out, "evt-day"));
    EXPECT_FALSE(kept(out, "evt-undated"));   // no known date: fails any date filter
    EXPECT_TRUE(kept(out, "per-putin"));
    EXPECT_TRUE(kept(out, "art-fr1"));
    EXPECT_FALSE(kept(out, "art-en1"));
    EXPECT_FALSE(kept(out, "loc-almaty"));
    // per-putin → evt-week, evt-week → art-fr1; art-fr1 → org-csto is gone with org-csto.
    EXPECT_EQ(out.edge_count(), 2u);
    f.to = date::sys_days{date::year{2022} / 1 / 16};   // before the week starts
    EXPECT_EQ(filter_graph(g, f).node_count(), 0u);
}

TEST(test_filter, entity_matches_label_or_alias_folded) {
    const StoryGraph g = test::sample_story();
    ExportFilter f;
    f.entities = {"  poutine "};
    StoryGraph out = filter_graph(g, f);
    EXPECT_TRUE(kept(out, "evt-day"));
    EXPECT_TRUE(kept(out, "evt-week"));
    EXPECT_FALSE(kept(out, "evt-undated"));
    f.entities = {"otsc"};
    out = filter_graph(g, f);
    EXPECT_TRUE(kept(out, "evt-day"));
    EXPECT_FALSE(kept(out, "evt-week"));
    // The before edge needs both of its events.
    EXPECT_FALSE(kept(out, "evt-week"));
}

TEST(test_filter, type_matches_whole_codes_and_dotted_prefixes) {
    const StoryGraph g = test::sample_story();
    ExportFilter f;
    f.types = {"movement"};
    EXPECT_TRUE(kept(filter_graph(g, f), "evt-day"));
    f.types = {"move"};
    EXPECT_FALSE(kept(filter_graph(g, f), "evt-day"));
    f.types = {"contact.statement", "conflict"};
    const StoryGraph out = filter_graph(g, f);
    EXPECT_TRUE(kept(out, "evt-week"));
    EXPECT_TRUE(kept(out, "evt-undated"));
    EXPECT_FALSE(kept(out, "evt-day"));
}

TEST(test_filter, min_sources_lang_and_thread) {
    const StoryGraph g = test::sample_story();
    ExportFilter f;
    f.min_sources = 2;
    EXPECT_EQ(ids_of(filter_graph(g, f)),
              (std::vector<std::string>{"art-en1", "art-fr1", "evt-day", "loc-almaty", "org-csto", "per-putin"}));
    f = {};
    f.langs = {"en"};
    StoryGraph out = filter_graph(g, f);
    EXPECT_TRUE(kept(out, "evt-day"));
    EXPECT_TRUE(kept(out, "evt-undated"));
    EXPECT_FALSE(kept(out, "evt-week"));   // reported in French only
    EXPECT_FALSE(kept(out, "art-fr1"));    // articles in other languages go too
    f = {};
    f.threads = {"thread-csto"};
    out = filter_graph(g, f);
    EXPECT_TRUE(kept(out, "evt-day"));
    EXPECT_FALSE(kept(out, "evt-week"));
}

TEST(test_filter, criteria_combine_with_and) {
    const StoryGraph g = test::sample_story();
    ExportFilter f;
    f.entities = {"Vladimir Putin"};
    f.langs = {"fr"};
    f.min_sources = 2;
    const StoryGraph out = filter_graph(g, f);
    EXPECT_TRUE(kept(out, "evt-day"));
    EXPECT_FALSE(kept(out, "evt-week"));
    EXPECT_TRUE(event_passes(g, *g.find("evt-day"), f));
    EXPECT_FALSE(event_passes(g, *g.find("per-putin"), f));   // only events pass
}
