// Inputs the fuzzers (fuzz/) found, kept as regression tests: each once crashed, leaked or broke
// an invariant of the target named in the test.
#include "importers/jsonl_stream.hpp"
#include "importers/publication_date.hpp"
#include "core/text/utf8.hpp"
#include "tests/test_support.hpp"

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

// fuzz_jsonl_stream: a '}' where an array item should start was cut as an empty item, skipped,
// and cut again at the same place: the stream never ended (twenty-fourth session, found in 31 s).
TEST(test_reliability_fuzz_regressions, stray_brace_in_a_json_array_does_not_loop) {
    test_support::use_source_resources();
    const std::string bytes = " [\"-f-{\xDD" "18030kei\"L%O\xFF\xFF{\xDD" "18030kei\"L%O\xFF\xFF\xFF\xFF\n\n\ntrit\": @}\n: \"\xFF";
    MemorySource source(bytes, 10);
    SourceInfo src;
    src.path = "fuzz.json";
    JsonlStream stream(source, src);
    std::vector<ImportIssue> issues;
    Article a;
    std::size_t records = 0;
    try {
        while (stream.next(a, issues) && records < 100) ++records;
    } catch (const ImportError&) {
    }
    EXPECT_EQ(records, 0u);
    EXPECT_LT(issues.size(), 10u);
    for (const std::string_view stray : {"[}", "[ } , }]", "[{\"text\":\"x\"}}]"}) {
        MemorySource s2(stray, 1);
        JsonlStream again(s2, src);
        std::vector<ImportIssue> said;
        std::size_t n = 0;
        try {
            while (again.next(a, said) && n < 100) ++n;
        } catch (const ImportError&) {
        }
        EXPECT_LT(said.size(), 10u) << stray;
    }
}
