#include "store/postgres/postgres_store.hpp"

#include "store/postgres/postgres_schema.hpp"
#include "store/postgres/postgres_values.hpp"

#include <pqxx/pqxx>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

namespace storyline {
namespace {

// Two workers whose batches share articles can deadlock despite the sorted locks (a changed
// file pointing at an article nobody locked yet); PostgreSQL then aborts one batch, replayed here.
constexpr int max_attempts = 8;
constexpr auto retry_pause = std::chrono::milliseconds(20);
// Serialises migrations when several workers open a fresh database at the same time.
constexpr long long schema_lock_key = 0x53544f52594c4e45;   // "STORYLNE"
constexpr int fetch_rows = 256;

// postgresql://user:secret@host/db -> postgresql://user:***@host/db; the password never
// reaches a message or a log.
std::string masked(const std::string& spec) {
    std::string s = spec;
    const auto scheme = s.find("://");
    if (scheme != std::string::npos) {
        const auto at = s.find('@', scheme + 3);
        const auto colon = s.find(':', scheme + 3);
        if (at != std::string::npos && colon < at) s.replace(colon + 1, at - colon - 1, "***");
    }
    const auto pw = s.find("password=");
    if (pw != std::string::npos) {
        const auto end = s.find('&', pw);
        s.replace(pw + 9, (end == std::string::npos ? s.size() : end) - pw - 9, "***");
    }
    return s;
}

bool has_nul(const std::string& s) { return s.find('\0') != std::string::npos; }

// PostgreSQL text cannot hold NUL bytes; SQLite can. Refuse rather than store something else.
bool document_has_nul(const Document& d) {
    const Article& a = d.article;
    for (const auto* s : {&a.id, &a.title, &a.text, &a.lang, &a.published.value, &a.published.source, &a.url, &a.author,
                          &a.source_name, &a.format, &a.source_key, &a.content_hash}) {
        if (has_nul(*s)) return true;
    }
    for (const auto& t : d.timexes)
        if (has_nul(t.value) || has_nul(t.mod) || has_nul(t.freq)) return true;
    for (const auto& m : d.entities)
        if (has_nul(m.key) || has_nul(m.canonical) || has_nul(m.kb_id)) return true;
    for (const auto& e : d.events)
        if (has_nul(e.type) || has_nul(e.lemma) || has_nul(e.summary) || has_nul(e.time_value)) return true;
    return false;
}

std::string text_of(const pqxx::field& f) { return std::string(f.c_str(), f.size()); }
std::uint32_t offset_of(const pqxx::field& f) { return static_cast<std::uint32_t>(f.as<std::int64_t>()); }
Span span_of(const pqxx::row& r, int first) { return Span{offset_of(r[first]), offset_of(r[first + 1])}; }

// A server-side cursor read in slices, so a million articles never sit in memory at once.
// Rows come ordered by article id (column 0); `rows_of` hands over those of one article.
class Cursor {
public:
    Cursor(pqxx::transaction_base& tx, std::string name, const std::string& query)
        : m_tx(tx), m_name(std::move(name)) {
        m_tx.exec("DECLARE " + m_name + " NO SCROLL CURSOR FOR " + query);
        fetch();
    }
    // The current row, or nothing at the end.
    const pqxx::row* peek() {
        if (m_next >= m_rows.size()) {
            if (m_done) return nullptr;
            fetch();
            if (m_rows.empty()) return nullptr;
        }
        m_row = m_rows[static_cast<pqxx::result::size_type>(m_next)];
        return &m_row;
    }
    void advance() { ++m_next; }
    // Calls fn for every row of `article_id`; rows of articles that no longer exist are skipped.
    template <typename Fn> void rows_of(const std::string& article_id, Fn&& fn) {
        while (const pqxx::row* r = peek()) {
            const std::string_view key((*r)[0].c_str(), (*r)[0].size());
            const int cmp = key.compare(article_id);   // byte order, as COLLATE "C"
            if (cmp > 0) return;
            if (cmp == 0) fn(*r);
            advance();
        }
    }

private:
    void fetch() {
        m_rows = m_tx.exec("FETCH " + std::to_string(fetch_rows) + " FROM " + m_name);
        m_next = 0;
        m_done = m_rows.size() < static_cast<pqxx::result::size_type>(fetch_rows);
    }

