#include "annotators/pipeline.hpp"
#include "cli/annotate_record.hpp"
#include "cli/commands_list.hpp"

#include <algorithm>
#include <atomic>
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
        // Lines are annotated a batch at a time on every core and written in input order: the
        // output is the same whatever the number of threads, and memory holds one batch.
        struct Item {
            std::size_t line_no = 0;
            std::string line, output, error;
            bool ok = false;
        };
        std::vector<Item> batch;
        std::string line;
        std::size_t line_no = 0;
        int failures = 0;
        // Runs on pool threads: whatever one line causes is reported for that line, never thrown.
        auto process = [&](Item& item) {
            try {
                auto doc = parse_annotate_line(item.line, item.error);
                if (!doc) return;
                pipeline.annotate(*doc);
                item.output = annotation_json(*doc);
                item.ok = true;
            } catch (const std::exception& e) {
                item.error = std::string("annotation failed: ") + e.what();
            }
        };
        auto flush_batch = [&] {
            std::atomic<std::size_t> next{0};
            auto work = [&] {
                for (std::size_t k; (k = next++) < batch.size();) process(batch[k]);
            };
            std::vector<std::thread> pool;
            for (unsigned t = 1; t < std::min<std::size_t>(threads, batch.size()); ++t) pool.emplace_back(work);
            work();
            for (auto& t : pool) t.join();
            for (const auto& item : batch) {
                if (!item.ok) {
                    std::cerr << "storyline annotate: " << where << " line " << item.line_no << ": "
                              << (item.error.empty() ? "unreadable line" : item.error) << " (skipped)\n";
                    ++failures;
                } else {
                    *out << item.output << '\n';
                }
            }
            batch.clear();
        };
        while (std::getline(*in, line)) {
            ++line_no;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            batch.push_back(Item{line_no, std::move(line), {}, {}, false});
            if (batch.size() == batch_lines) flush_batch();
        }
        flush_batch();
        out->flush();
        return failures ? ExitCode::partial_failure : ExitCode::ok;
    }

private:
    static constexpr std::size_t batch_lines = 256;
    std::string m_input, m_output = "-";
    unsigned m_threads = 0;
};

} // namespace

std::unique_ptr<Command> make_annotate_command() { return std::make_unique<AnnotateCommand>(); }

} // namespace storyline::cli
