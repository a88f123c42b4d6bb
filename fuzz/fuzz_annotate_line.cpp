// One line of `storyline annotate` input: JSON parse, annotation, JSON output — the whole
// per-line path of the command. The output must be valid UTF-8 (it is JSON text).
#include "annotators/pipeline.hpp"
#include "cli/annotate_record.hpp"
#include "fuzz/fuzz_support.hpp"

#include <cstdint>

namespace {
const storyline::Pipeline* g_pipeline = nullptr;
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    storyline::fuzz::init_resources();
    static const storyline::Pipeline pipeline;
    g_pipeline = &pipeline;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storyline;
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    std::string error;
    auto doc = cli::parse_annotate_line(line, error);
    if (!doc) {
        fuzz::require(!error.empty(), "rejected line without a reason");
        return 0;
    }
    g_pipeline->annotate(*doc);
    const std::string out = cli::annotation_json(*doc);
    fuzz::require(!out.empty() && out.front() == '{' && out.back() == '}', "output is not a JSON object");
    return 0;
}
