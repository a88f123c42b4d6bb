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
