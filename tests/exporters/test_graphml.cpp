#include "exporters/graphml_exporter.hpp"
#include "exporters/xml_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace storyline;

TEST(test_xml_writer, escapes_specials_and_control_characters) {
    EXPECT_EQ(xml_escaped("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
    EXPECT_EQ(xml_escaped(std::string("x\x01y")), "x\xEF\xBF\xBDy");
    EXPECT_EQ(xml_escaped("bad\xE9"), "bad\xEF\xBF\xBD");
    EXPECT_EQ(xml_escaped("tab\tnl\ncr\r"), "tab&#9;nl&#10;cr&#13;");
}

TEST(test_graphml, nodes_edges_and_keys_are_written_in_order) {
    StoryGraph g;
    NodeProps p;
    p.id = "per-1";
    p.kind = NodeKind::person;
    p.label = "Putin <\"Poutine\">";
    p.degree = 3;
    p.betweenness = 0.25;
    const auto v1 = g.add_node(p);
    NodeProps e;
    e.id = "evt-1";
    e.kind = NodeKind::event;
    e.label = "withdrawal";
    e.date = "2022-W01";
    e.when = interval_from_timex("2022-W01");
    e.order = 2;
    const auto v2 = g.add_node(e);
    g.add_edge(v1, v2, Relation::agent, 2.0);
    std::ostringstream out;
    GraphmlExporter().write(g, out, ExportOptions{});
    const std::string xml = out.str();
    EXPECT_NE(xml.find("<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"), std::string::npos);
    EXPECT_NE(xml.find("Putin &lt;&quot;Poutine&quot;&gt;"), std::string::npos);
    EXPECT_NE(xml.find("<data key=\"start\">2022-01-03</data>"), std::string::npos);
    EXPECT_NE(xml.find("<data key=\"end\">2022-01-09</data>"), std::string::npos);
    EXPECT_NE(xml.find("<edge id=\"e0\" source=\"per-1\" target=\"evt-1\"><data key=\"e_weight\">2</data><data key=\"relation\">agent</data>"),
              std::string::npos);
    EXPECT_LT(xml.find("id=\"evt-1\""), xml.find("id=\"per-1\""));   // nodes sorted by id
    // Chronological rank and centrality, for Gephi's ranking and filters; absent when not known.
    EXPECT_NE(xml.find("<key id=\"betweenness\" for=\"node\" attr.name=\"betweenness\" attr.type=\"double\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<data key=\"order\">2</data>"), std::string::npos);
    EXPECT_NE(xml.find("<data key=\"degree\">3</data><data key=\"betweenness\">0.25</data>"), std::string::npos);
    EXPECT_EQ(xml.find("<data key=\"order\">0</data>"), std::string::npos);
}
