// The PostgreSQL store against a real server. tests/postgres/run_postgres_tests.sh starts a
// throw-away cluster and sets STORYLINE_TEST_POSTGRES to a database URI; without it these
// tests skip. Every test starts from an empty database.
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include <bit>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <thread>

using namespace storyline;

namespace {

std::string server_uri() {
    const char* uri = std::getenv("STORYLINE_TEST_POSTGRES");
    return uri ? uri : "";
}

#define REQUIRE_SERVER()                                                                           \
    if (server_uri().empty()) GTEST_SKIP() << "STORYLINE_TEST_POSTGRES not set: run tests/postgres/run_postgres_tests.sh"

void reset_database() {
    pqxx::connection c(server_uri());
    pqxx::nontransaction n(c);
    n.exec("SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public");
}

Document doc(const std::string& id, const std::string& key, const std::string& text) {
    return test_support::sample_document(id, key, text);
}

// Everything for_each_document gives, doubles as their bits: equal dumps = equal documents.
std::string dump(Store& s) {
    std::ostringstream out;
    auto spans = [&](Span x) { out << x.begin << '-' << x.end << ' '; };
    auto ints = [&](const std::vector<int>& v) {
        for (int x : v) out << x << ',';
        out << ' ';
    };
    s.for_each_document([&](const Document& d) {
        const Article& a = d.article;
        out << a.id << '|' << a.title << '|' << a.text << '|' << a.lang << '|' << a.published.value << '|'
            << a.published.source << '|' << a.url << '|' << a.author << '|' << a.source_name << '|' << a.format << '|'
            << a.source_key << '|' << a.content_hash << '\n';
        for (const auto& k : s.sources_of(a.id)) out << " source " << k << '\n';
        for (const auto& x : d.sentences) spans(x.span);
        out << '\n';
        for (const auto& t : d.timexes) {
            spans(t.span);
            out << to_string(t.type) << ' ' << t.value << ' ' << t.mod << ' ' << t.freq << ' ' << t.relative << '\n';
        }
        for (const auto& m : d.entities) {
            spans(m.span);
            out << to_string(m.type) << ' ' << m.key << ' ' << m.canonical << ' ' << m.kb_id << ' '
                << std::bit_cast<std::uint64_t>(m.confidence) << '\n';
        }
        for (const auto& e : d.events) {
            spans(e.trigger);
            spans(e.sentence);
            out << e.type << ' ' << e.lemma << ' ' << e.summary << ' ';
            ints(e.agents);
            ints(e.targets);
            ints(e.places);
            out << e.timex << ' ' << e.time_value << ' ' << to_string(e.time_source) << ' ' << to_string(e.modality) << ' '
                << std::bit_cast<std::uint64_t>(e.confidence) << '\n';
        }
    });
    return out.str();
}

// Documents that stress ordering (upper case, accents, digits), doubles and arrays.
std::vector<Document> awkward_documents() {
    std::vector<Document> docs;
    const std::vector<std::string> ids = {"art-b", "Art-a", "art-é", "art-10", "art-9", "art-~", "art-Z"};
    const std::vector<double> doubles = {0.1 + 0.2, 1.0 / 3.0, 5e-324, 1e300, 0.7, -0.0, 0.9999999999999999};
    for (std::size_t i = 0; i < ids.size(); ++i) {
        Document d = doc(ids[i], "dir/" + ids[i] + ".txt", "jeudi Poutine déclare " + ids[i]);
        d.article.url = "https://example.org/" + ids[i] + "?a=\"q\"\\";
        d.entities[0].confidence = doubles[i];
        d.events[0].confidence = doubles[(i + 1) % doubles.size()];
        d.events[0].places = {0, 2, -1};
        d.events[0].targets = {};
        d.timexes.push_back(Timex{Span{1, 2}, TimexType::set, "P1W", "APPROX", "1X", false});
        d.sentences.push_back(Sentence{Span{4, 4000000000u}});
        docs.push_back(std::move(d));
    }
    return docs;
}

} // namespace

