#pragma once
// `storyline import --dry-run`: what would be imported, one line per article, without opening
// the database.
#include "cli/import_job.hpp"

#include <ostream>

namespace storyline::cli {

struct DryRunSummary {
    std::int64_t files = 0, failed_files = 0, record_issues = 0, articles = 0;
    [[nodiscard]] bool clean() const { return failed_files == 0 && record_issues == 0; }
};

// Plain lines "path  format  lang  date  (date source)", or with `tsv`
// "path<TAB>YYYY-MM-DD<TAB>lang<TAB>format<TAB>date_source" (empty fields when unknown), the
// form tools/pubdate_score.py reads. Problems go to `log`, as in a real import.
// With `jsonl`, one JSON record per article with every field and the body text (the field names
// the json importer reads back).
enum class DryRunFormat { plain, tsv, jsonl };
DryRunSummary run_dry_run(const ImportOptions& options, DryRunFormat format, std::ostream& out, std::ostream& log);

} // namespace storyline::cli
