#pragma once
// The embedded store: one SQLite file (WAL mode), schema versioned by PRAGMA user_version.
#include "core/util/flat_table.hpp"
#include "store/store.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

class WalCheckpointer;
namespace layer_json {
class EncodedLayers;
}

class SqliteStore final : public Store {
public:
    // Opens or creates the file and applies pending migrations. Throws StoreError with the path
    // and the reason (not a database, newer schema, busy).
    explicit SqliteStore(const std::string& path);
    ~SqliteStore() override;

    SourceState source_state(const std::string& source_key, const std::string& content_hash) override;
    void begin_batch() override;
    bool batch_would_wait() override;
    void put(const Document& doc) override;
    // The layers' JSON of every document first, then the rows: each part's code and data stay
    // in the caches through the group.
    void put_all(std::span<const Document> docs) override;
    // Each document's layers encoded as JSON (layer_json::EncodedLayers).
    [[nodiscard]] std::unique_ptr<Prepared> prepare(std::span<const Document> docs) const override;
    void put_all(std::span<const Document> docs, const Prepared& prepared) override;
    void commit_batch() override;
    void rollback_batch() override;
    void for_each_document(const std::function<void(const Document&)>& fn) override;
    void for_each_article(const std::function<void(const Article&)>& fn) override;
    std::vector<std::string> sources_of(const std::string& article_id) override;
    StoreCounts counts() override;
    StoreCounts article_counts() override;
    bool has_sources() override;
    // A rollback journal instead of the WAL while an empty database is filled (docs/store.md).
    void begin_bulk_load() override;
    // Builds the index of the sources by article that the bulk load dropped, in the open batch.
    void bulk_load_ending() override;
    void end_bulk_load() override;

private:
    void read_documents(bool layers, const std::function<void(const Document&)>& fn);
    void migrate();
    void delete_article(const std::string& article_id);
    void put(const Document& doc, const layer_json::EncodedLayers* encoded);

    // Statements are prepared once per connection: parsing SQL per article cost more than the
    // inserts themselves.
    SQLite::Statement& statement(const char* sql);
    // The statements of put(), prepared on its first call and reached without a look-up.
    struct WriteStatements;
    WriteStatements& writes();

    std::string m_path;
    SQLite::Database m_db;
    std::unique_ptr<SQLite::Transaction> m_tx;
    std::map<std::string, std::unique_ptr<SQLite::Statement>, std::less<>> m_statements;
    std::unique_ptr<WriteStatements> m_writes;
    // Started with the first batch: only a writer needs it (store/sqlite/wal_checkpointer.hpp).
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    bool m_checkpointer_failed = false;
    bool m_bulk = false;   // between begin_bulk_load() and end_bulk_load(): no WAL, no checkpointer
    // During a bulk load into a database that held no article: the hashes of the source keys
    // and article ids this connection wrote, so that nothing else can be in the file. A key
    // whose hash is not here is not stored, and put() skips asking SQLite (two index look-ups
    // per article); a hash found, even by collision or from a batch rolled back since, only
    // means asking. 64-128 bytes per article, for the length of one import.
    bool m_bulk_filter = false;
    FlatTable<bool> m_bulk_written;
    // During that same bulk load the index of the sources by article (sources_article) is
    // dropped and built once at its end: inserted into at random, one source at a time, its
    // leaves were rewritten and journaled at every commit (Reuters 4 % of the import's wall
    // time, 4x Reuters 12 %: docs/store.md). What put() asked of it, the first source of an article in
    // path order, is then kept here for every article written; a source deleted or a batch
    // rolled back builds the index at once and put() asks SQLite again.
    bool m_sources_index_drop_pending = false;
    bool m_sources_index_dropped = false;
    bool m_first_sources_kept = false;
    // Each article written: its id, then its first source key, each after its length (4 bytes),
    // one article after the other (a first source found later is appended and pointed at);
    // found by the id's hash, the id checked. About 100 bytes an article.
    std::string m_first_sources;
    FlatTable<std::uint32_t> m_first_source_at;   // hash of the id -> offset in m_first_sources
    // The first source kept for `id` (of hash `id_hash`); nullopt when none is kept.
    std::optional<std::string_view> kept_first_source(std::string_view id, std::uint64_t id_hash) const;
    void keep_first_source(std::string_view id, std::uint64_t id_hash, std::string_view source_key);
    void build_sources_index();
}; // class SqliteStore

} // namespace storyline
