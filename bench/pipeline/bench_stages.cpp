// Per-stage micro-benchmarks on real text: each annotator alone, the whole pipeline, the graph
// build and each exporter. Input: a JSONL of documents ({id, lang, dct, text}); by default the
// fixtures plus whatever BENCH_INPUT names (e.g. ../shared/corpus/timex/en-dev.jsonl).
// Bytes processed are reported, so Google Benchmark prints MB/s per stage.
#include "annotators/entities/entity_annotator.hpp"
#include "annotators/events/event_annotator.hpp"
#include "annotators/pipeline.hpp"
#include "annotators/sentences/sentence_annotator.hpp"
#include "annotators/timex/timex_annotator.hpp"
#include "core/graph/graph_builder.hpp"
#include "core/lang/resources.hpp"
#include "exporters/registry.hpp"

#include <benchmark/benchmark.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace storyline;

namespace {

std::vector<Document> load_documents() {
    set_resource_root(STORYLINE_SOURCE_DIR);
    const char* env = std::getenv("BENCH_INPUT");
    const std::string path = env ? env : std::string(STORYLINE_SOURCE_DIR) + "/../shared/corpus/timex/en-dev.jsonl";
    std::ifstream in(path);
    std::vector<Document> docs;
    std::string line;
    while (std::getline(in, line)) {
        rapidjson::Document j;
        j.Parse(line.c_str());
        if (j.HasParseError() || !j.IsObject() || !j.HasMember("text")) continue;
        Document d;
        d.article.id = j.HasMember("id") && j["id"].IsString() ? j["id"].GetString() : std::to_string(docs.size());
        d.article.text = j["text"].GetString();
        d.article.lang = j.HasMember("lang") && j["lang"].IsString() ? j["lang"].GetString() : "en";
        if (j.HasMember("dct") && j["dct"].IsString()) d.article.published = {j["dct"].GetString(), "record"};
        docs.push_back(std::move(d));
    }
    if (docs.empty()) {
        Document d;
        d.article.text = "Russian President Vladimir Putin said on Thursday that the troops would leave Kazakhstan by January 19.";
        d.article.lang = "en";
        d.article.published = {"2022-01-14", "record"};
        docs.push_back(d);
    }
    return docs;
}

const std::vector<Document>& documents() {
    static const std::vector<Document> docs = load_documents();
    return docs;
}

std::int64_t total_bytes() {
    std::int64_t n = 0;
    for (const auto& d : documents()) n += static_cast<std::int64_t>(d.article.text.size());
    return n;
}

// Documents with the layers an annotator reads already filled.
std::vector<Document> prepared(std::size_t stages) {
    const Pipeline pipeline;
    std::vector<Document> docs = documents();
    for (auto& d : docs) {
        for (std::size_t i = 0; i < stages; ++i) pipeline.stages()[i]->annotate(d);
    }
    return docs;
}

void run_stage(benchmark::State& state, std::size_t index) {
    const Pipeline pipeline;
    const auto docs = prepared(index);
    const Annotator& stage = *pipeline.stages()[index];
    for (auto _ : state) {
        for (auto d : docs) {
            stage.annotate(d);
            benchmark::DoNotOptimize(d);
        }
    }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_sentences(benchmark::State& s) { run_stage(s, 0); }
void BM_timex(benchmark::State& s) { run_stage(s, 1); }
void BM_entities(benchmark::State& s) { run_stage(s, 2); }
void BM_events(benchmark::State& s) { run_stage(s, 3); }

void BM_pipeline(benchmark::State& state) {
    const Pipeline pipeline;
    for (auto _ : state) {
        for (auto d : documents()) {
            pipeline.annotate(d);
            benchmark::DoNotOptimize(d);
        }
    }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_graph_build(benchmark::State& state) {
    const auto docs = prepared(4);
    for (auto _ : state) {
        GraphBuilder b;
        for (const auto& d : docs) b.add(d);
        benchmark::DoNotOptimize(b.build());
    }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

void BM_export(benchmark::State& state, std::string_view format) {
    const auto docs = prepared(4);
    GraphBuilder b;
    for (const auto& d : docs) b.add(d);
    const StoryGraph g = b.build();
    const Exporter* e = exporter_by_name(format);
    for (auto _ : state) {
        std::ostringstream out;
        e->write(g, out, ExportOptions{});
        state.SetBytesProcessed(state.bytes_processed() + static_cast<std::int64_t>(out.str().size()));
    }
    state.counters["nodes"] = static_cast<double>(g.node_count());
    state.counters["edges"] = static_cast<double>(g.edge_count());
}

} // namespace

BENCHMARK(BM_sentences)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_timex)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_entities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_events)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_pipeline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_graph_build)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_export, graphml, "graphml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_export, timeline, "timeline")->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
