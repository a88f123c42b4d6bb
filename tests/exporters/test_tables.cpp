// CSV tables and JSON Lines: the two script-friendly exports.
#include "exporters/csv_exporter.hpp"
#include "exporters/jsonl_exporter.hpp"
#include "sample_story.hpp"

#include <rapidjson/document.h>
#include <gtest/gtest.h>

#include <sstream>

using namespace storyline;

namespace {
std::string part_of(const StoryGraph& g, std::string_view part) {
    std::ostringstream out;
    CsvExporter().write_part(g, part, out, ExportOptions{});
    return out.str();
}
std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}
} // namespace

TEST(test_csv, fields_are_quoted_when_needed) {
    std::ostringstream out;
    write_csv_field(out, "plain");
    out << '|';
    write_csv_field(out, "a,b");
    out << '|';
    write_csv_field(out, "say \"hi\"");
    out << '|';
    write_csv_field(out, "two\nlines");
    out << '|';
    write_csv_field(out, std::string("bell\x07"));
    EXPECT_EQ(out.str(), "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|bell\xEF\xBF\xBD");
}

TEST(test_csv, nodes_and_edges_tables_have_gephi_headers) {
    const StoryGraph g = test::sample_story();
    const auto nodes = lines_of(part_of(g, "nodes.csv"));
    ASSERT_EQ(nodes.size(), g.node_count() + 1);
    EXPECT_EQ(nodes[0].rfind("Id,Label,kind,event_type,date,start,end,precision,sources", 0), 0u);
    EXPECT_EQ(nodes[5].rfind("evt-week,label of evt-week,event,contact.statement,2022-W03,2022-01-17,2022-01-23,week,1", 0), 0u);
    const auto edges = lines_of(part_of(g, "edges.csv"));
    ASSERT_EQ(edges.size(), g.edge_count() + 1);
    EXPECT_EQ(edges[0], "Source,Target,Type,Id,Label,Weight,relation,start,end");
    EXPECT_EQ(edges[1], "art-en1,per-putin,Directed,e0,mentions,3,mentions,2022-01-14,");
    EXPECT_EQ(CsvExporter().parts(), (std::vector<std::string>{"nodes.csv", "edges.csv"}));
}

TEST(test_jsonl, one_event_per_line_dated_first) {
    std::ostringstream out;
    JsonlExporter().write(test::sample_story(), out, ExportOptions{});
    const auto lines = lines_of(out.str());
    ASSERT_EQ(lines.size(), 3u);
    rapidjson::Document d;
    d.Parse(lines[0].c_str());
    ASSERT_FALSE(d.HasParseError());
    EXPECT_STREQ(d["id"].GetString(), "evt-day");
    EXPECT_STREQ(d["date"].GetString(), "2022-01-13");
    EXPECT_STREQ(d["type"].GetString(), "movement.withdraw");
    ASSERT_EQ(d["participants"].Size(), 2u);
    EXPECT_STREQ(d["participants"][0]["label"].GetString(), "Vladimir Putin");
    EXPECT_STREQ(d["participants"][0]["role"].GetString(), "agent");
    EXPECT_STREQ(d["participants"][1]["role"].GetString(), "target");
    EXPECT_EQ(d["places"][0]["latitude"].GetDouble(), 43.25);
    ASSERT_EQ(d["sources"].Size(), 2u);
    EXPECT_STREQ(d["sources"][0]["url"].GetString(), "https://example.org/en?a=1&b=2");
    d.Parse(lines[2].c_str());
    EXPECT_STREQ(d["id"].GetString(), "evt-undated");
    EXPECT_TRUE(d["start"].IsNull());
}
