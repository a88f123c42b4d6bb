#include "cli/dry_run.hpp"

#include "cli/input_files.hpp"

#include "importers/import_bytes.hpp"
#include "importers/jsonl_stream.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <filesystem>

namespace storyline::cli {
namespace {

// Tabs and newlines inside a field would break the TSV.
std::string field(std::string_view s) {
    std::string out(s);
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return out;
}

void write_json(const Article& a, std::ostream& out) {
    rapidjson::OStreamWrapper os(out);
    rapidjson::Writer<rapidjson::OStreamWrapper> w(os);
    w.StartObject();
    auto put = [&](const char* key, const std::string& value) {
        w.Key(key);
        w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
    };
    put("id", a.id);
    put("path", a.source_key);
    put("format", a.format);
    put("lang", a.lang);
    put("date", a.published.value);
    put("date_source", a.published.source);
    put("url", a.url);
    put("author", a.author);
    put("source", a.source_name);
    put("title", a.title);
    put("text", a.text);
    w.EndObject();
    os.Flush();
    out << '\n';
}

} // namespace

DryRunSummary run_dry_run(const ImportOptions& options, DryRunFormat format, std::ostream& out, std::ostream& log) {
    DryRunSummary summary;
    std::vector<std::string> walk_errors;
    const auto files = collect_inputs(options.inputs, walk_errors);
    for (const auto& e : walk_errors) {
        log << "storyline import: " << e << '\n';
        ++summary.failed_files;
    }
    for (const auto& path : files) {
        ++summary.files;
        SourceInfo src;
        src.path = path;
        src.extension = lower_extension(path);
        src.forced_lang = options.lang == "auto" ? std::string() : options.lang;
        src.forced_date = options.date;
        std::string error;
        auto skipped = [&](const std::string& where, const std::string& reason) {
            log << "storyline import: " << src.path << (where.empty() ? "" : " (" + where + ")") << ": " << reason << " (skipped)\n";
        };
        auto show = [&](const Article& a) {
            ++summary.articles;
            if (format == DryRunFormat::jsonl) {
                write_json(a, out);
            } else if (format == DryRunFormat::tsv) {
                out << field(a.source_key) << '\t' << a.published.day() << '\t' << a.lang << '\t' << a.format << '\t'
                    << a.published.source << '\n';
            } else {
                out << a.source_key << "  " << a.format << "  " << (a.lang.empty() ? "?" : a.lang) << "  "
                    << (a.published.known() ? a.published.value + " (" + a.published.source + ")" : "no date") << "  "
                    << field(a.title.substr(0, 80)) << '\n';
            }
        };
        auto show_issues = [&](std::vector<ImportIssue>& issues) {
            for (const auto& issue : issues) skipped(issue.where, issue.reason);
            summary.record_issues += static_cast<std::int64_t>(issues.size());
            issues.clear();
        };
        std::error_code size_error;
        const bool large = streams_when_large(path) && std::filesystem::file_size(path, size_error) > max_file_bytes && !size_error;
        if (streams_records(path) || large) {   // as a real import reads it: a piece at a time
            const int fd = open_stream_file(path, error);
            if (fd < 0) {
                skipped("", error);
                ++summary.failed_files;
                continue;
            }
            const FdCloser closer{fd};
            FdSource raw(fd);
            JsonlStream stream(raw, src);
            std::vector<ImportIssue> issues;
            Article a;
            try {
                while (stream.next(a, issues)) {
                    show_issues(issues);
                    show(a);
                }
                show_issues(issues);
            } catch (const ImportError& e) {
                show_issues(issues);
                skipped("", e.what());
                ++summary.failed_files;
            }
            continue;
        }
        std::string bytes;
        if (!read_file(path, bytes, error)) {   // the reasons a real import gives
            skipped("", error);
            ++summary.failed_files;
            continue;
        }
        FileImport imported;
        try {
            imported = import_bytes(bytes, src);
        } catch (const ImportError& e) {
            skipped("", e.what());
            ++summary.failed_files;
            continue;
        }
        show_issues(imported.result.issues);
        for (const auto& a : imported.result.articles) show(a);
    }
    return summary;
}

} // namespace storyline::cli
