#include "store/sqlite/sqlite_store.hpp"

#include "core/util/bounded_queue.hpp"
#include "core/util/hash.hpp"
#include "store/sqlite/layer_json.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/sql_statement.hpp"
#include "store/sqlite/wal_checkpointer.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <exception>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_set>
#include <utility>

namespace storyline {
namespace {

constexpr int busy_timeout_ms = 10000;

// SQLite counts every allocation under a global mutex unless told not to (nothing here reads
// those statistics); this must run before SQLite initialises, so at load time, before any thread.
[[maybe_unused]] const int memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

SQLite::Database open_db(const std::string& path) {
    try {
        // NOMUTEX: a store (its connection and statements) is used by one thread at a time — the
        // import hands each connection to one thread — so SQLite's per-call locking is pure cost.
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, busy_timeout_ms);
        return db;
    } catch (const SQLite::Exception& e) {
        throw StoreError(path + ": cannot open database: " + e.what());
    }
}

} // namespace

SqliteStore::SqliteStore(const std::string& path) : m_path(path), m_db(open_db(path)) {
    try {
        // A new database gets 32 KB pages. An article's row (text and layers: 2.6 KB on average
        // for Reuters, 8.8 KB for the giletsjaunes web articles, 46 of 3,848 longer than 32 KB)
        // fits one page instead of a chain of overflow pages, and the writer allocates, splits
        // and writes half as many pages as with 16 KB (Reuters: 3,154 writes instead of 6,390, a
        // database of 66.8 MB instead of 71.8): imports 3-6 % faster at 1x and 4x Reuters, and
        // into a non-empty database too; 64 KB was no better (fifteenth session,
        // docs/performance-history.md). An existing database keeps its page size.
        m_db.exec("PRAGMA page_size=32768");
        // WAL: readers never block the writer, and a killed writer loses at most its open batch.
        m_db.exec("PRAGMA journal_mode=WAL");
        m_db.exec("PRAGMA synchronous=NORMAL");
        m_db.exec("PRAGMA foreign_keys=ON");
        // Ids are content hashes, so every insert lands on a random leaf of the id indexes; with
        // SQLite's default 2 MB page cache a 4x-Reuters import re-read index pages from the OS
        // and the writer's time grew 37 % faster than the corpus. The two indexes inserted at
        // random take about 115 bytes an article (5 MB at 4x Reuters): 32 MB hold those of
        // some 250,000 articles. 64 MB did too, but a first import kept every page it wrote
        // (the articles themselves, never read again) until the cache filled, and paid a page
        // fault for each: Reuters 12 of 15 paired runs faster with 32 MB (docs/performance-history.md).
        m_db.exec("PRAGMA cache_size=-32768");
        // Debian builds SQLite with SECURE_DELETE, which zeroes every byte a B-tree frees or moves
        // (page splits included): privacy for deleted rows, no part of crash safety.
        m_db.exec("PRAGMA secure_delete=OFF");
        migrate();
        // A bulk load killed before its end left its database without this index (see
        // begin_bulk_load): built again here, a no-op when it is there.
        m_db.exec(sqlite_schema::sources_article_index);
    } catch (const SQLite::Exception& e) {
        const std::string what = e.what();
        if (what.find("locked") != std::string::npos || what.find("busy") != std::string::npos)
            throw StoreError(path + ": database is busy (another storyline process is writing to it)");
        throw StoreError(path + ": " + what);
    }
}

SqliteStore::~SqliteStore() {
    m_tx.reset();   // an open batch is rolled back first: the journal mode cannot change inside one
    end_bulk_load();
    if (m_checkpointer) {
        sqlite3_wal_hook(m_db.getHandle(), nullptr, nullptr);
        m_checkpointer.reset();   // before the connection closes, which copies what is left
    }
}

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

