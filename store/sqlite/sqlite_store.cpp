#include "store/sqlite/sqlite_store.hpp"

#include "store/sqlite/schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <sstream>

namespace storyline {
namespace {

constexpr int busy_timeout_ms = 10000;
constexpr std::array annotation_tables{"sentences", "timexes", "entity_mentions", "event_mentions"};

std::string join_ints(const std::vector<int>& v) {
    std::string s;
    for (int x : v) {
        if (!s.empty()) s += ',';
        s += std::to_string(x);
    }
    return s;
}

std::vector<int> split_ints(const std::string& s) {
    std::vector<int> v;
    std::stringstream in(s);
    std::string part;
    while (std::getline(in, part, ',')) {
        if (!part.empty()) v.push_back(std::stoi(part));
    }
    return v;
}

Span span_of(SQLite::Statement& q, int begin_col) {
    return Span{static_cast<std::uint32_t>(q.getColumn(begin_col).getInt64()),
                static_cast<std::uint32_t>(q.getColumn(begin_col + 1).getInt64())};
}

SQLite::Database open_db(const std::string& path) {
    try {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, busy_timeout_ms);
        return db;
    } catch (const SQLite::Exception& e) {
        throw StoreError(path + ": cannot open database: " + e.what());
    }
}

} // namespace

SqliteStore::SqliteStore(const std::string& path) : m_path(path), m_db(open_db(path)) {
    try {
        // WAL: readers never block the writer, and a killed writer loses at most its open batch.
        m_db.exec("PRAGMA journal_mode=WAL");
        m_db.exec("PRAGMA synchronous=NORMAL");
        m_db.exec("PRAGMA foreign_keys=ON");
        migrate();
    } catch (const SQLite::Exception& e) {
        const std::string what = e.what();
        if (what.find("locked") != std::string::npos || what.find("busy") != std::string::npos)
            throw StoreError(path + ": database is busy (another storyline process is writing to it)");
        throw StoreError(path + ": " + what);
    }
}

SqliteStore::~SqliteStore() = default;

void SqliteStore::migrate() {
    const int version = m_db.execAndGet("PRAGMA user_version").getInt();
    const int latest = static_cast<int>(sqlite_schema::migrations.size());
    if (version > latest) {
        throw StoreError(m_path + ": database schema version " + std::to_string(version) +
                         " is newer than this storyline (" + std::to_string(latest) + "); upgrade storyline");
    }
    if (version == latest) return;
    SQLite::Transaction tx(m_db, SQLite::TransactionBehavior::IMMEDIATE);
    for (int v = version; v < latest; ++v) m_db.exec(sqlite_schema::migrations[static_cast<std::size_t>(v)]);
    m_db.exec("PRAGMA user_version=" + std::to_string(latest));
    tx.commit();
}

SQLite::Statement& SqliteStore::statement(const char* sql) {
    auto it = m_statements.find(std::string_view(sql));
    if (it == m_statements.end()) it = m_statements.emplace(sql, std::make_unique<SQLite::Statement>(m_db, sql)).first;
    SQLite::Statement& q = *it->second;
    q.reset();
    q.clearBindings();
    return q;
}

SourceState SqliteStore::source_state(const std::string& source_key, const std::string& content_hash) {
    SQLite::Statement& q = statement("SELECT content_hash FROM sources WHERE source_key = ?");
    q.bind(1, source_key);
    if (!q.executeStep()) return SourceState::fresh;
    const bool same = q.getColumn(0).getString() == content_hash;
    // Reset now: a statement left open keeps its read snapshot, which would stop WAL checkpoints.
    q.reset();
    return same ? SourceState::unchanged : SourceState::changed;
}

void SqliteStore::begin_batch() {
    if (m_tx) return;
    try {
        m_tx = std::make_unique<SQLite::Transaction>(m_db, SQLite::TransactionBehavior::IMMEDIATE);
    } catch (const SQLite::Exception& e) {
        // Another writer kept the lock for the whole busy timeout.
        if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED)
            throw StoreError(m_path + ": database is busy (another storyline process is writing to it; try again when it is done)");
        throw;
    }
}

void SqliteStore::commit_batch() {
    if (!m_tx) return;
    m_tx->commit();
    m_tx.reset();
}

void SqliteStore::rollback_batch() { m_tx.reset(); }   // the Transaction destructor rolls back

void SqliteStore::delete_article(const std::string& article_id) {
    for (const char* table : annotation_tables) {
        const std::string sql = std::string("DELETE FROM ") + table + " WHERE article_id = ?";
        SQLite::Statement& del = statement(sql.c_str());
        del.bind(1, article_id);
        del.exec();
    }
    SQLite::Statement& del = statement("DELETE FROM articles WHERE id = ?");
    del.bind(1, article_id);
    del.exec();
}

