#pragma once
// One input file's bytes → finished articles: picks the importer, parses, then fills what every
// article needs whatever its format (id, content hash, language, source key, forced date).
#include "importers/importer.hpp"

namespace storyline {

struct FileImport {
    std::string format;
    ImportResult result;
};

// Throws ImportError when no importer reads the bytes or the importer rejects the whole file.
FileImport import_bytes(std::string_view bytes, const SourceInfo& src);

// Exposed for tests and importers that build articles themselves.
void finish_article(Article& article, const SourceInfo& src, std::size_t record, std::size_t records);

} // namespace storyline
