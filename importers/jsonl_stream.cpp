#include "importers/jsonl_stream.hpp"

#include "importers/encoding.hpp"
#include "importers/gzip.hpp"
#include "importers/import_bytes.hpp"
#include "importers/jsonl_importer.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <unistd.h>

namespace storyline {

std::size_t FdSource::read(char* into, std::size_t capacity) {
    for (;;) {
        const ssize_t n = ::read(m_fd, into, capacity);
        if (n >= 0) return static_cast<std::size_t>(n);
        if (errno != EINTR) throw ImportError(std::string("read error: ") + std::strerror(errno));
    }
}

std::size_t MemorySource::read(char* into, std::size_t capacity) {
    const std::size_t n = std::min({capacity, m_piece, m_bytes.size()});
    std::memcpy(into, m_bytes.data(), n);
    m_bytes.remove_prefix(n);
    return n;
}

bool streams_records(const std::string& path) {
    const std::string ext = format_extension(path);
    return ext == "jsonl" || ext == "ndjson";
}

bool streams_when_large(const std::string& path) { return format_extension(path) == "json"; }

namespace {

constexpr std::size_t piece_bytes = std::size_t{1} << 16;
// A gzip stream is refused once it has inflated past 1 GiB to more than this many times its
// compressed size: news text compresses 3 to 10 times, a decompression bomb (zeros) a thousand.
// Past that point it could only be a bomb, which a stream would otherwise read for hours.
constexpr std::uint64_t max_inflate_ratio = 64;

} // namespace

struct JsonlStream::Impl {
    ByteSource& raw;
    SourceInfo src;
    std::uint64_t raw_read = 0;

    // The source's bytes, for gzip: read ahead of the inflater.
    std::vector<char> in = std::vector<char>(piece_bytes);
    std::size_t in_pos = 0, in_len = 0;
    bool raw_end = false;
    bool started = false, gzip = false;
    z_stream zs{};
    std::uint64_t inflated = 0;

    bool bytes_end = false;
    // UTF-16 text (a byte order mark at the start) is converted to UTF-8 as it comes.
    bool charset_known = false;
    std::unique_ptr<StreamDecoder> utf16;
    std::string undecoded;

    // The text not yet cut into lines is text[pos, size).
    std::string text;
    std::size_t pos = 0;
    std::size_t line_no = 0;

    // Lines (JSON Lines), or the items of one JSON array (a file whose first character is '[').
    enum class Framing { unknown, lines, array } framing = Framing::unknown;
    bool array_closed = false;
    bool done = false;   // the end was reached (and what follows an array said)
    std::size_t item_no = 0;

    std::deque<Article> ahead;   // at the start: the first record, held until a second one tells the file has many
    std::size_t returned = 0;
    bool anything = false;       // a non-blank line was seen

    Impl(ByteSource& r, SourceInfo s) : raw(r), src(std::move(s)) {}
    ~Impl() {
        if (gzip) inflateEnd(&zs);
    }

    // At least `n` unread source bytes in `in`, unless the source ends first.
    void want_input(std::size_t n) {
        if (in_len - in_pos >= n || raw_end) return;
        std::memmove(in.data(), in.data() + in_pos, in_len - in_pos);
        in_len -= in_pos;
        in_pos = 0;
        while (in_len < n && !raw_end) {
            const std::size_t got = raw.read(in.data() + in_len, in.size() - in_len);
            raw_read += got;
            in_len += got;
            raw_end = got == 0;
        }
    }

    void start() {
        started = true;
        want_input(3);
        gzip = is_gzip(std::string_view(in.data() + in_pos, in_len - in_pos));
        if (gzip && inflateInit2(&zs, 15 + 32) != Z_OK) {
            gzip = false;
            throw ImportError("gzip: cannot initialise zlib");
        }
    }

    // Appends the next piece of text; false at the end of the file. UTF-8 goes on as it is (each
    // line is checked and normalised on its own); UTF-16, told by its byte order mark, is
    // converted on the way.
    bool more_text() {
        if (!charset_known) {
            charset_known = true;
            while (text.size() < 2 && more_bytes(text)) {}
            const bool le = std::string_view(text).starts_with("\xFF\xFE"), be = std::string_view(text).starts_with("\xFE\xFF");
            if (!le && !be) return !text.empty();
            utf16 = std::make_unique<StreamDecoder>(le ? "UTF-16LE" : "UTF-16BE");
            undecoded = text.substr(2);
            text.clear();
        }
        if (!utf16) return more_bytes(text);
        for (;;) {
            const bool more = more_bytes(undecoded);
            const std::size_t before = text.size();
            utf16->decode(undecoded, text, !more);
            undecoded.clear();
            if (text.size() > before) return true;
            if (!more) return false;
        }
    }

