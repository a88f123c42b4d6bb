#include "cli/input_files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

namespace storyline::cli {
namespace {

// A directory symlink that points at one of its own ancestors (walking it would never end).
bool links_to_ancestor(const std::string& link) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto target = fs::canonical(link, ec);
    if (ec) return true;   // unresolvable: treat as a loop, it cannot be walked anyway
    const auto parent = fs::canonical(fs::path(link).parent_path(), ec);
    if (ec) return false;
    const auto mismatch = std::mismatch(target.begin(), target.end(), parent.begin(), parent.end());
    return mismatch.first == target.end();
}

std::string join(const std::string& folder, std::string_view name) {
    std::string path;
    path.reserve(folder.size() + 1 + name.size());
    path += folder;
    if (path.empty() || path.back() != '/') path += '/';
    path += name;
    return path;
}

unsigned char type_of_mode(mode_t mode) {
    if (S_ISDIR(mode)) return DT_DIR;
    if (S_ISREG(mode)) return DT_REG;
    if (S_ISLNK(mode)) return DT_LNK;
    return DT_UNKNOWN;   // FIFO, socket, device: no article
}

// Lists one folder and walks its sub-folders, each folder's entries sorted by name: the files
// then come out in path order without a sort of the whole list. POSIX calls rather than
// std::filesystem: building a std::filesystem::path splits it into elements, and that, with
// the sort of whole paths, made the walk of Reuters' 21,578 files 85 ms, on the critical path
// of every import (now about 15 ms).
void walk(const std::string& folder, std::vector<std::string>& files, std::vector<std::string>& errors) {
    // The names one after the other in one buffer, each entry pointing into it: a std::string
    // per name was an allocation and a free for each of Reuters' 21,578 files, and a sort
    // that moved strings rather than 32-byte entries.
    struct Entry {
        // The name's first 16 bytes as two big-endian numbers (zeros past its end): comparing
        // them orders names as their bytes do, and tells most names apart without a string
        // comparison. Sorting Reuters' 21,578 names as strings took about 10 ms (now 2-3 ms),
        // on the main thread, whose walk is the longest part of an import's start.
        std::uint64_t head = 0, next = 0;
        std::size_t at = 0;        // offset of the name in `names`
        std::uint16_t size = 0;    // NAME_MAX is 255
        unsigned char type = DT_UNKNOWN;
    };
    std::string names;
    std::vector<Entry> entries;
    auto name_of = [&names](const Entry& e) { return std::string_view(names).substr(e.at, e.size); };
    {
        DIR* dir = ::opendir(folder.c_str());
        if (!dir) {
            errors.push_back(folder + ": cannot read folder: " + std::strerror(errno));
            return;
        }
        for (;;) {
            errno = 0;
            const dirent* e = ::readdir(dir);
            if (!e) {
                if (errno != 0) errors.push_back(folder + ": cannot read folder: " + std::strerror(errno));
                break;
            }
            const std::string_view name = e->d_name;
            // Dot-files and dot-folders are editor, tool and version-control leftovers.
            if (name.starts_with('.')) continue;
            Entry entry;
            unsigned char bytes[16] = {};
            std::memcpy(bytes, name.data(), std::min<std::size_t>(name.size(), 16));
            for (int k = 0; k < 8; ++k) entry.head = entry.head << 8 | bytes[k];
            for (int k = 8; k < 16; ++k) entry.next = entry.next << 8 | bytes[k];
            entry.at = names.size();
            entry.size = static_cast<std::uint16_t>(name.size());
            entry.type = e->d_type;
            names.append(name);
            entries.push_back(entry);
        }
        ::closedir(dir);
    }
    std::sort(entries.begin(), entries.end(), [&name_of](const Entry& a, const Entry& b) {
        if (a.head != b.head) return a.head < b.head;
        if (a.next != b.next) return a.next < b.next;
        return name_of(a) < name_of(b);   // the same first 16 bytes: the rest decides
    });
    for (const Entry& e : entries) {
        std::string path = join(folder, name_of(e));
        unsigned char type = e.type;
        struct stat st {};
        // Some file systems leave d_type unknown: then one lstat tells.
        if (type == DT_UNKNOWN && ::lstat(path.c_str(), &st) == 0) type = type_of_mode(st.st_mode);
        if (type == DT_LNK) {
            // Directory symlinks are not followed, so a symlink loop cannot trap the walk.
            if (::stat(path.c_str(), &st) != 0) {
                errors.push_back(path + (errno == ELOOP ? ": symbolic link loop"
                                                        : ": broken symbolic link (its target does not exist)"));
            } else if (S_ISDIR(st.st_mode)) {
                if (links_to_ancestor(path))
                    errors.push_back(path + ": symbolic link loop (links to a folder that contains it; not followed)");
                else if (::access(path.c_str(), R_OK | X_OK) != 0)
                    errors.push_back(path + ": cannot read folder: permission denied");
            } else if (S_ISREG(st.st_mode)) {
                files.push_back(std::move(path));
            } else {
                errors.push_back(path + ": not a regular file (FIFO, socket or device; not read)");
            }
        } else if (type == DT_DIR) {
            if (::access(path.c_str(), R_OK | X_OK) != 0) errors.push_back(path + ": cannot read folder: permission denied");
            else walk(path, files, errors);
        } else if (type == DT_REG) {
            files.push_back(std::move(path));
        } else {
            // Reading a FIFO would block the import forever; devices and sockets are no articles.
            errors.push_back(path + ": not a regular file (FIFO, socket or device; not read)");
        }
    }
}

// Sorts paths in std::filesystem::path order: bytes, except that a separator sorts before any
// other byte. With '/' written as NUL (no path holds one) that is the plain byte order of
// std::string, whose compare is a memcmp.
void sort_paths(std::vector<std::string>& paths) {
    std::vector<std::string> keys(paths);
    for (auto& k : keys) std::replace(k.begin(), k.end(), '/', '\0');
    std::vector<std::size_t> order(paths.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    std::vector<std::string> sorted;
    sorted.reserve(paths.size());
    for (const std::size_t i : order) sorted.push_back(std::move(paths[i]));
    paths = std::move(sorted);
}

} // namespace

std::vector<std::string> collect_inputs(const std::vector<std::string>& inputs, std::vector<std::string>& errors) {
    std::vector<std::string> files;
    for (const auto& input : inputs) {
        struct stat st {};
        if (input.empty() || ::stat(input.c_str(), &st) != 0) {
            errors.push_back(input + ": no such file or folder");
        } else if (S_ISREG(st.st_mode)) {
            files.push_back(input);
        } else if (!S_ISDIR(st.st_mode)) {
            errors.push_back(input + ": not a regular file or folder");
        } else {
            walk(input, files, errors);
        }
    }
    // One folder comes out sorted; several inputs (or a file named beside its folder) may not.
    if (inputs.size() > 1) sort_paths(files);
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

std::string lower_extension(std::string_view path) {
    // As std::filesystem::path::extension(): from the file name's last dot, none when the name
    // starts with its only dot.
    const std::string_view name = path.substr(path.rfind('/') + 1);   // npos + 1 == 0
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || name == "..") return {};
    std::string ext(name.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

namespace {

// Files asked for ahead while reads find theirs missing, and for how many files after a miss.
constexpr std::size_t read_ahead_files = 32;
constexpr std::size_t cold_span = 4096;

// Times this thread has slept so far (waited for something, not preempted).
long voluntary_switches() {
    rusage r {};
    return ::getrusage(RUSAGE_THREAD, &r) == 0 ? r.ru_nvcsw : 0;
}

int open_for_reading(const std::string& path) { return ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK); }

// Reads the whole of an open file. With `nowait` set, the first read takes only what is in
// memory; `missed` then tells whether some of the file was not (`nowait` is cleared where the
// system cannot tell).
bool read_open_file(int fd, std::string& bytes, std::string& error, bool& nowait, bool& missed, bool* too_large = nullptr) {
    // The size by seeking to the end: fstat cost 1.2 of the 5.2 µs a file's open, size, read and
    // close took on this VM (its stat copy and security hooks), lseek 0.1. A FIFO or socket
    // swapped in since the folder was listed cannot seek (ESPIPE), as fstat's S_ISREG refused it;
    // a character device seeks to 0 and reads as empty.
    const off_t end = ::lseek(fd, 0, SEEK_END);
    if (end < 0) {
        error = errno == ESPIPE ? std::string("not a regular file (FIFO, socket or device; not read)")
                                : std::string("cannot read file: ") + std::strerror(errno);
        return false;
    }
    const auto size = static_cast<std::uintmax_t>(end);
    if (size > max_file_bytes) {
        if (too_large) *too_large = true;
        error = "file too large (" + std::to_string(size >> 20) + " MB; the limit is " +
                std::to_string(max_file_bytes >> 20) + " MB)";
        return false;
    }
    bytes.resize(size);
    std::size_t done = 0;
    missed = false;
    bool refused = false;
    if (nowait && size > 0) {
        iovec v{bytes.data(), size};
        const ssize_t n = ::preadv2(fd, &v, 1, 0, RWF_NOWAIT);
        if (n > 0) done = static_cast<std::size_t>(n);
        if (n < 0 && errno != EAGAIN) nowait = false;   // not supported here: plain reads from now on
        refused = done < size;
    }
    const long sleeps_before = refused ? voluntary_switches() : 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, bytes.data() + done, size - done, static_cast<off_t>(done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    // RWF_NOWAIT also refuses pages that are in memory but marked for read-ahead (by fadvise,
    // or by the kernel's own read-ahead): on a warm Reuters folder, up to 1,045 of the 21,578
    // files after an earlier import. Only a read that then slept, waiting for the device, is a
    // miss (a clock would also count the times this thread was merely preempted).
    if (refused) missed = voluntary_switches() != sleeps_before;
    if (done != size) {
        error = "read error (file changed while being read?)";
        return false;
    }
    return true;
}

// `fd` (just opened; -1 when that failed) if it is a regular file, to be read a piece at a time
// from its start; otherwise closed, and -1 with `error` set.
int checked_for_stream(int fd, std::string& error) {
    if (fd < 0) {
        error = std::string("cannot read file: ") + std::strerror(errno);
        return -1;
    }
    struct stat st {};
    const bool stated = ::fstat(fd, &st) == 0;
    if (!stated || !S_ISREG(st.st_mode)) {
        error = stated ? std::string("not a regular file (FIFO, socket or device; not read)")
                       : std::string("cannot read file: ") + std::strerror(errno);
        ::close(fd);
        return -1;
    }
    (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);   // a hint: larger read-ahead
    return fd;
}

} // namespace

// One open, lseek and read per file: a file's name is looked up once, and no stream is built
// (std::filesystem::file_size then std::ifstream looked the path up twice and set up a filebuf
// for each of Reuters' 21,578 files). O_NONBLOCK: something swapped for a FIFO since the folder
// was listed is refused by lseek instead of blocking the import.
bool read_file(const std::string& path, std::string& bytes, std::string& error) {
    const FdCloser fd{open_for_reading(path)};
    if (fd.fd < 0) {   // e.g. removed since the folder was listed
        error = std::string("cannot read file: ") + std::strerror(errno);
        return false;
    }
    bool nowait = false, missed = false;
    return read_open_file(fd.fd, bytes, error, nowait, missed);
}

int open_stream_file(const std::string& path, std::string& error) { return checked_for_stream(open_for_reading(path), error); }

FileReader::~FileReader() {
    for (const int fd : m_ahead)
        if (fd >= 0) ::close(fd);
    if (m_dir_fd >= 0) ::close(m_dir_fd);
}

int FileReader::open_file(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos || slash + 1 == path.size()) return open_for_reading(path);
    const std::string_view dir(path.data(), slash + 1);   // "/" kept: the root folder is "/"
    if (m_dir_fd < 0 || dir != m_dir) {
        if (m_dir_fd >= 0) ::close(m_dir_fd);
        m_dir.assign(dir);
        m_dir_fd = ::open(m_dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    }
    if (m_dir_fd < 0) return open_for_reading(path);   // the folder cannot be held: by whole path
    return ::openat(m_dir_fd, path.c_str() + slash + 1, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
}

int FileReader::take(std::size_t i, std::size_t end, bool& was_ahead) {
    // In a cold stretch, a new run's first files are asked for together, this one included:
    // its read and theirs are in flight at once, where each run began with a read alone.
    if (m_ahead.empty() && i < m_cold_until && i + 1 < end) open_ahead(i, end);
    int ahead = -1;
    if (!m_ahead.empty() && m_ahead_from == i) {
        ahead = m_ahead.front();
        m_ahead.pop_front();
        ++m_ahead_from;
    } else if (!m_ahead.empty()) {   // out of order: what was opened ahead is of no use
        for (const int fd : m_ahead)
            if (fd >= 0) ::close(fd);
        m_ahead.clear();
    }
    was_ahead = ahead >= 0;
    return was_ahead ? ahead : open_file(m_paths[i]);
}

int FileReader::open(std::size_t i, std::string& error, std::size_t ahead_end) {
    bool was_ahead = false;
    const int fd = take(i, std::min(ahead_end, m_paths.size()), was_ahead);
    return checked_for_stream(fd, error);
}

bool FileReader::read(std::size_t i, std::string& bytes, std::string& error, std::size_t ahead_end, bool* too_large) {
    const std::size_t end = std::min(ahead_end, m_paths.size());
    bool was_ahead = false;
    const FdCloser fd{take(i, end, was_ahead)};
    if (fd.fd < 0) {
        error = std::string("cannot read file: ") + std::strerror(errno);
        return false;
    }
    bool missed = false;
    // A file opened ahead was asked for already: read as it comes. Asked "only if in memory"
    // it is mostly refused, cached or not (fadvise marks its pages for read-ahead, which
    // RWF_NOWAIT gives up on), and each refusal counted as a miss kept the whole run asking.
    bool nowait = !was_ahead && m_nowait;
    const bool ok = read_open_file(fd.fd, bytes, error, nowait, missed, too_large);
    if (!was_ahead) m_nowait = nowait;
    if (missed) {
        // A file of a folder in memory is now and then refused too (51 of Reuters' 21,578 warm
        // files in one run). One miss asks for the next few files; a second one soon after
        // (the first file past them) says the folder is cold.
        const bool again = m_missed_at <= i && i - m_missed_at <= 2 * read_ahead_files;
        m_cold_until = std::max(m_cold_until, i + 1 + (again ? cold_span : read_ahead_files));
        m_missed_at = i;
    }
    if (i + 1 < m_cold_until) open_ahead(i + 1, end);
    return ok;
}

// Opens the files from `first` up to read_ahead_files of them (not past `end`) and asks the
// kernel to read them in the background: several requests in flight instead of one.
void FileReader::open_ahead(std::size_t first, std::size_t end) {
    if (m_ahead.empty()) m_ahead_from = first;
    const std::size_t last = std::min(end, first + read_ahead_files);
    for (std::size_t j = m_ahead_from + m_ahead.size(); j < last; ++j) {
        const int fd = open_file(m_paths[j]);
        if (fd >= 0) (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);   // a hint: its failure changes nothing
        m_ahead.push_back(fd);
    }
}

} // namespace storyline::cli
