#include "core/text/words.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>

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

// ASCII letters and digits, over all 256 byte values (a non-ASCII byte is none).
constexpr auto ascii_word_byte = [] {
    std::array<bool, 256> t{};
    for (std::size_t c = 0; c < 128; ++c) t[c] = ascii_class[c] != Ascii::other;
    return t;
}();

// A letter or digit at text[i] (i < end) that a hyphen before it joins to the word.
bool word_char_at(std::string_view text, std::size_t i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) return ascii_class[b] != Ascii::other;
    const char32_t cp = next_code_point(text, i);
    return is_letter(cp) || is_digit(cp);
}

// End of the run of ASCII letters and digits from i, at most `end`. Sixteen bytes per step
// with SSE2 while they lie inside the text (bytes past `end` are read but not taken): words
// are short, and a byte at a time cost five instructions each.
std::size_t ascii_run_end(std::string_view text, std::size_t i, std::size_t end) {
#if defined(__SSE2__)
    while (i < end && i + 16 <= text.size()) {
        unsigned high = 0;
        const unsigned word = ascii_word_bytes16(text.data() + i, high);
        if (word != 0xFFFFu) return std::min(end, i + static_cast<std::size_t>(std::countr_one(word)));
        i += 16;
    }
#endif
    while (i < end && ascii_word_byte[static_cast<unsigned char>(text[i])]) ++i;
    return std::min(i, end);
}

} // namespace

void words_in(std::string_view text, Span range, std::vector<Word>& out) {
    out.clear();
    std::size_t i = range.begin;
    const std::size_t end = std::min<std::size_t>(range.end, text.size());
    // Words are at least a byte apart: room for all of a usual range at once, where growing
    // the vector word by word cost a fifth of the scan.
    constexpr std::size_t reserve_limit = 4096;
    if (end > i) out.reserve(std::min((end - i + 1) / 2, reserve_limit));
    while (i < end) {
        Word w;
        w.span.begin = static_cast<std::uint32_t>(i);
        if (const auto b0 = static_cast<unsigned char>(text[i]); b0 < 0x80) {
            if (ascii_class[b0] == Ascii::other) {
                ++i;
                continue;
            }
            w.capitalised = ascii_class[b0] == Ascii::upper;
#if defined(__SSE2__)
            // Most words: ASCII letters and digits that end, inside the range, at an ASCII byte
            // other than a hyphen. The same sixteen bytes then tell where the next word may
            // start (a letter, a digit or a non-ASCII byte), skipping the gap at once.
            if (i + 16 <= text.size()) {
                unsigned high = 0;
                const unsigned word = ascii_word_bytes16(text.data() + i, high);
                const auto run = static_cast<unsigned>(std::countr_one(word));
                if (run < 16 && i + run < end) {
                    if (const auto stop = static_cast<unsigned char>(text[i + run]); stop < 0x80 && stop != '-') {
                        w.span.end = static_cast<std::uint32_t>(i + run);
                        out.push_back(w);
                        const unsigned next = (word | high) & ~((2u << run) - 1);   // past the stop byte
                        i += next ? static_cast<std::size_t>(std::countr_zero(next)) : 16;
                        continue;
                    }
                }
            }
#endif
            ++i;
        } else {
            const char32_t cp = next_code_point(text, i);
            if (!is_letter(cp) && !is_digit(cp)) continue;
            w.capitalised = is_upper(cp);
        }
        std::size_t last = i;
        while (i < end) {
            if (const std::size_t run = ascii_run_end(text, i, end); run > i) {
                i = last = run;
                if (i >= end) break;
            }
            if (const auto b = static_cast<unsigned char>(text[i]); b < 0x80) {
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
