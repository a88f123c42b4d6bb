#include "importers/import_bytes.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

using namespace storyline;

TEST(test_json_importer, scraper_field_names_are_mapped) {
    test_support::use_source_resources();
    const std::string json = R"({"headline":"H","maintext":"Body of the article.","date_publish":"2021-03-03 10:00:00","language":"en","url":"https://x.org/1"})";
    const auto r = import_bytes(json, SourceInfo{"a.json", "json", "", ""});
    ASSERT_EQ(r.format, "json");
    const Article& a = r.result.articles.at(0);
    EXPECT_EQ(a.title, "H");
    EXPECT_EQ(a.text, "Body of the article.");
    EXPECT_EQ(a.published.value, "2021-03-03T10:00:00");
    EXPECT_EQ(a.lang, "en");
}

TEST(test_json_importer, array_of_records_reports_bad_items) {
    test_support::use_source_resources();
    const std::string json = R"([{"title":"A","text":"One."},{"nothing":1},{"title":"B","text":"Two."}])";
    const auto r = import_bytes(json, SourceInfo{"a.json", "json", "", ""});
    EXPECT_EQ(r.result.articles.size(), 2u);
    ASSERT_EQ(r.result.issues.size(), 1u);
    EXPECT_EQ(r.result.issues[0].where, "item 2");
}

TEST(test_json_importer, invalid_json_names_the_offset) {
    test_support::use_source_resources();
    try {
        import_bytes(R"({"title": "A", "text": )", SourceInfo{"a.json", "json", "", ""});
        FAIL();
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("invalid JSON"), std::string::npos);
    }
}

// BigQuery exports and many scrapers write JSON Lines under a .json name: every record is read,
// not only the first one.
TEST(test_json_importer, json_lines_under_a_json_name_are_all_read) {
    test_support::use_source_resources();
    const std::string lines = "{\"id\":\"a\",\"text\":\"First.\"}\n{\"id\":\"b\",\"text\":\"Second.\"}\n{broken\n";
    const auto r = import_bytes(lines, SourceInfo{"export.json", "json", "", ""});
    ASSERT_EQ(r.result.articles.size(), 2u);
    EXPECT_EQ(r.result.articles[1].text, "Second.");
    EXPECT_EQ(r.result.articles[1].source_key, "export.json#b");
    ASSERT_EQ(r.result.issues.size(), 1u);
    EXPECT_EQ(r.result.issues[0].where, "line 3");
}

TEST(test_json_importer, content_after_the_value_is_reported) {
    test_support::use_source_resources();
    const auto r = import_bytes("{\"text\":\"Only one.\"}\n] trailing", SourceInfo{"a.json", "json", "", ""});
    ASSERT_EQ(r.result.articles.size(), 1u);
    ASSERT_EQ(r.result.issues.size(), 1u);
    EXPECT_EQ(r.result.issues[0].where, "byte 21");   // from 0, as "invalid JSON at byte N"
    EXPECT_EQ(r.result.issues[0].reason, "content after the JSON value");
    // Whitespace after the value is nothing to say.
    EXPECT_TRUE(import_bytes("{\"text\":\"Only one.\"}\n\n  \n", SourceInfo{"a.json", "json", "", ""}).result.issues.empty());
}

TEST(test_jsonl_importer, broken_line_is_skipped_and_ids_are_kept) {
    test_support::use_source_resources();
    const std::string jsonl = "{\"id\":\"d1\",\"text\":\"First.\",\"lang\":\"en\"}\n{broken\n{\"id\":\"d3\",\"text\":\"Third.\"}\n";
    const auto r = import_bytes(jsonl, SourceInfo{"a.jsonl", "jsonl", "", ""});
    ASSERT_EQ(r.result.articles.size(), 2u);
    EXPECT_EQ(r.result.articles[0].id, "d1");
    EXPECT_EQ(r.result.articles[0].source_key, "a.jsonl#d1");
    ASSERT_EQ(r.result.issues.size(), 1u);
    EXPECT_EQ(r.result.issues[0].where, "line 2");
}
