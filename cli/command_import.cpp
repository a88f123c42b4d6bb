#include "cli/commands_list.hpp"
#include "cli/dry_run.hpp"
#include "cli/import_job.hpp"
#include "cli/shard.hpp"
#include "importers/publication_date.hpp"

#include <iostream>

namespace storyline::cli {
namespace {

class ImportCommand final : public Command {
public:
    std::string_view name() const override { return "import"; }
    std::string_view description() const override {
        return "Import article files or folders (recursively) into the database";
    }
    void setup(CLI::App& app) override {
        app.add_option("paths", m_opts.inputs, "Files or folders to import (folders are walked recursively)")
            ->required();
        app.add_option("--db", m_opts.db, "Database: a file (created if missing), or postgresql://user@host/db (postgresql: alone = PG* variables)")->capture_default_str();
        app.add_option("--lang", m_opts.lang, "Language of the articles: auto (detect), or a code such as fr, en")
            ->capture_default_str();
        app.add_option("--date", m_opts.date, "Publication date (YYYY-MM-DD) for articles that carry none")
            ->check(CLI::Validator(valid_date, "YYYY-MM-DD", "date"));
        app.add_flag("-q,--quiet", m_opts.quiet, "No progress line");
        app.add_flag("-n,--dry-run", m_dry_run,
                     "List what would be imported (one line per article: path, format, language, date and its source) "
                     "without touching the database");
        app.add_flag("--tsv", m_tsv, "With --dry-run: path<TAB>YYYY-MM-DD<TAB>lang<TAB>format<TAB>date_source lines");
        app.add_flag("--jsonl", m_jsonl, "With --dry-run: one JSON record per article, body text included");
        app.add_option("-j,--threads", m_opts.threads, "Annotation threads (default: one per core)");
        app.add_option("--shard", m_shard,
                       "Import only part K of N of the files (by path hash), e.g. 2/4: N workers, same paths, "
                       "one database (see docs/scale-out.md)")
            ->check(CLI::Validator(valid_shard, "K/N", "shard"));
        app.footer("Exit status: 0 when every file was imported, 1 when some failed (each is named on stderr), 2 on usage errors.\n"
                   "Importing the same files again reports them unchanged; a changed file replaces its old annotations.\n"
                   "Files are read whole, up to 64 MB each; JSON Lines files (.jsonl, .ndjson, also .gz) are read as a stream, of any\n"
                   "size, and so are larger .json files (one JSON array, or JSON Lines).");
    }
    int run() override {
        if (!m_shard.empty()) m_opts.shard = *parse_shard(m_shard);
        if (m_dry_run || m_tsv || m_jsonl) {
            const auto format = m_jsonl ? DryRunFormat::jsonl : m_tsv ? DryRunFormat::tsv : DryRunFormat::plain;
            const DryRunSummary d = run_dry_run(m_opts, format, std::cout, std::cerr);
            return d.clean() ? ExitCode::ok : ExitCode::partial_failure;
        }
        const ImportSummary s = run_import(m_opts, std::cerr);
        print_summary(s, m_opts.db, std::cout);
        return s.clean() ? ExitCode::ok : ExitCode::partial_failure;
    }

    static std::string valid_date(std::string& v) {
        const auto d = normalise_publication_date(v);
        return d && d->size() == 10 ? std::string() : "expected a calendar date YYYY-MM-DD, got '" + v + "'";
    }

    static std::string valid_shard(std::string& v) {
        return parse_shard(v) ? std::string() : "expected K/N with 1 <= K <= N, got '" + v + "'";
    }

private:
    ImportOptions m_opts;
    bool m_dry_run = false, m_tsv = false, m_jsonl = false;
    std::string m_shard;
};

} // namespace

std::unique_ptr<Command> make_import_command() { return std::make_unique<ImportCommand>(); }

} // namespace storyline::cli