    pqxx::transaction_base& m_tx;
    std::string m_name;
    pqxx::result m_rows;
    pqxx::row m_row{m_rows, 0};
    std::size_t m_next = 0;
    bool m_done = false;
}; // class Cursor

void prepare_statements(pqxx::connection& c) {
    c.prepare("source_state", "SELECT content_hash FROM sources WHERE source_key = $1");
    c.prepare("old_articles", "SELECT DISTINCT article_id FROM sources WHERE source_key = ANY($1::text[])");
    // Every worker takes its batch's article locks in the same (sorted) order: no deadlock
    // between batches that share articles, and no article written by two batches at once.
    c.prepare("lock_all", "SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest($1::text[]) AS u(k)");
    c.prepare("lock", "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))");
    c.prepare("source_article", "SELECT article_id FROM sources WHERE source_key = $1 FOR UPDATE");
    c.prepare("drop_source", "DELETE FROM sources WHERE source_key = $1");
    c.prepare("sources_left", "SELECT count(*) FROM sources WHERE article_id = $1");
    c.prepare("drop_article", "DELETE FROM articles WHERE id = $1");   // annotations cascade
    c.prepare("article_hash",
              "SELECT content_hash, (SELECT min(source_key) FROM sources WHERE article_id = $1) FROM articles WHERE id = $1");
    c.prepare("add_article",
              "INSERT INTO articles (id, title, text, lang, published, published_source, url, author, source_name, "
              "format, content_hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)");
    c.prepare("add_source",
              "INSERT INTO sources (source_key, article_id, content_hash, url) VALUES ($1,$2,$3,$4) "
              "ON CONFLICT (source_key) DO UPDATE SET article_id = EXCLUDED.article_id, "
              "content_hash = EXCLUDED.content_hash, url = EXCLUDED.url");
    c.prepare("sources_of", "SELECT source_key FROM sources WHERE article_id = $1 ORDER BY source_key");
}

// The annotation rows of a batch, sent as a few multi-row INSERTs instead of one per row.
struct AnnotationRows {
    pg::RowBatch sentences{"sentences", {"article_id", "idx", "start_byte", "end_byte"}, {"text", "int", "bigint", "bigint"}};
    pg::RowBatch timexes{"timexes",
                         {"article_id", "idx", "start_byte", "end_byte", "type", "value", "mod", "freq", "relative"},
                         {"text", "int", "bigint", "bigint", "text", "text", "text", "text", "boolean"}};
    pg::RowBatch entities{"entity_mentions",
                          {"article_id", "idx", "start_byte", "end_byte", "type", "key", "canonical", "kb_id", "confidence"},
                          {"text", "int", "bigint", "bigint", "text", "text", "text", "text", "float8"}};
    pg::RowBatch events{"event_mentions",
                        {"article_id", "idx", "start_byte", "end_byte", "sentence_start", "sentence_end", "type", "lemma",
                         "summary", "agents", "targets", "places", "timex", "time_value", "time_source", "modality",
                         "confidence"},
                        {"text", "int", "bigint", "bigint", "bigint", "bigint", "text", "text", "text", "int[]", "int[]",
                         "int[]", "int", "text", "text", "text", "float8"}};

    void add(const Document& doc) {
        const std::string& id = doc.article.id;
        auto n = [](auto v) { return std::to_string(v); };
        for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
            const Span s = doc.sentences[i].span;
            sentences.add({id, n(i), n(s.begin), n(s.end)});
        }
        for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
            const auto& x = doc.timexes[i];
            timexes.add({id, n(i), n(x.span.begin), n(x.span.end), to_string(x.type), x.value, x.mod, x.freq,
                         x.relative ? "true" : "false"});
        }
        for (std::size_t i = 0; i < doc.entities.size(); ++i) {
            const auto& m = doc.entities[i];
            entities.add({id, n(i), n(m.span.begin), n(m.span.end), to_string(m.type), m.key, m.canonical, m.kb_id,
                          pg::double_text(m.confidence)});
        }
        for (std::size_t i = 0; i < doc.events.size(); ++i) {
            const auto& e = doc.events[i];
            events.add({id, n(i), n(e.trigger.begin), n(e.trigger.end), n(e.sentence.begin), n(e.sentence.end), e.type,
                        e.lemma, std::string(event_summary(e, doc.article.text)), pg::int_array_text(e.agents),
                        pg::int_array_text(e.targets), pg::int_array_text(e.places), n(e.timex), e.time_value,
                        to_string(e.time_source), to_string(e.modality), pg::double_text(e.confidence)});
        }
    }
    void flush(pqxx::transaction_base& tx) {
        sentences.flush(tx);
        timexes.flush(tx);
        entities.flush(tx);
        events.flush(tx);
    }
}; // struct AnnotationRows

