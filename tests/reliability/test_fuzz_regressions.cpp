// Inputs the fuzzers (fuzz/) found, kept as regression tests: each once crashed, leaked or broke
// an invariant of the target named in the test.
#include "importers/publication_date.hpp"
#include "core/text/utf8.hpp"

#include <gtest/gtest.h>

using namespace storyline;

// fuzz_publication_date: a "+HH:MM" zone was copied without checking its digits, so a byte that
// is not UTF-8 went into the stored date.
TEST(test_reliability_fuzz_regressions, publication_date_zone_must_be_digits) {
    const auto d = normalise_publication_date("2022-01-14T05:05:00+0\xe6:00");
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(valid_utf8(*d));
    EXPECT_EQ(*d, "2022-01-14T05:05:00");
    EXPECT_EQ(normalise_publication_date("2022-01-14T05:05:00+01:00"), "2022-01-14T05:05:00+01:00");
}