TEST(test_postgres_store, for_each_document_matches_sqlite_exactly) {
    REQUIRE_SERVER();
    reset_database();
    test_support::TempDir dir;
    SqliteStore sqlite((dir.path() / "s.db").string());
    PostgresStore pg(server_uri());
    for (Store* s : {static_cast<Store*>(&sqlite), static_cast<Store*>(&pg)}) {
        s->begin_batch();
        for (const auto& d : awkward_documents()) s->put(d);
        Document twin = awkward_documents()[2];
        twin.article.source_key = "other/copy.txt";   // the same story under a second path
        s->put(twin);
        s->commit_batch();
    }
    const std::string expected = dump(sqlite);
    EXPECT_EQ(dump(pg), expected);
    EXPECT_NE(expected.find(" source other/copy.txt"), std::string::npos);
    EXPECT_EQ(pg.counts().articles, sqlite.counts().articles);
    EXPECT_EQ(pg.counts().sources, 8);
}

TEST(test_postgres_store, unchanged_changed_and_shared_sources) {
    REQUIRE_SERVER();
    reset_database();
    PostgresStore s(server_uri());
    s.begin_batch();
    s.put(doc("a1", "f.txt", "jeudi Poutine déclare"));
    EXPECT_EQ(s.source_state("f.txt", "h-jeudi Poutine déclare"), SourceState::unchanged);   // same batch
    s.put(doc("a1", "g.txt", "jeudi Poutine déclare"));
    s.commit_batch();
    EXPECT_EQ(s.source_state("f.txt", "h-jeudi Poutine déclare"), SourceState::unchanged);
    EXPECT_EQ(s.source_state("f.txt", "h-other"), SourceState::changed);
    EXPECT_EQ(s.source_state("new.txt", "h-x"), SourceState::fresh);
    EXPECT_EQ(s.sources_of("a1"), (std::vector<std::string>{"f.txt", "g.txt"}));
    // f.txt and g.txt change to new articles: a1 loses both sources and disappears.
    s.begin_batch();
    s.put(doc("a2", "f.txt", "vendredi autre texte"));
    s.put(doc("a3", "g.txt", "samedi encore"));
    s.commit_batch();
    EXPECT_TRUE(s.sources_of("a1").empty());
    const auto c = s.counts();
    EXPECT_EQ(c.articles, 2);
    EXPECT_EQ(c.sources, 2);
    EXPECT_EQ(c.timexes, 2);
    EXPECT_EQ(c.persons, 1);
    EXPECT_EQ(s.article_counts().articles, 2);
    EXPECT_EQ(s.article_counts().sources, 2);
}

TEST(test_postgres_store, uncommitted_batch_leaves_nothing_and_rerun_stores_once) {
    REQUIRE_SERVER();
    reset_database();
    {
        // A worker that dies mid-batch: its connection closes and the server rolls back.
        PostgresStore s(server_uri());
        s.begin_batch();
        s.put(doc("a1", "f.txt", "jeudi"));
        s.commit_batch();
        s.begin_batch();
        s.put(doc("a2", "g.txt", "vendredi"));
    }
    for (int run = 0; run < 2; ++run) {
        PostgresStore s(server_uri());
        EXPECT_EQ(s.counts().articles, run == 0 ? 1 : 2);
        s.begin_batch();
        for (const auto& [id, key, text] : {std::tuple{"a1", "f.txt", "jeudi"}, std::tuple{"a2", "g.txt", "vendredi"}}) {
            if (s.source_state(key, std::string("h-") + text) != SourceState::unchanged) s.put(doc(id, key, text));
        }
        s.commit_batch();
    }
    PostgresStore s(server_uri());
    EXPECT_EQ(s.counts().articles, 2);
    EXPECT_EQ(s.counts().sources, 2);
    EXPECT_EQ(s.counts().event_mentions, 2);
}

