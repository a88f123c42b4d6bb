#pragma once
// Case and accent folding for matching names: a fast table for Latin scripts on the hot path,
// ICU only for the rare letters outside it.
#include <cstdint>
#include <string>
#include <string_view>

namespace storyline::entities {

// Decodes one UTF-8 code point at text[i], advancing i; invalid bytes decode as U+FFFD.
char32_t decode_utf8(std::string_view text, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);

bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
bool is_digit(char32_t cp);
// ' and ’ (U+2019), ʼ.
bool is_apostrophe(char32_t cp);
// - and the Unicode hyphens (not dashes: "Asie — Europe" is two names).
bool is_hyphen(char32_t cp);

// Lower case without accents: "Tokaïev" -> "tokaiev", "L’OTSC" -> "l'otsc", "Œuvre" -> "oeuvre".
// Apostrophes become ', hyphens -, everything else is kept (lower-cased).
void fold_append(std::string& out, std::string_view text);
std::string fold(std::string_view text);

} // namespace storyline::entities
