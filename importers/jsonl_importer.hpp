#pragma once
#include "importers/import_bytes.hpp"
#include "importers/importer.hpp"

namespace storyline {

// JSON Lines: one article record a line. A broken line is reported and skipped.
class JsonlImporter final : public Importer {
public:
    std::string_view name() const override { return "jsonl"; }
    int sniff(std::string_view bytes, const SourceInfo& src) const override;
    ImportResult parse(std::string_view bytes, const SourceInfo& src) const override;
}; // class JsonlImporter

// Longer lines are reported, not parsed: they could only hold a too-large article.
inline constexpr std::size_t max_jsonl_line_bytes = 2 * max_article_bytes;
// One line's record (BOM and trailing CR or spaces already trimmed) → its article, not yet
// finished (finish_article); false with `error` set for a line that is skipped. Shared by the
// whole-file parse and the stream (importers/jsonl_stream.hpp).
bool article_from_jsonl_line(std::string_view line, Article& out, std::string& error);
// A line without its byte order mark and its trailing CR and spaces.
std::string_view trim_jsonl_line(std::string_view line);

} // namespace storyline
