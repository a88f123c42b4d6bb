// The folder walk: what it lists, and in std::filesystem::path order.
#include "cli/input_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using storyline::cli::collect_inputs;
using storyline::cli::lower_extension;

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
    std::vector<std::string> want_strings(want.begin(), want.end());
    EXPECT_EQ(files, want_strings);   // b.txt named twice, listed once; dot-files and dot-folders left out
    // One folder alone comes out in the same order (each folder's entries sorted, no sort at the end).
    EXPECT_EQ(collect_inputs({t.root.string()}, errors), want_strings);
    EXPECT_TRUE(errors.empty());
}

// Names ordered by their bytes whatever their length: the same first 16 bytes, one name the
// start of another, bytes past ASCII (after every ASCII byte), digits not read as numbers.
TEST(test_collect_inputs, names_sort_by_their_bytes) {
    TempTree t;
    std::vector<std::string> names = {"reuters-00010.txt", "reuters-00009.txt", "reuters-0001.txt",
                                      "a-very-long-common-prefix-2.txt", "a-very-long-common-prefix-10.txt",
                                      "a-very-long-common-prefix.txt", "a-very-long-common-prefi", "Zed.txt", "zed.txt",
                                      "\xc3\xa9t\xc3\xa9.txt", "e.txt", "x", "x1", "x0", "0.txt"};
    for (const auto& n : names) t.file(n);
    std::vector<std::string> errors;
    const auto files = collect_inputs({t.root.string()}, errors);
    EXPECT_TRUE(errors.empty());
    std::sort(names.begin(), names.end());
    std::vector<std::string> want;
    for (const auto& n : names) want.push_back((t.root / n).string());
    EXPECT_EQ(files, want);
}

TEST(test_collect_inputs, file_symlinks_are_read_folder_symlinks_are_not_followed) {
    TempTree t;
    t.file("docs/a.txt");
    t.file("other/b.txt");
    fs::create_symlink(t.root / "docs" / "a.txt", t.root / "docs" / "link.txt");
    fs::create_directory_symlink(t.root / "other", t.root / "docs" / "other");
    std::vector<std::string> errors;
    const auto files = collect_inputs({(t.root / "docs").string() + "/"}, errors);   // a trailing slash is not doubled
    EXPECT_EQ(files, (std::vector<std::string>{(t.root / "docs" / "a.txt").string(), (t.root / "docs" / "link.txt").string()}));
    EXPECT_TRUE(errors.empty());
    collect_inputs({(t.root / "missing").string()}, errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("no such file or folder"), std::string::npos) << errors[0];
}

TEST(test_collect_inputs, lower_extension_is_that_of_std_filesystem) {
    for (const char* p : {"a/b.TXT", "a/b.tar.gz", "a/README", "a.d/README", "a/.bashrc", "a/b.", "x.Html"}) {
        std::string want = fs::path(p).extension().string();
        if (!want.empty()) want.erase(0, 1);
        for (auto& c : want) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_EQ(lower_extension(p), want) << p;
    }
}

TEST(test_collect_inputs, file_reader_reads_in_order_cold_or_warm) {
    TempTree t;
    std::vector<std::string> paths;
    for (int i = 0; i < 100; ++i) {
        const std::string rel = "f" + std::to_string(1000 + i) + ".txt";
        std::ofstream(t.root / rel) << "file " << i << std::string(static_cast<std::size_t>(i) * 97, 'x');
        paths.push_back((t.root / rel).string());
    }
    fs::remove(paths[50]);   // gone since the folder was listed
    // Out of the page cache (written back first, then dropped), so that reads miss and the
    // reader asks for the next files ahead; a file system that keeps them changes nothing here.
    for (const auto& p : paths) {
        const int fd = ::open(p.c_str(), O_RDONLY);
        if (fd < 0) continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
    storyline::cli::FileReader reader(paths);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (i == 70) continue;   // a skipped file: the next read opens its own anew
        std::string bytes, error;
        const bool ok = reader.read(i, bytes, error);
        if (i == 50) {
            EXPECT_FALSE(ok);
            EXPECT_NE(error.find("cannot read file"), std::string::npos) << error;
            continue;
        }
        ASSERT_TRUE(ok) << paths[i] << ": " << error;
        EXPECT_EQ(bytes, "file " + std::to_string(i) + std::string(i * 97, 'x'));
    }
}

// Files are opened by name within their folder, held open while the next file is in it too:
// a list that goes back and forth between folders, through a folder symlink, reads each file.
TEST(test_collect_inputs, file_reader_reads_across_folders) {
    TempTree t;
    fs::create_directories(t.root / "a");
    fs::create_directories(t.root / "b");
    fs::create_directory_symlink(t.root / "b", t.root / "link");
    std::vector<std::string> paths;
    const std::vector<std::string> rels = {"a/1.txt", "b/2.txt", "a/3.txt", "a/4.txt", "link/5.txt", "b/6.txt"};
    for (const auto& rel : rels) {
        const fs::path real = rel.starts_with("link/") ? t.root / "b" / rel.substr(5) : t.root / rel;
        std::ofstream(real) << "text of " << rel;
        paths.push_back((t.root / rel).string());
    }
    paths.push_back((t.root / "a" / "missing.txt").string());
    storyline::cli::FileReader reader(paths);
    for (std::size_t i = 0; i < rels.size(); ++i) {
        std::string bytes, error;
        ASSERT_TRUE(reader.read(i, bytes, error)) << paths[i] << ": " << error;
        EXPECT_EQ(bytes, "text of " + rels[i]);
    }
    std::string bytes, error;
    EXPECT_FALSE(reader.read(rels.size(), bytes, error));
    EXPECT_NE(error.find("cannot read file"), std::string::npos) << error;
}

// A file replaced by a FIFO after the folder was listed: the reader refuses it without blocking
// (it cannot seek to its end), and reads an empty file and the file after it as usual.
TEST(test_collect_inputs, file_reader_refuses_a_fifo_swapped_in_after_listing) {
    TempTree t;
    const std::vector<std::string> paths = {(t.root / "1.txt").string(), (t.root / "2.txt").string(),
                                            (t.root / "3.txt").string()};
    ASSERT_EQ(::mkfifo(paths[0].c_str(), 0600), 0);
    { std::ofstream empty(paths[1]); }
    std::ofstream(paths[2]) << "after the pipe";
    storyline::cli::FileReader reader(paths);
    std::string bytes, error;
    EXPECT_FALSE(reader.read(0, bytes, error));
    EXPECT_NE(error.find("not a regular file"), std::string::npos) << error;
    ASSERT_TRUE(reader.read(1, bytes, error)) << error;
    EXPECT_TRUE(bytes.empty());
    ASSERT_TRUE(reader.read(2, bytes, error)) << error;
    EXPECT_EQ(bytes, "after the pipe");
}
