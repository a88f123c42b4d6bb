#pragma once
// The server store: one PostgreSQL database that several `storyline import` processes fill at
// once (docs/scale-out.md). Same concepts as the SQLite store, versioned migrations in a
// schema_version table, and for_each_document returns exactly what SQLite returns for the same
// articles, so the graph and its exports are byte-identical.
#include "store/store.hpp"

#include <memory>
#include <string>
#include <vector>

namespace storyline {

class PostgresStore final : public Store {
public:
    // `spec` is a libpq URI (postgresql://user@host/db) or "postgresql:" for the PG* variables.
    // Connects and applies pending migrations; throws StoreError naming the database (without
    // its password) and the reason.
    explicit PostgresStore(const std::string& spec);
    ~PostgresStore() override;

    SourceState source_state(const std::string& source_key, const std::string& content_hash) override;
    void begin_batch() override;
    // Keeps the document until commit_batch, which writes the whole batch in one transaction
    // and replays it when PostgreSQL aborts it for a deadlock with another worker.
    void put(const Document& doc) override;
    void commit_batch() override;
    void rollback_batch() override;
    void for_each_document(const std::function<void(const Document&)>& fn) override;
    std::vector<std::string> sources_of(const std::string& article_id) override;
    StoreCounts counts() override;
    StoreCounts article_counts() override;

private:
    struct Session;   // the libpqxx connection and the read in progress

    void migrate();
    void write_pending();

    std::string m_name;   // the spec with any password masked, for messages
    std::unique_ptr<Session> m_session;
    std::vector<Document> m_pending;
    bool m_in_batch = false;
}; // class PostgresStore

} // namespace storyline
