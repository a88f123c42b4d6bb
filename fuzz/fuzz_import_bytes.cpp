// Any input file through import_bytes(): every registered importer, picked by sniffing as in a
// real import. The first byte chooses the file extension and the --lang / --date options.
// Only ImportError may escape; every article must be valid UTF-8 with an id and a hash.
#include "fuzz/fuzz_support.hpp"
#include "importers/import_bytes.hpp"

#include <array>
#include <cstdint>

namespace {

constexpr std::array<const char*, 12> extensions{"",     "txt",  "md",  "json", "jsonl", "ndjson",
                                                  "html", "htm",  "xml", "rss",  "atom",  "gz"};

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    storyline::fuzz::init_resources();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storyline;
    if (size == 0) return 0;
    const std::uint8_t selector = data[0];
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    SourceInfo src;
    src.path = "fuzz/input";
    src.extension = extensions[(selector & 0x0f) % extensions.size()];
    if (!src.extension.empty()) src.path += "." + src.extension;
    if (selector & 0x10) src.forced_lang = "fr";
    if (selector & 0x20) src.forced_date = "2022-01-14";
    try {
        const FileImport out = import_bytes(bytes, src);
        fuzz::require(!out.format.empty(), "import without a format name");
        for (const auto& a : out.result.articles) {
            fuzz::require(!a.id.empty(), "article without id");
            fuzz::require(!a.content_hash.empty(), "article without content hash");
            fuzz::require(!a.source_key.empty(), "article without source key");
            fuzz::require(valid_utf8(a.text), "article text is not UTF-8");
            fuzz::require(valid_utf8(a.title), "article title is not UTF-8");
        }
    } catch (const ImportError&) {
        // the expected way to refuse a file
    }
    return 0;
}
