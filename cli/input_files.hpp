#pragma once
// The files an import reads: the folder walk that lists them, and the read of one file's bytes.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>
#include <unistd.h>

namespace storyline::cli {

// Lists the regular files under the inputs (folders are walked recursively; dot-files and
// dot-folders are left out, directory symlinks are not followed), in std::filesystem::path
// order (element by element: a folder's files come before a sibling whose name only extends
// the folder's), each once. What cannot be listed goes to `errors`, one line each, in the
// same order, and the walk goes on.
std::vector<std::string> collect_inputs(const std::vector<std::string>& inputs, std::vector<std::string>& errors);

// The extension of a path's file name, lower-cased, without its dot ("" for "README", ".bashrc").
std::string lower_extension(std::string_view path);

// Reads a whole regular file into `bytes`; false with `error` set (the reason, without the
// path) when it cannot: missing, not a regular file, larger than max_file_bytes, a read error.
bool read_file(const std::string& path, std::string& bytes, std::string& error);
// Opens a regular file to be read a piece at a time: its descriptor, which the caller closes,
// or -1 with `error` set.
int open_stream_file(const std::string& path, std::string& error);

// Closes a descriptor (-1: none) when it goes out of scope.
struct FdCloser {
    int fd;
    ~FdCloser() {
        if (fd >= 0) ::close(fd);
    }
};

// Larger files are refused before being read: memory stays bounded whatever lies in the folder.
// A JSON Lines file is read as a stream instead (importers/jsonl_stream.hpp), with no limit.
inline constexpr std::uintmax_t max_file_bytes = std::uintmax_t{64} << 20;

// Reads the files of a list one after the other, as read_file() does, and asks the kernel to
// fetch the next ones meanwhile when they are not in memory. A folder read for the first time
// (an archive just copied or mounted) otherwise costs one disk round trip per file, one at a
// time: Reuters' 21,578 files took 2.6-2.9 s to read cold, longer than annotating them, and
// 0.8-1.1 s with the next files asked for ahead. Files already in the page cache cost nothing
// more: the hints start only once a read finds its file missing.
class FileReader {
public:
    explicit FileReader(const std::vector<std::string>& paths) : m_paths(paths) {}
    ~FileReader();
    FileReader(const FileReader&) = delete;
    FileReader& operator=(const FileReader&) = delete;

    // File `i` of the list; calls come with i = 0, 1, 2, ... (one skipped is opened anew). Files
    // from `i` up to `ahead_end` (exclusive; the end of the list by default) are the ones this
    // reader will read next, which it may ask for ahead.
    // `too_large` (when given) is set for a file refused for its size (over max_file_bytes).
    bool read(std::size_t i, std::string& bytes, std::string& error, std::size_t ahead_end = static_cast<std::size_t>(-1),
              bool* too_large = nullptr);
    // File `i` opened to be read a piece at a time (a JSON Lines dump, of any size): its
    // descriptor, which the caller closes, or -1 with `error` set (missing, not a regular file).
    int open(std::size_t i, std::string& error, std::size_t ahead_end = static_cast<std::size_t>(-1));

private:
    // File `i`'s descriptor, opened ahead (`was_ahead`) or now; -1 when it cannot be opened.
    int take(std::size_t i, std::size_t end, bool& was_ahead);
    void open_ahead(std::size_t first, std::size_t end);
    int open_file(const std::string& path);
    const std::vector<std::string>& m_paths;
    // The folder of the last file opened, held open: its files are opened by name within it
    // (openat), so the kernel does not walk the whole path again for each (a fifth of the
    // reading thread's time, most of it in the kernel, for Reuters' 21,578 files).
    std::string m_dir;
    int m_dir_fd = -1;
    std::deque<int> m_ahead;         // descriptors of files m_ahead_from, m_ahead_from + 1, ... (-1: failed)
    std::size_t m_ahead_from = 0;
    std::size_t m_cold_until = 0;    // files below this index are asked for ahead
    std::size_t m_missed_at = static_cast<std::size_t>(-1);   // the last file not all in memory
    bool m_nowait = true;            // whether reads can ask "only if in memory" here
};

} // namespace storyline::cli