// One batch, in the order the documents were put, with the semantics of SqliteStore::put.
void write_batch(pqxx::work& tx, const std::vector<Document>& docs) {
    std::vector<std::string> keys, ids;
    for (const auto& d : docs) {
        keys.push_back(d.article.source_key);
        ids.push_back(d.article.id);
    }
    for (const auto& row : tx.exec_prepared("old_articles", pg::text_array_text(keys))) ids.push_back(text_of(row[0]));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    tx.exec_prepared("lock_all", pg::text_array_text(ids));
    std::set<std::string> locked(ids.begin(), ids.end());

    AnnotationRows rows;
    auto drop_article = [&](const std::string& id) {
        rows.flush(tx);   // rows already collected for it must go before the cascade
        tx.exec_prepared("drop_article", id);
    };
    for (const auto& doc : docs) {
        const Article& a = doc.article;
        // A changed file may point at another article now: detach it, and drop that article
        // when no other source still holds it.
        const auto old = tx.exec_prepared("source_article", a.source_key);
        if (!old.empty()) {
            const std::string old_id = text_of(old[0][0]);
            if (locked.insert(old_id).second) tx.exec_prepared("lock", old_id);
            tx.exec_prepared("drop_source", a.source_key);
            const auto left = tx.exec_prepared("sources_left", old_id)[0][0].as<std::int64_t>();
            if (left == 0 && old_id != a.id) drop_article(old_id);
        }
        const auto stored = tx.exec_prepared("article_hash", a.id);
        const std::string stored_hash = stored.empty() ? std::string() : text_of(stored[0][0]);
        // The same story under several sources keeps the metadata (url, outlet, date) and the
        // annotations of its first source in path order, whichever worker stored it first:
        // what one sequential import gives, so the graph does not depend on who was faster.
        const bool earlier_source = !stored.empty() && stored_hash == a.content_hash && !stored[0][1].is_null() &&
                                    a.source_key < text_of(stored[0][1]);
        if (stored_hash != a.content_hash || earlier_source) {
            if (!stored_hash.empty()) drop_article(a.id);   // same id, new content or earlier source: replace it
            tx.exec_prepared("add_article", a.id, a.title, a.text, a.lang, a.published.value, a.published.source, a.url,
                             a.author, a.source_name, a.format, a.content_hash);
            rows.add(doc);
        }
        tx.exec_prepared("add_source", a.source_key, a.id, a.content_hash, a.url);
    }
    rows.flush(tx);
}

} // namespace

struct PostgresStore::Session {
    explicit Session(const std::string& conninfo) : conn(conninfo) {}
    pqxx::connection conn;
    // While for_each_document runs, sources_of answers from the current article or its snapshot.
    pqxx::transaction_base* read_tx = nullptr;
    std::string current_id;
    std::vector<std::string> current_sources;
};

PostgresStore::PostgresStore(const std::string& spec) : m_name(masked(spec)) {
    try {
        m_session = std::make_unique<Session>(spec == "postgresql:" ? std::string() : spec);
    } catch (const std::exception& e) {
        throw StoreError(m_name + ": cannot connect to PostgreSQL: " + e.what());
    }
    try {
        auto& c = m_session->conn;
        c.set_client_encoding("UTF8");
        pqxx::nontransaction n(c);
        // Shortest exact float output, so a double reads back bit for bit; no NOTICE chatter.
        n.exec("SET extra_float_digits = 3; SET client_min_messages = warning; SET application_name = 'storyline'");
        const std::string encoding = n.exec("SHOW server_encoding")[0][0].c_str();
        if (encoding != "UTF8")
            throw StoreError(m_name + ": database encoding is " + encoding + "; storyline needs UTF8 (createdb -E UTF8)");
        n.commit();
        migrate();
        prepare_statements(c);
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreError(m_name + ": " + e.what());
    }
}

PostgresStore::~PostgresStore() = default;

