#include "core/graph/event_merging.hpp"

#include <gtest/gtest.h>

using namespace storyline;

namespace {

EventRecord rec(const std::string& article, std::uint32_t at, const std::string& type, const std::string& date,
                std::vector<std::string> agents, const std::string& modality = "asserted") {
    EventRecord r;
    r.article_id = article;
    r.trigger = Span{at, at + 5};
    r.type = type;
    r.time_value = date;
    r.when = interval_from_timex(date);
    r.modality = modality;
    r.agents = std::move(agents);
    return r;
}

} // namespace

TEST(test_event_merging, week_and_its_day_merge_with_a_shared_actor) {
    const auto a = rec("fr", 10, "withdraw", "2022-01-13", {"org-csto"});
    const auto b = rec("en", 20, "withdraw", "2022-W02", {"org-csto", "loc-kz"});
    EXPECT_TRUE(mergeable(a, b));
    const auto groups = merge_events({a, b});
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].size(), 2u);
}

TEST(test_event_merging, different_days_type_modality_or_actors_stay_apart) {
    const auto day = rec("a", 1, "withdraw", "2022-01-13", {"org-csto"});
    EXPECT_FALSE(mergeable(day, rec("b", 1, "withdraw", "2022-01-19", {"org-csto"})));
    EXPECT_FALSE(mergeable(day, rec("b", 1, "deploy", "2022-01-13", {"org-csto"})));
    EXPECT_FALSE(mergeable(day, rec("b", 1, "withdraw", "2022-01-13", {"per-putin"})));
    EXPECT_FALSE(mergeable(day, rec("b", 1, "withdraw", "2022-01-13", {"org-csto"}, "negated")));
    EXPECT_FALSE(mergeable(day, rec("b", 1, "withdraw", "2022-01-13", {"org-csto"}, "planned")));
    EXPECT_TRUE(mergeable(day, rec("b", 1, "withdraw", "2022-01-13", {"org-csto"}, "reported")));
    EXPECT_FALSE(mergeable(day, rec("b", 1, "withdraw", "", {"org-csto"})));
}

TEST(test_event_merging, a_week_does_not_chain_two_different_days) {
    // Thursday and Friday both fit in the week, but not in each other: two events.
    const std::vector<EventRecord> recs{rec("a", 1, "protest", "2022-01-13", {"loc-almaty"}),
                                        rec("b", 1, "protest", "2022-W02", {"loc-almaty"}),
                                        rec("c", 1, "protest", "2022-01-14", {"loc-almaty"})};
    const auto groups = merge_events(recs);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].size() + groups[1].size(), 3u);
}

TEST(test_event_merging, grouping_does_not_depend_on_input_order) {
    std::vector<EventRecord> recs{rec("a", 1, "statement", "2022-01-07", {"per-blinken"}),
                                  rec("b", 1, "statement", "2022-01", {"per-blinken"}),
                                  rec("c", 1, "statement", "2022-01-07", {"per-blinken"}),
                                  rec("d", 1, "statement", "2022-01-08", {"per-blinken"})};
    auto sizes = [](const std::vector<std::vector<std::size_t>>& g) {
        std::vector<std::size_t> s;
        for (const auto& x : g) s.push_back(x.size());
        std::sort(s.begin(), s.end());
        return s;
    };
    const auto forward = sizes(merge_events(recs));
    std::reverse(recs.begin(), recs.end());
    EXPECT_EQ(sizes(merge_events(recs)), forward);
    EXPECT_EQ(forward, (std::vector<std::size_t>{1, 3}));
}

TEST(test_event_merging, one_article_tells_apart_what_it_dates_differently_or_gives_other_actors) {
    // "announced earlier this week" and "confirmed on Thursday", in one article: two statements.
    auto week = rec("a", 10, "statement", "2022-W02", {"org-kremlin"});
    auto thursday = rec("a", 90, "statement", "2022-01-13", {"org-kremlin"});
    week.time_source = thursday.time_source = "timex";
    EXPECT_EQ(merge_events({week, thursday}).size(), 2u);
    // The same pair in two articles is one event told twice.
    thursday.article_id = "b";
    EXPECT_EQ(merge_events({week, thursday}).size(), 1u);
    // In one article, a shared place alone does not make two statements one.
    auto kz1 = rec("a", 10, "statement", "2022-01-13", {});
    auto kz2 = rec("a", 90, "statement", "2022-01-13", {});
    kz1.places = kz2.places = {"loc-kz"};
    EXPECT_EQ(merge_events({kz1, kz2}).size(), 2u);
    kz2.article_id = "b";
    EXPECT_EQ(merge_events({kz1, kz2}).size(), 1u);
}
