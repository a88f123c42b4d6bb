#pragma once
// Bytes in whatever encoding a saved page or copied file uses → clean UTF-8 text.
#include <memory>
#include <string>
#include <string_view>

namespace storyline {

struct DecodedText {
    std::string text;      // UTF-8, NFC, LF line ends, no BOM
    std::string charset;   // what the bytes were read as ("UTF-8", "UTF-16LE", "windows-1252", ...)
};

// Order of evidence: byte order mark; valid UTF-8; the charset an HTML <meta> or XML declaration
// names; mostly-valid UTF-8 (a few bad bytes are repaired); libuchardet; windows-1252 (which
// also reads Latin-1). Conversion is ICU's: invalid bytes become U+FFFD, nothing throws.
// Throws ImportError for empty or binary input (NUL bytes outside UTF-16, control characters).
DecodedText decode_text(std::string_view bytes);

// Text in a charset ICU knows, converted to UTF-8 a piece at a time: a sequence cut between two
// pieces is completed by the next. For a file read as a stream (importers/jsonl_stream.hpp),
// where decode_text() would need the whole file. Invalid bytes become U+FFFD.
class StreamDecoder {
public:
    // Throws ImportError for a charset ICU does not know.
    explicit StreamDecoder(const std::string& charset);
    ~StreamDecoder();
    StreamDecoder(const StreamDecoder&) = delete;
    StreamDecoder& operator=(const StreamDecoder&) = delete;
    // Appends the UTF-8 of `bytes` to `out`; `last`: no bytes follow.
    void decode(std::string_view bytes, std::string& out, bool last);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

// The charset declared in the first KB of an HTML or XML document, lower-cased; "" when none.
std::string declared_charset(std::string_view bytes);

// NFC; CRLF/CR → LF; no-break, thin and other fixed-width spaces → ' '; C0 controls other than
// tab/newline dropped. Input must be valid UTF-8.
std::string normalise_unicode(std::string_view utf8);

} // namespace storyline