    // Appends the next piece of the file's bytes, inflated when gzip; false at the end.
    bool more_bytes(std::string& into) {
        if (!started) start();
        if (bytes_end) return false;
        if (!gzip) {
            if (in_pos < in_len) {   // what start() read to look for gzip's magic bytes
                into.append(in.data() + in_pos, in_len - in_pos);
                in_pos = in_len;
                return true;
            }
            const std::size_t old = into.size();
            into.resize(old + piece_bytes);
            const std::size_t got = raw.read(into.data() + old, piece_bytes);
            raw_read += got;
            into.resize(old + got);
            bytes_end = got == 0;
            return !bytes_end;
        }
        for (;;) {
            want_input(1);
            zs.next_in = reinterpret_cast<Bytef*>(in.data() + in_pos);
            zs.avail_in = static_cast<uInt>(in_len - in_pos);
            const std::size_t old = into.size();
            into.resize(old + piece_bytes);
            zs.next_out = reinterpret_cast<Bytef*>(into.data() + old);
            zs.avail_out = static_cast<uInt>(piece_bytes);
            const int rc = inflate(&zs, Z_NO_FLUSH);
            const std::size_t produced = piece_bytes - zs.avail_out;
            into.resize(old + produced);
            in_pos = in_len - zs.avail_in;
            inflated += produced;
            if (inflated > max_inflated_bytes && inflated > max_inflate_ratio * raw_read)
                throw ImportError("gzip: more than " + std::to_string(max_inflate_ratio) +
                                  " times its compressed size once inflated (a decompression bomb?)");
            if (rc == Z_STREAM_END) {
                want_input(3);   // another gzip member may follow; anything else after one is ignored, as gunzip does
                if (in_pos < in_len && is_gzip(std::string_view(in.data() + in_pos, in_len - in_pos))) inflateReset(&zs);
                else bytes_end = true;
            } else if (rc == Z_BUF_ERROR) {   // no progress: the input ran out inside a member
                if (raw_end && in_pos == in_len) throw ImportError("gzip: corrupt or truncated data");
            } else if (rc != Z_OK) {
                throw ImportError("gzip: corrupt or truncated data");
            }
            if (produced > 0) return true;
            if (bytes_end) return false;
        }
    }

    enum class Cut { line, too_long, end };
    // The next line (without its '\n'); a line longer than max_jsonl_line_bytes is skipped as it
    // comes, never held whole. `size` is the line's length.
    Cut next_line(std::string_view& line, std::size_t& size) {
        std::size_t scanned = pos;      // no '\n' in text[pos, scanned)
        std::size_t skipped = 0;        // bytes of a too-long line dropped so far
        for (;;) {
            const auto nl = text.find('\n', scanned);
            if (nl != std::string::npos) {
                line = std::string_view(text).substr(pos, nl - pos);
                size = skipped + (nl - pos);
                pos = nl + 1;
                ++line_no;
                return skipped || size > max_jsonl_line_bytes ? Cut::too_long : Cut::line;
            }
            if (text.size() - pos > max_jsonl_line_bytes) {   // too long already: dropped, not held
                skipped += text.size() - pos;
                text.clear();
                pos = 0;
            } else if (pos > 0) {
                text.erase(0, pos);
                pos = 0;
            }
            scanned = text.size();
            if (!more_text()) {
                if (text.empty() && !skipped) return Cut::end;
                line = text;   // the last line, without a newline
                size = skipped + text.size();
                pos = text.size();
                ++line_no;
                return skipped || size > max_jsonl_line_bytes ? Cut::too_long : Cut::line;
            }
        }
    }

    static bool json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

    // The next item of the array (one JSON value, its nested strings and brackets skipped over);
    // an item longer than max_jsonl_line_bytes is dropped as it comes, as a long line is. End at
    // the array's ']' (array_closed) or at the end of the file.
    Cut next_item(std::string_view& item, std::size_t& size) {
        for (;;) {   // to the item's first character, past the commas and spaces between items
            while (pos < text.size() && (json_space(text[pos]) || text[pos] == ',')) ++pos;
            if (pos < text.size()) break;
            text.clear();
            pos = 0;
            if (!more_text()) return Cut::end;
        }
        if (text[pos] == ']') {
            ++pos;
            array_closed = true;
            return Cut::end;
        }
        std::size_t i = pos, skipped = 0;
        int depth = 0;
        bool in_string = false, escaped = false, ended = false;
        while (!ended) {
            for (; i < text.size() && !ended; ++i) {
                const char c = text[i];
                if (in_string) {
                    if (escaped) escaped = false;
                    else if (c == '\\') escaped = true;
                    else if (c == '"') in_string = false;
                } else if (c == '"') {
                    in_string = true;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (depth == 0) break;   // the array's own ']' after a bare value: not the item's
                    ended = --depth == 0;
                } else if (depth == 0 && (c == ',' || json_space(c))) {
                    break;                   // a bare value (number, literal) ends here
                }
            }
            if (ended || (i < text.size())) break;
            if (i - pos > max_jsonl_line_bytes) {   // too long already: dropped, not held
                skipped += i - pos;
                text.clear();
                pos = i = 0;
            } else if (pos > 0) {
                text.erase(0, pos);
                i -= pos;
                pos = 0;
            }
            if (!more_text()) break;   // the file ends inside the item: its parse will say so
        }
        // A stray '}' where an item should start: taken as an item of its own (and reported as
        // invalid), so that the next call moves on.
        if (i == pos && !skipped && i < text.size()) ++i;
        item = std::string_view(text).substr(pos, i - pos);
        size = skipped + (i - pos);
        pos = i;
        ++item_no;
        return skipped || size > max_jsonl_line_bytes ? Cut::too_long : Cut::line;
    }

