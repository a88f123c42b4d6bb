#include "annotators/pipeline.hpp"
#include "cli/annotate_record.hpp"
#include "cli/commands_list.hpp"

#include <fstream>
#include <iostream>

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
        std::string line;
        std::size_t line_no = 0;
        int failures = 0;
        const std::string where = m_input.empty() ? std::string("stdin") : m_input;
        while (std::getline(*in, line)) {
            ++line_no;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            std::string error;
            auto doc = parse_annotate_line(line, error);
            if (!doc) {
                std::cerr << "storyline annotate: " << where << " line " << line_no << ": " << error << " (skipped)\n";
                ++failures;
                continue;
            }
            pipeline.annotate(*doc);
            *out << annotation_json(*doc) << '\n';
        }
        out->flush();
        return failures ? ExitCode::partial_failure : ExitCode::ok;
    }

private:
    std::string m_input, m_output = "-";
};

} // namespace

std::unique_ptr<Command> make_annotate_command() { return std::make_unique<AnnotateCommand>(); }

} // namespace storyline::cli
