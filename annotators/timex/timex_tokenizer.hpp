#pragma once
// Fast tokenizer for the temporal tagger: words (with French elision "l'", "d'"), numbers
// (thousands groups "1,500" and "2 000" kept as one grouped token, decimals "30,4", ordinal
// suffixes "1er", "21st", "1960s"), and one-character punctuation. Keys are lowercased
// (ASCII and Latin-1 letters) and typographic apostrophes become "'".
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::timex {

enum class TokKind : std::uint8_t { word, number, punct };

struct Token {
    std::uint32_t begin = 0;  // byte offsets into the text
    std::uint32_t end = 0;
    std::string_view key;     // normalized: lowercase word, number digits ("2000", "30.4"), punct
    std::string_view suffix;  // numbers: lowercase letters glued after the digits ("er", "st", "s")
    TokKind kind = TokKind::word;
    bool upper = false;         // word starts with an uppercase letter
    bool newline_before = false;
    bool grouped = false;       // number written with thousands separators
    bool decimal = false;       // number with a decimal part
    std::uint8_t digits = 0;    // digits in the integer part as written (before grouping)
};

// Tokenizes `text`; keys point into `text` where it already holds the key (lowercase ASCII
// words, plain punctuation) and otherwise into `norm`, which must hold text.size() + 16 bytes
// (keys are never longer than the text they come from). Left uninitialized by callers on purpose.
void tokenize(std::string_view text, std::vector<Token>& out, char* norm);
// The same into out[0, count), returning count: `out` is storage that only grows (its size is
// not the count), so a buffer kept from text to text is not rebuilt each time.
std::size_t tokenize_into(std::string_view text, std::vector<Token>& out, char* norm);

} // namespace storyline::timex
