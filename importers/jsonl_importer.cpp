#include "importers/jsonl_importer.hpp"

#include "core/text/utf8.hpp"
#include "core/util/pooled_json.hpp"
#include "importers/import_bytes.hpp"
#include "importers/input_checks.hpp"
#include "importers/json_record.hpp"

#include <rapidjson/error/en.h>

namespace storyline {

int JsonlImporter::sniff(std::string_view bytes, const SourceInfo& src) const {
    if (src.extension == "jsonl" || src.extension == "ndjson") return 60;
    // Several lines that each open an object: JSON Lines whatever the name.
    if (!starts_with_any(bytes, "{")) return 0;
    const auto first_nl = bytes.find('\n');
    if (first_nl == std::string_view::npos) return 0;
    const auto rest = bytes.substr(first_nl + 1);
    return starts_with_any(rest, "{") && bytes.substr(0, first_nl).find_last_of('}') != std::string_view::npos ? 40 : 0;
}

bool article_from_jsonl_line(std::string_view line, Article& out, std::string& error) {
    if (line.size() > max_jsonl_line_bytes) {   // not parsed: it could only hold a too-large article
        error = "line too long (" + std::to_string(line.size() >> 20) + " MB)";
        return false;
    }
    if (!valid_utf8(line)) {
        error = "not UTF-8";
        return false;
    }
    PooledJson pooled;
    PooledDocument& doc = pooled.doc();
    doc.Parse(line.data(), line.size());
    if (doc.HasParseError()) {
        error = std::string("invalid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError());
        return false;
    }
    return article_from_json(doc, out, error);
}

std::string_view trim_jsonl_line(std::string_view line) {
    if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    return line;
}

ImportResult JsonlImporter::parse(std::string_view bytes, const SourceInfo&) const {
    if (bytes.empty()) throw ImportError("empty file");
    if (bytes.find('\0') != std::string_view::npos) throw ImportError("binary file (NUL bytes)");
    ImportResult r;
    std::size_t line_no = 0;
    std::string error;
    while (!bytes.empty()) {
        const auto nl = bytes.find('\n');
        const std::string_view line = trim_jsonl_line(bytes.substr(0, nl));
        bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
        ++line_no;
        if (line.empty()) continue;
        Article a;
        if (!article_from_jsonl_line(line, a, error)) {
            r.issues.push_back({"line " + std::to_string(line_no), error});
            continue;
        }
        r.articles.push_back(std::move(a));
    }
    if (r.articles.empty() && r.issues.empty()) throw ImportError("empty file");
    return r;
}

} // namespace storyline
