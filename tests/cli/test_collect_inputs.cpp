// The folder walk: what it lists, and in std::filesystem::path order.
#include "cli/import_job.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using storyline::cli::collect_inputs;

namespace {

struct TempTree {
    fs::path root = fs::temp_directory_path() / ("storyline-walk-" + std::to_string(::getpid()));
    TempTree() { fs::create_directories(root); }
    ~TempTree() { fs::remove_all(root); }
    void file(const std::string& rel) {
        fs::create_directories((root / rel).parent_path());
        std::ofstream(root / rel) << "x";
    }
};

} // namespace

TEST(test_collect_inputs, path_order_and_hidden_files) {
    TempTree t;
    // '-' and '.' sort before '/' as bytes, but a folder's files come before a sibling whose
    // name only extends the folder's: path order compares element by element.
    for (const char* f : {"a-b.txt", "a/b.txt", "a/c/d.txt", "a.txt", "b.txt", ".hidden.txt", "a/.git/x.txt"}) t.file(f);
    std::vector<std::string> errors;
    const auto files = collect_inputs({t.root.string(), (t.root / "b.txt").string()}, errors);
    EXPECT_TRUE(errors.empty());
    std::vector<fs::path> want = {t.root / "a" / "b.txt", t.root / "a" / "c" / "d.txt", t.root / "a-b.txt",
                                  t.root / "a.txt", t.root / "b.txt"};
    auto sorted = want;
    std::sort(sorted.begin(), sorted.end());   // std::filesystem::path's own order
    EXPECT_EQ(sorted, want);
    EXPECT_EQ(files, want);   // b.txt named twice, listed once; dot-files and dot-folders left out
}
