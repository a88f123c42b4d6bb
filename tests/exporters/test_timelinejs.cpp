#include "exporters/timelinejs_exporter.hpp"

#include <rapidjson/document.h>
#include <gtest/gtest.h>

#include <sstream>

using namespace storyline;

namespace {
void add_event(StoryGraph& g, const std::string& id, const std::string& value) {
    NodeProps e;
    e.id = id;
    e.kind = NodeKind::event;
    e.label = id;
    e.summary = "summary of " + id;
    e.event_type = "withdraw";
    e.date = value;
    e.when = interval_from_timex(value);
    g.add_node(e);
}
} // namespace

TEST(test_timelinejs, precision_is_kept_and_undated_events_are_left_out) {
    StoryGraph g;
    add_event(g, "evt-day", "2022-01-13");
    add_event(g, "evt-week", "2022-W01");
    add_event(g, "evt-month", "2022-02");
    add_event(g, "evt-vague", "PAST_REF");
    std::ostringstream out;
    TimelinejsExporter().write(g, out, ExportOptions{});
    rapidjson::Document d;
    d.Parse(out.str().c_str());
    ASSERT_FALSE(d.HasParseError());
    const auto& events = d["events"];
    ASSERT_EQ(events.Size(), 3u);
    // Chronological: the week of 2022-01-03, then 2022-01-13, then February.
    EXPECT_STREQ(events[0]["unique_id"].GetString(), "evt-week");
    EXPECT_EQ(events[0]["start_date"]["day"].GetInt(), 3);
    EXPECT_EQ(events[0]["end_date"]["day"].GetInt(), 9);
    EXPECT_TRUE(events[0].HasMember("display_date"));
    EXPECT_EQ(events[1]["start_date"]["day"].GetInt(), 13);
    EXPECT_FALSE(events[2]["start_date"].HasMember("day"));   // a month is not a fake day
    EXPECT_EQ(events[2]["start_date"]["month"].GetInt(), 2);
    EXPECT_STREQ(events[1]["group"].GetString(), "withdraw");
}

#include "exporters/event_view.hpp"
#include "sample_story.hpp"

namespace {
rapidjson::Document timeline_of(const StoryGraph& g, const std::string& variant = "") {
    std::ostringstream out;
    ExportOptions options;
    options.format_variant = variant;
    TimelinejsExporter().write(g, out, options);
    rapidjson::Document d;
    d.Parse(out.str().c_str());
    return d;
}
} // namespace

TEST(test_timelinejs, display_dates_name_weeks_months_and_seasons) {
    EXPECT_EQ(display_date_of(interval_from_timex("2022-W03")), "Week 3, 2022 (17\u201323 January 2022)");
    EXPECT_EQ(display_date_of(interval_from_timex("2022-W05")), "Week 5, 2022 (31 January\u20136 February 2022)");
    EXPECT_EQ(display_date_of(interval_from_timex("2021-W52")), "Week 52, 2021 (27 December 2021\u20132 January 2022)");
    EXPECT_EQ(display_date_of(interval_from_timex("2022-02")), "February 2022");
    EXPECT_EQ(display_date_of(interval_from_timex("2022-Q3")), "Q3 2022");
    EXPECT_EQ(display_date_of(interval_from_timex("2022-SU")), "Summer 2022");
    EXPECT_EQ(display_date_of(interval_from_timex("2022")), "2022");
    EXPECT_EQ(display_date_of(interval_from_timex("2022-01-13")), "");
}

TEST(test_timelinejs, group_is_the_thread_else_the_type_and_sources_are_links) {
    const auto d = timeline_of(test::sample_story());
    ASSERT_FALSE(d.HasParseError());
    const auto& events = d["events"];
    ASSERT_EQ(events.Size(), 2u);
    EXPECT_STREQ(events[0]["unique_id"].GetString(), "evt-day");
    EXPECT_STREQ(events[0]["group"].GetString(), "thread-csto");
    EXPECT_STREQ(events[1]["group"].GetString(), "contact.statement");
    const std::string text = events[0]["text"]["text"].GetString();
    EXPECT_NE(text.find("<a href=\"https://example.org/en?a=1&amp;b=2\">Title art-en1</a> (2022-01-14)"), std::string::npos);
    EXPECT_NE(text.find("<li>Title art-fr1 (2022-01-20)</li>"), std::string::npos);   // no URL: no link
    EXPECT_NE(text.find("<b>Who:</b> Vladimir Putin, CSTO"), std::string::npos);
    EXPECT_STREQ(events[1]["display_date"].GetString(), "Week 3, 2022 (17\u201323 January 2022)");
}

