// Writing GraphML for a large graph: 1,000,000 nodes and 5,000,000 edges by default
// (STORYLINE_BENCH_NODES / STORYLINE_BENCH_EDGES_PER_NODE to change), to a stream that only
// counts bytes, or to a file when STORYLINE_BENCH_OUT is set (e.g. /dev/null or a temp file).
// The target: <= 5 s, memory constant beyond the graph (measure with /usr/bin/time -v).
#include "exporters/graphml_exporter.hpp"
#include "exporters/gexf_exporter.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <streambuf>

namespace {

using namespace storyline;

// Discards everything, counts bytes: measures the writer, not the disk.
class CountingBuffer final : public std::streambuf {
public:
    std::size_t bytes() const { return m_bytes + static_cast<std::size_t>(pptr() - pbase()); }

protected:
    int_type overflow(int_type c) override {
        m_bytes += static_cast<std::size_t>(pptr() - pbase()) + (traits_type::eq_int_type(c, traits_type::eof()) ? 0 : 1);
        setp(m_buf, m_buf + sizeof m_buf);
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        (void)s;
        m_bytes += static_cast<std::size_t>(n);
        return n;
    }

private:
    char m_buf[1 << 16];
    std::size_t m_bytes = 0;
};

std::size_t env_or(const char* name, std::size_t fallback) {
    const char* v = std::getenv(name);
    return v ? static_cast<std::size_t>(std::strtoull(v, nullptr, 10)) : fallback;
}

// A news-like graph: 1 event in 10 nodes, 1 article in 10, the rest entities; each node has
// `per_node` out-edges to pseudo-random nodes (fixed seed), with labels that need escaping.
const StoryGraph& big_graph() {
    static const std::unique_ptr<StoryGraph> graph = [] {
        const std::size_t nodes = env_or("STORYLINE_BENCH_NODES", 1'000'000);
        const std::size_t per_node = env_or("STORYLINE_BENCH_EDGES_PER_NODE", 5);
        auto g = std::make_unique<StoryGraph>();
        for (std::size_t i = 0; i < nodes; ++i) {
            NodeProps n;
            const std::size_t k = i % 10;
            n.kind = k == 0 ? NodeKind::event : k == 1 ? NodeKind::article : NodeKind::person;
            n.id = (k == 0 ? "evt-" : k == 1 ? "art-" : "per-") + std::to_string(i);
            n.label = "Node <" + std::to_string(i) + "> & \"friends\"";
            n.mentions = static_cast<int>(i % 7);
            n.degree = static_cast<int>(i % 13);   // centrality and order, as a built graph has them
            n.betweenness = k > 1 ? static_cast<double>(i % 101) / 1e4 : 0.0;
            n.sources = static_cast<int>(i % 3);
            if (k == 0) {
                n.date = "2022-01-" + std::to_string(10 + i % 19);
                n.when = interval_from_timex(n.date);
                n.event_type = "movement.withdraw";
                n.order = static_cast<int>(1 + i / 10);
                n.summary = "Troops withdraw from the region, officials say.";
            }
            if (k == 1) n.published = "2022-01-14";
            g->add_node(std::move(n));
        }
        std::uint64_t x = 88172645463325252ULL;   // xorshift64: same graph every run
        auto next = [&] {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            return x;
        };
        for (std::size_t i = 0; i < nodes; ++i) {
            for (std::size_t e = 0; e < per_node; ++e) {
                const std::size_t j = next() % nodes;
                g->add_edge(i, j == i ? (j + 1) % nodes : j, static_cast<Relation>(e % 7), 1.0);
            }
        }
        return g;
    }();
    return *graph;
}

template <class Writer>
void write_graph(benchmark::State& state) {
    const StoryGraph& g = big_graph();
    const char* out_path = std::getenv("STORYLINE_BENCH_OUT");
    std::size_t bytes = 0;
    for (auto _ : state) {
        if (out_path) {
            std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
            Writer().write(g, out, ExportOptions{});
            bytes = static_cast<std::size_t>(out.tellp());
        } else {
            CountingBuffer buf;
            std::ostream out(&buf);
            Writer().write(g, out, ExportOptions{});
            bytes = buf.bytes();
        }
    }
    state.counters["nodes"] = static_cast<double>(g.node_count());
    state.counters["edges"] = static_cast<double>(g.edge_count());
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

// The graph alone: its peak RSS is the baseline the writers' RSS is compared with.
void bm_graph_only(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(big_graph().node_count());
}
void bm_graphml_write(benchmark::State& state) { write_graph<GraphmlExporter>(state); }
void bm_gexf_write(benchmark::State& state) { write_graph<GexfExporter>(state); }

} // namespace

BENCHMARK(bm_graph_only)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(bm_graphml_write)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(bm_gexf_write)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_MAIN();
