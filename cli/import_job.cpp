#include "cli/import_job.hpp"

#include "annotators/pipeline.hpp"
#include "importers/import_bytes.hpp"
#include "core/util/bounded_queue.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <future>
#include <iostream>
#include <sstream>
#include <thread>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace storyline::cli {
namespace {

// A transaction ends after this many articles or this long, whichever comes first. Ids are
// content hashes, so each batch touches leaves all over the id indexes and every commit writes
// them again: larger batches wrote 19 % fewer pages for Reuters (88,000 → 71,000 page writes
// against 512 articles a batch). The time bound keeps what a killed import loses to about a
// second of work.
constexpr std::size_t batch_size = 4096;
constexpr auto batch_time = std::chrono::seconds(1);
constexpr std::size_t queue_depth_per_worker = 32;
// Annotated articles waiting for the writer. Deeper than the file queue: while the writer
// commits (its pages, a WAL checkpoint, an fsync: 0.03-0.06 s each time) the workers go on
// instead of waiting for room. 512 rather than 64 for two workers took a Reuters import from
// 3.49 s to 2.93-3.12 s (docs/performance.md), for about 5 MB more memory.
constexpr std::size_t writer_queue_per_worker = 256;
constexpr auto progress_interval = std::chrono::milliseconds(200);
// Larger files are refused before being read: memory stays bounded whatever lies in the folder.
constexpr std::uintmax_t max_file_bytes = std::uintmax_t{64} << 20;

std::string lower_extension(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// One open, fstat and read per file: a file's name is looked up once, and no stream is built
// (std::filesystem::file_size then std::ifstream looked the path up twice and set up a filebuf
// for each of Reuters' 21,578 files). O_NONBLOCK: something swapped for a FIFO since the folder
// was listed is refused by fstat instead of blocking the import.
bool read_file(const std::filesystem::path& p, std::string& bytes, std::string& error) {
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {   // e.g. removed since the folder was listed
        error = std::string("cannot read file: ") + std::strerror(errno);
        return false;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        error = std::string("cannot read file: ") + std::strerror(errno);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        error = "not a regular file (FIFO, socket or device; not read)";
        return false;
    }
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > max_file_bytes) {
        error = "file too large (" + std::to_string(size >> 20) + " MB; the limit is " +
                std::to_string(max_file_bytes >> 20) + " MB)";
        return false;
    }
    bytes.resize(size);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, bytes.data() + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    if (done != size) {
        error = "read error (file changed while being read?)";
        return false;
    }
    return true;
}

class Progress {
public:
    explicit Progress(bool enabled) : m_enabled(enabled && ::isatty(2)) {}
    void update(std::size_t done, std::size_t total, const std::string& path) {
        if (!m_enabled) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < progress_interval && done != total) return;
        m_last = now;
        std::string shown = path.size() > 60 ? "…" + path.substr(path.size() - 59) : path;
        std::cerr << "\r\033[K[" << done << "/" << total << "] " << shown << std::flush;
    }
    void finish() {
        if (m_enabled) std::cerr << "\r\033[K" << std::flush;
    }

private:
    bool m_enabled;
    std::chrono::steady_clock::time_point m_last{};
};

// A directory symlink that points at one of its own ancestors (walking it would never end).
bool links_to_ancestor(const std::filesystem::path& link) {
    std::error_code ec;
    const auto target = std::filesystem::canonical(link, ec);
    if (ec) return true;   // unresolvable: treat as a loop, it cannot be walked anyway
    const auto parent = std::filesystem::canonical(link.parent_path(), ec);
    if (ec) return false;
    const auto mismatch = std::mismatch(target.begin(), target.end(), parent.begin(), parent.end());
    return mismatch.first == target.end();
}

} // namespace

