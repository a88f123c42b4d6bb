// English constructions, from the TimeML 1.2.1 annotation guidelines' categories (sentences
// written for these tests). Document date 2022-01-14 is a Friday (ISO week 2022-W02).
#include "timex_test_util.hpp"

namespace storyline::timex_test {
namespace {

const std::string dct = "2022-01-14";

TEST(timex_en, test_timex_absolute_dates) {
    auto f = tag("en", "The treaty was signed on March 3, 2004 and ratified in July 2005.", dct);
    EXPECT_EQ(value_of(f, "March 3, 2004"), "2004-03-03");
    EXPECT_EQ(value_of(f, "July 2005"), "2005-07");
    f = tag("en", "Elections are set for 12 October 2023.", dct);
    EXPECT_EQ(value_of(f, "12 October 2023"), "2023-10-12");
    f = tag("en", "Prices doubled in 1997.", dct);
    EXPECT_EQ(value_of(f, "1997"), "1997");
}

TEST(timex_en, test_timex_month_day_takes_document_year) {
    auto f = tag("en", "The company will report results on Feb. 2.", dct);
    EXPECT_EQ(value_of(f, "Feb. 2"), "2022-02-02");
    f = tag("en", "The company will report results on Feb. 2.", "");
    EXPECT_EQ(value_of(f, "Feb. 2"), "XXXX-02-02");
}

TEST(timex_en, test_timex_relative_days) {
    auto f = tag("en", "Officials said yesterday that talks would resume tomorrow, not today.", dct);
    EXPECT_EQ(value_of(f, "yesterday"), "2022-01-13");
    EXPECT_EQ(value_of(f, "tomorrow"), "2022-01-15");
    EXPECT_EQ(value_of(f, "today"), "2022-01-14");
    // Wire quotes are said the day they are filed: a quoted "today" stays the document's day
    // (lang/en/timex/rules.txt gives ref_today no `quoted` value; French does).
    f = tag("en", "\"We signed the deal today,\" the chairman said.", dct);
    EXPECT_EQ(value_of(f, "today"), "2022-01-14");
}

TEST(timex_en, test_timex_weekday_with_tense) {
    auto f = tag("en", "The minister resigned Tuesday.", dct);
    EXPECT_EQ(value_of(f, "Tuesday"), "2022-01-11");
    f = tag("en", "The minister will resign Tuesday.", dct);
    EXPECT_EQ(value_of(f, "Tuesday"), "2022-01-18");
    f = tag("en", "They met last Friday and will meet again next Monday.", dct);
    EXPECT_EQ(value_of(f, "last Friday"), "2022-01-07");
    EXPECT_EQ(value_of(f, "next Monday"), "2022-01-17");
    f = tag("en", "The minister resigned Tuesday.", "");
    EXPECT_EQ(value_of(f, "Tuesday"), "XXXX-WXX-2");
    // The tense cue is found across an abbreviation's period, and a capitalised name ending in
    // "-ed" is no past verb.
    f = tag("en", "The father could come to the U.S. from Cuba as early as Tuesday.", dct);
    EXPECT_EQ(value_of(f, "Tuesday"), "2022-01-18");
    f = tag("en", "The father would be traveling to the United States Thursday.", dct);
    EXPECT_EQ(value_of(f, "Thursday"), "2022-01-20");
}

TEST(timex_en, test_timex_weeks_months_years) {
    auto f = tag("en", "Sales fell last week, rose this month and should recover next year.", dct);
    EXPECT_EQ(value_of(f, "last week"), "2022-W01");
    EXPECT_EQ(value_of(f, "this month"), "2022-01");
    EXPECT_EQ(value_of(f, "next year"), "2023");
    f = tag("en", "It happened three years ago.", dct);
    EXPECT_EQ(value_of(f, "three years ago"), "2019");
}

TEST(timex_en, test_timex_quarters_and_seasons) {
    auto f = tag("en", "Profit rose in the third quarter of 2021, and a sale is planned this summer.", dct);
    EXPECT_EQ(value_of(f, "the third quarter of 2021"), "2021-Q3");
    EXPECT_EQ(value_of(f, "this summer"), "2022-SU");
    f = tag("en", "Fourth-quarter earnings beat forecasts.", dct);
    EXPECT_EQ(value_of(f, "Fourth-quarter"), "2022-Q4");
}

TEST(timex_en, test_timex_decades_and_centuries) {
    auto f = tag("en", "The style was popular in the 1960s and again in the '90s.", dct);
    EXPECT_EQ(value_of(f, "the 1960s"), "196");  // TimeML 1.2: a decade is its first 3 digits
    EXPECT_EQ(value_of(f, "the '90s"), "199");
}

TEST(timex_en, test_timex_durations) {
    auto f = tag("en", "The strike lasted two weeks after a 16-hour debate and several months of talks.", dct);
    EXPECT_EQ(value_of(f, "two weeks"), "P2W");
    EXPECT_EQ(type_of(f, "two weeks"), "DURATION");
    EXPECT_EQ(value_of(f, "16-hour"), "PT16H");
    EXPECT_EQ(value_of(f, "several months"), "PXM");
    f = tag("en", "Output grew during the past twenty-one years.", dct);
    EXPECT_EQ(value_of(f, "the past twenty-one years"), "P21Y");
}

TEST(timex_en, test_timex_sets) {
    auto f = tag("en", "The paper is published daily and the board meets every month.", dct);
    EXPECT_EQ(value_of(f, "daily"), "P1D");
    EXPECT_EQ(type_of(f, "daily"), "SET");
    EXPECT_EQ(value_of(f, "every month"), "P1M");
    f = tag("en", "The market opens each Tuesday.", dct);
    EXPECT_EQ(value_of(f, "each Tuesday"), "XXXX-WXX-2");
}

TEST(timex_en, test_timex_times_with_zones) {
    auto f = tag("en", "The launch happened at 10:30 a.m. EST and the briefing at 3 p.m.", dct);
    EXPECT_EQ(value_of(f, "10:30 a.m. EST"), "2022-01-14T10:30");
    EXPECT_EQ(value_of(f, "3 p.m"), "2022-01-14T15:00");
}

TEST(timex_en, test_timex_ranges) {
    auto f = tag("en", "Polls are open between March and May.", dct);
    EXPECT_EQ(value_of(f, "March"), "2022-03");
    EXPECT_EQ(value_of(f, "May"), "2022-05");
    f = tag("en", "The fair runs from March 3 to 5.", dct);
    EXPECT_EQ(value_of(f, "March 3"), "2022-03-03");
    EXPECT_EQ(value_of(f, "5"), "2022-03-05");
}

TEST(timex_en, test_timex_narrative_anchor) {
    auto f = tag("en", "The ship sailed on June 2, 2019. Two days later it sank.", dct);
    EXPECT_EQ(value_of(f, "Two days later"), "2019-06-04");
}

TEST(timex_en, test_timex_refs) {
    auto f = tag("en", "Shares are now trading lower; prices rose recently.", dct);
    EXPECT_EQ(value_of(f, "now"), "PRESENT_REF");
    EXPECT_EQ(value_of(f, "recently"), "PAST_REF");
}

TEST(timex_en, test_timex_numbers_are_not_dates) {
    auto f = tag("en", "About 1,500 people and 2000 soldiers watched the team win 3 points to 2-1 at 3 pm.", dct);
    for (const auto& x : f) {
        EXPECT_NE(x.text, "1,500");
        EXPECT_NE(x.text, "2000");
        EXPECT_NE(x.text, "3");
        EXPECT_NE(x.text, "2-1");
    }
    EXPECT_EQ(value_of(f, "3 pm"), "2022-01-14T15:00");
    f = tag("en", "You may go in May.", dct);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].value, "2022-05");
}

