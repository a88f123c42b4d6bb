#pragma once
// Word tokens for name recognition: byte spans into the original text, a folded form for
// look-ups, and the shape and position facts the rules read.
#include "core/util/flat_table.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::entities {

enum class Shape : std::uint8_t {
    lower,        // "retrait", "kazakhes"
    capitalised,  // "Poutine", "McDonald", "Kassym-Jomart"
    all_caps,     // "OTSC", "U.S.", "LONDON"
    number,       // "2022", "1996-08-30"
    punct,        // one code point: ".", "«", "(", "—"
    elision,      // French elided article/pronoun split off its word: "l'", "d’", "qu'"
};

struct Token {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string_view fold;       // lower case, no accents, apostrophes as ' (into Tokens' buffer)
    std::uint64_t hash = 0;      // StringHash::of(fold), for the look-ups of every later stage
    Shape shape = Shape::lower;
    bool sentence_start = false; // first word of a sentence (its capital says nothing)
    bool line_start = false;
    bool blank_line_before = false;
    bool space_before = false;

    [[nodiscard]] bool is_word() const { return shape != Shape::punct && shape != Shape::number; }
    [[nodiscard]] bool upper_initial() const { return shape == Shape::capitalised || shape == Shape::all_caps; }
    [[nodiscard]] bool is(std::string_view folded) const { return fold == folded; }
};

// An article's tokens with the buffer their folds point into: one allocation for all the folds
// instead of a std::string per token. Movable (the buffer stays where it is), not copyable
// (a copy's folds would point into the original's buffer).
class Tokens : public std::vector<Token> {
public:
    Tokens() = default;
    Tokens(Tokens&&) noexcept = default;
    Tokens& operator=(Tokens&&) noexcept = default;
    Tokens(const Tokens&) = delete;
    Tokens& operator=(const Tokens&) = delete;
    ~Tokens() = default;

private:
    friend void tokenize_into(std::string_view text, bool split_dashed_words, Tokens& out);
    std::unique_ptr<char[]> m_folds;
    std::size_t m_folds_size = 0;
};

// Splits French elisions ("l'OTSC" -> "l'", "OTSC") and English possessives ("Putin's" ->
// "Putin", "'s") so that names are matched without them. With split_dashed_words, a capitalised
// word joined by hyphens to lower-case words only is a name and a dash run into the next words
// ("Chirac-qui", "France-affirme"): set for languages whose names take no lower-case suffix
// (French; English keeps "Russian-led").
Tokens tokenize(std::string_view text, bool split_dashed_words = false);
// The same into `out`, whose memory (the tokens' and the folds') is reused: a worker that keeps
// one for its articles writes into memory still in its cache instead of fresh memory.
void tokenize_into(std::string_view text, bool split_dashed_words, Tokens& out);

} // namespace storyline::entities