TEST(test_postgres_store, concurrent_workers_never_lose_or_double_an_article) {
    REQUIRE_SERVER();
    reset_database();
    constexpr int workers = 4, articles = 60;
    std::vector<std::thread> threads;
    std::vector<std::string> errors(workers);
    for (int w = 0; w < workers; ++w) {
        threads.emplace_back([w, &errors] {
            try {
                PostgresStore s(server_uri());
                // Every worker stores every article under its own path, in its own order and
                // small batches: the same ids collide across workers all the time.
                for (int i = 0; i < articles; ++i) {
                    const int n = (w % 2 == 0) ? i : articles - 1 - i;
                    if (i % 7 == 0) s.begin_batch();
                    const std::string text = "texte " + std::to_string(n);
                    s.put(doc("art-" + std::to_string(n), "w" + std::to_string(w) + "/" + std::to_string(n), text));
                    if (i % 7 == 6) s.commit_batch();
                }
                s.commit_batch();
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(w)] = e.what();
            }
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& e : errors) EXPECT_EQ(e, "");
    PostgresStore s(server_uri());
    const auto c = s.counts();
    EXPECT_EQ(c.articles, articles);
    EXPECT_EQ(c.sources, workers * articles);
    EXPECT_EQ(c.event_mentions, articles);   // annotations once per article, not per source
    EXPECT_EQ(s.sources_of("art-7").size(), static_cast<std::size_t>(workers));
}

TEST(test_postgres_store, newer_schema_is_refused) {
    REQUIRE_SERVER();
    reset_database();
    { PostgresStore s(server_uri()); }
    {
        pqxx::connection c(server_uri());
        pqxx::work tx(c);
        tx.exec("UPDATE schema_version SET version = 99");
        tx.commit();
    }
    try {
        PostgresStore s(server_uri());
        FAIL() << "opened a database from the future";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("schema version 99"), std::string::npos) << e.what();
    }
}

TEST(test_postgres_store, text_with_nul_bytes_is_a_clear_error) {
    REQUIRE_SERVER();
    reset_database();
    PostgresStore s(server_uri());
    s.begin_batch();
    EXPECT_THROW(s.put(doc("a1", "bad.json", std::string("a\0b", 3))), StoreError);
    s.commit_batch();
    EXPECT_EQ(s.counts().articles, 0);
}

TEST(test_postgres_store, unreachable_server_names_it_without_the_password) {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    try {
        auto s = open_store("postgresql://reader:s3cret@127.0.0.1:1/news?connect_timeout=2");
        FAIL() << "connected to nothing";
    } catch (const StoreError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("postgresql://reader:***@127.0.0.1:1/news"), std::string::npos) << what;
        EXPECT_EQ(what.find("s3cret"), std::string::npos) << what;
    }
}

TEST(test_postgres_store, open_store_chooses_by_spec) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "plain.db").string();
    EXPECT_FALSE(store_exists(path));
    auto sqlite = open_store(path);   // a path stays SQLite
    EXPECT_TRUE(std::filesystem::exists(path));
    EXPECT_TRUE(store_exists("postgres://somewhere/db"));
    if (server_uri().empty()) return;
    reset_database();
    auto pg = open_store(server_uri());
    EXPECT_NE(dynamic_cast<PostgresStore*>(pg.get()), nullptr);
}

TEST(test_postgres_store, shared_story_keeps_its_first_source_in_path_order) {
    REQUIRE_SERVER();
    reset_database();
    // Two outlets carry the same text; whichever worker stores first, the article keeps the
    // metadata of the first path, as one sequential import would.
    Document late = doc("a1", "z/tdg.json", "même dépêche");
    late.article.url = "https://tdg.example/1";
    Document early = doc("a1", "a/lematin.json", "même dépêche");
    early.article.url = "https://lematin.example/1";
    PostgresStore s(server_uri());
    s.begin_batch();
    s.put(late);
    s.commit_batch();
    s.begin_batch();
    s.put(early);
    s.commit_batch();
    s.for_each_document([](const Document& d) {
        EXPECT_EQ(d.article.url, "https://lematin.example/1");
        EXPECT_EQ(d.article.source_key, "a/lematin.json");
        EXPECT_EQ(d.events.size(), 1u);
    });
    EXPECT_EQ(s.sources_of("a1"), (std::vector<std::string>{"a/lematin.json", "z/tdg.json"}));
    EXPECT_EQ(s.counts().event_mentions, 1);
}
