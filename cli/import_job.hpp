#pragma once
// The import run shared by `import` and `run`: walks the inputs, reads each file through the
// importers, annotates new or changed articles and stores them in batches. One bad file is
// reported and skipped; it never stops the run.
#include "cli/shard.hpp"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace storyline::cli {

struct ImportOptions {
    std::vector<std::string> inputs;
    std::string db = "storyline.db";
    std::string lang = "auto";   // auto | fr | en | ...
    std::string date;            // YYYY-MM-DD for articles without a date of their own
    bool quiet = false;
    unsigned threads = 0;        // annotation threads; 0 = one per core
    Shard shard;                 // --shard K/N: this worker's part of the files
};

struct ImportSummary {
    std::int64_t files = 0, failed_files = 0, record_issues = 0;
    std::int64_t articles_new = 0, articles_changed = 0, articles_unchanged = 0;
    std::int64_t timexes = 0, entities = 0, events = 0;   // annotations added by this run
    std::int64_t text_bytes = 0;                            // title + body bytes of new/changed articles
    std::int64_t stored_articles = 0, stored_sources = 0;   // what the database holds after the run
    double seconds = 0;
    [[nodiscard]] bool clean() const { return failed_files == 0 && record_issues == 0; }
};

ImportSummary run_import(const ImportOptions& options, std::ostream& log);
void print_summary(const ImportSummary& s, const std::string& db, std::ostream& out);

} // namespace storyline::cli
