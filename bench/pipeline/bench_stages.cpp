// Per-stage micro-benchmarks on real text: each annotator alone, the entity tokenizer, the
// gazetteer's load and its phrase match, the whole pipeline, the import's own work around it
// (parsing a file's bytes, the store's preparing and writing of annotated documents), the graph
// build and each exporter. Input: the JSONL of documents ({id, lang, dct, text}) BENCH_INPUT
// names, by default ../shared/corpus/timex/en-dev.jsonl.
// Bytes processed are reported, so Google Benchmark prints MB/s per stage.
#include "annotators/entities/entity_annotator.hpp"
#include "annotators/entities/gazetteer.hpp"
#include "annotators/entities/gazetteer_image.hpp"
#include "annotators/entities/tokenizer.hpp"
#include "annotators/events/event_annotator.hpp"
#include "annotators/pipeline.hpp"
#include "annotators/sentences/sentence_annotator.hpp"
#include "annotators/timex/timex_annotator.hpp"
#include "core/graph/graph_builder.hpp"
#include "core/lang/resources.hpp"
#include "exporters/registry.hpp"
#include "importers/import_bytes.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <benchmark/benchmark.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <sstream>
#include <unistd.h>

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

// The entity stage's tokenizer alone (words folded, hashed and shaped; sentence starts).
void BM_entity_tokenize(benchmark::State& state) {
    for (auto _ : state) {
        std::size_t tokens = 0;
        for (const auto& d : documents()) tokens += entities::tokenize(d.article.text).size();
        benchmark::DoNotOptimize(tokens);
    }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

// What each import pays before its first article: the gazetteer and every language's entity
// word lists read and indexed (a fresh Gazetteer each iteration, as each process builds one).
void BM_gazetteer_load(benchmark::State& state) {
    set_resource_root(STORYLINE_SOURCE_DIR);
    for (auto _ : state) {
        const entities::Gazetteer gaz;
        benchmark::DoNotOptimize(&gaz);
    }
}

// The same gazetteer read from its image (docs/gazetteer.md, "The cached image"), as every import
// after the first does: in place (the hash tables views of the image, range(0) = 1, as from the
// mapped cache file) or copied (0). The image is in 64-byte-aligned memory, as a mapping is.
void BM_gazetteer_image_read(benchmark::State& state) {
    set_resource_root(STORYLINE_SOURCE_DIR);
    const std::string image = entities::gazetteer_image(entities::Gazetteer());
    char* aligned = static_cast<char*>(::operator new(image.size(), std::align_val_t{64}));
    std::copy(image.begin(), image.end(), aligned);
    const bool view = state.range(0) != 0;
    for (auto _ : state) {
        auto gaz = entities::gazetteer_from_image(std::string_view(aligned, image.size()), view);
        if (!gaz) state.SkipWithError("the image was refused");
        benchmark::DoNotOptimize(gaz.get());
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(image.size()));
    ::operator delete(aligned, std::align_val_t{64});
}

// Every token position of every document asked for the longest gazetteer phrase starting there,
// as the recognizer asks (the tokens are made before the timing).
void BM_gazetteer_match(benchmark::State& state) {
    const auto& gaz = entities::gazetteer();
    std::vector<entities::Tokens> tokens;
    for (const auto& d : documents()) tokens.push_back(entities::tokenize(d.article.text));
    for (auto _ : state) {
        std::size_t found = 0;
        for (const auto& t : tokens) {
            for (std::size_t i = 0; i < t.size(); ++i) found += gaz.longest_match(t, i, t.size()).first;
        }
        benchmark::DoNotOptimize(found);
    }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

// The importer's work on each document's text as a plain-text file: picking the importer,
// decoding, boilerplate, title and dateline, language identification, ids and hashes.
void BM_import_parse(benchmark::State& state) {
    SourceInfo src;
    src.path = "bench/article.txt";
    src.extension = "txt";
    for (auto _ : state) {
        std::size_t articles = 0;
        for (const auto& d : documents()) articles += import_bytes(d.article.text, src).result.articles.size();
        benchmark::DoNotOptimize(articles);
    }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

// Annotated documents with what the store needs of an import's articles.
std::vector<Document> storable() {
    std::vector<Document> docs = prepared(4);
    for (auto& d : docs) {
        d.article.source_key = "bench/" + d.article.id;
        d.article.content_hash = d.article.id;
    }
    return docs;
}

// What an import's worker does for the store: the layers' JSON (Store::prepare).
void BM_store_prepare(benchmark::State& state) {
    const auto docs = storable();
    const std::string dir = std::filesystem::temp_directory_path() / ("storyline-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        SqliteStore store(dir + "/prepare.db");
        for (auto _ : state) benchmark::DoNotOptimize(store.prepare(docs));
    }
    std::filesystem::remove_all(dir);
    state.SetBytesProcessed(state.iterations() * total_bytes());
}

// What the import's writer does: a first import into a new database (bulk load), batches of the
// workers' size, a commit every 4,096 articles; each iteration a new file.
void BM_store_write(benchmark::State& state) {
    const auto docs = storable();
    const std::string dir = std::filesystem::temp_directory_path() / ("storyline-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    constexpr std::size_t batch = 80, per_commit = 4096;
    for (auto _ : state) {
        state.PauseTiming();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        SqliteStore store(dir + "/write.db");
        std::vector<std::unique_ptr<Store::Prepared>> ready;
        for (std::size_t i = 0; i < docs.size(); i += batch)
            ready.push_back(store.prepare(std::span(docs).subspan(i, std::min(batch, docs.size() - i))));
        state.ResumeTiming();
        store.begin_bulk_load();
        std::size_t in_commit = 0;
        for (std::size_t i = 0, k = 0; i < docs.size(); i += batch, ++k) {
            if (in_commit == 0) store.begin_batch();
            const auto part = std::span(docs).subspan(i, std::min(batch, docs.size() - i));
            store.put_all(part, *ready[k]);
            in_commit += part.size();
            if (in_commit >= per_commit) {
                store.commit_batch();
                in_commit = 0;
            }
        }
        if (in_commit > 0) store.commit_batch();
        store.end_bulk_load();
    }
    std::filesystem::remove_all(dir);
    state.SetBytesProcessed(state.iterations() * total_bytes());
    state.counters["articles"] = static_cast<double>(docs.size());
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
BENCHMARK(BM_entity_tokenize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_gazetteer_load)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_gazetteer_image_read)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_gazetteer_match)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_events)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_pipeline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_import_parse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_store_prepare)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_store_write)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_graph_build)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    // One benchmark per registered exporter: a new format is measured without an edit here.
    for (const Exporter* e : all_exporters()) {
        const std::string format(e->name());
        benchmark::RegisterBenchmark(("BM_export/" + format).c_str(), [format](benchmark::State& s) { BM_export(s, format); })
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
