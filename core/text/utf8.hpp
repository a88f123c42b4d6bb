#pragma once
// UTF-8 helpers shared by every stage. All text in Storyline is UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace storyline {

[[nodiscard]] bool valid_utf8(std::string_view s);
// Decodes a multi-byte sequence at s[i] (the slow path of next_code_point).
char32_t next_code_point_multibyte(std::string_view s, std::size_t& i);
// Decodes the code point at s[i] and advances i; malformed bytes decode as U+FFFD, one byte each.
// Inline: every stage walks its text with it, and most news text is ASCII.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    return next_code_point_multibyte(s, i);
}
void append_utf8(std::string& out, char32_t cp);
// Replaces malformed sequences by U+FFFD (importers call this on anything they did not convert).
[[nodiscard]] std::string repair_utf8(std::string_view s);
// Case- and accent-insensitive form for keys and look-ups: NFD, combining marks dropped,
// case-folded, typographic apostrophes and dashes unified.
[[nodiscard]] std::string fold(std::string_view s);
// Unicode white space, including no-break and thin spaces (U+00A0, U+2009, U+202F ...).
[[nodiscard]] bool is_space(char32_t cp);
// ICU's answers, for code points beyond ASCII.
[[nodiscard]] bool is_upper_unicode(char32_t cp);
[[nodiscard]] bool is_letter_unicode(char32_t cp);
// Inline ASCII paths: word splitting calls these for every character.
[[nodiscard]] inline bool is_upper(char32_t cp) { return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : is_upper_unicode(cp); }
[[nodiscard]] inline bool is_letter(char32_t cp) {
    return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') : is_letter_unicode(cp);
}
[[nodiscard]] inline bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
// fold(squeeze_spaces(s)) into `out` (cleared first), in one pass and without a string of its
// own. With `enough`, it stops once `out` holds more than `enough` bytes: `out` is then a prefix
// of the whole, longer than `enough` (enough for a caller that compares with short patterns).
void fold_squeezed(std::string_view s, std::string& out, std::size_t enough = std::string::npos);
// Eight bytes read as one integer (SWAR), for loops over mostly-ASCII text: the high bit of each
// byte that is an ASCII letter, or digit. For a byte b < 0x80, b + c has its high bit set when
// b >= 0x80 - c, and no such sum carries into the next byte; bytes >= 0x80 count as neither.
namespace swar {
inline constexpr std::uint64_t high = 0x8080808080808080ULL;
inline constexpr std::uint64_t ones = 0x0101010101010101ULL;
[[nodiscard]] inline std::uint64_t ascii_letters(std::uint64_t x) {
    const std::uint64_t y = x | (0x20 * ones);   // lower case
    return (y + (0x80 - 'a') * ones) & ~(y + (0x80 - 'z' - 1) * ones) & ~x & high;
}
[[nodiscard]] inline std::uint64_t ascii_digits(std::uint64_t x) {
    return (x + (0x80 - '0') * ones) & ~(x + (0x80 - '9' - 1) * ones) & ~x & high;
}
// x with its ASCII letters lower-cased (0x80 >> 2 is the case bit).
[[nodiscard]] inline std::uint64_t ascii_lower(std::uint64_t x) { return x | (ascii_letters(x) >> 2); }
} // namespace swar
#if defined(__SSE2__)
// Sixteen bytes at `at` (all inside the text): bit k of the result is set when at[k] is an ASCII
// letter or digit, bit k of `high` when at[k] >= 0x80. (b | 0x20) + (0x80 - 'a') is below
// -128 + 26, as a signed byte, for ASCII letters only; b + (0x80 - '0') below -128 + 10 for
// digits only.
inline unsigned ascii_word_bytes16(const char* at, unsigned& high) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    const __m128i letter = _mm_cmplt_epi8(
        _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
        _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                                         _mm_set1_epi8(static_cast<char>(-128 + 10)));
    high = static_cast<unsigned>(_mm_movemask_epi8(v));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
}
#endif
// Collapses runs of white space to one ASCII space and trims both ends.
[[nodiscard]] std::string squeeze_spaces(std::string_view s);
// The first bytes of squeeze_spaces(s): all of it when it is at most `enough` bytes long, else
// its first enough + 1 bytes (which may end inside a code point). For a caller that shows only
// the head of a long text.
[[nodiscard]] std::string squeeze_spaces(std::string_view s, std::size_t enough);

} // namespace storyline
