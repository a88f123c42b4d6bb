// Where an export is written: a regular file whole or not at all (a temporary file renamed over
// it), anything else in place, never replaced.
#include "cli/export_job.hpp"
#include "exporters/registry.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

using namespace storyline;

namespace {

StoryGraph one_node_graph() {
    StoryGraph g;
    NodeProps n;
    n.id = "per-0123456789ab";
    n.kind = NodeKind::person;
    n.label = "Vladimir Putin";
    g.add_node(std::move(n));
    return g;
}

std::string expected_graphml(const StoryGraph& g) {
    std::ostringstream s;
    exporter_by_name("graphml")->write(g, s, ExportOptions{});
    return s.str();
}

} // namespace

TEST(test_write_export, a_regular_file_is_replaced_whole) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "out" / "graph.graphml").string();
    const StoryGraph g = one_node_graph();
    cli::write_export(*exporter_by_name("graphml"), g, ExportOptions{}, path);
    std::ifstream in(path, std::ios::binary);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), expected_graphml(g));
    EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

// `-o /dev/null` once replaced /dev/null itself with a regular file (a temporary file renamed
// over it). A pipe stands in for the device here: written in place, it stays a pipe.
TEST(test_write_export, a_pipe_is_written_in_place_not_replaced) {
    test_support::TempDir dir;
    const auto path = (dir.path() / "graph.fifo").string();
    ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
    const StoryGraph g = one_node_graph();
    std::string received;
    std::thread reader([&] {
        std::ifstream in(path, std::ios::binary);
        received.assign(std::istreambuf_iterator<char>(in), {});
    });
    cli::write_export(*exporter_by_name("graphml"), g, ExportOptions{}, path);
    reader.join();
    EXPECT_EQ(received, expected_graphml(g));
    EXPECT_TRUE(std::filesystem::is_fifo(path));
    EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST(test_write_export, a_folder_is_a_clear_error) {
    test_support::TempDir dir;
    const StoryGraph g = one_node_graph();
    try {
        cli::write_export(*exporter_by_name("graphml"), g, ExportOptions{}, dir.path().string());
        FAIL();
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(std::filesystem::is_directory(dir.path()));
}
