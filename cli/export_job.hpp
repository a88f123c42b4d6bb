#pragma once
// Loads the store into the story graph and writes exports; shared by `export`, `run`, `stats`.
#include "cli/progress.hpp"
#include "core/graph/near_duplicates.hpp"
#include "core/graph/story_graph.hpp"
#include "exporters/exporter.hpp"
#include "store/store.hpp"

#include <iosfwd>
#include <string>

namespace storyline::cli {

// Pass 1 over the store: the near-duplicate clusters (core/graph/near_duplicates.hpp) with their
// sources, and one line on `log` saying how many articles were folded into how many; `progress`,
// when given, shows how many articles have been read.
NearDuplicates find_near_duplicates(Store& store, std::ostream& log, Progress* progress = nullptr);
// The sources an article's node lists: its cluster's when it represents one, else its own.
std::vector<std::string> node_sources(Store& store, const NearDuplicates& dups, const std::string& article_id);

// The graph of the store; near-duplicates folded unless `keep_near_duplicates`.
StoryGraph load_graph(const std::string& db, bool keep_near_duplicates = false);
// Hands a command's graph to the process: it is never destroyed, as the system takes back a
// process's memory at exit far faster than a large graph's node-by-node destructor (2 s of
// 20 for Reuters-21578). It stays reachable, so leak checkers do not report it.
const StoryGraph& keep_until_exit(StoryGraph graph);
// Writes one export to `path` ("-" = stdout) atomically: a temporary file renamed into place,
// so a crash never leaves half a file where the last good one was.
void write_export(const Exporter& exporter, const StoryGraph& graph, const ExportOptions& options, const std::string& path);
// "412 nodes (3 articles, 25 events, ...), 1200 edges (...)"
std::string describe_graph(const StoryGraph& graph);

} // namespace storyline::cli
