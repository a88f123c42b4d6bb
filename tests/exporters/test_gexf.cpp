#include "exporters/gexf_exporter.hpp"
#include "exporters/graph_walk.hpp"
#include "sample_story.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace storyline;

namespace {
std::string gexf_of(const StoryGraph& g) {
    std::ostringstream out;
    GexfExporter().write(g, out, ExportOptions{});
    return out.str();
}
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
} // namespace

TEST(test_gexf, graph_is_dynamic_with_date_timeformat) {
    const std::string x = gexf_of(test::sample_story());
    EXPECT_TRUE(has(x, "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">"));
    EXPECT_TRUE(has(x, "<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">"));
    EXPECT_TRUE(has(x, "<attribute id=\"sources\" title=\"sources\" type=\"integer\"/>"));
    EXPECT_TRUE(has(x, "<attribute id=\"latitude\" title=\"latitude\" type=\"double\"/>"));
    EXPECT_FALSE(has(x, "lastmodifieddate"));   // would break byte-identical exports
}

TEST(test_gexf, events_span_their_interval_with_the_last_day_as_end) {
    const std::string x = gexf_of(test::sample_story());
    EXPECT_TRUE(has(x, "<node id=\"evt-week\" label=\"label of evt-week\" start=\"2022-01-17\" end=\"2022-01-23\">"));
    EXPECT_TRUE(has(x, "<node id=\"evt-day\" label=\"label of evt-day\" start=\"2022-01-13\" end=\"2022-01-13\">"));
    EXPECT_TRUE(has(x, "<node id=\"evt-undated\" label=\"label of evt-undated\"><attvalues>"));
    // Edges of an event live over the event.
    EXPECT_TRUE(has(x, "source=\"per-putin\" target=\"evt-week\" kind=\"agent\" label=\"agent\" weight=\"1\" "
                       "start=\"2022-01-17\" end=\"2022-01-23\""));
}

TEST(test_gexf, articles_start_on_their_publication_day_and_stay) {
    const std::string x = gexf_of(test::sample_story());
    EXPECT_TRUE(has(x, "<node id=\"art-en1\" label=\"Title art-en1\" start=\"2022-01-14\">"));
    EXPECT_TRUE(has(x, "source=\"art-en1\" target=\"per-putin\" kind=\"mentions\" label=\"mentions\" weight=\"3\" "
                       "start=\"2022-01-14\">"));
}

TEST(test_gexf, entities_get_one_spell_per_stretch_of_their_events) {
    const std::string x = gexf_of(test::sample_story());
    const auto at = x.find("<node id=\"per-putin\"");
    ASSERT_NE(at, std::string::npos);
    const std::string node = x.substr(at, x.find("</node>", at) - at);
    EXPECT_TRUE(has(node, "<spells><spell start=\"2022-01-13\" end=\"2022-01-13\"/>"
                          "<spell start=\"2022-01-17\" end=\"2022-01-23\"/></spells>"));
    EXPECT_FALSE(has(node.substr(0, node.find('>')), "start="));   // spells only: Gephi ignores start/end then
    EXPECT_TRUE(has(node, "<viz:color r=\"66\" g=\"133\" b=\"244\"/>"));
}

TEST(test_gexf, touching_event_days_merge_into_one_span) {
    StoryGraph g;
    const Vertex a = test::add_event(g, "evt-a", "2022-01-01", "t");
    const Vertex b = test::add_event(g, "evt-b", "2022-01-02", "t");
    const Vertex p = test::add_entity(g, "per-x", NodeKind::person, "X");
    g.add_edge(p, a, Relation::agent);
    g.add_edge(p, b, Relation::agent);
    const auto life = node_lifetime(g, p);
    ASSERT_EQ(life.size(), 1u);
    EXPECT_EQ(iso_day(life[0].first), "2022-01-01");
    EXPECT_EQ(iso_day(life[0].last), "2022-01-02");
}

TEST(test_gexf, output_is_identical_across_runs) {
    EXPECT_EQ(gexf_of(test::sample_story()), gexf_of(test::sample_story()));
}