void SqliteStore::put(const Document& doc) {
    const Article& a = doc.article;
    // The source may have pointed at another article before (a changed file): detach it, and
    // drop that article when no other source still holds it.
    {
        SQLite::Statement& q = statement("SELECT article_id FROM sources WHERE source_key = ?");
        q.bind(1, a.source_key);
        if (q.executeStep()) {
            const std::string old = q.getColumn(0).getString();
            q.reset();
            SQLite::Statement& del = statement("DELETE FROM sources WHERE source_key = ?");
            del.bind(1, a.source_key);
            del.exec();
            SQLite::Statement& left = statement("SELECT count(*) FROM sources WHERE article_id = ?");
            left.bind(1, old);
            left.executeStep();
            const bool orphan = left.getColumn(0).getInt64() == 0;
            left.reset();
            if (orphan && old != a.id) delete_article(old);
        }
    }
    std::string stored_hash;
    {
        SQLite::Statement& q = statement("SELECT content_hash FROM articles WHERE id = ?");
        q.bind(1, a.id);
        if (q.executeStep()) stored_hash = q.getColumn(0).getString();
        q.reset();
    }
    // The same story from another source keeps the metadata (date, URL, language) and so the
    // annotations of the source first in path order, whatever order the parallel import writes
    // them in: exports must not depend on thread timing.
    bool replace = stored_hash != a.content_hash;
    if (!replace) {
        SQLite::Statement& first = statement("SELECT min(source_key) FROM sources WHERE article_id = ?");
        first.bind(1, a.id);
        replace = first.executeStep() && !first.getColumn(0).isNull() && a.source_key < first.getColumn(0).getString();
        first.reset();
    }
    if (replace) {
        if (!stored_hash.empty()) delete_article(a.id);   // same id, new content (or an earlier source): replace it
        SQLite::Statement& ins = statement("INSERT INTO articles (id, title, text, lang, published, published_source, url, author, "
                              "source_name, format, content_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        ins.bind(1, a.id);
        ins.bind(2, a.title);
        ins.bind(3, a.text);
        ins.bind(4, a.lang);
        ins.bind(5, a.published.value);
        ins.bind(6, a.published.source);
        ins.bind(7, a.url);
        ins.bind(8, a.author);
        ins.bind(9, a.source_name);
        ins.bind(10, a.format);
        ins.bind(11, a.content_hash);
        ins.exec();
        insert_annotations(doc);
    }
    SQLite::Statement& src = statement("INSERT INTO sources (source_key, article_id, content_hash, url) VALUES (?,?,?,?)");
    src.bind(1, a.source_key);
    src.bind(2, a.id);
    src.bind(3, a.content_hash);
    src.bind(4, a.url);
    src.exec();
}

void SqliteStore::insert_annotations(const Document& doc) {
    const std::string& id = doc.article.id;
    SQLite::Statement& s = statement("INSERT INTO sentences VALUES (?,?,?,?)");
    for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
        s.bind(1, id);
        s.bind(2, static_cast<int64_t>(i));
        s.bind(3, static_cast<int64_t>(doc.sentences[i].span.begin));
        s.bind(4, static_cast<int64_t>(doc.sentences[i].span.end));
        s.exec();
        s.reset();
    }
    SQLite::Statement& t = statement("INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
        const auto& x = doc.timexes[i];
        t.bind(1, id);
        t.bind(2, static_cast<int64_t>(i));
        t.bind(3, static_cast<int64_t>(x.span.begin));
        t.bind(4, static_cast<int64_t>(x.span.end));
        t.bind(5, to_string(x.type));
        t.bind(6, x.value);
        t.bind(7, x.mod);
        t.bind(8, x.freq);
        t.bind(9, x.relative ? 1 : 0);
        t.exec();
        t.reset();
    }
    SQLite::Statement& e = statement("INSERT INTO entity_mentions VALUES (?,?,?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < doc.entities.size(); ++i) {
        const auto& m = doc.entities[i];
        e.bind(1, id);
        e.bind(2, static_cast<int64_t>(i));
        e.bind(3, static_cast<int64_t>(m.span.begin));
        e.bind(4, static_cast<int64_t>(m.span.end));
        e.bind(5, to_string(m.type));
        e.bind(6, m.key);
        e.bind(7, m.canonical);
        e.bind(8, m.kb_id);
        e.bind(9, m.confidence);
        e.exec();
        e.reset();
    }
    SQLite::Statement& v = statement("INSERT INTO event_mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < doc.events.size(); ++i) {
        const auto& ev = doc.events[i];
        v.bind(1, id);
        v.bind(2, static_cast<int64_t>(i));
        v.bind(3, static_cast<int64_t>(ev.trigger.begin));
        v.bind(4, static_cast<int64_t>(ev.trigger.end));
        v.bind(5, static_cast<int64_t>(ev.sentence.begin));
        v.bind(6, static_cast<int64_t>(ev.sentence.end));
        v.bind(7, ev.type);
        v.bind(8, ev.lemma);
        v.bind(9, ev.summary);
        v.bind(10, join_ints(ev.agents));
        v.bind(11, join_ints(ev.targets));
        v.bind(12, join_ints(ev.places));
        v.bind(13, ev.timex);
        v.bind(14, ev.time_value);
        v.bind(15, to_string(ev.time_source));
        v.bind(16, to_string(ev.modality));
        v.bind(17, ev.confidence);
        v.exec();
        v.reset();
    }
}

