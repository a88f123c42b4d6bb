#pragma once
// Checks every importer applies to raw bytes before reading them as text.
#include <string>
#include <string_view>

namespace storyline {

// Throws ImportError with a clear reason for empty input, binary content (NUL bytes or mostly
// control characters) and text that is not UTF-8.
void require_utf8_text(std::string_view bytes);
// Drops a UTF-8 byte order mark and turns CRLF / CR line ends into LF.
std::string normalise_newlines(std::string_view bytes);
// True when the first non-blank byte is one of `chars`.
bool starts_with_any(std::string_view bytes, std::string_view chars);

} // namespace storyline
