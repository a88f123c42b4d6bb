#include "annotators/pipeline.hpp"
#include "cli/annotate_record.hpp"
#include "cli/commands_list.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace storyline::cli {
namespace {

class AnnotateCommand final : public Command {
public:
    std::string_view name() const override { return "annotate"; }
    std::string_view description() const override {
        return "Annotate JSONL documents {id, lang, dct, text}: one JSONL line of timex, entities, events each";
    }
    void setup(CLI::App& app) override {
        app.add_option("input", m_input, "JSONL file (default: standard input)");
        app.add_option("-o,--output", m_output, "Output file, - for standard output")->capture_default_str();
        app.add_option("-j,--threads", m_threads, "Annotation threads (default: one per core)");
        app.footer("Offsets are UTF-8 byte offsets into \"text\". Fields other than id, lang, dct and text are ignored.\n"
                   "The output is what ../shared/tools/timex_score.py and entity_score.py read.");
    }
    int run() override {
        std::ifstream file;
        std::istream* in = &std::cin;
        if (!m_input.empty() && m_input != "-") {
            file.open(m_input, std::ios::binary);
            if (!file) throw std::runtime_error(m_input + ": cannot open");
            in = &file;
        }
        std::ofstream out_file;
        std::ostream* out = &std::cout;
        if (m_output != "-") {
            out_file.open(m_output, std::ios::binary | std::ios::trunc);
            if (!out_file) throw std::runtime_error(m_output + ": cannot write");
            out = &out_file;
        }
        const Pipeline pipeline;
        const unsigned threads = m_threads ? m_threads : std::max(1u, std::thread::hardware_concurrency());
        const std::string where = m_input.empty() ? std::string("stdin") : m_input;
        // Lines are annotated on every core through a bounded window of chunks and written in
        // input order: the output is the same whatever the number of threads, memory holds the
        // window, and no core waits for the slowest line of a batch. Chunks of lines keep the
        // thread hand-overs (a futex each) rare.
        struct Item {
            std::size_t line_no = 0;
            std::string line, output, error;
            bool ok = false;
        };
        struct Chunk {
            std::vector<Item> items;
            bool done = false;
        };
        std::deque<std::unique_ptr<Chunk>> window;   // not yet written, in input order
        std::size_t first_seq = 0;                    // sequence number of window.front()
        std::size_t next_seq = 0;                     // next chunk a worker takes
        unsigned idle = 0;                            // workers waiting for a chunk
        bool closed = false;
        std::mutex mutex;
        std::condition_variable work_ready, front_done;
        int failures = 0;
        // Runs on pool threads: whatever one line causes is reported for that line, never thrown.
        // A chunk's documents go through the pipeline together, stage by stage (Pipeline).
        auto process = [&](Chunk& chunk) {
            std::vector<Document> docs;
            std::vector<Item*> of;   // the item each document comes from
            docs.reserve(chunk.items.size());
            for (auto& item : chunk.items) {
                try {
                    auto doc = parse_annotate_line(item.line, item.error);
                    if (!doc) continue;
                    docs.push_back(std::move(*doc));
                    of.push_back(&item);
                } catch (const std::exception& e) {
                    item.error = std::string("annotation failed: ") + e.what();
                }
            }
            std::vector<bool> failed(docs.size(), false);
            pipeline.annotate(docs, [&](std::size_t i, const std::string& reason) {
                of[i]->error = "annotation failed: " + reason;
                failed[i] = true;
            });
            for (std::size_t i = 0; i < docs.size(); ++i) {
                if (failed[i]) continue;
                try {
                    of[i]->output = annotation_json(docs[i]);
                    of[i]->ok = true;
                } catch (const std::exception& e) {
                    of[i]->error = std::string("annotation failed: ") + e.what();
                }
            }
        };
        auto worker = [&] {
            std::unique_lock lock(mutex);
            while (true) {
                ++idle;
                work_ready.wait(lock, [&] { return closed || next_seq < first_seq + window.size(); });
                --idle;
                if (next_seq >= first_seq + window.size()) return;   // closed and drained
                const std::size_t seq = next_seq++;
                Chunk& chunk = *window[seq - first_seq];
                lock.unlock();
                process(chunk);
                lock.lock();
                chunk.done = true;
                if (seq == first_seq) front_done.notify_one();   // only the front is waited for
            }
        };
        // Writes the finished chunks at the front of the window; with `all`, waits for the rest.
        auto write_ready = [&](std::unique_lock<std::mutex>& lock, bool all) {
            while (!window.empty()) {
                if (!window.front()->done) {
                    if (!all) return;
                    front_done.wait(lock, [&] { return window.front()->done; });
                }
                auto chunk = std::move(window.front());
                window.pop_front();
                ++first_seq;
                lock.unlock();
                for (const auto& item : chunk->items) {
                    if (!item.ok) {
                        std::cerr << "storyline annotate: " << where << " line " << item.line_no << ": "
                                  << (item.error.empty() ? "unreadable line" : item.error) << " (skipped)\n";
                        ++failures;
                    } else {
                        *out << item.output << '\n';
                    }
                }
                lock.lock();
            }
        };
        auto submit = [&](std::unique_ptr<Chunk> chunk) {
            std::unique_lock lock(mutex);
            if (window.size() >= window_chunks) {
                // Full: wait for the oldest chunk, then write what is done.
                front_done.wait(lock, [&] { return window.front()->done; });
            }
            write_ready(lock, false);
            window.push_back(std::move(chunk));
            if (idle > 0) work_ready.notify_one();
        };
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
        auto stop_pool = [&] {
            {
                std::lock_guard lock(mutex);
                closed = true;
            }
            work_ready.notify_all();
            for (auto& t : pool) t.join();
        };
        std::string line;
        std::size_t line_no = 0;
        try {
            auto chunk = std::make_unique<Chunk>();
            while (std::getline(*in, line)) {
                ++line_no;
                if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
                chunk->items.push_back(Item{line_no, std::move(line), {}, {}, false});
                if (chunk->items.size() == chunk_lines) {
                    submit(std::move(chunk));
                    chunk = std::make_unique<Chunk>();
                }
            }
            if (!chunk->items.empty()) submit(std::move(chunk));
            std::unique_lock lock(mutex);
            closed = true;
            work_ready.notify_all();
            write_ready(lock, true);
        } catch (...) {
            stop_pool();
            throw;
        }
        for (auto& t : pool) t.join();
        out->flush();
        return failures ? ExitCode::partial_failure : ExitCode::ok;
    }

private:
    static constexpr std::size_t chunk_lines = 16;
    static constexpr std::size_t window_chunks = 64;   // 1,024 lines in memory at most
    std::string m_input, m_output = "-";
    unsigned m_threads = 0;
};

} // namespace

std::unique_ptr<Command> make_annotate_command() { return std::make_unique<AnnotateCommand>(); }

} // namespace storyline::cli