std::vector<std::filesystem::path> collect_inputs(const std::vector<std::string>& inputs, std::vector<std::string>& errors) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const auto& input : inputs) {
        std::error_code ec;
        const fs::path root(input);
        const auto status = fs::status(root, ec);
        if (ec || !fs::exists(status)) {
            errors.push_back(input + ": no such file or folder");
            continue;
        }
        if (fs::is_regular_file(status)) {
            files.push_back(root);
            continue;
        }
        if (!fs::is_directory(status)) {
            errors.push_back(input + ": not a regular file or folder");
            continue;
        }
        // Directory symlinks are not followed, so a symlink loop cannot trap the walk.
        fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
        if (ec) {
            errors.push_back(input + ": cannot read folder: " + ec.message());
            continue;
        }
        while (it != end) {
            fs::path p = it->path();
            std::error_code entry_ec;
            const std::string_view name = p.native();
            const bool hidden = name.substr(name.rfind('/') + 1).starts_with('.');  // npos + 1 == 0
            const bool link = it->is_symlink(entry_ec);
            bool article = false;
            if (it->is_directory(entry_ec)) {
                if (hidden) it.disable_recursion_pending();
                else if (link && links_to_ancestor(p))
                    errors.push_back(p.string() + ": symbolic link loop (links to a folder that contains it; not followed)");
                else if (::access(p.c_str(), R_OK | X_OK) != 0) {
                    errors.push_back(p.string() + ": cannot read folder: permission denied");
                    it.disable_recursion_pending();
                }
            } else if (hidden) {
                // dot-files are editor and tool leftovers
            } else if (it->is_regular_file(entry_ec)) {
                article = true;
            } else if (link) {
                errors.push_back(p.string() + (entry_ec == std::errc::too_many_symbolic_link_levels
                                                   ? ": symbolic link loop"
                                                   : ": broken symbolic link (its target does not exist)"));
            } else {
                // Reading a FIFO would block the import forever; devices and sockets are no articles.
                errors.push_back(p.string() + ": not a regular file (FIFO, socket or device; not read)");
            }
            it.increment(ec);
            if (ec) {
                errors.push_back(p.string() + ": " + ec.message());
                ec.clear();
            }
            if (article) files.push_back(std::move(p));
        }
    }
    // The order of std::filesystem::path (element by element) on the plain strings: a separator
    // sorts before any other byte. path::compare splits both paths into elements at every call,
    // which made the sort most of the walk's cost (1,500 files: 18 M instructions).
    auto before = [](const fs::path& a, const fs::path& b) {
        const std::string_view x = a.native(), y = b.native();
        const std::size_t n = std::min(x.size(), y.size());
        for (std::size_t i = 0; i < n; ++i) {
            if (x[i] == y[i]) continue;
            if (x[i] == '/') return true;
            if (y[i] == '/') return false;
            return static_cast<unsigned char>(x[i]) < static_cast<unsigned char>(y[i]);
        }
        return x.size() < y.size();
    };
    std::sort(files.begin(), files.end(), before);
    files.erase(std::unique(files.begin(), files.end(),
                            [](const fs::path& a, const fs::path& b) { return a.native() == b.native(); }),
                files.end());
    return files;
}

namespace {

// One file read by the reader thread, parsed and annotated by a worker.
struct FileJob {
    SourceInfo source;
    std::string bytes;
};

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
    // The folders are walked while the pipeline loads its language data: both come before the
    // first article can be annotated, and neither needs the other.
    auto walk = std::async(std::launch::async, [&] {
        return select_shard(collect_inputs(options.inputs, walk_errors), options.shard);
    });
    const Pipeline pipeline;
    const auto files = walk.get();
    for (const auto& e : walk_errors) {
        log << "storyline import: " << e << '\n';
        ++summary.failed_files;
    }
    // Three stages: this thread only reads files; N workers parse them (importers), ask the
    // store whether each article is new or changed, and annotate it; one writer owns the
    // database. Parsing is as costly as a stage of annotation, so it runs on every core too.
    // Queues are bounded, so memory stays flat however large the input is. Each worker checks
    // "unchanged" through its own connection (WAL lets it read while the writer writes).
    auto writer_store = open_store(options.db);
    const unsigned workers_n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // Into an empty store every source is new (the file list has no duplicates): no question
    // per article, which cost 5 % of a Reuters import's CPU, and no reading connections.
    const bool store_was_empty = !writer_store->has_sources();
    std::vector<std::unique_ptr<Store>> reader_stores;
    if (!store_was_empty)
        for (unsigned w = 0; w < workers_n; ++w) reader_stores.push_back(open_store(options.db));
    BoundedQueue<FileJob> to_parse(queue_depth_per_worker * workers_n);
    BoundedQueue<Document> to_write(writer_queue_per_worker * workers_n);
    std::mutex log_mutex;
    auto report = [&](const std::string& path, const std::string& where, const std::string& reason) {
        std::lock_guard lock(log_mutex);
        log << "storyline import: " << path << (where.empty() ? "" : " (" + where + ")") << ": " << reason << " (skipped)\n";
    };

