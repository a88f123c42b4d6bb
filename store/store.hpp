#pragma once
// The one narrow interface between the pipeline and its database. SQLite (store/sqlite/) is
// the embedded default; a server database plugs in as another implementation, and nothing
// outside store/ knows which one runs.
#include "core/model/annotation.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>

namespace storyline {

enum class SourceState { fresh, unchanged, changed };

struct StoreCounts {
    std::int64_t articles = 0;
    std::int64_t sources = 0;
    std::int64_t timexes = 0;
    std::int64_t entity_mentions = 0;
    std::int64_t event_mentions = 0;
    // Distinct entities (by resolution key) per type.
    std::int64_t persons = 0;
    std::int64_t organizations = 0;
    std::int64_t locations = 0;
};

class Store {
public:
    virtual ~Store() = default;

    // What the store knows of an input: never seen, the same content, or new content.
    [[nodiscard]] virtual SourceState source_state(const std::string& source_key,
                                                   const std::string& content_hash) = 0;
    // Writes happen in batches: one transaction each.
    virtual void begin_batch() = 0;
    // Whether begin_batch() would now wait for the store's own housekeeping (SQLite: the WAL
    // being copied into the database file). A writer with other work, such as taking documents
    // off its queue so the annotation workers go on, does that first.
    [[nodiscard]] virtual bool batch_would_wait() { return false; }
    // Stores the document and its annotations. Replaces what the same source_key held before
    // (a changed file); an article with an id already stored from another source gains this
    // source and keeps its annotations (the same story under two paths or outlets).
    virtual void put(const Document& doc) = 0;
    // put() of each, in order; a store may prepare them all first.
    virtual void put_all(std::span<const Document> docs) {
        for (const Document& d : docs) put(d);
    }
    // What a store makes of documents' annotations before writing them (SQLite: the layers'
    // JSON), made apart from the writing so that it can run on the thread that annotated them,
    // while their layers are still in that core's caches; the one writer thread then only
    // writes. prepare() must not touch the database: it runs on any thread, beside the writer.
    struct Prepared {
        virtual ~Prepared() = default;
    };
    // nullptr: this store prepares nothing, and put_all(docs) needs the layers.
    [[nodiscard]] virtual std::unique_ptr<Prepared> prepare(std::span<const Document> /*docs*/) const { return nullptr; }
    // put_all() of the documents prepare() was given, in the same order: their layers are read
    // from `prepared` only, so they may have been dropped from `docs` since. A store whose
    // prepare() returns something overrides it; the default refuses rather than write documents
    // whose layers may be gone.
    virtual void put_all(std::span<const Document> /*docs*/, const Prepared& /*prepared*/) {
        throw std::logic_error("Store::put_all: this store prepares nothing, so it takes no prepared documents");
    }
    virtual void commit_batch() = 0;
    virtual void rollback_batch() = 0;

    // Reads every stored document, articles in id order, annotations in offset order.
    virtual void for_each_document(const std::function<void(const Document&)>& fn) = 0;
    // The same articles without their annotations (a store may skip reading those).
    virtual void for_each_article(const std::function<void(const Article&)>& fn) {
        for_each_document([&](const Document& doc) { fn(doc.article); });
    }
    // Every source key that points at this article (sorted).
    [[nodiscard]] virtual std::vector<std::string> sources_of(const std::string& article_id) = 0;
    [[nodiscard]] virtual StoreCounts counts() = 0;
    // Only `articles` and `sources` need be filled: what an import prints, which must not cost
    // a scan of the whole database (counts() reads every stored layer). The default counts all.
    [[nodiscard]] virtual StoreCounts article_counts() { return counts(); }
    // Whether any source is stored. An import into an empty store asks nothing per article:
    // every source it reads is new.
    [[nodiscard]] virtual bool has_sources() { return article_counts().sources > 0; }
    // The batches that follow fill an empty store (the first import into a new database): a store
    // may write them in a way that is cheaper but lets nobody read meanwhile, as long as a
    // killed import still leaves a valid store. end_bulk_load() (or the store's destruction)
    // returns to the usual way. Neither ever throws: the usual way is always right.
    virtual void begin_bulk_load() {}
    // Said once, inside a batch, when the last batches of a bulk load are on their way: a store
    // may do now, beside the end of the annotation, part of what end_bulk_load() would do after
    // it. The batches that follow are stored as before.
    virtual void bulk_load_ending() {}
    virtual void end_bulk_load() {}
}; // class Store

// What every store throws for a database it cannot open or use, naming it and the reason.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Opens (creating and migrating as needed) the store named by `spec`: `postgresql://…`,
// `postgres://…` or `postgresql:` alone (the PG* environment variables) for PostgreSQL, any
// other spec a file path for SQLite.
std::unique_ptr<Store> open_store(const std::string& spec);
// False only when `spec` names a store that certainly holds nothing yet (a missing SQLite file);
// a server database is assumed to exist and reports itself when opened.
[[nodiscard]] bool store_exists(const std::string& spec);

} // namespace storyline
