#pragma once
// Checks every importer applies to raw bytes before reading them as text.
#include <initializer_list>
#include <string>
#include <string_view>

namespace storyline {

// Throws ImportError with a clear reason for empty input, binary content (NUL bytes or mostly
// control characters) and text that is not UTF-8.
void require_utf8_text(std::string_view bytes);
// The binary-content part of the above: NUL bytes, or more than a tenth of control characters
// in the first 64 KB.
void require_not_binary(std::string_view bytes);
// True when every byte is printable ASCII, '\n' or '\t': text that passes every check above and
// that decoding and Unicode normalisation leave as it is (most English news).
bool plain_ascii_text(std::string_view bytes);
// Drops a UTF-8 byte order mark and turns CRLF / CR line ends into LF.
std::string normalise_newlines(std::string_view bytes);
// True when the first non-blank byte is one of `chars`.
bool starts_with_any(std::string_view bytes, std::string_view chars);
// Whether one of `tags` (lower case, each starting with '<': "<html", "<!doctype html") starts
// and ends within the first `limit` bytes, compared without case: the sniffers' test, without
// a lower-cased copy of the head.
bool head_has_tag(std::string_view bytes, std::size_t limit, std::initializer_list<std::string_view> tags);

} // namespace storyline