TEST(test_timelinejs, unique_ids_are_slugs_and_unique) {
    StoryGraph g;
    test::add_event(g, "Evt_1", "2022-01-01", "t");
    test::add_event(g, "evt-1", "2022-01-02", "t");
    test::add_event(g, "1", "2022-01-03", "t");
    test::add_event(g, "title", "2022-01-04", "t");
    const auto d = timeline_of(g);
    const auto& events = d["events"];
    ASSERT_EQ(events.Size(), 4u);
    EXPECT_STREQ(events[0]["unique_id"].GetString(), "evt-1");
    EXPECT_STREQ(events[1]["unique_id"].GetString(), "evt-1-2");
    EXPECT_STREQ(events[2]["unique_id"].GetString(), "id-1");
    EXPECT_STREQ(events[3]["unique_id"].GetString(), "title-2");   // "title" is the title slide's
    EXPECT_EQ(slug("Élan / vital: 2"), "lan-vital-2");
}

TEST(test_timelinejs, vis_variant_writes_items_and_groups) {
    const auto d = timeline_of(test::sample_story(), "vis");
    ASSERT_FALSE(d.HasParseError());
    const auto& items = d["items"];
    ASSERT_EQ(items.Size(), 2u);
    EXPECT_STREQ(items[0]["start"].GetString(), "2022-01-13");
    EXPECT_FALSE(items[0].HasMember("end"));
    EXPECT_STREQ(items[0]["type"].GetString(), "box");
    EXPECT_STREQ(items[1]["start"].GetString(), "2022-01-17");
    EXPECT_STREQ(items[1]["end"].GetString(), "2022-01-24");   // exclusive: midnight after the last day
    EXPECT_STREQ(items[1]["type"].GetString(), "range");
    const auto& groups = d["groups"];
    ASSERT_EQ(groups.Size(), 2u);
    EXPECT_STREQ(groups[0]["id"].GetString(), items[0]["group"].GetString());
    EXPECT_STREQ(groups[0]["content"].GetString(), "thread-csto");
    EXPECT_TRUE(TimelinejsExporter().accepts_variant("vis"));
    EXPECT_FALSE(TimelinejsExporter().accepts_variant("gantt"));
}

TEST(test_timelinejs, max_slides_keeps_the_most_reported_events_in_date_order) {
    StoryGraph g;
    test::add_event(g, "evt-a", "2022-01-05", "protest", 1);
    test::add_event(g, "evt-b", "2022-01-06", "deploy", 3);
    test::add_event(g, "evt-c", "2022-01-07", "statement", 2);
    ExportOptions options;
    options.max_slides = 2;
    std::ostringstream out;
    TimelinejsExporter().write(g, out, options);
    rapidjson::Document d;
    d.Parse(out.str().c_str());
    ASSERT_FALSE(d.HasParseError());
    const auto& events = d["events"];
    ASSERT_EQ(events.Size(), 2u);
    EXPECT_STREQ(events[0]["unique_id"].GetString(), "evt-b");
    EXPECT_STREQ(events[1]["unique_id"].GetString(), "evt-c");
    EXPECT_NE(std::string(d["title"]["text"]["text"].GetString()).find("The 2 most reported of 3 dated events"),
              std::string::npos);
    // 0 = every event; vis-timeline always carries them all.
    options.max_slides = 0;
    std::ostringstream all;
    TimelinejsExporter().write(g, all, options);
    d.Parse(all.str().c_str());
    EXPECT_EQ(d["events"].Size(), 3u);
}
