#include "store/sqlite/schema.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "tests/test_support.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <filesystem>

using namespace storyline;

namespace {

Document doc(const std::string& id, const std::string& key, const std::string& text) {
    return test_support::sample_document(id, key, text);
}

// One batch holding one document.
void store_batch(SqliteStore& s, const Document& d) {
    s.begin_batch();
    s.put(d);
    s.commit_batch();
}

// A database at `path` holding one sample article, then edited by hand with `sql` (as a damaged
// or hand-edited file would be).
void store_one_then_edit(const std::string& path, const std::string& sql) {
    {
        SqliteStore s(path);
        store_batch(s, doc("a1", "f.txt", "jeudi Poutine déclare"));
    }
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(sql);
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
    // The cheap count an import prints agrees with the full one.
    EXPECT_EQ(s.article_counts().articles, 1);
    EXPECT_EQ(s.article_counts().sources, 2);
    EXPECT_EQ(s.counts().sources, 2);
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

TEST(test_sqlite_store, has_sources_says_whether_an_import_must_ask_per_article) {
    test_support::TempDir dir;
    SqliteStore s((dir.path() / "s.db").string());
    EXPECT_FALSE(s.has_sources());
    s.begin_batch();
    s.put(doc("a1", "f.txt", "v1"));
    EXPECT_TRUE(s.has_sources());   // inside the batch too: the same connection sees its writes
    s.commit_batch();
    EXPECT_TRUE(s.has_sources());
}

TEST(test_sqlite_store, wal_is_copied_in_the_background_and_stays_bounded) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    std::uintmax_t largest_wal = 0;
    {
        SqliteStore s(path);
        const std::string megabyte(1 << 20, 'x');
        for (int k = 0; k < 100; ++k) {   // 100 MB in 100 batches: past the 64 MB bound
            s.begin_batch();
            s.put(doc("a" + std::to_string(k), "f" + std::to_string(k) + ".txt", megabyte + std::to_string(k)));
            s.commit_batch();
            std::error_code ec;
            largest_wal = std::max(largest_wal, std::filesystem::file_size(path + "-wal", ec));
        }
        EXPECT_EQ(s.article_counts().articles, 100);
    }
    // The bound and one batch past it; without the checkpoints the WAL would hold all 100 MB.
    EXPECT_LT(largest_wal, std::uintmax_t{72} << 20);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));   // the last close copied the rest
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM articles").getInt(), 100);
}

TEST(test_sqlite_store, bulk_load_of_an_empty_store_goes_through_a_rollback_journal_then_back_to_the_wal) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    {
        SqliteStore s(path);
        s.begin_bulk_load();
        store_batch(s, doc("a1", "f1.txt", "premier"));
        EXPECT_FALSE(std::filesystem::exists(path + "-wal"));   // no WAL while filling
        {
            // Nobody else can read meanwhile: the file is the writer's until the load ends.
            SQLite::Database other(path, SQLite::OPEN_READONLY, 0);
            EXPECT_THROW((void)other.execAndGet("SELECT count(*) FROM articles"), SQLite::Exception);
        }
        store_batch(s, doc("a2", "f2.txt", "second"));
        s.end_bulk_load();
        SQLite::Database other(path, SQLite::OPEN_READONLY);
        EXPECT_EQ(other.execAndGet("PRAGMA journal_mode").getString(), "wal");
        EXPECT_EQ(other.execAndGet("SELECT count(*) FROM articles").getInt(), 2);   // read beside the writer again
    }
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST(test_sqlite_store, bulk_load_keeps_the_wal_when_another_connection_has_the_file_open) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    SqliteStore s(path);
    SQLite::Database reader(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(reader.execAndGet("SELECT count(*) FROM articles").getInt(), 0);
    s.begin_bulk_load();   // cannot leave the WAL under an open connection: stays, says nothing
    store_batch(s, doc("a1", "f1.txt", "premier"));
    EXPECT_EQ(reader.execAndGet("SELECT count(*) FROM articles").getInt(), 1);   // WAL: read beside the writer
    s.end_bulk_load();
}

TEST(test_sqlite_store, store_closed_during_a_bulk_load_is_left_in_wal_mode) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    {
        SqliteStore s(path);
        s.begin_bulk_load();
        store_batch(s, doc("a1", "f1.txt", "premier"));
        s.begin_batch();
        s.put(doc("a2", "f2.txt", "second"));   // never committed: rolled back when the store closes
    }
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM articles").getInt(), 1);
}