TEST(timex_en, test_timex_span_excludes_prepositions) {
    auto f = tag("en", "Prices have risen since 1999 and must fall by March 2023.", dct);
    EXPECT_EQ(value_of(f, "1999"), "1999");
    EXPECT_EQ(value_of(f, "March 2023"), "2023-03");
}

TEST(timex_en, test_timex_tense_cue_strength) {
    // A past ending after an auxiliary is a participle: "will" decides.
    auto f = tag("en", "The new chief will be named in December.", dct);
    EXPECT_EQ(value_of(f, "December"), "2022-12");
    f = tag("en", "The talks are set to resume Monday.", dct);
    EXPECT_EQ(value_of(f, "Monday"), "2022-01-17");
    // "next to" is a place; the verb decides.
    f = tag("en", "The bomb exploded next to the embassy on Saturday.", dct);
    EXPECT_EQ(value_of(f, "Saturday"), "2022-01-08");
    // A plan in the past perfect lies in the past.
    f = tag("en", "The offer had been due to expire Wednesday.", dct);
    EXPECT_EQ(value_of(f, "Wednesday"), "2022-01-12");
    // An attribution beyond a comma is the weakest cue; without a comma the verb is the event.
    f = tag("en", "The father will travel with his lawyer and two aides on Tuesday, officials said.", dct);
    EXPECT_EQ(value_of(f, "Tuesday"), "2022-01-18");
    f = tag("en", "Bush told reporters on Tuesday that the blockade might be extended.", dct);
    EXPECT_EQ(value_of(f, "Tuesday"), "2022-01-11");
}