// Filling an empty database through the WAL writes every page twice (the WAL, then the
// database file when the checkpointer copies it) and keeps a second connection and thread busy;
// with a rollback journal, pages appended to the file are written once and only the few existing
// pages a batch changes (index leaves) go to the journal first: a Reuters import 0-7.5 % faster
// in three alternating series, with no checkpointer thread and no WAL to unlink at the end
// (docs/performance-history.md). The price is concurrency, which an empty database has little use
// for: other processes wait until the first import ends (docs/store.md). synchronous=FULL because a rollback journal, unlike the
// WAL, is proven safe from corruption on power loss only with it. A killed import leaves a hot
// journal that the next connection rolls back, as SQLite always does. If another connection has
// the database open, the mode cannot change and the WAL stays.
void SqliteStore::begin_bulk_load() {
    if (m_bulk || m_tx || m_checkpointer) return;
    try {
        const std::string mode = m_db.execAndGet("PRAGMA journal_mode=TRUNCATE").getString();
        if (mode != "truncate") return;
        m_bulk = true;
        m_db.exec("PRAGMA synchronous=FULL");
        // The file is this connection's until the import ends: a reader holding it for longer
        // than the busy timeout would otherwise make a commit fail (a rollback journal cannot
        // commit under a reader), and another process's open, which asks for the WAL, would wait
        // on this writer while blocking it. Others now wait, then hear "database is busy".
        m_db.exec("PRAGMA locking_mode=EXCLUSIVE");
        // Each source row's reference to its article cost a probe of the article ids' index
        // (Reuters: 2 % of the run). put() writes the article before its source, or finds it
        // stored, in every mode; the tests that run it with the check on hold for this one, and
        // the bulk-load test asks SQLite to check the references afterwards.
        m_db.exec("PRAGMA foreign_keys=OFF");
        m_bulk_filter = m_db.execAndGet("SELECT EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM sources)").getInt() == 0;
        m_bulk_written = {};
        // Dropped in the first batch's transaction (begin_batch): no commit of its own here, on
        // the import's way to its first article.
        m_sources_index_drop_pending = m_bulk_filter;
        m_first_sources_kept = m_bulk_filter;
    } catch (const SQLite::Exception&) {
        // busy or locked: the WAL stays, or comes back below
        end_bulk_load();
    }
}

namespace {

// A string of m_first_sources: its length (4 bytes), then its bytes.
void append_counted(std::string& to, std::string_view s) {
    const auto n = static_cast<std::uint32_t>(s.size());
    to.append(reinterpret_cast<const char*>(&n), sizeof n).append(s);
}

std::string_view counted_at(std::string_view from, std::size_t at) {
    std::uint32_t n = 0;
    std::memcpy(&n, from.data() + at, sizeof n);
    return from.substr(at + sizeof n, n);
}

} // namespace

std::optional<std::string_view> SqliteStore::kept_first_source(std::string_view id, std::uint64_t id_hash) const {
    const std::uint32_t* at = m_first_source_at.find(id_hash);
    if (!at) return std::nullopt;
    const std::string_view kept_id = counted_at(m_first_sources, *at);
    if (kept_id != id) return std::nullopt;   // another id with the same hash
    return counted_at(m_first_sources, *at + sizeof(std::uint32_t) + kept_id.size());
}

void SqliteStore::keep_first_source(std::string_view id, std::uint64_t id_hash, std::string_view source_key) {
    if (m_first_source_at.find(id_hash)) {
        const auto kept = kept_first_source(id, id_hash);
        if (!kept) {   // two ids share a hash: SQLite answers from now on
            build_sources_index();
            return;
        }
        if (!(source_key < *kept)) return;
    }
    if (m_first_sources.size() + id.size() + source_key.size() + 8 > UINT32_MAX) {
        build_sources_index();   // 4 GB of keys: SQLite answers from now on
        return;
    }
    m_first_source_at[id_hash] = static_cast<std::uint32_t>(m_first_sources.size());
    append_counted(m_first_sources, id);
    append_counted(m_first_sources, source_key);
}

// Builds the index of the sources by article that a bulk load dropped (in the open batch, if
// any): from here on put() asks SQLite for an article's first source.
void SqliteStore::build_sources_index() {
    m_first_sources_kept = false;
    m_first_sources = {};
    m_first_source_at = {};
    m_sources_index_drop_pending = false;
    if (!m_sources_index_dropped) return;
    m_db.exec(sqlite_schema::sources_article_index);
    m_sources_index_dropped = m_tx != nullptr;   // a rollback of the batch would drop it again
}

