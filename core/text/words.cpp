#include "core/text/words.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>

namespace storyline {

std::vector<Word> words_in(std::string_view text, Span range) {
    std::vector<Word> out;
    words_in(text, range, out);
    return out;
}

namespace {

// ASCII bytes by class, one table load per byte: most of most texts is ASCII.
enum class Ascii : unsigned char { other, lower, upper, digit };
constexpr auto ascii_class = [] {
    std::array<Ascii, 128> t{};
    for (std::size_t c = 'a'; c <= 'z'; ++c) t[c] = Ascii::lower;
    for (std::size_t c = 'A'; c <= 'Z'; ++c) t[c] = Ascii::upper;
    for (std::size_t c = '0'; c <= '9'; ++c) t[c] = Ascii::digit;
    return t;
}();

// A letter or digit at text[i] (i < end) that a hyphen before it joins to the word.
bool word_char_at(std::string_view text, std::size_t i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) return ascii_class[b] != Ascii::other;
    const char32_t cp = next_code_point(text, i);
    return is_letter(cp) || is_digit(cp);
}

} // namespace

void words_in(std::string_view text, Span range, std::vector<Word>& out) {
    out.clear();
    std::size_t i = range.begin;
    const std::size_t end = std::min<std::size_t>(range.end, text.size());
    while (i < end) {
        Word w;
        w.span.begin = static_cast<std::uint32_t>(i);
        if (const auto b0 = static_cast<unsigned char>(text[i]); b0 < 0x80) {
            ++i;
            if (ascii_class[b0] == Ascii::other) continue;
            w.capitalised = ascii_class[b0] == Ascii::upper;
        } else {
            const char32_t cp = next_code_point(text, i);
            if (!is_letter(cp) && !is_digit(cp)) continue;
            w.capitalised = is_upper(cp);
        }
        std::size_t last = i;
        while (i < end) {
            if (const auto b = static_cast<unsigned char>(text[i]); b < 0x80) {
                if (ascii_class[b] != Ascii::other) {
                    last = ++i;
                    continue;
                }
                // An inner hyphen joins when a letter or digit follows ("Kassym-Jomart").
                if (b == '-' && i + 1 < end && word_char_at(text, i + 1)) {
                    ++i;
                    continue;
                }
                break;
            }
            std::size_t j = i;
            const char32_t cp = next_code_point(text, j);
            if (is_letter(cp) || is_digit(cp)) {
                i = j;
                last = j;
                continue;
            }
            if ((cp == 0x2010 || cp == 0x2011) && j < end && word_char_at(text, j)) {
                i = j;
                continue;
            }
            break;
        }
        w.span.end = static_cast<std::uint32_t>(last);
        out.push_back(w);
    }
}

} // namespace storyline
