#include "cli/export_job.hpp"

#include "annotators/entities/entity_annotator.hpp"
#include "core/graph/graph_builder.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

namespace storyline::cli {

NearDuplicates find_near_duplicates(Store& store, std::ostream& log, Progress* progress) {
    NearDuplicateFinder finder;
    const std::size_t total = progress && progress->enabled() ? static_cast<std::size_t>(store.article_counts().articles) : 0;
    store.for_each_article([&](const Article& a) {
        finder.add(a.id, a.lang, a.text, a.published.value);
        if (progress) progress->update(finder.size(), std::max(total, finder.size()), "near-duplicates");
    });
    NearDuplicates dups = finder.find();
    if (progress) progress->finish();
    dups.collect_sources([&](const std::string& id) { return store.sources_of(id); });
    log << "Near-duplicates: " << dups.clustered_articles() << " of " << finder.size() << " articles folded into "
        << dups.clusters.size() << " (--keep-near-duplicates keeps them apart)\n";
    return dups;
}

std::vector<std::string> node_sources(Store& store, const NearDuplicates& dups, const std::string& article_id) {
    if (const auto* all = dups.cluster_sources(article_id)) return *all;
    return store.sources_of(article_id);
}

StoryGraph load_graph(const std::string& db, bool keep_near_duplicates) {
    if (!store_exists(db)) throw std::runtime_error(db + ": no such database (run `storyline import` first)");
    auto store = open_store(db);
    GraphBuilder builder([](const std::string& kb_id) -> std::optional<PlaceFacts> {
        auto place = lookup_place(kb_id);
        if (!place) return std::nullopt;
        PlaceFacts facts{place->name, place->country, std::nullopt, std::nullopt};
        // Organisations share the look-up but have no coordinates (0, 0 means "none" there).
        if (place->latitude != 0.0 || place->longitude != 0.0) {
            facts.latitude = place->latitude;
            facts.longitude = place->longitude;
        }
        return facts;
    });
    // Folded when the graph is built, not in the store: every source keeps its own text there,
    // and the outcome depends on the stored documents only (not on import order or shards).
    // A minute's export of a large archive says how far it is (on a terminal only).
    Progress progress(true);
    const NearDuplicates dups = keep_near_duplicates ? NearDuplicates{} : find_near_duplicates(*store, std::cerr, &progress);
    const std::size_t total = progress.enabled() ? static_cast<std::size_t>(store->article_counts().articles) : 0;
    std::size_t read = 0;
    store->for_each_document([&](const Document& doc) {
        progress.update(++read, std::max(total, read), "reading the annotations");
        if (dups.folded(doc.article.id)) return;  // its representative carries its sources
        builder.add(doc, node_sources(*store, dups, doc.article.id));
    });
    progress.update(read, read, "building the graph");
    StoryGraph graph = builder.build();
    progress.finish();
    return graph;
}

const StoryGraph& keep_until_exit(StoryGraph graph) {
    static std::vector<std::unique_ptr<StoryGraph>>* kept = new std::vector<std::unique_ptr<StoryGraph>>();
    kept->push_back(std::make_unique<StoryGraph>(std::move(graph)));
    return *kept->back();
}

void write_export(const Exporter& exporter, const StoryGraph& graph, const ExportOptions& options, const std::string& path) {
    if (path == "-") {
        exporter.write(graph, std::cout, options);
        std::cout.flush();
        return;
    }
    const std::filesystem::path target(path);
    auto write_to = [&](const std::filesystem::path& file, const char* failed) {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error(path + ": cannot write");
        exporter.write(graph, out, options);
        out.flush();
        if (!out) throw std::runtime_error(path + ": " + failed);
    };
    std::error_code ec;
    const auto status = std::filesystem::status(target, ec);
    if (std::filesystem::is_directory(status)) throw std::runtime_error(path + ": is a directory");
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        // A device, a pipe or a socket (`-o /dev/null`, `-o >(gzip > graph.gz)`) is written in
        // place: a temporary file renamed over it would replace the device itself with a file.
        write_to(target, "write failed");
        return;
    }
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path());
    const std::filesystem::path tmp = target.string() + ".tmp";
    write_to(tmp, "write failed (disk full?)");
    std::filesystem::rename(tmp, target);
}

std::string describe_graph(const StoryGraph& graph) {
    std::map<std::string, int> kinds, relations;
    const auto& g = graph.impl();
    for (auto [it, end] = boost::vertices(g); it != end; ++it) ++kinds[to_string(g[*it].kind)];
    for (auto [it, end] = boost::edges(g); it != end; ++it) ++relations[to_string(g[*it].relation)];
    std::ostringstream s;
    s << graph.node_count() << " nodes (";
    bool first = true;
    for (const auto& [k, n] : kinds) {
        s << (first ? "" : ", ") << n << ' ' << k;
        first = false;
    }
    s << "), " << graph.edge_count() << " edges (";
    first = true;
    for (const auto& [r, n] : relations) {
        s << (first ? "" : ", ") << n << ' ' << r;
        first = false;
    }
    s << ")";
    return s.str();
}

} // namespace storyline::cli