    std::vector<ImportSummary> worker_counts(workers_n);
    std::vector<std::thread> workers;
    // A failure that is not one file's (the database went away) stops the run: the first one is
    // kept and rethrown on this thread, which reports it; an exception must never leave a thread.
    std::exception_ptr worker_error;
    std::mutex worker_error_mutex;
    auto work = [&](unsigned w) {
        ImportSummary& counts = worker_counts[w];
        Store* store = store_was_empty ? nullptr : reader_stores[w].get();
        while (auto job = to_parse.pop()) {
            FileImport imported;
            try {
                imported = import_bytes(job->bytes, job->source);
            } catch (const std::exception& e) {   // ImportError, or anything else this file caused
                report(job->source.path, "", e.what());
                ++counts.failed_files;
                continue;
            }
            job->bytes = std::string();   // the articles hold what is needed now
            for (const auto& issue : imported.result.issues) {
                report(job->source.path, issue.where, issue.reason);
                ++counts.record_issues;
            }
            for (auto& article : imported.result.articles) {
                const SourceState state = store ? store->source_state(article.source_key, article.content_hash) : SourceState::fresh;
                if (state == SourceState::unchanged) {
                    ++counts.articles_unchanged;
                    continue;
                }
                (state == SourceState::fresh ? counts.articles_new : counts.articles_changed)++;
                counts.text_bytes += static_cast<std::int64_t>(article.title.size() + article.text.size());
                Document doc;
                doc.article = std::move(article);
                try {
                    pipeline.annotate(doc);
                } catch (const std::exception& e) {
                    report(doc.article.source_key, "", std::string("annotation failed: ") + e.what());
                    continue;
                }
                if (!to_write.push(std::move(doc))) return;
            }
        }
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
                to_parse.close();
                to_write.close();
            }
        });
    }
    ImportSummary written;
    std::exception_ptr writer_error;
    std::thread writer([&] {
        try {
            std::size_t in_batch = 0;
            bool open = false;
            auto batch_started = std::chrono::steady_clock::now();
            // Documents taken off the queue while the store would wait to begin the next batch
            // (SQLite copying its WAL): the workers keep room in the queue and go on.
            std::vector<Document> held;
            const std::size_t max_held = writer_queue_per_worker * workers_n;
            auto write = [&](const Document& doc) {
                writer_store->put(doc);
                written.timexes += static_cast<std::int64_t>(doc.timexes.size());
                written.entities += static_cast<std::int64_t>(doc.entities.size());
                written.events += static_cast<std::int64_t>(doc.events.size());
                ++in_batch;
            };
            auto open_batch = [&] {
                writer_store->begin_batch();
                open = true;
                in_batch = 0;
                batch_started = std::chrono::steady_clock::now();
                for (const Document& h : held) write(h);
                held.clear();
            };
            while (auto doc = to_write.pop()) {
                if (!open) {
                    if (held.size() < max_held && writer_store->batch_would_wait()) {
                        held.push_back(std::move(*doc));
                        continue;
                    }
                    open_batch();
                }
                write(*doc);
                if (in_batch >= batch_size || std::chrono::steady_clock::now() - batch_started >= batch_time) {
                    writer_store->commit_batch();
                    open = false;
                }
            }
            if (!open && !held.empty()) open_batch();
            if (open) writer_store->commit_batch();
        } catch (...) {
            writer_error = std::current_exception();
            to_write.close();
            to_parse.close();
        }
    });

    Progress progress(!options.quiet);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& path = files[i];
        progress.update(i + 1, files.size(), path.string());
        ++summary.files;
        FileJob job;
        job.source.path = path.string();
        job.source.extension = lower_extension(path);
        job.source.forced_lang = options.lang == "auto" ? std::string() : options.lang;
        job.source.forced_date = options.date;
        std::string error;
        if (!read_file(path, job.bytes, error)) {
            report(job.source.path, "", error);
            ++summary.failed_files;
            continue;
        }
        if (!to_parse.push(std::move(job))) break;   // closed: the writer or a worker failed
    }
    to_parse.close();
    for (auto& w : workers) w.join();
    to_write.close();
    writer.join();
    progress.finish();
    if (worker_error) std::rethrow_exception(worker_error);
    if (writer_error) std::rethrow_exception(writer_error);
    for (const auto& part : worker_counts) add(summary, part);
    summary.timexes = written.timexes;
    summary.entities = written.entities;
    summary.events = written.events;
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
    auto store = open_store(db);
    const auto c = store->article_counts();
    out << "Database now holds " << c.articles << " articles (" << c.sources << " sources). This import wrote "
        << s.timexes << " temporal expressions, " << s.entities << " entity mentions and " << s.events
        << " event mentions; `storyline stats` counts the distinct persons, organisations and places.\n";
}

} // namespace storyline::cli