void SqliteStore::for_each_document(const std::function<void(const Document&)>& fn) {
    SQLite::Statement& arts = statement("SELECT id, title, text, lang, published, published_source, url, author, source_name, "
                           "format, content_hash FROM articles ORDER BY id");
    SQLite::Statement& src = statement("SELECT source_key FROM sources WHERE article_id = ? ORDER BY source_key LIMIT 1");
    SQLite::Statement& sen = statement("SELECT start, end FROM sentences WHERE article_id = ? ORDER BY idx");
    SQLite::Statement& tim = statement("SELECT start, end, type, value, mod, freq, relative FROM timexes WHERE article_id = ? ORDER BY idx");
    SQLite::Statement& ent = statement("SELECT start, end, type, key, canonical, kb_id, confidence FROM entity_mentions "
                          "WHERE article_id = ? ORDER BY idx");
    SQLite::Statement& evt = statement("SELECT start, end, sentence_start, sentence_end, type, lemma, summary, agents, targets, "
                          "places, timex, time_value, time_source, modality, confidence FROM event_mentions "
                          "WHERE article_id = ? ORDER BY idx");
    while (arts.executeStep()) {
        Document doc;
        Article& a = doc.article;
        a.id = arts.getColumn(0).getString();
        a.title = arts.getColumn(1).getString();
        a.text = arts.getColumn(2).getString();
        a.lang = arts.getColumn(3).getString();
        a.published = {arts.getColumn(4).getString(), arts.getColumn(5).getString()};
        a.url = arts.getColumn(6).getString();
        a.author = arts.getColumn(7).getString();
        a.source_name = arts.getColumn(8).getString();
        a.format = arts.getColumn(9).getString();
        a.content_hash = arts.getColumn(10).getString();
        src.bind(1, a.id);
        if (src.executeStep()) a.source_key = src.getColumn(0).getString();
        src.reset();
        sen.bind(1, a.id);
        while (sen.executeStep()) doc.sentences.push_back(Sentence{span_of(sen, 0)});
        sen.reset();
        tim.bind(1, a.id);
        while (tim.executeStep()) {
            Timex t;
            t.span = span_of(tim, 0);
            t.type = timex_type_from(tim.getColumn(2).getString()).value_or(TimexType::date);
            t.value = tim.getColumn(3).getString();
            t.mod = tim.getColumn(4).getString();
            t.freq = tim.getColumn(5).getString();
            t.relative = tim.getColumn(6).getInt() != 0;
            doc.timexes.push_back(std::move(t));
        }
        tim.reset();
        ent.bind(1, a.id);
        while (ent.executeStep()) {
            EntityMention m;
            m.span = span_of(ent, 0);
            m.type = entity_type_from(ent.getColumn(2).getString()).value_or(EntityType::misc);
            m.key = ent.getColumn(3).getString();
            m.canonical = ent.getColumn(4).getString();
            m.kb_id = ent.getColumn(5).getString();
            m.confidence = ent.getColumn(6).getDouble();
            doc.entities.push_back(std::move(m));
        }
        ent.reset();
        evt.bind(1, a.id);
        while (evt.executeStep()) {
            EventMention ev;
            ev.trigger = span_of(evt, 0);
            ev.sentence = span_of(evt, 2);
            ev.type = evt.getColumn(4).getString();
            ev.lemma = evt.getColumn(5).getString();
            ev.summary = evt.getColumn(6).getString();
            ev.agents = split_ints(evt.getColumn(7).getString());
            ev.targets = split_ints(evt.getColumn(8).getString());
            ev.places = split_ints(evt.getColumn(9).getString());
            ev.timex = evt.getColumn(10).getInt();
            ev.time_value = evt.getColumn(11).getString();
            ev.time_source = time_source_from(evt.getColumn(12).getString()).value_or(TimeSource::none);
            ev.modality = modality_from(evt.getColumn(13).getString()).value_or(Modality::asserted);
            ev.confidence = evt.getColumn(14).getDouble();
            doc.events.push_back(std::move(ev));
        }
        evt.reset();
        fn(doc);
    }
}

std::vector<std::string> SqliteStore::sources_of(const std::string& article_id) {
    std::vector<std::string> out;
    SQLite::Statement& q = statement("SELECT source_key FROM sources WHERE article_id = ? ORDER BY source_key");
    q.bind(1, article_id);
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

StoreCounts SqliteStore::counts() {
    auto count = [&](const char* table) { return m_db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64(); };
    StoreCounts c{count("articles"), count("sources"), count("timexes"), count("entity_mentions"),
                  count("event_mentions")};
    SQLite::Statement& q = statement("SELECT type, count(DISTINCT key) FROM entity_mentions GROUP BY type");
    while (q.executeStep()) {
        const std::string type = q.getColumn(0).getString();
        const std::int64_t n = q.getColumn(1).getInt64();
        if (type == "PER") c.persons = n;
        else if (type == "ORG") c.organizations = n;
        else if (type == "LOC") c.locations = n;
    }
    return c;
}

} // namespace storyline
