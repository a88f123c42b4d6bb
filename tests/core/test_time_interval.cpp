#include "core/graph/time_interval.hpp"

#include <gtest/gtest.h>

using namespace storyline;

TEST(test_time_interval, day_week_month_year) {
    const auto day = interval_from_timex("2022-01-13");
    EXPECT_EQ(day.precision, Precision::day);
    EXPECT_EQ(iso_day(day.first), "2022-01-13");
    const auto week = interval_from_timex("2022-W01");
    EXPECT_EQ(week.precision, Precision::week);
    EXPECT_EQ(iso_day(week.first), "2022-01-03");
    EXPECT_EQ(iso_day(week.last), "2022-01-09");
    const auto month = interval_from_timex("2022-02");
    EXPECT_EQ(iso_day(month.last), "2022-02-28");
    const auto leap = interval_from_timex("2024-02");
    EXPECT_EQ(iso_day(leap.last), "2024-02-29");
    const auto year = interval_from_timex("2021");
    EXPECT_EQ(year.precision, Precision::year);
    EXPECT_EQ(iso_day(year.last), "2021-12-31");
}

TEST(test_time_interval, week_includes_day_and_neither_is_before) {
    const auto week = interval_from_timex("2022-W01");
    const auto day = interval_from_timex("2022-01-06");
    EXPECT_TRUE(week.includes(day));
    EXPECT_FALSE(week.before(day));
    EXPECT_FALSE(day.before(week));
    EXPECT_TRUE(day.before(interval_from_timex("2022-01-13")));
}

TEST(test_time_interval, quarters_seasons_decades) {
    EXPECT_EQ(iso_day(interval_from_timex("2022-Q1").last), "2022-03-31");
    const auto winter = interval_from_timex("2022-WI");
    EXPECT_EQ(iso_day(winter.first), "2022-12-01");
    EXPECT_EQ(iso_day(winter.last), "2023-02-28");
    EXPECT_EQ(interval_from_timex("198").precision, Precision::decade);
    EXPECT_EQ(iso_day(interval_from_timex("198X").last), "1989-12-31");
}

TEST(test_time_interval, vague_and_invalid_values_are_not_placed) {
    EXPECT_EQ(interval_from_timex("PAST_REF").precision, Precision::vague);
    EXPECT_EQ(interval_from_timex("XXXX-01-19").precision, Precision::vague);
    EXPECT_FALSE(interval_from_timex("P2D").known());
    EXPECT_FALSE(interval_from_timex("2022-02-30").known());
    EXPECT_FALSE(interval_from_timex("2022-13").known());
    EXPECT_FALSE(interval_from_timex("").known());
}

TEST(test_time_interval, clock_part_is_ignored_for_the_day) {
    const auto t = interval_from_timex("2022-01-13T15:57");
    EXPECT_EQ(t.precision, Precision::day);
    EXPECT_EQ(iso_day(t.first), "2022-01-13");
}

TEST(test_time_interval, nested_intervals_are_compatible_different_days_are_not) {
    const auto week = interval_from_timex("2022-W02");
    const auto thursday = interval_from_timex("2022-01-13");
    const auto friday = interval_from_timex("2022-01-14");
    EXPECT_TRUE(week.compatible(thursday));
    EXPECT_TRUE(thursday.compatible(week));
    EXPECT_TRUE(thursday.compatible(thursday));
    EXPECT_FALSE(thursday.compatible(friday));
    EXPECT_FALSE(thursday.compatible(interval_from_timex("PAST_REF")));
    EXPECT_EQ(week.length_days(), 7);
}

TEST(test_time_interval, timeline_date_writes_unknown_digits_as_x) {
    EXPECT_EQ(timeline_date(interval_from_timex("2008-03-01")), "2008-03-01");
    EXPECT_EQ(timeline_date(interval_from_timex("2008-03")), "2008-03-XX");
    EXPECT_EQ(timeline_date(interval_from_timex("2008-W10")), "2008-03-XX");
    EXPECT_EQ(timeline_date(interval_from_timex("2008")), "2008-XX-XX");
    EXPECT_EQ(timeline_date(interval_from_timex("XXXX-01-19")), "XXXX-XX-XX");
}
