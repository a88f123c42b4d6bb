#include "cli/import_job.hpp"

#include "cli/input_files.hpp"
#include "cli/progress.hpp"

#include "annotators/pipeline.hpp"
#include "importers/import_bytes.hpp"
#include "importers/jsonl_stream.hpp"
#include "core/util/bounded_queue.hpp"
#include "core/util/work_share.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <utility>

namespace storyline::cli {
namespace {

// A transaction ends after this many articles or this long, whichever comes first. Ids are
// content hashes, so each batch touches leaves all over the id indexes and every commit writes
// them again: larger batches wrote 19 % fewer pages for Reuters (88,000 → 71,000 page writes
// against 512 articles a batch). The time bound keeps what a killed import loses to about a
// second of work.
constexpr std::size_t batch_size = 4096;
constexpr auto batch_time = std::chrono::seconds(1);
// Each worker reads its own files, taking runs of consecutive paths: the bytes land in the
// caches of the core that parses them (a reading thread copied them into another core's, and
// every file crossed a queue), and a run keeps a folder's files together for read-ahead. Runs
// shrink toward the end of the list so that the workers finish together.
constexpr std::size_t max_run_files = 64;
// A worker parses files until it holds this much article text (or the files run out), then
// annotates those documents together, stage by stage, and hands them to the writer as one
// item. Each stage's code and tables then stay in the caches for some 80 Reuters articles
// instead of one: CPU −9 to −12 % (docs/performance-history.md, "The tenth session").
constexpr std::size_t annotate_batch_bytes = 65536;
// At most this much article text parsed ahead per worker while the pipeline loads.
constexpr std::size_t max_early_bytes = std::size_t{2} << 20;
// A worker's annotated documents on their way to the writer, with what the store prepared of
// them on the worker (Store::prepare): the layers themselves are then dropped there, on the
// thread whose caches hold them, and the writer reads only the articles and that.
struct WriteBatch {
    std::vector<Document> docs;
    std::unique_ptr<Store::Prepared> prepared;   // nullptr: the docs keep their layers
    unsigned worker = 0;                         // which worker made it (and frees it)
};

// Written batches go back to the worker that made them, which frees them: freed on the writer,
// every string of every article was a free across threads (the allocator's slower path, on
// memory the other core last wrote), and the memory returned to the worker's heap later.
struct alignas(64) WrittenBatches {
    std::mutex mutex;
    std::vector<WriteBatch> batches;
};

// Annotated batches waiting for the writer: while it commits (its pages, an fsync: 0.03-0.06 s
// each time) the workers go on instead of waiting for room. Four batches a worker hold about
// as many Reuters articles as the 256 single documents a worker did before.
constexpr std::size_t writer_batches_per_worker = 4;
// Batches of a many-record file (a JSON Lines dump) waiting for a worker with no file left: two
// a worker, about 128 KB of text each, beside the file the giver holds anyway.
constexpr std::size_t shared_batches_per_worker = 2;

// Hands out the indices of a file list in runs, to any number of threads.
class FileRuns {
public:
    FileRuns(std::size_t files, unsigned takers) : m_files(files), m_takers(std::max(1u, takers)) {}
    // [begin, end) of the next run; empty once every file is taken.
    std::pair<std::size_t, std::size_t> take() {
        std::size_t begin = m_next.load(std::memory_order_relaxed);
        for (;;) {
            if (begin >= m_files) return {m_files, m_files};
            const std::size_t left = m_files - begin;
            const std::size_t run = std::clamp<std::size_t>(left / (4 * m_takers), 1, max_run_files);
            if (m_next.compare_exchange_weak(begin, begin + run, std::memory_order_relaxed)) return {begin, begin + run};
        }
    }
    // Whether every file has been handed out: what is left is the runs being read.
    [[nodiscard]] bool all_taken() const { return m_next.load(std::memory_order_relaxed) >= m_files; }

private:
    const std::size_t m_files;
    const unsigned m_takers;
    std::atomic<std::size_t> m_next{0};
};

// Frees the layers on this thread: they are written from what the store prepared of them.
void drop_layers(Document& doc) {
    doc.sentences = {};
    doc.timexes = {};
    doc.entities = {};
    doc.events = {};
}

void add(ImportSummary& into, const ImportSummary& part) {
    into.files += part.files;
    into.failed_files += part.failed_files;
    into.record_issues += part.record_issues;
    into.articles_new += part.articles_new;
    into.articles_changed += part.articles_changed;
    into.articles_unchanged += part.articles_unchanged;
    into.timexes += part.timexes;
    into.entities += part.entities;
    into.events += part.events;
    into.text_bytes += part.text_bytes;
}

} // namespace

ImportSummary run_import(const ImportOptions& options, std::ostream& log) {
    const auto started = std::chrono::steady_clock::now();
    ImportSummary summary;
    std::vector<std::string> walk_errors;
    // The pipeline loads its language data (the gazetteer, about 50 ms) on a thread of its own
    // while this one walks the folders, opens the store and starts reading: the workers wait for
    // it only before their first annotation.
    const std::shared_future<std::shared_ptr<const Pipeline>> pipeline_loaded =
        std::async(std::launch::async, [] { return std::make_shared<const Pipeline>(); }).share();
    // The store is opened (for a new database: created, its schema written and synced) while
    // this thread walks the folders: with the language data read from its cached image, the
    // walk and the store one after the other were the start's longest path (about 45 ms for
    // Reuters, one core idle meanwhile). What follows the opening is done there too: an empty
    // store leaves the WAL for the bulk load (a checkpoint and syncs of the new file, 7-13 ms
    // that held the workers' start back when done after the walk), and a store with sources
    // opens the workers' reading connections.
    const unsigned workers_n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    struct OpenedStore {
        std::unique_ptr<Store> writer;
        bool was_empty = false;
        std::vector<std::unique_ptr<Store>> readers;   // one per worker; none for an empty store
    };
    std::future<OpenedStore> store_opened = std::async(std::launch::async, [&db = options.db, workers_n] {
        OpenedStore opened;
        opened.writer = open_store(db);
        // Into an empty store every source is new (the file list has no duplicates): no question
        // per article, which cost 5 % of a Reuters import's CPU, and no reading connections.
        opened.was_empty = !opened.writer->has_sources();
        if (opened.was_empty) opened.writer->begin_bulk_load();
        else
            for (unsigned w = 0; w < workers_n; ++w) opened.readers.push_back(open_store(db));
        return opened;
    });
    const auto files = select_shard(collect_inputs(options.inputs, walk_errors), options.shard);
    for (const auto& e : walk_errors) {
        log << "storyline import: " << e << '\n';
        ++summary.failed_files;
    }
    // Two stages: N workers read files (runs of consecutive paths, FileRuns), parse them
    // (importers), ask the store whether each article is new or changed, and annotate it; one
    // writer owns the database. This thread only shows progress. The writer's queue is bounded
    // and a worker holds one batch, so memory stays flat however large the input is. Each
    // worker checks "unchanged" through its own connection (WAL lets it read while the writer
    // writes).
    OpenedStore opened = store_opened.get();   // its failure is the run's, reported as before
    const std::unique_ptr<Store> writer_store = std::move(opened.writer);
    const bool store_was_empty = opened.was_empty;
    const std::vector<std::unique_ptr<Store>> reader_stores = std::move(opened.readers);
    FileRuns runs(files.size(), workers_n);
    std::atomic<bool> stopping{false};                  // the writer or a worker failed
    std::atomic<std::size_t> files_done{0}, file_shown{0};   // for the progress line
    // A file read as a stream can take minutes (a dump of millions of records): the progress line
    // then says how far into it the import is. Told every MB; the file's index first, so that the
    // line never pairs a file with another's figures for long.
    std::atomic<std::size_t> streamed_file{static_cast<std::size_t>(-1)};
    std::atomic<std::uint64_t> streamed_bytes{0}, streamed_size{0};
    // Documents go to the writer a worker's batch at a time.
    BoundedQueue<WriteBatch> to_write(writer_batches_per_worker * workers_n);
    // One mutex for the log and the progress line: a message never lands in the middle of it.
    std::mutex log_mutex;
    Progress progress(!options.quiet);
    auto report = [&](const std::string& path, const std::string& where, const std::string& reason) {
        std::lock_guard lock(log_mutex);
        progress.finish();
        log << "storyline import: " << path << (where.empty() ? "" : " (" + where + ")") << ": " << reason << " (skipped)\n";
    };

    // A cache line (or two) each: counted per file and article, two workers' counts side by side
    // moved one line between the cores all run long.
    struct alignas(64) WorkerCounts {
        ImportSummary counts;
    };
    std::vector<WorkerCounts> worker_counts(workers_n);
    std::vector<WrittenBatches> written(workers_n);
    // A file of many records is read by one worker; the batches it makes beyond its own share go
    // to the others once they have no file left (one JSON Lines file of Reuters was annotated on
    // one core while the other waited).
    WorkShare<std::vector<Document>> shared_batches(workers_n, shared_batches_per_worker * workers_n);
    std::vector<std::thread> workers;
    // A failure that is not one file's (the database went away) stops the run: the first one is
    // kept and rethrown on this thread, which reports it; an exception must never leave a thread.
    std::exception_ptr worker_error;
    std::mutex worker_error_mutex;
    auto work = [&](unsigned w) {
        ImportSummary& counts = worker_counts[w].counts;
        Store* store = store_was_empty ? nullptr : reader_stores[w].get();
        const Pipeline* pipeline = nullptr;
        std::vector<Document> batch;
        std::size_t batch_bytes = 0;
        std::vector<bool> failed;
        // Annotates `docs` (emptied) and hands them to the writer; false once the writer is gone.
        auto send = [&](std::vector<Document>& docs) -> bool {
            failed.assign(docs.size(), false);
            pipeline->annotate(docs, [&](std::size_t i, const std::string& reason) {
                report(docs[i].article.source_key, "", "annotation failed: " + reason);
                failed[i] = true;
            });
            if (std::find(failed.begin(), failed.end(), true) != failed.end()) {
                std::size_t kept = 0;
                for (std::size_t i = 0; i < docs.size(); ++i) {
                    if (failed[i]) continue;   // reported: not written
                    if (kept != i) docs[kept] = std::move(docs[i]);
                    ++kept;
                }
                docs.resize(kept);
            }
            if (docs.empty()) return true;
            {
                std::vector<WriteBatch> done;
                {
                    std::lock_guard lock(written[w].mutex);
                    done.swap(written[w].batches);
                }
            }   // freed here, on this thread
            WriteBatch out;
            out.worker = w;
            out.prepared = writer_store->prepare(docs);
            for (Document& doc : docs) {
                counts.timexes += static_cast<std::int64_t>(doc.timexes.size());
                counts.entities += static_cast<std::int64_t>(doc.entities.size());
                counts.events += static_cast<std::int64_t>(doc.events.size());
                if (out.prepared) drop_layers(doc);
            }
            out.docs = std::exchange(docs, {});
            return to_write.push(std::move(out));
        };
        // Batches parsed while the pipeline's language data still loads (the gazetteer, about
        // 50 ms on one core): the other core reads and parses ahead instead of waiting.
        std::vector<std::vector<Document>> early;
        std::size_t early_bytes = 0;
        // Waits for the pipeline, then annotates the batches parsed meanwhile.
        auto use_pipeline = [&]() -> bool {
            if (pipeline) return true;
            pipeline = pipeline_loaded.get().get();   // its failure is the run's
            for (auto& docs : early)
                if (!send(docs)) return false;
            early.clear();
            return true;
        };
        // `last`: no more files, the pipeline is waited for.
        auto flush = [&](bool last = false) -> bool {
            if (batch.empty() && early.empty()) return true;
            if (!pipeline && !last && early_bytes + batch_bytes <= max_early_bytes &&
                pipeline_loaded.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
                early_bytes += batch_bytes;
                batch_bytes = 0;
                early.push_back(std::exchange(batch, {}));
                return true;
            }
            if (!use_pipeline()) return false;
            batch_bytes = 0;
            return batch.empty() || send(batch);
        };
        // Said once on every way out (an error too), so that no worker waits for offers from it.
        struct Giving {
            WorkShare<std::vector<Document>>& share;
            bool done_told = false;
            void done() {
                if (!done_told) share.giving_done();
                done_told = true;
            }
            ~Giving() { done(); }
        } giving{shared_batches};
        FileReader reader(files);
        SourceInfo source;
        source.forced_lang = options.lang == "auto" ? std::string() : options.lang;
        source.forced_date = options.date;
        std::string bytes, error;
        // One parsed article into the batch; false when the run must stop (the writer is gone).
        // `more_follow`: at least a batch's worth of its file is still to come, so that a full
        // batch may be offered to the workers with no file left.
        auto take_article = [&](Article& article, bool more_follow) -> bool {
            const SourceState state = store ? store->source_state(article.source_key, article.content_hash) : SourceState::fresh;
            if (state == SourceState::unchanged) {
                ++counts.articles_unchanged;
                return true;
            }
            (state == SourceState::fresh ? counts.articles_new : counts.articles_changed)++;
            counts.text_bytes += static_cast<std::int64_t>(article.title.size() + article.text.size());
            Document& doc = batch.emplace_back();
            doc.article = std::move(article);
            batch_bytes += doc.article.text.size();
            if (batch_bytes < annotate_batch_bytes) return true;
            if (pipeline && more_follow && shared_batches.offer(batch)) {
                batch.clear();   // moved out
                batch_bytes = 0;
                return true;
            }
            return flush();
        };
        auto report_issues = [&](std::vector<ImportIssue>& issues) {
            for (const auto& issue : issues) {
                report(source.path, issue.where, issue.reason);
                ++counts.record_issues;
            }
            issues.clear();
        };
        // A JSON Lines file, read and parsed a piece at a time: its records go on as they come,
        // so the file is never held whole, whatever its size (importers/jsonl_stream.hpp).
        auto stream_file = [&](std::size_t i, std::size_t end) -> bool {
            const int fd = reader.open(i, error, end);
            if (fd < 0) {
                report(source.path, "", error);
                ++counts.failed_files;
                return true;
            }
            const FdCloser closer{fd};
            const auto size = static_cast<std::uint64_t>(std::max<off_t>(0, ::lseek(fd, 0, SEEK_END)));
            (void)::lseek(fd, 0, SEEK_SET);
            FdSource raw(fd);
            JsonlStream stream(raw, source);
            streamed_size.store(size, std::memory_order_relaxed);
            streamed_bytes.store(0, std::memory_order_relaxed);
            streamed_file.store(i, std::memory_order_release);
            std::uint64_t told = 0;
            std::vector<ImportIssue> issues;
            Article article;
            for (;;) {
                bool got = false;
                try {
                    got = stream.next(article, issues);
                } catch (const std::exception& e) {   // the file cannot be read on: what came before stays
                    report_issues(issues);
                    report(source.path, "", e.what());
                    ++counts.failed_files;
                    return true;
                }
                report_issues(issues);
                if (!got) return true;
                // A batch's worth of bytes still unread: about as much text when plain, more when gzip.
                const std::uint64_t read = stream.raw_bytes_read();
                if (read - told >= (std::uint64_t{1} << 20)) {
                    streamed_bytes.store(read, std::memory_order_relaxed);
                    told = read;
                }
                const std::uint64_t unread = size - std::min(size, read);
                if (!take_article(article, unread >= annotate_batch_bytes)) return false;
            }
        };
        // File i of a run ending at `end`; false when the run must stop (the writer is gone).
        auto import_file = [&](std::size_t i, std::size_t end) -> bool {
            ++counts.files;
            source.path = files[i];
            source.extension = lower_extension(source.path);
            if (streams_records(source.path)) return stream_file(i, end);
            bool too_large = false;
            const bool read = reader.read(i, bytes, error, end, &too_large);
            if (!read && too_large && streams_when_large(source.path)) return stream_file(i, end);
            if (!read) {
                report(source.path, "", error);
                ++counts.failed_files;
                return true;
            }
            FileImport imported;
            try {
                imported = import_bytes(bytes, source);
            } catch (const std::exception& e) {   // ImportError, or anything else this file caused
                report(source.path, "", e.what());
                ++counts.failed_files;
                return true;
            }
            report_issues(imported.result.issues);
            // The file's text not yet batched: while a batch's worth is left after a full batch,
            // that batch is offered to the workers with no file left.
            std::size_t file_left = 0;
            for (const auto& article : imported.result.articles) file_left += article.text.size();
            for (auto& article : imported.result.articles) {
                file_left -= article.text.size();
                if (!take_article(article, file_left >= annotate_batch_bytes)) return false;
            }
            return true;
        };
        // The progress line's counters are shared by the workers: told once every 16 files (a
        // write to a line the other core also writes costs a transfer between the cores).
        constexpr std::size_t progress_step = 16;
        std::size_t untold = 0;   // files done since files_done was last told
        for (auto [begin, end] = runs.take(); begin < end; std::tie(begin, end) = runs.take()) {
            for (std::size_t i = begin; i < end; ++i) {
                if (untold == 0) file_shown.store(i, std::memory_order_relaxed);
                const bool go_on = !stopping && import_file(i, end);
                if (++untold == progress_step || i + 1 == end || !go_on) {
                    files_done.fetch_add(untold, std::memory_order_relaxed);
                    untold = 0;
                }
                if (!go_on) return;
            }
        }
        flush(true);
        giving.done();
        // Then the batches that workers still reading a many-record file offer.
        while (auto docs = shared_batches.take())
            if (stopping || !use_pipeline() || !send(*docs)) return;
    };
    for (unsigned w = 0; w < workers_n; ++w) {
        workers.emplace_back([&, w] {
            try {
                work(w);
            } catch (...) {
                {
                    std::lock_guard lock(worker_error_mutex);
                    if (!worker_error) worker_error = std::current_exception();
                }
                stopping = true;
                to_write.close();
            }
        });
    }
    std::exception_ptr writer_error;
    std::thread writer([&] {
        try {
            std::size_t in_batch = 0;
            bool open = false;
            bool ending_told = false;
            auto batch_started = std::chrono::steady_clock::now();
            // Documents taken off the queue while the store would wait to begin the next batch
            // (SQLite copying its WAL): the workers keep room in the queue and go on.
            std::vector<WriteBatch> held;
            const std::size_t max_held = writer_batches_per_worker * workers_n;
            auto write = [&](WriteBatch&& batch) {
                if (batch.prepared) writer_store->put_all(batch.docs, *batch.prepared);
                else writer_store->put_all(batch.docs);
                in_batch += batch.docs.size();
                WrittenBatches& back = written[batch.worker];
                std::lock_guard lock(back.mutex);
                back.batches.push_back(std::move(batch));
            };
            auto open_batch = [&] {
                writer_store->begin_batch();
                open = true;
                in_batch = 0;
                batch_started = std::chrono::steady_clock::now();
                for (auto& h : held) write(std::move(h));
                held.clear();
            };
            while (auto docs = to_write.pop()) {
                if (!open) {
                    if (held.size() < max_held && writer_store->batch_would_wait()) {
                        held.push_back(std::move(*docs));
                        continue;
                    }
                    open_batch();
                }
                write(std::move(*docs));
                // The last files are being read: the store does what its bulk load left for the
                // end (SQLite: builds an index) while the workers annotate them, in this batch.
                if (store_was_empty && !ending_told && runs.all_taken()) {
                    writer_store->bulk_load_ending();
                    ending_told = true;
                }
                if (in_batch >= batch_size || std::chrono::steady_clock::now() - batch_started >= batch_time) {
                    writer_store->commit_batch();
                    open = false;
                }
            }
            if (!open && !held.empty()) open_batch();
            if (open) writer_store->commit_batch();
        } catch (...) {
            writer_error = std::current_exception();
            stopping = true;
            to_write.close();
        }
    });

    if (progress.enabled()) {
        while (files_done.load(std::memory_order_relaxed) < files.size() && !stopping) {
            std::this_thread::sleep_for(Progress::interval / 4);
            const std::size_t shown = file_shown.load(std::memory_order_relaxed);
            std::lock_guard lock(log_mutex);
            if (shown >= files.size()) continue;
            std::string within;
            if (streamed_file.load(std::memory_order_acquire) == shown) {
                const std::uint64_t size = streamed_size.load(std::memory_order_relaxed);
                const std::uint64_t read = std::min(size, streamed_bytes.load(std::memory_order_relaxed));
                if (size >= (std::uint64_t{1} << 20)) within = " (" + std::to_string(read >> 20) + " of " + std::to_string(size >> 20) + " MB)";
            }
            progress.update(files_done.load(std::memory_order_relaxed), files.size(), files[shown], within);
        }
    }
    for (auto& w : workers) w.join();
    to_write.close();
    writer.join();
    // What the database now holds, counted on the writer's connection before a bulk load ends
    // (the return to the WAL empties its cache): its cache holds the indexes it just wrote. A
    // second connection opened for the summary, with the WAL files it sets up and the index
    // pages it reads again, was 15 ms of a 0.9 s Reuters import, after the last article.
    if (!writer_error && !worker_error) {
        try {
            const StoreCounts stored = writer_store->article_counts();
            summary.stored_articles = stored.articles;
            summary.stored_sources = stored.sources;
        } catch (...) {
            writer_error = std::current_exception();
        }
    }
    writer_store->end_bulk_load();
    progress.finish();
    if (worker_error) std::rethrow_exception(worker_error);
    (void)pipeline_loaded.get();   // a pipeline that could not load fails the run, even with no article to annotate
    if (writer_error) std::rethrow_exception(writer_error);
    for (const auto& part : worker_counts) add(summary, part.counts);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

void print_summary(const ImportSummary& s, const std::string& db, std::ostream& out) {
    out << "Imported into " << db << ": " << s.files << " files read; articles " << s.articles_new << " new, "
        << s.articles_changed << " changed, " << s.articles_unchanged << " unchanged; " << s.failed_files
        << " files failed";
    if (s.record_issues) out << ", " << s.record_issues << " records skipped";
    out << ".\n";
    if (s.text_bytes > 0 && s.seconds > 0) {
        const double mb = static_cast<double>(s.text_bytes) / 1e6;
        out << "Annotated " << mb << " MB of article text in " << s.seconds << " s (" << mb / s.seconds << " MB/s).\n";
    }
    // Totals of the whole database would mean reading every stored layer: seconds for a large
    // archive, after an import of one file. `storyline stats` gives them.
    out << "Database now holds " << s.stored_articles << " articles (" << s.stored_sources << " sources). This import wrote "
        << s.timexes << " temporal expressions, " << s.entities << " entity mentions and " << s.events
        << " event mentions; `storyline stats` counts the distinct persons, organisations and places.\n";
}

} // namespace storyline::cli
