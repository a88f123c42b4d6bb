#include "importers/publication_date.hpp"

#include <gtest/gtest.h>

using namespace storyline;

TEST(test_publication_date, iso_forms_keep_clock_and_zone) {
    EXPECT_EQ(normalise_publication_date("2022-01-14"), "2022-01-14");
    EXPECT_EQ(normalise_publication_date("2022-01-14T10:05:00+01:00"), "2022-01-14T10:05:00+01:00");
    EXPECT_EQ(normalise_publication_date("2022-01-14T10:05:00.123Z"), "2022-01-14T10:05:00Z");
    EXPECT_EQ(normalise_publication_date(" 2022-01-14 10:05 "), "2022-01-14T10:05");
}

TEST(test_publication_date, day_first_and_rfc822) {
    EXPECT_EQ(normalise_publication_date("02/11/2023"), "2023-11-02");
    EXPECT_EQ(normalise_publication_date("Fri, 14 Jan 2022 10:05:00 +0100"), "2022-01-14");
}

TEST(test_publication_date, impossible_dates_are_refused) {
    EXPECT_FALSE(normalise_publication_date("2022-02-31"));
    EXPECT_FALSE(normalise_publication_date("31/02/2022"));
    EXPECT_FALSE(normalise_publication_date("99999-01-01"));
    EXPECT_FALSE(normalise_publication_date("-0001-01-01"));
    EXPECT_FALSE(normalise_publication_date("yesterday"));
    EXPECT_FALSE(normalise_publication_date(""));
}