void PostgresStore::migrate() {
    const int latest = static_cast<int>(postgres_schema::migrations.size());
    pqxx::work tx(m_session->conn);
    tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(schema_lock_key) + ")");
    tx.exec("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)");
    const auto r = tx.exec("SELECT max(version) FROM schema_version");
    const int version = r[0][0].is_null() ? 0 : r[0][0].as<int>();
    if (version > latest) {
        throw StoreError(m_name + ": database schema version " + std::to_string(version) +
                         " is newer than this storyline (" + std::to_string(latest) + "); upgrade storyline");
    }
    for (int v = version; v < latest; ++v) tx.exec(postgres_schema::migrations[static_cast<std::size_t>(v)]);
    if (version != latest) {
        tx.exec("DELETE FROM schema_version");
        tx.exec("INSERT INTO schema_version (version) VALUES (" + std::to_string(latest) + ")");
    }
    tx.commit();
}

SourceState PostgresStore::source_state(const std::string& source_key, const std::string& content_hash) {
    // What this batch already holds counts, as it does inside SQLite's open transaction.
    for (auto it = m_pending.rbegin(); it != m_pending.rend(); ++it) {
        if (it->article.source_key == source_key)
            return it->article.content_hash == content_hash ? SourceState::unchanged : SourceState::changed;
    }
    try {
        pqxx::nontransaction n(m_session->conn);
        const auto r = n.exec_prepared("source_state", source_key);
        if (r.empty()) return SourceState::fresh;
        return text_of(r[0][0]) == content_hash ? SourceState::unchanged : SourceState::changed;
    } catch (const pqxx::failure& e) {
        throw StoreError(m_name + ": " + e.what());
    }
}

void PostgresStore::begin_batch() { m_in_batch = true; }

void PostgresStore::put(const Document& doc) {
    if (document_has_nul(doc))
        throw StoreError(m_name + ": " + doc.article.source_key + ": text holds NUL bytes, which PostgreSQL cannot store");
    m_pending.push_back(doc);
    if (!m_in_batch) write_pending();
}

void PostgresStore::commit_batch() {
    write_pending();
    m_in_batch = false;
}

void PostgresStore::rollback_batch() {
    m_pending.clear();
    m_in_batch = false;
}

void PostgresStore::write_pending() {
    if (m_pending.empty()) return;
    for (int attempt = 1;; ++attempt) {
        try {
            pqxx::work tx(m_session->conn);
            write_batch(tx, m_pending);
            tx.commit();
            m_pending.clear();
            return;
        } catch (const pqxx::transaction_rollback& e) {   // deadlock or serialization failure
            if (attempt == max_attempts) {
                m_pending.clear();
                throw StoreError(m_name + ": batch aborted " + std::to_string(attempt) + " times: " + e.what());
            }
            std::this_thread::sleep_for(retry_pause * attempt);
        } catch (const std::exception& e) {
            m_pending.clear();
            throw StoreError(m_name + ": " + e.what());
        }
    }
}

