#include "store/sqlite/sqlite_store.hpp"
#include "tests/test_support.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

using namespace storyline;

namespace {

Document doc(const std::string& id, const std::string& key, const std::string& text) {
    return test_support::sample_document(id, key, text);
}

} // namespace

TEST(test_sqlite_store, round_trip_keeps_every_layer) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    {
        SqliteStore s(path);
        s.begin_batch();
        s.put(doc("a1", "f.txt", "jeudi Poutine déclare"));
        s.commit_batch();
    }
    SqliteStore s(path);
    int n = 0;
    s.for_each_document([&](const Document& d) {
        ++n;
        EXPECT_EQ(d.article.id, "a1");
        EXPECT_EQ(d.article.published.value, "2022-01-14");
        ASSERT_EQ(d.timexes.size(), 1u);
        EXPECT_EQ(d.timexes[0].value, "2022-01-13");
        ASSERT_EQ(d.entities.size(), 1u);
        EXPECT_EQ(d.entities[0].type, EntityType::person);
        ASSERT_EQ(d.events.size(), 1u);
        EXPECT_EQ(d.events[0].agents, std::vector<int>{0});
        EXPECT_EQ(d.events[0].modality, Modality::planned);
    });
    EXPECT_EQ(n, 1);
    EXPECT_EQ(s.counts().persons, 1);
}

TEST(test_sqlite_store, unchanged_changed_and_shared_sources) {
    test_support::TempDir dir;
    SqliteStore s((dir.path() / "s.db").string());
    s.begin_batch();
    s.put(doc("a1", "f.txt", "v1"));
    s.commit_batch();
    EXPECT_EQ(s.source_state("f.txt", "h-v1"), SourceState::unchanged);
    EXPECT_EQ(s.source_state("f.txt", "h-v2"), SourceState::changed);
    EXPECT_EQ(s.source_state("g.txt", "h-v1"), SourceState::fresh);
    // The same article under a second path: one article, two sources.
    s.begin_batch();
    s.put(doc("a1", "g.txt", "v1"));
    s.commit_batch();
    EXPECT_EQ(s.counts().articles, 1);
    EXPECT_EQ(s.sources_of("a1"), (std::vector<std::string>{"f.txt", "g.txt"}));
    // f.txt changes: its new content is a new article; a1 stays for g.txt.
    s.begin_batch();
    s.put(doc("a2", "f.txt", "v2"));
    s.commit_batch();
    EXPECT_EQ(s.counts().articles, 2);
    // g.txt changes too: a1 has no source left and goes.
    s.begin_batch();
    s.put(doc("a3", "g.txt", "v3"));
    s.commit_batch();
    EXPECT_EQ(s.counts().articles, 2);
    EXPECT_TRUE(s.sources_of("a1").empty());
    EXPECT_EQ(s.counts().event_mentions, 2);
}

TEST(test_sqlite_store, schema_version_and_integrity) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    { SqliteStore s(path); }
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 1);
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
    db.exec("PRAGMA user_version=99");
    EXPECT_THROW(SqliteStore s(path), StoreError);
}

TEST(test_sqlite_store, not_a_database_is_a_clear_error) {
    test_support::TempDir dir;
    const auto p = dir.write("junk.db", std::string(4096, 'x'));
    try {
        SqliteStore s(p.string());
        FAIL();
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos);
    }
}

TEST(test_sqlite_store, rollback_keeps_nothing_of_the_batch) {
    test_support::TempDir dir;
    SqliteStore s((dir.path() / "s.db").string());
    s.begin_batch();
    s.put(doc("a1", "f.txt", "v1"));
    s.rollback_batch();
    EXPECT_EQ(s.counts().articles, 0);
}

TEST(test_sqlite_store, shared_story_keeps_the_first_source_in_path_order) {
    test_support::TempDir dir;
    SqliteStore s((dir.path() / "s.db").string());
    Document late = doc("a1", "b/second.json", "same text");
    late.article.url = "https://b.example/2";
    Document early = doc("a1", "a/first.json", "same text");
    early.article.url = "https://a.example/1";
    s.begin_batch();
    s.put(late);    // written first, as a parallel import may do
    s.put(early);
    s.commit_batch();
    int n = 0;
    s.for_each_document([&](const Document& d) {
        ++n;
        EXPECT_EQ(d.article.url, "https://a.example/1");
        EXPECT_EQ(d.events.size(), 1u);   // annotations replaced, not doubled
    });
    EXPECT_EQ(n, 1);
    EXPECT_EQ(s.sources_of("a1"), (std::vector<std::string>{"a/first.json", "b/second.json"}));
}