void SqliteStore::bulk_load_ending() {
    if (!m_bulk) return;
    try {
        build_sources_index();
    } catch (const SQLite::Exception&) {
        // built by end_bulk_load() then, or by the next open
    }
}

void SqliteStore::end_bulk_load() {
    if (!m_bulk || m_tx) return;
    try {
        build_sources_index();   // one sort of all the keys, after the last batch
        m_db.exec("PRAGMA foreign_keys=ON");
        m_db.exec("PRAGMA locking_mode=NORMAL");   // the lock goes with the next transaction's end
        m_db.exec("PRAGMA journal_mode=WAL");
        m_db.exec("PRAGMA synchronous=NORMAL");
        m_bulk = false;
        m_bulk_filter = false;
        m_bulk_written = {};
    } catch (const SQLite::Exception&) {
        // The file stays in rollback mode, a valid database; the next open sets the WAL again.
    }
}

void SqliteStore::begin_batch() {
    if (m_tx) return;
    if (m_bulk) {
        // no checkpoints to run: a rollback journal has none
    } else if (!m_checkpointer && !m_checkpointer_failed) {
        // Checkpoints move to their own thread: commits here only append to the WAL. The hook
        // replaces SQLite's automatic checkpoint and is told the WAL's length after each commit.
        try {
            m_checkpointer = std::make_unique<WalCheckpointer>(m_path);
        } catch (const std::exception&) {
            m_checkpointer_failed = true;   // no second connection or thread: SQLite's own checkpoints stay
        }
        if (m_checkpointer) {
            sqlite3_wal_hook(
                m_db.getHandle(),
                [](void* checkpointer, sqlite3*, const char*, int wal_frames) {
                    static_cast<WalCheckpointer*>(checkpointer)->committed(wal_frames);
                    return SQLITE_OK;
                },
                m_checkpointer.get());
        }
    } else if (m_checkpointer && m_checkpointer->wal_too_long()) {
        m_checkpointer->wait_until_copied();   // so that this batch starts the WAL over
    }
    try {
        m_tx = std::make_unique<SQLite::Transaction>(m_db, SQLite::TransactionBehavior::IMMEDIATE);
    } catch (const SQLite::Exception& e) {
        // Another writer kept the lock for the whole busy timeout.
        if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED)
            throw StoreError(m_path + ": database is busy (another storyline process is writing to it; try again when it is done)");
        throw;
    }
    if (m_sources_index_drop_pending) {
        m_sources_index_drop_pending = false;
        try {
            m_db.exec("DROP INDEX IF EXISTS sources_article");
            m_sources_index_dropped = true;
        } catch (const SQLite::Exception&) {
            // the index stays and is kept up to date as in any other import
        }
    }
}

bool SqliteStore::batch_would_wait() { return !m_tx && m_checkpointer && m_checkpointer->wal_too_long() && m_checkpointer->busy(); }

void SqliteStore::commit_batch() {
    if (!m_tx) return;
    m_tx->commit();
    m_tx.reset();
}

void SqliteStore::rollback_batch() {
    m_tx.reset();   // the Transaction destructor rolls back
    // The first sources kept may name some the rollback removed: SQLite is asked again.
    if (m_first_sources_kept || m_sources_index_dropped) build_sources_index();
}