void PostgresStore::for_each_document(const std::function<void(const Document&)>& fn) {
    // One snapshot for every cursor: workers still importing never tear a document in half.
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(m_session->conn);
    struct ReadScope {
        Session& s;
        ~ReadScope() {
            s.read_tx = nullptr;
            s.current_id.clear();
            s.current_sources.clear();
        }
    } scope{*m_session};
    m_session->read_tx = &tx;

    Cursor arts(tx, "arts",
                "SELECT id, title, text, lang, published, published_source, url, author, source_name, format, "
                "content_hash FROM articles ORDER BY id");
    Cursor srcs(tx, "srcs", "SELECT article_id, source_key FROM sources ORDER BY article_id, source_key");
    Cursor sen(tx, "sen", "SELECT article_id, start_byte, end_byte FROM sentences ORDER BY article_id, idx");
    Cursor tim(tx, "tim",
               "SELECT article_id, start_byte, end_byte, type, value, mod, freq, relative FROM timexes "
               "ORDER BY article_id, idx");
    Cursor ent(tx, "ent",
               "SELECT article_id, start_byte, end_byte, type, key, canonical, kb_id, confidence FROM entity_mentions "
               "ORDER BY article_id, idx");
    Cursor evt(tx, "evt",
               "SELECT article_id, start_byte, end_byte, sentence_start, sentence_end, type, lemma, summary, agents, "
               "targets, places, timex, time_value, time_source, modality, confidence FROM event_mentions "
               "ORDER BY article_id, idx");
    while (const pqxx::row* r = arts.peek()) {
        Document doc;
        Article& a = doc.article;
        a.id = text_of((*r)[0]);
        a.title = text_of((*r)[1]);
        a.text = text_of((*r)[2]);
        a.lang = text_of((*r)[3]);
        a.published = {text_of((*r)[4]), text_of((*r)[5])};
        a.url = text_of((*r)[6]);
        a.author = text_of((*r)[7]);
        a.source_name = text_of((*r)[8]);
        a.format = text_of((*r)[9]);
        a.content_hash = text_of((*r)[10]);
        arts.advance();
        m_session->current_sources.clear();
        srcs.rows_of(a.id, [&](const pqxx::row& s) { m_session->current_sources.push_back(text_of(s[1])); });
        if (!m_session->current_sources.empty()) a.source_key = m_session->current_sources.front();
        m_session->current_id = a.id;
        sen.rows_of(a.id, [&](const pqxx::row& s) { doc.sentences.push_back(Sentence{span_of(s, 1)}); });
        tim.rows_of(a.id, [&](const pqxx::row& s) {
            Timex t;
            t.span = span_of(s, 1);
            t.type = timex_type_from(text_of(s[3])).value_or(TimexType::date);
            t.value = text_of(s[4]);
            t.mod = text_of(s[5]);
            t.freq = text_of(s[6]);
            t.relative = s[7].as<bool>();
            doc.timexes.push_back(std::move(t));
        });
        ent.rows_of(a.id, [&](const pqxx::row& s) {
            EntityMention m;
            m.span = span_of(s, 1);
            m.type = entity_type_from(text_of(s[3])).value_or(EntityType::misc);
            m.key = text_of(s[4]);
            m.canonical = text_of(s[5]);
            m.kb_id = text_of(s[6]);
            m.confidence = pg::parse_double(text_of(s[7]));
            doc.entities.push_back(std::move(m));
        });
        evt.rows_of(a.id, [&](const pqxx::row& s) {
            EventMention ev;
            ev.trigger = span_of(s, 1);
            ev.sentence = span_of(s, 3);
            ev.type = text_of(s[5]);
            ev.lemma = text_of(s[6]);
            ev.summary = text_of(s[7]);
            ev.agents = pg::parse_int_array(text_of(s[8]));
            ev.targets = pg::parse_int_array(text_of(s[9]));
            ev.places = pg::parse_int_array(text_of(s[10]));
            ev.timex = s[11].as<int>();
            ev.time_value = text_of(s[12]);
            ev.time_source = time_source_from(text_of(s[13])).value_or(TimeSource::none);
            ev.modality = modality_from(text_of(s[14])).value_or(Modality::asserted);
            ev.confidence = pg::parse_double(text_of(s[15]));
            doc.events.push_back(std::move(ev));
        });
        fn(doc);
    }
    tx.commit();
}

std::vector<std::string> PostgresStore::sources_of(const std::string& article_id) {
    Session& s = *m_session;
    if (s.read_tx && s.current_id == article_id) return s.current_sources;
    std::vector<std::string> out;
    auto collect = [&](pqxx::transaction_base& tx) {
        for (const auto& row : tx.exec_prepared("sources_of", article_id)) out.push_back(text_of(row[0]));
    };
    if (s.read_tx) {
        collect(*s.read_tx);
    } else {
        pqxx::nontransaction n(s.conn);
        collect(n);
    }
    return out;
}

StoreCounts PostgresStore::article_counts() {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(m_session->conn);
    StoreCounts c;
    c.articles = tx.exec("SELECT count(*) FROM articles")[0][0].as<std::int64_t>();
    c.sources = tx.exec("SELECT count(*) FROM sources")[0][0].as<std::int64_t>();
    return c;
}

StoreCounts PostgresStore::counts() {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(m_session->conn);
    auto count = [&](const char* table) {
        return tx.exec(std::string("SELECT count(*) FROM ") + table)[0][0].as<std::int64_t>();
    };
    StoreCounts c{count("articles"), count("sources"), count("timexes"), count("entity_mentions"),
                  count("event_mentions")};
    for (const auto& row : tx.exec("SELECT type, count(DISTINCT key) FROM entity_mentions GROUP BY type")) {
        const std::string type = text_of(row[0]);
        const auto n = row[1].as<std::int64_t>();
        if (type == "PER") c.persons = n;
        else if (type == "ORG") c.organizations = n;
        else if (type == "LOC") c.locations = n;
    }
    tx.commit();
    return c;
}

} // namespace storyline