// A bulk load skips asking SQLite about keys it never wrote; every key it did write, even in a
// batch rolled back since, is still asked about, so the rows come out as in a normal import.
// put_all() stores a group as put() does each of its documents.
TEST(test_sqlite_store, bulk_load_and_put_all_find_what_they_wrote_themselves) {
    test_support::TempDir dir;
    const auto bulk_path = (dir.path() / "bulk.db").string();
    const auto plain_path = (dir.path() / "plain.db").string();
    auto fill = [](SqliteStore& s) {
        store_batch(s, doc("a1", "g.txt", "v1"));
        store_batch(s, doc("a1", "f.txt", "v1"));   // the same story, from a path that sorts first
        store_batch(s, doc("a2", "h.txt", "v2"));
        store_batch(s, doc("a3", "h.txt", "v3"));   // h.txt again, changed: a2 loses its only source
        s.begin_batch();
        s.put(doc("a4", "k.txt", "v4"));
        s.rollback_batch();
        store_batch(s, doc("a4", "k.txt", "v4"));   // what a rolled-back batch held comes again
    };
    const auto group_path = (dir.path() / "group.db").string();
    {
        SqliteStore bulk(bulk_path);
        bulk.begin_bulk_load();
        fill(bulk);
        bulk.end_bulk_load();
        SqliteStore plain(plain_path);
        fill(plain);
        // put_all: the same documents as one group, layers encoded first
        SqliteStore group(group_path);
        group.begin_bulk_load();
        const std::vector<Document> docs = {doc("a1", "g.txt", "v1"), doc("a1", "f.txt", "v1"), doc("a2", "h.txt", "v2"),
                                            doc("a3", "h.txt", "v3"), doc("a4", "k.txt", "v4")};
        group.begin_batch();
        group.put_all(docs);
        group.commit_batch();
        group.end_bulk_load();
    }
    auto rows = [](const std::string& path) {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT s.source_key, s.article_id, a.content_hash FROM sources s "
                                "JOIN articles a ON a.id = s.article_id ORDER BY s.source_key");
        std::vector<std::string> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getString() + " " + q.getColumn(1).getString() + " " + q.getColumn(2).getString());
        out.push_back("articles " + std::to_string(db.execAndGet("SELECT count(*) FROM articles").getInt()));
        return out;
    };
    const auto bulk_rows = rows(bulk_path);
    // A bulk load does not check each source's reference to its article as it goes: every one
    // holds all the same.
    for (const auto& path : {bulk_path, group_path}) {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        SQLite::Statement check(db, "PRAGMA foreign_key_check");
        EXPECT_FALSE(check.executeStep()) << path;
    }
    EXPECT_EQ(bulk_rows, rows(plain_path));
    EXPECT_EQ(bulk_rows, rows(group_path));
    EXPECT_EQ(bulk_rows, (std::vector<std::string>{"f.txt a1 h-v1", "g.txt a1 h-v1", "h.txt a3 h-v3", "k.txt a4 h-v4", "articles 3"}));
}

bool has_sources_index(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'sources_article'").getInt() == 1;
}

// The same story (article a1) from the source `key`, whose URL says which source the stored
// article's metadata came from.
Document story_from(const std::string& key) {
    Document d = doc("a1", key, "v1");
    d.article.url = "https://example.org/" + key;
    return d;
}

std::string stored_url(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT url FROM articles WHERE id = 'a1'").getString();
}

// A bulk load into an empty database builds the index of the sources by article at its end, and
// meanwhile keeps the first source of each article itself: the same story from a path that sorts
// first still wins, across batches and within one.
TEST(test_sqlite_store, bulk_load_builds_the_sources_index_at_its_end) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    {
        SqliteStore s(path);
        s.begin_bulk_load();
        store_batch(s, story_from("m.txt"));
        s.begin_batch();
        s.put(story_from("z.txt"));   // sorts after m.txt: m.txt stays first
        s.put(story_from("c.txt"));   // sorts before: the article is written again from it
        s.put(story_from("k.txt"));
        s.commit_batch();
        s.end_bulk_load();
    }
    EXPECT_TRUE(has_sources_index(path));
    EXPECT_EQ(stored_url(path), "https://example.org/c.txt");
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sources WHERE article_id = 'a1'").getInt(), 4);
}