struct SqliteStore::WriteStatements {
    explicit WriteStatements(sqlite3* db)
        : known(db, "SELECT (SELECT article_id FROM sources WHERE source_key = ?1), (SELECT content_hash FROM articles WHERE id = ?2)"),
          delete_source(db, "DELETE FROM sources WHERE source_key = ?"),
          sources_left(db, "SELECT count(*) FROM sources WHERE article_id = ?"),
          first_source(db, "SELECT min(source_key) FROM sources WHERE article_id = ?"),
          delete_article(db, "DELETE FROM articles WHERE id = ?"),
          insert_article(db, "INSERT INTO articles (id, title, text, lang, published, published_source, url, author, "
                             "source_name, format, content_hash, sentences, timexes, entities, events) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
          insert_source(db, "INSERT INTO sources (source_key, article_id, content_hash, url) VALUES (?,?,?,?)") {}
    // What the store holds already: the article the source points at, and the stored content hash
    // of this article's id (NULL: none), in one statement.
    SqlStatement known, delete_source, sources_left, first_source, delete_article, insert_article, insert_source;
};

SqliteStore::WriteStatements& SqliteStore::writes() {
    if (!m_writes) m_writes = std::make_unique<WriteStatements>(m_db.getHandle());
    return *m_writes;
}

void SqliteStore::delete_article(const std::string& article_id) {
    writes().delete_article.use().bind(1, article_id).step();
}

void SqliteStore::put(const Document& doc) { put(doc, nullptr); }

namespace {

struct EncodedDocuments final : Store::Prepared {
    std::vector<layer_json::EncodedLayers> layers;
};

} // namespace

std::unique_ptr<Store::Prepared> SqliteStore::prepare(std::span<const Document> docs) const {
    auto encoded = std::make_unique<EncodedDocuments>();
    encoded->layers.reserve(docs.size());
    for (const Document& d : docs) encoded->layers.emplace_back(d);
    return encoded;
}

void SqliteStore::put_all(std::span<const Document> docs) { put_all(docs, *prepare(docs)); }

void SqliteStore::put_all(std::span<const Document> docs, const Prepared& prepared) {
    const auto* encoded = dynamic_cast<const EncodedDocuments*>(&prepared);
    if (!encoded || encoded->layers.size() != docs.size())
        throw std::logic_error("SqliteStore::put_all: documents prepared by another store, or not these documents");
    for (std::size_t i = 0; i < docs.size(); ++i) put(docs[i], &encoded->layers[i]);
}

void SqliteStore::put(const Document& doc, const layer_json::EncodedLayers* encoded) {
    const Article& a = doc.article;
    WriteStatements& w = writes();
    // The source may have pointed at another article before (a changed file): detach it, and
    // drop that article when no other source still holds it.
    std::string old, stored_hash;
    bool had_source = false;
    // Source keys and article ids hashed apart (a seed each): a file path equal to an id is
    // no match. 0 marks a free slot of the table: taken as 1 (a collision only means asking).
    const std::uint64_t source_hash = std::max<std::uint64_t>(hash64(a.source_key, 1), 1);
    const std::uint64_t id_hash = std::max<std::uint64_t>(hash64(a.id, 2), 1);
    const bool maybe_stored = !m_bulk_filter || m_bulk_written.find(source_hash) || m_bulk_written.find(id_hash);
    if (maybe_stored) {
        auto q = w.known.use();
        q.bind(1, a.source_key).bind(2, a.id).step();
        had_source = !q.null(0);
        if (had_source) old = q.text(0);
        if (!q.null(1)) stored_hash = q.text(1);
    }
    if (had_source) {
        // The first source kept for the old article may be this one: SQLite is asked again.
        if (m_first_sources_kept) build_sources_index();
        w.delete_source.use().bind(1, a.source_key).step();
        bool orphan = false;
        {
            auto left = w.sources_left.use();
            left.bind(1, old).step();
            orphan = left.integer(0) == 0;
        }
        if (orphan && old != a.id) delete_article(old);
    }
    // The same story from another source keeps the metadata (date, URL, language) and so the
    // annotations of the source first in path order, whatever order the parallel import writes
    // them in: exports must not depend on thread timing.
    bool replace = stored_hash != a.content_hash;
    if (!replace && m_first_sources_kept) {
        // Kept for every article this load stored. None kept (its id shares a hash with another)
        // builds the index, and SQLite answers below.
        if (const auto first = kept_first_source(a.id, id_hash)) replace = a.source_key < *first;
        else build_sources_index();
    }
    if (!replace && !m_first_sources_kept) {
        auto first = w.first_source.use();
        replace = first.bind(1, a.id).step() && !first.null(0) && a.source_key < first.text(0);
    }
    if (replace) {
        if (!stored_hash.empty()) delete_article(a.id);   // same id, new content (or an earlier source): replace it
        std::optional<layer_json::EncodedLayers> own;
        const layer_json::EncodedLayers& layers = encoded ? *encoded : own.emplace(doc);
        w.insert_article.use()
            .bind(1, a.id)
            .bind(2, a.title)
            .bind(3, a.text)
            .bind(4, a.lang)
            .bind(5, a.published.value)
            .bind(6, a.published.source)
            .bind(7, a.url)
            .bind(8, a.author)
            .bind(9, a.source_name)
            .bind(10, a.format)
            .bind(11, a.content_hash)
            .bind(12, layers.sentences())
            .bind(13, layers.timexes())
            .bind(14, layers.entities())
            .bind(15, layers.events())
            .step();
    }
    w.insert_source.use().bind(1, a.source_key).bind(2, a.id).bind(3, a.content_hash).bind(4, a.url).step();
    if (m_first_sources_kept) keep_first_source(a.id, id_hash, a.source_key);
    if (m_bulk_filter) {
        m_bulk_written[source_hash] = true;
        m_bulk_written[id_hash] = true;
    }
}

void SqliteStore::for_each_document(const std::function<void(const Document&)>& fn) { read_documents(true, fn); }

void SqliteStore::for_each_article(const std::function<void(const Article&)>& fn) {
    read_documents(false, [&](const Document& doc) { fn(doc.article); });
}

namespace {

// Documents read from the store whose layers a second thread decodes (read_documents).
struct DecodeBatch {
    std::vector<Document> docs;
    std::vector<std::optional<std::array<std::string, 4>>> layers;   // sentences, timexes, entities, events, if stored
    std::string error;                                  // "article <id>: <reason>" of a damaged layer
    std::exception_ptr failure;                         // anything else the decoder threw (out of memory)
};

void decode_batch(DecodeBatch& b) {
    for (std::size_t k = 0; k < b.docs.size(); ++k) {
        if (!b.layers[k]) continue;
        const auto& l = *b.layers[k];
        try {
            layer_json::decode_sentences(l[0], b.docs[k]);
            layer_json::decode_timexes(l[1], b.docs[k]);
            layer_json::decode_entities(l[2], b.docs[k]);
            layer_json::decode_events(l[3], b.docs[k]);
        } catch (const layer_json::LayerError& e) {
            b.error = "article " + b.docs[k].article.id + ": " + e.what();
            b.docs.resize(k);   // the documents before it are still handed on
            return;
        } catch (...) {   // thrown on to the reading thread, as it was before the decoder had one
            b.failure = std::current_exception();
            b.docs.resize(k);
            return;
        }
    }
    b.layers.clear();
}

} // namespace

void SqliteStore::read_documents(bool layers, const std::function<void(const Document&)>& fn) {
    SQLite::Statement& arts = statement(
        layers ? "SELECT a.id, a.title, a.text, a.lang, a.published, a.published_source, a.url, a.author, a.source_name, a.format, "
                 "a.content_hash, a.sentences, a.timexes, a.entities, a.events FROM articles a ORDER BY a.id"
               : "SELECT a.id, a.title, a.text, a.lang, a.published, a.published_source, a.url, a.author, a.source_name, a.format, "
                 "a.content_hash FROM articles a ORDER BY a.id");
    SQLite::Statement& src = statement("SELECT source_key FROM sources WHERE article_id = ? ORDER BY source_key LIMIT 1");
    auto read_article = [&](Article& a) {
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
    };
    if (!layers) {
        while (arts.executeStep()) {
            Document doc;
            read_article(doc.article);
            fn(doc);
        }
        return;
    }
    // Decoding the layers' JSON is a third of reading them: a second thread decodes batches of
    // documents while this one reads the next rows and hands the decoded ones, in order, to
    // `fn` (which may query this store: it runs on this thread). Three batches at most are in
    // flight; the queues hold four, so neither side ever waits on a full one.
    constexpr std::size_t batch_docs = 32, in_flight_max = 3;
    BoundedQueue<DecodeBatch> to_decode(4), decoded(4);
    std::thread decoder([&] {
        while (auto b = to_decode.pop()) {
            decode_batch(*b);
            if (!decoded.push(std::move(*b))) return;
        }
    });
    struct Stop {   // whatever way this function is left, the decoder ends before it returns
        BoundedQueue<DecodeBatch>& in;
        BoundedQueue<DecodeBatch>& out;
        std::thread& t;
        ~Stop() {
            in.close();
            out.close();
            t.join();
        }
    } stop{to_decode, decoded, decoder};
    std::size_t in_flight = 0;
    auto hand_on = [&] {
        auto b = decoded.pop();
        --in_flight;
        if (!b) throw StoreError(m_path + ": the layers' decoder stopped");
        for (const Document& doc : b->docs) fn(doc);
        if (!b->error.empty()) throw StoreError(m_path + ": " + b->error);
        if (b->failure) std::rethrow_exception(b->failure);
    };
    auto text_of = [&](int col) {
        const SQLite::Column c = arts.getColumn(col);
        return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
    };
    DecodeBatch batch;
    while (arts.executeStep()) {
        read_article(batch.docs.emplace_back().article);
        auto& l = batch.layers.emplace_back();
        if (!arts.getColumn(11).isNull()) l = std::array<std::string, 4>{text_of(11), text_of(12), text_of(13), text_of(14)};
        if (batch.docs.size() == batch_docs) {
            to_decode.push(std::exchange(batch, DecodeBatch{}));
            if (++in_flight == in_flight_max) hand_on();
        }
    }
    if (!batch.docs.empty()) {
        to_decode.push(std::move(batch));
        ++in_flight;
    }
    while (in_flight > 0) hand_on();
}

std::vector<std::string> SqliteStore::sources_of(const std::string& article_id) {
    std::vector<std::string> out;
    SQLite::Statement& q = statement("SELECT source_key FROM sources WHERE article_id = ? ORDER BY source_key");
    q.bind(1, article_id);
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

StoreCounts SqliteStore::article_counts() {
    StoreCounts c;
    c.articles = m_db.execAndGet("SELECT count(*) FROM articles").getInt64();
    c.sources = m_db.execAndGet("SELECT count(*) FROM sources").getInt64();
    return c;
}

bool SqliteStore::has_sources() { return m_db.execAndGet("SELECT EXISTS (SELECT 1 FROM sources)").getInt() != 0; }

StoreCounts SqliteStore::counts() {
    auto count = [&](const char* sql) { return m_db.execAndGet(sql).getInt64(); };
    StoreCounts c;
    c.articles = count("SELECT count(*) FROM articles");
    c.sources = count("SELECT count(*) FROM sources");
    // Counted here rather than through the views: RapidJSON reads the arrays several times
    // faster than SQLite's json_each (a second after each Reuters-sized import).
    std::unordered_set<std::string> persons, organizations, locations;
    SQLite::Statement& q = statement("SELECT timexes, entities, events FROM articles WHERE sentences IS NOT NULL");
    auto text_of = [&](int col) {
        const SQLite::Column v = q.getColumn(col);
        return std::string_view(static_cast<const char*>(v.getBlob()), static_cast<std::size_t>(v.getBytes()));
    };
    try {
        while (q.executeStep()) {
            c.timexes += static_cast<std::int64_t>(layer_json::count_items(text_of(0)));
            c.event_mentions += static_cast<std::int64_t>(layer_json::count_items(text_of(2)));
            layer_json::for_each_entity_key(text_of(1), [&](std::string_view type, std::string_view key) {
                ++c.entity_mentions;
                auto* keys = type == "PER" ? &persons : type == "ORG" ? &organizations : type == "LOC" ? &locations : nullptr;
                if (keys) keys->emplace(key);
            });
        }
    } catch (const layer_json::LayerError& e) {
        throw StoreError(m_path + ": " + e.what());
    }
    c.persons = static_cast<std::int64_t>(persons.size());
    c.organizations = static_cast<std::int64_t>(organizations.size());
    c.locations = static_cast<std::int64_t>(locations.size());
    return c;
}

} // namespace storyline