    // Lines, or an array's items: told by the first character that is not a space, within the
    // first 64 KB (JSON Lines may open with blank lines; an array does not wait that long).
    void find_framing() {
        auto first_char = [&] {
            std::size_t first = std::string_view(text).starts_with("\xEF\xBB\xBF") ? 3 : 0;
            while (first < text.size() && json_space(text[first])) ++first;
            return first;
        };
        // Three bytes at least: a byte order mark may come in pieces.
        while (text.size() < piece_bytes && (text.size() < 3 || first_char() == text.size()) && more_text()) {}
        const std::size_t first = first_char();
        framing = first < text.size() && text[first] == '[' ? Framing::array : Framing::lines;
        if (framing == Framing::array) pos = first + 1;
    }

    // Parses records until one gives an article (into `ahead`); false at the end of the file.
    bool read_record(std::vector<ImportIssue>& issues) {
        if (done) return false;
        if (framing == Framing::unknown) find_framing();
        const bool array = framing == Framing::array;
        std::string_view line;
        std::size_t size = 0;
        std::string error;
        for (;;) {
            if (array && array_closed) {   // what follows the array is said, not read
                for (;;) {
                    while (pos < text.size() && json_space(text[pos])) ++pos;
                    if (pos < text.size()) {
                        issues.push_back({"", "content after the JSON array"});
                        break;
                    }
                    text.clear();
                    pos = 0;
                    if (!more_text()) break;
                }
                done = true;
                return false;
            }
            const Cut cut = array ? next_item(line, size) : next_line(line, size);
            if (cut == Cut::end) {
                if (array && array_closed) continue;
                if (array) {
                    anything = true;
                    issues.push_back({"", "the JSON array is not closed (file truncated?)"});
                }
                done = true;
                return false;
            }
            auto say = [&](std::string reason) {
                issues.push_back({array ? "item " + std::to_string(item_no) : "line " + std::to_string(line_no), std::move(reason)});
            };
            if (cut == Cut::too_long) {
                anything = true;
                say(std::string(array ? "item" : "line") + " too long (" + std::to_string(size >> 20) + " MB)");
                continue;
            }
            if (!array) line = trim_jsonl_line(line);
            if (line.empty()) continue;
            if (line.find('\0') != std::string_view::npos) {
                if (!anything) throw ImportError("binary file (NUL bytes)");
                say("binary data (NUL bytes)");
                continue;
            }
            anything = true;
            Article a;
            try {
                // As the whole-file path decodes a file: NFC, fixed-width spaces, a line in
                // another encoding converted (each line on its own here).
                const DecodedText decoded = decode_text(line);
                if (!article_from_jsonl_line(decoded.text, a, error)) {
                    say(error);
                    continue;
                }
            } catch (const ImportError& e) {
                say(e.what());
                continue;
            }
            if (article_too_large(a, error)) {
                say(error);
                continue;
            }
            a.format = array ? "json" : "jsonl";
            ahead.push_back(std::move(a));
            return true;
        }
    }
};

JsonlStream::JsonlStream(ByteSource& raw, SourceInfo src) : m(std::make_unique<Impl>(raw, std::move(src))) {}
JsonlStream::~JsonlStream() = default;

std::uint64_t JsonlStream::raw_bytes_read() const { return m->raw_read; }

bool JsonlStream::next(Article& out, std::vector<ImportIssue>& issues) {
    if (m->ahead.empty() && !m->read_record(issues)) {
        if (m->returned == 0 && !m->anything) throw ImportError("empty file");
        return false;
    }
    // A file of one record is keyed by its path alone, as import_bytes keys it: the first
    // record waits for a second one to tell.
    if (m->returned == 0 && m->ahead.size() == 1) m->read_record(issues);
    const std::size_t records = m->returned == 0 ? m->ahead.size() : 2;
    out = std::move(m->ahead.front());
    m->ahead.pop_front();
    finish_article(out, m->src, m->returned, records);
    ++m->returned;
    return true;
}

} // namespace storyline
