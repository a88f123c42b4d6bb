// The annotation pipeline (sentences, timex, entities, events) on arbitrary text. The first
// byte picks the language and whether a publication date is known; the rest is the text,
// repaired to UTF-8 as importers do. Every annotation span must lie inside the text.
#include "annotators/pipeline.hpp"
#include "fuzz/fuzz_support.hpp"

#include <array>
#include <cstdint>
#include <memory>

namespace {

const storyline::Pipeline* g_pipeline = nullptr;
constexpr std::array<const char*, 4> languages{"fr", "en", "", "de"};

void require_span(storyline::Span s, std::size_t size, const char* what) {
    storyline::fuzz::require(s.begin <= s.end && s.end <= size, what);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    storyline::fuzz::init_resources();
    static const storyline::Pipeline pipeline;
    g_pipeline = &pipeline;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storyline;
    if (size == 0) return 0;
    Document doc;
    doc.article.id = "fuzz";
    doc.article.lang = languages[data[0] % languages.size()];
    if (data[0] & 0x10) doc.article.published = {"2022-01-14", "record"};
    doc.article.text = repair_utf8(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    g_pipeline->annotate(doc);
    const std::size_t n = doc.article.text.size();
    for (const auto& s : doc.sentences) require_span(s.span, n, "sentence span outside the text");
    for (const auto& t : doc.timexes) require_span(t.span, n, "timex span outside the text");
    for (const auto& e : doc.entities) require_span(e.span, n, "entity span outside the text");
    for (const auto& ev : doc.events) {
        require_span(ev.trigger, n, "event trigger outside the text");
        for (const auto* list : {&ev.agents, &ev.targets, &ev.places}) {
            for (int i : *list)
                fuzz::require(i >= 0 && static_cast<std::size_t>(i) < doc.entities.size(), "event argument index out of range");
        }
    }
    return 0;
}
