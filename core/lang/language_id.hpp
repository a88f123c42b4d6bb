#pragma once
// Language identification by function words: each language folder lists its most frequent
// short words (lang/<code>/function_words.txt); the language whose words cover most tokens wins.
// Adding a language is adding its list.
#include <string>
#include <string_view>

namespace storyline {

// Only the first bytes of a text are read (then up to the end of the code point they cut).
inline constexpr std::size_t language_sample_bytes = 4096;

// ISO 639-1 code, or "" when the text is too short or no language scores.
std::string identify_language(std::string_view text);
// The same as identify_language(title + "\n" + text), without building that string.
std::string identify_language(std::string_view title, std::string_view text);

} // namespace storyline
