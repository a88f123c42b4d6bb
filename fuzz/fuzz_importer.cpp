// One importer's parse(), called directly (sniff() is bypassed so every input reaches the
// parser). The importer is named at run time by $STORYLINE_FUZZ_IMPORTER, so an importer
// registered later is fuzzed without a new target; STORYLINE_FUZZ_IMPORTER=list prints the
// registered names (scripts/fuzz.sh runs one session per name).
#include "fuzz/fuzz_support.hpp"
#include "importers/registry.hpp"

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

const storyline::Importer* g_importer = nullptr;
storyline::SourceInfo g_src;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    using namespace storyline;
    fuzz::init_resources();
    const char* name = std::getenv("STORYLINE_FUZZ_IMPORTER");
    if (!name || std::string_view(name) == "list") {
        for (const Importer* imp : all_importers()) std::cout << imp->name() << '\n';
        std::exit(name ? 0 : 2);
    }
    g_importer = importer_by_name(name);
    if (!g_importer) fuzz::invariant_broken("no importer of that name ($STORYLINE_FUZZ_IMPORTER)");
    // The extension the importer's files usually carry: some parse differently by extension.
    const char* ext = std::getenv("STORYLINE_FUZZ_EXTENSION");
    g_src.extension = ext ? ext : (std::string_view(name) == "text" ? "txt" : name);
    g_src.path = "fuzz/input." + g_src.extension;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storyline;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)g_importer->sniff(bytes, g_src);
    try {
        const ImportResult r = g_importer->parse(bytes, g_src);
        for (const auto& a : r.articles) {
            fuzz::require(valid_utf8(a.text), "article text is not UTF-8");
            fuzz::require(valid_utf8(a.title), "article title is not UTF-8");
        }
    } catch (const ImportError&) {
        // the expected way to refuse a file
    }
    return 0;
}