TEST(timex_en, test_timex_reporting_periods) {
    // "a year earlier" keeps the quarter under discussion, but after a span of months it is the
    // year before.
    auto f = tag("en", "Third-quarter profit rose 8% from a year earlier. For the nine months, profit rose 5% "
                       "from a year ago.", dct);
    EXPECT_EQ(value_of(f, "a year earlier"), "2020-Q3");
    EXPECT_EQ(value_of(f, "a year ago"), "2021");
    // A forecast quarter is not the one reported on; with none mentioned, the latest quarter is
    // the last one that ended.
    f = tag("en", "Analysts expect losses through the second quarter of 2022. In the latest quarter, the "
                  "company lost money.", dct);
    EXPECT_EQ(value_of(f, "the latest quarter"), "2021-Q4");
    f = tag("en", "Third-quarter profit rose from the 2020 period.", dct);
    EXPECT_EQ(value_of(f, "the 2020 period"), "2020-Q3");
    f = tag("en", "For the nine months, sales fell from the 2020 period.", dct);
    EXPECT_EQ(value_of(f, "the 2020 period"), "2020");
    f = tag("en", "The quarter-to-quarter comparison was poor.", dct);
    EXPECT_TRUE(f.empty());
    f = tag("en", "The company expects a loss for the full year.", dct);
    EXPECT_EQ(value_of(f, "the full year"), "2022");
    EXPECT_EQ(type_of(f, "the full year"), "DATE");
}

TEST(timex_en, test_timex_anchor_at_any_precision) {
    auto f = tag("en", "He left in June 2019 and returned later that year.", dct);
    EXPECT_EQ(value_of(f, "later that year"), "2019");
    f = tag("en", "The firm was put up for sale in March 2019. The following month, it was sold.", dct);
    EXPECT_EQ(value_of(f, "The following month"), "2019-04");
}

TEST(timex_en, test_timex_fractional_durations) {
    auto f = tag("en", "They lived in camps for 2 1/2 years. The flight took two and a half hours.", dct);
    EXPECT_EQ(value_of(f, "2 1/2 years"), "P2Y6M");
    EXPECT_EQ(value_of(f, "two and a half hours"), "PT2H30M");
    f = tag("en", "A minute and a half later the plane fell.", dct);
    EXPECT_EQ(value_of(f, "A minute and a half"), "PT1M30S");
    // Decades as durations are counted in years.
    f = tag("en", "Unemployment is the lowest for almost two decades.", dct);
    EXPECT_EQ(value_of(f, "almost two decades"), "P20Y");
}

TEST(timex_en, test_timex_seasons_around_new_year) {
    // In January the current season is the winter that began in December 2021.
    auto f = tag("en", "Hiring began last fall, slowed this winter and should recover next spring.", dct);
    EXPECT_EQ(value_of(f, "last fall"), "2021-FA");
    EXPECT_EQ(value_of(f, "this winter"), "2021-WI");
    EXPECT_EQ(value_of(f, "next spring"), "2022-SP");
}

TEST(timex_en, test_timex_spoken_years) {
    auto f = tag("en", "January nineteen ninety-seven. A bomb exploded in the winter of nineteen ninety-four.", dct);
    EXPECT_EQ(value_of(f, "January nineteen ninety-seven"), "1997-01");
    EXPECT_EQ(value_of(f, "the winter of nineteen ninety-four"), "1994-WI");
}

} // namespace
} // namespace storyline::timex_test
