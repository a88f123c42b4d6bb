#pragma once
// Loads the store into the story graph and writes exports; shared by `export`, `run`, `stats`.
#include "core/graph/story_graph.hpp"
#include "exporters/exporter.hpp"

#include <string>

namespace storyline::cli {

StoryGraph load_graph(const std::string& db);
// Writes one export to `path` ("-" = stdout) atomically: a temporary file renamed into place,
// so a crash never leaves half a file where the last good one was.
void write_export(const Exporter& exporter, const StoryGraph& graph, const ExportOptions& options, const std::string& path);
// "412 nodes (3 articles, 25 events, ...), 1200 edges (...)"
std::string describe_graph(const StoryGraph& graph);

} // namespace storyline::cli