// After a rollback the first sources kept may be wrong: the index is built at once and SQLite
// answers, and the rows come out as without the rollback.
TEST(test_sqlite_store, bulk_load_rolled_back_asks_sqlite_for_first_sources_again) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    {
        SqliteStore s(path);
        s.begin_bulk_load();
        s.begin_batch();
        s.put(story_from("b.txt"));
        s.rollback_batch();
        store_batch(s, story_from("m.txt"));
        store_batch(s, story_from("f.txt"));   // before m.txt; b.txt is gone with its batch
        store_batch(s, story_from("g.txt"));
        s.end_bulk_load();
    }
    EXPECT_TRUE(has_sources_index(path));
    EXPECT_EQ(stored_url(path), "https://example.org/f.txt");
}

// A bulk load killed before its end leaves the index out; the next open builds it.
TEST(test_sqlite_store, open_builds_the_sources_index_a_killed_bulk_load_left_out) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    {
        SqliteStore s(path);
        store_batch(s, doc("a1", "f1.txt", "premier"));
    }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("DROP INDEX sources_article");
    }
    EXPECT_FALSE(has_sources_index(path));
    { SqliteStore s(path); }
    EXPECT_TRUE(has_sources_index(path));
}

// What an import's worker does: prepare() the group, drop the layers, and the writer's
// put_all() still stores every layer as put() would have.
TEST(test_sqlite_store, prepared_documents_are_stored_without_their_layers) {
    test_support::TempDir dir;
    const auto put_path = (dir.path() / "put.db").string();
    const auto prepared_path = (dir.path() / "prepared.db").string();
    const std::vector<Document> docs = {doc("a1", "f.txt", "jeudi Poutine déclare"), doc("a2", "g.txt", "Putin said on Friday")};
    {
        SqliteStore s(put_path);
        s.begin_batch();
        for (const Document& d : docs) s.put(d);
        s.commit_batch();
    }
    {
        SqliteStore s(prepared_path);
        const auto prepared = s.prepare(docs);
        ASSERT_NE(prepared, nullptr);
        std::vector<Document> bare = docs;
        for (Document& d : bare) {
            d.sentences.clear();
            d.timexes.clear();
            d.entities.clear();
            d.events.clear();
        }
        s.begin_batch();
        s.put_all(bare, *prepared);
        // Prepared for other documents: refused before anything is written.
        EXPECT_THROW(s.put_all(std::vector<Document>{bare[0]}, *prepared), std::logic_error);
        s.commit_batch();
    }
    auto layers = [](const std::string& path) {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT id, sentences, timexes, entities, events FROM articles ORDER BY id");
        std::vector<std::string> out;
        while (q.executeStep())
            for (int c = 0; c < 5; ++c) out.push_back(q.getColumn(c).getString());
        return out;
    };
    const auto expected = layers(put_path);
    ASSERT_EQ(expected.size(), 10u);
    EXPECT_NE(expected[4], "[]");   // the sample's event layer is not empty: the test shows something
    EXPECT_EQ(layers(prepared_path), expected);
}

TEST(test_sqlite_store, schema_version_and_integrity) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    { SqliteStore s(path); }
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 4);
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

TEST(test_sqlite_store, views_show_the_packed_layers_as_rows) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    {
        SqliteStore s(path);
        s.begin_batch();
        Document d = doc("a1", "f.txt", "jeudi Poutine déclare");
        d.events[0].agents = {0, 2};
        d.events[0].confidence = 0.1 + 0.2;   // not exactly 0.3: must read back bit for bit
        s.put(d);
        s.commit_batch();
        s.for_each_document([](const Document& back) {
            EXPECT_EQ(back.events[0].agents, (std::vector<int>{0, 2}));
            EXPECT_EQ(back.events[0].confidence, 0.1 + 0.2);
        });
    }
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT value FROM timexes WHERE article_id = 'a1' AND idx = 0").getString(), "2022-01-13");
    EXPECT_EQ(db.execAndGet("SELECT canonical FROM entity_mentions").getString(), "Vladimir Poutine");
    EXPECT_EQ(db.execAndGet("SELECT agents FROM event_mentions").getString(), "[0,2]");
    EXPECT_EQ(db.execAndGet("SELECT end FROM sentences").getInt(), 3);
}

