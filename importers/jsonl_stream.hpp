#pragma once
// A JSON Lines file, or one JSON array of records, read a piece at a time, inflated on the way
// when it is gzip: its records come out as they are parsed, so a dump of any size is imported in
// bounded memory (a few hundred KB here, whatever the file). The whole-file path (import_bytes)
// holds the file, its inflated and decoded copies and all of its articles at once, and `import`
// refuses files over 64 MB for it. A file whose first character is '[' is read as an array (its
// items cut by their brackets, strings skipped over), any other as lines.
#include "importers/importer.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// Where a stream's bytes come from.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Up to `capacity` bytes into `into`; 0 at the end. Throws ImportError on a read error.
    virtual std::size_t read(char* into, std::size_t capacity) = 0;
};

// An open file descriptor, read from where it stands (not closed here).
class FdSource final : public ByteSource {
public:
    explicit FdSource(int fd) : m_fd(fd) {}
    std::size_t read(char* into, std::size_t capacity) override;

private:
    int m_fd;
};

// Bytes in memory, handed out `piece` bytes at a time (tests cut lines and gzip members across
// pieces with a small one).
class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::string_view bytes, std::size_t piece = std::size_t{1} << 16) : m_bytes(bytes), m_piece(piece) {}
    std::size_t read(char* into, std::size_t capacity) override;

private:
    std::string_view m_bytes;
    std::size_t m_piece;
};

// Whether a file is read as a stream whatever its size: one named .jsonl or .ndjson, gzip or not
// (the name says JSON Lines, and JsonlImporter's sniff already trusts it). `path` as in SourceInfo.
[[nodiscard]] bool streams_records(const std::string& path);
// Whether a file too large to be read whole is read as a stream instead: one named .json, gzip
// or not (a dump as one JSON array, or JSON Lines under a .json name).
[[nodiscard]] bool streams_when_large(const std::string& path);

class JsonlStream {
public:
    // `src`: the file's path and what the command line forces (language, date).
    JsonlStream(ByteSource& raw, SourceInfo src);
    ~JsonlStream();
    JsonlStream(const JsonlStream&) = delete;
    JsonlStream& operator=(const JsonlStream&) = delete;

    // The next record's article, finished as import_bytes finishes a file's articles (id, content
    // hash, language, source key "path#id" when the file has more than one record); false at the
    // end. A line or item that cannot be imported is added to `issues` and skipped. Throws ImportError
    // when the file cannot be read on: nothing in it, binary data, corrupt gzip (the records
    // returned before stay imported). UTF-16 with a byte order mark is converted as it comes.
    bool next(Article& out, std::vector<ImportIssue>& issues);
    // Bytes taken from the source so far (for gzip, compressed bytes).
    [[nodiscard]] std::uint64_t raw_bytes_read() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace storyline
