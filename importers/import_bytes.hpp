#pragma once
// One input file's bytes → finished articles: picks the importer, parses, then fills what every
// article needs whatever its format (id, content hash, language, source key, forced date).
#include "importers/importer.hpp"

namespace storyline {

struct FileImport {
    std::string format;
    ImportResult result;
};

// Articles with more text than this (title + body) are dropped with an issue: a news article
// is rarely over 100 KB, and annotation time grows with the text (about 1 s per MB).
inline constexpr std::size_t max_article_bytes = std::size_t{2} << 20;
// The extension that names a file's format, lower-cased, without its dot: the one under ".gz"
// ("jsonl" for "a/dump.JSONL.gz"); "" when there is none.
std::string format_extension(std::string_view path);
// Whether the article is over that limit; `reason` then says by how much.
bool article_too_large(const Article& article, std::string& reason);

// Throws ImportError when no importer reads the bytes or the importer rejects the whole file.
FileImport import_bytes(std::string_view bytes, const SourceInfo& src);

// Exposed for tests and importers that build articles themselves.
void finish_article(Article& article, const SourceInfo& src, std::size_t record, std::size_t records);

} // namespace storyline