TEST(test_sqlite_store, version_1_database_is_migrated_with_its_annotations) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "v1.db").string();
    {   // A database as storyline 0.1 left it: one row per mention.
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(sqlite_schema::migrations[0]);
        db.exec("PRAGMA user_version=1");
        db.exec("INSERT INTO articles VALUES ('a1','T','jeudi Poutine déclare','fr','2022-01-14','record','','','','txt','h')");
        db.exec("INSERT INTO sources VALUES ('f.txt','a1','h','')");
        db.exec("INSERT INTO sentences VALUES ('a1',1,6,21),('a1',0,0,5)");
        db.exec("INSERT INTO timexes VALUES ('a1',0,0,5,'DATE','2022-01-13','','',1)");
        db.exec("INSERT INTO entity_mentions VALUES ('a1',0,6,13,'PER','putin','Vladimir Poutine','',0.75)");
        db.exec("INSERT INTO event_mentions VALUES ('a1',0,14,21,0,21,'statement','déclarer','s','0','','',0,"
                "'2022-01-13','timex','asserted',0.5)");
    }
    SqliteStore s(path);
    int n = 0;
    s.for_each_document([&](const Document& d) {
        ++n;
        ASSERT_EQ(d.sentences.size(), 2u);
        EXPECT_EQ(d.sentences[0].span.end, 5u);   // idx order, not insertion order
        ASSERT_EQ(d.timexes.size(), 1u);
        EXPECT_TRUE(d.timexes[0].relative);
        ASSERT_EQ(d.entities.size(), 1u);
        EXPECT_EQ(d.entities[0].confidence, 0.75);
        ASSERT_EQ(d.events.size(), 1u);
        EXPECT_EQ(d.events[0].agents, std::vector<int>{0});
        EXPECT_TRUE(d.events[0].targets.empty());
        EXPECT_EQ(d.events[0].lemma, "déclarer");
        EXPECT_EQ(d.events[0].time_source, TimeSource::timex);
    });
    EXPECT_EQ(n, 1);
    EXPECT_EQ(s.counts().persons, 1);
}

TEST(test_sqlite_store, version_2_database_is_migrated_and_reads_the_same) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "v2.db").string();
    {   // A database as schema v2 left it: a layers table beside articles, sources with rowids.
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(sqlite_schema::migrations[0]);
        db.exec(sqlite_schema::migrations[1]);
        db.exec("PRAGMA user_version=2");
        db.exec("INSERT INTO articles VALUES ('a1','T','jeudi Poutine déclare','fr','2022-01-14','record','','','','txt','h')");
        db.exec("INSERT INTO articles VALUES ('a2','U','rien','fr','2022-01-15','record','','','','txt','h2')");
        db.exec("INSERT INTO sources VALUES ('f.txt','a1','h',''), ('g.txt','a1','h',''), ('h.txt','a2','h2','')");
        db.exec("INSERT INTO layers VALUES ('a1','[[0,5],[6,21]]','[[0,5,\"DATE\",\"2022-01-13\",\"\",\"\",1]]',"
                "'[[6,13,\"PER\",\"putin\",\"Vladimir Poutine\",\"\",0.75]]',"
                "'[[14,21,0,21,\"statement\",\"déclarer\",\"s\",[0],[],[],0,\"2022-01-13\",\"timex\",\"asserted\",0.5]]')");
        db.exec("INSERT INTO layers VALUES ('a2','[]','[]','[]','[]')");
    }
    {
        SqliteStore s(path);
        int n = 0;
        s.for_each_document([&](const Document& d) {
            ++n;
            if (d.article.id != "a1") return;
            EXPECT_EQ(d.article.source_key, "f.txt");
            ASSERT_EQ(d.sentences.size(), 2u);
            ASSERT_EQ(d.entities.size(), 1u);
            EXPECT_EQ(d.entities[0].canonical, "Vladimir Poutine");
            ASSERT_EQ(d.events.size(), 1u);
            EXPECT_EQ(d.events[0].agents, std::vector<int>{0});
        });
        EXPECT_EQ(n, 2);
        EXPECT_EQ(s.sources_of("a1"), (std::vector<std::string>{"f.txt", "g.txt"}));
        EXPECT_EQ(s.source_state("h.txt", "h2"), SourceState::unchanged);
        // A changed source after the migration: a2 loses its only source and goes.
        s.begin_batch();
        s.put(doc("a3", "h.txt", "v3"));
        s.commit_batch();
        EXPECT_EQ(s.counts().articles, 2);
        EXPECT_EQ(s.counts().persons, 1);
    }
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 4);
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_FALSE(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt());
    // Plain SQL reads what it read before: the layers view and the per-mention views.
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM layers").getInt(), 2);
    EXPECT_EQ(db.execAndGet("SELECT canonical FROM entity_mentions WHERE article_id = 'a1'").getString(), "Vladimir Poutine");
    EXPECT_EQ(db.execAndGet("SELECT end FROM sentences WHERE article_id = 'a1' AND idx = 1").getInt(), 21);
}

