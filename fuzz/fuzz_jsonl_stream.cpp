// Any bytes as a file read as a stream (importers/jsonl_stream.hpp): JSON Lines or one JSON
// array, plain, gzip or UTF-16, cut into pieces of a size the first byte chooses, so that lines,
// array items, gzip members and UTF-16 characters fall across pieces. Only ImportError may
// escape; every article must be valid UTF-8 with an id, a hash and a source key.
#include "fuzz/fuzz_support.hpp"
#include "importers/jsonl_stream.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    storyline::fuzz::init_resources();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storyline;
    if (size == 0) return 0;
    const std::size_t piece = std::size_t{1} + (data[0] & 0x3f) * (data[0] & 0x40 ? 97 : 1);
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    MemorySource source(bytes, piece);
    SourceInfo src;
    src.path = "fuzz/input.json";
    if (data[0] & 0x80) src.forced_lang = "fr";
    JsonlStream stream(source, src);
    std::vector<ImportIssue> issues;
    Article a;
    std::size_t articles = 0;
    try {
        while (stream.next(a, issues)) {
            ++articles;
            fuzz::require(!a.id.empty(), "article without id");
            fuzz::require(!a.content_hash.empty(), "article without content hash");
            fuzz::require(!a.source_key.empty(), "article without source key");
            fuzz::require(valid_utf8(a.text), "article text is not UTF-8");
            fuzz::require(valid_utf8(a.title), "article title is not UTF-8");
        }
    } catch (const ImportError&) {
        // the expected way to refuse a file
    }
    fuzz::require(stream.raw_bytes_read() <= bytes.size(), "read more bytes than the source holds");
    // Gzip may hold many records in few bytes; plain text holds fewer records than '{'s.
    if (!bytes.starts_with("\x1F\x8B"))
        fuzz::require(articles <= static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '{')), "more records than objects");
    return 0;
}