TEST(test_sqlite_store, damaged_layer_is_a_clear_error) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    store_one_then_edit(path, "UPDATE articles SET entities = '[[1,2,\"PER\"]]'");
    SqliteStore s(path);
    try {
        s.for_each_document([](const Document&) {});
        FAIL();
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("damaged entity layer"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
}

TEST(test_sqlite_store, summary_that_is_its_sentence_is_read_back_from_the_text) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    const std::string text = "Le 13 janvier, Poutine a déclaré la fin.  Zas «\u00a0répond\u00a0».";
    const auto first_end = static_cast<std::uint32_t>(text.find('.') + 1);
    const std::string first = text.substr(0, first_end);
    {
        SqliteStore s(path);
        s.begin_batch();
        Document d = doc("a1", "f.txt", text);
        d.events[0].lemma = "déclarer";
        d.events.push_back(d.events[0]);
        d.events[0].sentence = Span{0, first_end};
        d.events[0].summary = first;                                // the sentence's bytes: not stored
        d.events[1].sentence = Span{static_cast<std::uint32_t>(text.find("Zas")), static_cast<std::uint32_t>(text.size())};
        d.events[1].summary = "Zas répond";                         // anything else: stored
        d.events.push_back(d.events[0]);
        d.events[2].summary.clear();                                // none of its own: the sentence's
        s.put(d);
        s.commit_batch();
    }
    {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        const std::string events = db.execAndGet("SELECT events FROM articles").getString();
        EXPECT_NE(events.find("\"déclarer\",null,"), std::string::npos) << events;
        EXPECT_NE(events.find("\"Zas répond\""), std::string::npos) << events;
        // Plain SQL gets the summary either way, cut from the text by bytes (the text is not ASCII).
        EXPECT_EQ(db.execAndGet("SELECT summary FROM event_mentions WHERE idx = 0").getString(), first);
        EXPECT_EQ(db.execAndGet("SELECT summary FROM event_mentions WHERE idx = 1").getString(), "Zas répond");
        EXPECT_EQ(db.execAndGet("SELECT summary FROM event_mentions WHERE idx = 2").getString(), first);
    }
    SqliteStore s(path);
    s.for_each_document([&](const Document& back) {
        ASSERT_EQ(back.events.size(), 3u);
        EXPECT_EQ(back.events[0].summary, first);
        EXPECT_EQ(back.events[1].summary, "Zas répond");
        EXPECT_EQ(back.events[2].summary, first);   // read back written out
    });
}

TEST(test_sqlite_store, version_3_database_with_written_summaries_reads_the_same) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "v3.db").string();
    {   // Schema v3 wrote every summary out, even the sentence's own bytes.
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (std::size_t v = 0; v < 3; ++v) db.exec(sqlite_schema::migrations[v]);
        db.exec("PRAGMA user_version=3");
        db.exec("INSERT INTO articles VALUES ('a1','T','jeudi Poutine déclare','fr','2022-01-14','record','','','','txt','h',"
                "'[[0,21]]','[]','[]',"
                "'[[14,21,0,21,\"statement\",\"déclarer\",\"jeudi Poutine déclare\",[],[],[],-1,\"\",\"none\",\"asserted\",0.5]]')");
        db.exec("INSERT INTO sources VALUES ('f.txt','a1','h','')");
    }
    {
        SqliteStore s(path);
        s.for_each_document([](const Document& d) {
            ASSERT_EQ(d.events.size(), 1u);
            EXPECT_EQ(d.events[0].summary, "jeudi Poutine déclare");
        });
    }
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 4);
    EXPECT_EQ(db.execAndGet("SELECT summary FROM event_mentions").getString(), "jeudi Poutine déclare");
}

TEST(test_sqlite_store, summary_outside_the_text_is_a_damaged_layer) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    store_one_then_edit(path, "UPDATE articles SET events = "
                              "'[[14,21,0,999,\"statement\",\"déclarer\",null,[],[],[],-1,\"\",\"none\",\"asserted\",0.5]]'");
    SqliteStore s(path);
    EXPECT_THROW(s.for_each_document([](const Document&) {}), StoreError);
}

TEST(test_sqlite_store, counts_read_escaped_keys_and_empty_layers) {
    test_support::TempDir dir;
    SqliteStore s((dir.path() / "s.db").string());
    s.begin_batch();
    Document a = doc("a1", "f.txt", "jeudi Poutine déclare");
    a.entities[0].key = "o\"brien \\ x";
    a.entities.push_back(a.entities[0]);   // same key twice: one person
    Document b = doc("a2", "g.txt", "rien");
    b.sentences.clear();
    b.timexes.clear();
    b.entities.clear();
    b.events.clear();
    s.put(a);
    s.put(b);
    s.commit_batch();
    const StoreCounts c = s.counts();
    EXPECT_EQ(c.articles, 2);
    EXPECT_EQ(c.timexes, 1);
    EXPECT_EQ(c.entity_mentions, 2);
    EXPECT_EQ(c.event_mentions, 1);
    EXPECT_EQ(c.persons, 1);
    s.for_each_document([](const Document& d) {
        if (d.article.id == "a1") {
            EXPECT_EQ(d.entities[1].key, "o\"brien \\ x");
        }
    });
}

TEST(test_sqlite_store, many_distinct_confidences_read_back_exactly) {
    // The encoder keeps the text of recent numbers: values that share a slot must never be
    // written with each other's text.
    test_support::TempDir dir;
    SqliteStore s((dir.path() / "s.db").string());
    Document d = doc("a1", "f.txt", "jeudi Poutine déclare");
    const EntityMention m = d.entities[0];
    d.entities.clear();
    for (int i = 0; i < 500; ++i) {
        d.entities.push_back(m);
        d.entities.back().confidence = (i % 250) / 997.0 + (i < 250 ? 0.0 : 1e-9);
    }
    s.begin_batch();
    s.put(d);
    s.commit_batch();
    s.for_each_document([&](const Document& back) {
        ASSERT_EQ(back.entities.size(), d.entities.size());
        for (std::size_t i = 0; i < d.entities.size(); ++i) EXPECT_EQ(back.entities[i].confidence, d.entities[i].confidence) << i;
    });
}

TEST(test_sqlite_store, new_database_gets_large_pages_and_an_old_one_keeps_its_own) {
    test_support::TempDir dir;
    const auto fresh = (dir.path() / "new.db").string();
    { SqliteStore s(fresh); }
    EXPECT_EQ(SQLite::Database(fresh, SQLite::OPEN_READONLY).execAndGet("PRAGMA page_size").getInt(), 32768);
    const auto old = (dir.path() / "old.db").string();
    {
        SQLite::Database db(old, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA page_size=4096");
        db.exec(sqlite_schema::migrations[0]);
        db.exec("PRAGMA user_version=1");
    }
    {
        SqliteStore s(old);
        s.begin_batch();
        s.put(doc("a1", "f.txt", "jeudi Poutine déclare"));
        s.commit_batch();
    }
    SQLite::Database db(old, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA page_size").getInt(), 4096);
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

// The layers are decoded on a second thread, 32 documents a batch: across several batches the
// documents still come in id order, one damaged layer stops the read after the documents before
// it, and a callback that throws stops it cleanly.
TEST(test_sqlite_store, documents_across_decode_batches_come_in_order_up_to_a_damaged_layer) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "s.db").string();
    {
        SqliteStore s(path);
        s.begin_batch();
        for (int i = 0; i < 100; ++i) {
            const std::string id = "a" + std::to_string(100 + i);
            s.put(doc(id, id + ".txt", "jeudi Poutine déclare " + std::to_string(i)));
        }
        s.commit_batch();
    }
    {
        SqliteStore s(path);
        std::vector<std::string> ids;
        s.for_each_document([&](const Document& d) {
            ids.push_back(d.article.id);
            EXPECT_EQ(d.entities.size(), 1u);
        });
        ASSERT_EQ(ids.size(), 100u);
        EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
        int calls = 0;
        EXPECT_THROW(s.for_each_document([&](const Document&) {
            if (++calls == 40) throw std::runtime_error("stop");
        }), std::runtime_error);
        EXPECT_EQ(calls, 40);
    }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("UPDATE articles SET entities = '[[1,2,\"PER\"]]' WHERE id = 'a170'");
    }
    SqliteStore s(path);
    std::vector<std::string> ids;
    try {
        s.for_each_document([&](const Document& d) { ids.push_back(d.article.id); });
        FAIL();
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("article a170: "), std::string::npos) << e.what();
    }
    ASSERT_EQ(ids.size(), 70u);
    EXPECT_EQ(ids.back(), "a169");
}
