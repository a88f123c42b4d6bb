#include "annotators/timex/timex_tokenizer.hpp"

#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace storyline::timex {
namespace {

using u8 = unsigned char;

inline bool is_digit(u8 c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(u8 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Byte table for the hot loops: one load tells a lowercase ASCII letter (most of a text's
// bytes), another ASCII letter, or ASCII white space.
// b_joins: a byte that may go on a word (ASCII letter, apostrophe, any non-ASCII byte): a
// lowercase run that stops before anything else is a whole word.
enum : u8 { b_lower = 1, b_alpha = 2, b_space = 4, b_joins = 8 };
constexpr std::array<u8, 256> make_byte_classes() {
    std::array<u8, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = b_lower | b_alpha | b_joins;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = b_alpha | b_joins;
    for (int c = 0x80; c <= 0xFF; ++c) t[static_cast<std::size_t>(c)] = b_joins;
    t[static_cast<u8>('\'')] = b_joins;
    for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[static_cast<u8>(c)] = b_space;
    return t;
}
constexpr std::array<u8, 256> byte_class = make_byte_classes();
inline bool is_lower_ascii(char c) { return byte_class[static_cast<u8>(c)] & b_lower; }

// End of the run of lowercase ASCII letters from j: sixteen bytes per step with SSE2, else
// eight (the bytes' low seven bits are compared to 'a' and 'z' in parallel, no carry crosses
// a byte), then byte by byte near the end of the text.
inline std::size_t lower_run_end(std::string_view t, std::size_t j) {
    const std::size_t n = t.size();
#if defined(__SSE2__)
    // Adding 0x80 - 'a' maps 'a'..'z', and only them, to -128..-103 as signed bytes.
    const __m128i shift = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
    const __m128i limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
    while (j + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + j));
        const auto lower = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(v, shift), limit)));
        if (lower != 0xFFFFu) return j + static_cast<std::size_t>(std::countr_zero(~lower));
        j += 16;
    }
#endif
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t hi = 0x8080808080808080ULL;
        while (j + 8 <= n) {
            std::uint64_t v = 0;
            std::memcpy(&v, t.data() + j, 8);
            const std::uint64_t x = v & ~hi;
            const std::uint64_t ge_a = x + 0x1F1F1F1F1F1F1F1FULL;  // high bit: byte >= 'a'
            const std::uint64_t gt_z = x + 0x0505050505050505ULL;  // high bit: byte > 'z'
            const std::uint64_t lower = ge_a & ~gt_z & ~v & hi;
            if (lower != hi) return j + static_cast<std::size_t>(std::countr_zero(~lower & hi)) / 8;
            j += 8;
        }
    }
    while (j < n && is_lower_ascii(t[j])) ++j;
    return j;
}

// Length of a whitespace sequence at i (ASCII space/tab/newline, NBSP, narrow and thin NBSP),
// 0 if none; sets nl when a newline is seen.
inline std::size_t space_len(std::string_view t, std::size_t i, bool& nl) {
    const u8 c = static_cast<u8>(t[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == '\n') { nl = true; return 1; }
    if (c == 0xC2 && i + 1 < t.size() && static_cast<u8>(t[i + 1]) == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < t.size() && static_cast<u8>(t[i + 1]) == 0x80) {
        const u8 d = static_cast<u8>(t[i + 2]);
        if (d == 0xAF || d == 0x89 || (d >= 0x80 && d <= 0x8A)) return 3;
    }
    return 0;
}

// Apostrophe at i: "'" or U+2019/U+2018; returns its byte length or 0.
inline std::size_t apostrophe_len(std::string_view t, std::size_t i) {
    const u8 c = static_cast<u8>(t[i]);
    if (c == '\'') return 1;
    if (c == 0xE2 && i + 2 < t.size() && static_cast<u8>(t[i + 1]) == 0x80 &&
        (static_cast<u8>(t[i + 2]) == 0x99 || static_cast<u8>(t[i + 2]) == 0x98))
        return 3;
    return 0;
}

// Letter at i (ASCII or a non-punctuation UTF-8 sequence); returns byte length or 0.
inline std::size_t letter_len(std::string_view t, std::size_t i) {
    const u8 c = static_cast<u8>(t[i]);
    if (c < 0x80) return is_ascii_alpha(c) ? 1 : 0;
    if (c == 0xC2) return 0;                       // Latin-1 symbols: « » ° NBSP ...
    if (c == 0xE2) return 0;                       // general punctuation, dashes, quotes
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > t.size()) return 0;
    if (c == 0xC3 && (static_cast<u8>(t[i + 1]) == 0x97 || static_cast<u8>(t[i + 1]) == 0xB7)) return 0;  // × ÷
    return n;
}

inline bool upper_at(std::string_view t, std::size_t i) {
    const u8 c = static_cast<u8>(t[i]);
    if (c >= 'A' && c <= 'Z') return true;
    return c == 0xC3 && i + 1 < t.size() && static_cast<u8>(t[i + 1]) >= 0x80 && static_cast<u8>(t[i + 1]) <= 0x9E;
}

// Output cursor into the preallocated key buffer (never longer than the text: lowercasing
// keeps lengths, apostrophes and dashes only shrink).
struct Out {
    char* base;
    std::size_t n = 0;
    void push_back(char c) { base[n++] = c; }
    void append(std::string_view s) {
        for (char c : s) base[n++] = c;
    }
    [[nodiscard]] std::size_t size() const { return n; }
    void resize(std::size_t k) { n = k; }
    [[nodiscard]] std::string_view view(std::size_t from) const { return {base + from, n - from}; }
};

// Appends the lowercase form of t[b, e) (same length for ASCII and Latin-1).
inline void append_lower(std::string_view t, std::size_t b, std::size_t e, Out& norm) {
    for (std::size_t i = b; i < e; ++i) {
        u8 c = static_cast<u8>(t[i]);
        if (c < 0x80) {
            norm.base[norm.n++] = static_cast<char>(c | ((c >= 'A' && c <= 'Z') ? 0x20 : 0));
            continue;
        }
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<u8>(c + 32);
        } else if (c == 0xC3 && i + 1 < e) {
            u8 d = static_cast<u8>(t[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<u8>(d + 0x20);
            norm.push_back(static_cast<char>(c));
            norm.push_back(static_cast<char>(d));
            ++i;
            continue;
        } else if (c == 0xC5 && i + 1 < e && static_cast<u8>(t[i + 1]) == 0x92) {  // Œ
            norm.push_back(static_cast<char>(0xC5));
            norm.push_back(static_cast<char>(0x93));
            ++i;
            continue;
        }
        norm.push_back(static_cast<char>(c));
    }
}

inline std::size_t digit_run(std::string_view t, std::size_t i) {
    std::size_t j = i;
    while (j < t.size() && is_digit(static_cast<u8>(t[j]))) ++j;
    return j - i;
}

} // namespace

std::size_t tokenize_into(std::string_view text, std::vector<Token>& out, char* norm_buffer) {
    // Tokens are assigned into `out`'s existing elements: constructing each one through
    // emplace_back cost more than filling it.
    if (out.size() < text.size() / 4 + 16) out.resize(text.size() / 4 + 16);
    Token* toks = out.data();
    std::size_t cap = out.size(), count = 0;
    Out norm{norm_buffer};
    const std::size_t n = text.size();
    std::size_t i = 0;
    bool nl = false;
    while (i < n) {
        const u8 c = static_cast<u8>(text[i]);
        const u8 cls = byte_class[c];
        if (cls & b_space) {
            nl = nl || c == '\n';
            ++i;
            continue;
        }
        if (c >= 0x80) {
            if (std::size_t s = space_len(text, i, nl)) {  // NBSP and other Unicode spaces
                i += s;
                continue;
            }
        }
        // Filled in place: copying a finished token into the vector cost a call per token.
        if (count == cap) {
            out.resize(cap * 2);
            toks = out.data();
            cap = out.size();
        }
        Token& tok = toks[count++];
        tok = Token{};
        tok.begin = static_cast<std::uint32_t>(i);
        tok.newline_before = nl;
        nl = false;
        const std::size_t key_start = norm.size();
        if (is_digit(c)) {
            tok.kind = TokKind::number;
            std::size_t run = digit_run(text, i);
            tok.digits = static_cast<std::uint8_t>(run > 255 ? 255 : run);
            norm.append(text.substr(i, run));
            std::size_t j = i + run;
            // Thousands groups: "1,500", "1.500.000", "2 000" (first group of 1-3 digits).
            for (;;) {
                if (j + 3 < n + 0 && (text[j] == ',' || text[j] == '.') && digit_run(text, j + 1) == 3 &&
                    (j + 4 >= n || !is_digit(static_cast<u8>(text[j + 4])))) {
                    norm.append(text.substr(j + 1, 3));
                    tok.grouped = true;
                    j += 4;
                    continue;
                }
                bool dummy = false;
                std::size_t s = j < n ? space_len(text, j, dummy) : 0;
                if (s && !dummy && (tok.grouped || run <= 3) && digit_run(text, j + s) == 3 &&
                    (j + s + 3 >= n || (!is_digit(static_cast<u8>(text[j + s + 3])) &&
                                        !letter_len(text, j + s + 3)))) {
                    norm.append(text.substr(j + s, 3));
                    tok.grouped = true;
                    j += s + 3;
                    continue;
                }
                break;
            }
            // Decimal part: "30,4", "1.5".
            if (!tok.grouped && j + 1 < n && (text[j] == ',' || text[j] == '.') &&
                is_digit(static_cast<u8>(text[j + 1]))) {
                std::size_t d = digit_run(text, j + 1);
                if (d != 3 || text[j] == '.') {
                    norm.push_back('.');
                    norm.append(text.substr(j + 1, d));
                    tok.decimal = true;
                    j += 1 + d;
                }
            }
            tok.key = norm.view(key_start);
            // Glued ordinal/plural suffix: "1er", "21st", "2e", "1960s".
            std::size_t k = j;
            while (k < n) {
                std::size_t l = letter_len(text, k);
                if (!l) break;
                k += l;
            }
            if (k > j && k - j <= 4) {
                const std::size_t sfx_start = norm.size();
                append_lower(text, j, k, norm);
                std::string_view sfx = norm.view(sfx_start);
                if (sfx == "st" || sfx == "nd" || sfx == "rd" || sfx == "th" || sfx == "er" || sfx == "re" ||
                    sfx == "e" || sfx == "ème" || sfx == "eme" || sfx == "s" || sfx == "è") {
                    tok.suffix = sfx;
                    j = k;
                } else {
                    norm.resize(sfx_start);
                }
            }
            tok.end = static_cast<std::uint32_t>(j);
            i = j;
        } else if (std::size_t l = (cls & b_alpha) ? 1 : c >= 0x80 ? letter_len(text, i) : 0) {
            tok.kind = TokKind::word;
            tok.upper = (cls & b_alpha) ? !(cls & b_lower) : upper_at(text, i);
            // Most words are lowercase ASCII ending at a space or ASCII punctuation other than
            // an apostrophe: their key is the text itself, nothing to copy.
            std::size_t j = lower_run_end(text, i);
            if (j > i && (j == n || !(byte_class[static_cast<u8>(text[j])] & b_joins))) {
                tok.key = std::string_view(text.data() + i, j - i);
                tok.end = static_cast<std::uint32_t>(j);
                i = j;
                continue;
            }
            // Next most: a capital and a lowercase run ("Reuters", "U"): the key is the run
            // behind the lowercased capital. Keys never outgrow their text, so the buffer's
            // 16 spare bytes take a whole 16-byte copy.
            if (j == i && (cls & b_alpha)) {
                j = lower_run_end(text, i + 1);
                if (j == n || !(byte_class[static_cast<u8>(text[j])] & b_joins)) {
                    char* dst = norm.base + norm.n;
                    dst[0] = static_cast<char>(c | 0x20);
                    if (j - i <= 16 && i + 17 <= n) std::memcpy(dst + 1, text.data() + i + 1, 16);
                    else std::memcpy(dst + 1, text.data() + i + 1, j - i - 1);
                    norm.n += j - i;
                    tok.key = norm.view(key_start);
                    tok.end = static_cast<std::uint32_t>(j);
                    i = j;
                    continue;
                }
            }
            j = i + l;
            append_lower(text, i, j, norm);
            for (;;) {
                // Scan and lowercase in one pass; ASCII letters skip the UTF-8 logic.
                while (j < n) {
                    const u8 cj = static_cast<u8>(text[j]);
                    if (cj < 0x80) {
                        if (!is_ascii_alpha(cj)) break;
                        norm.base[norm.n++] = static_cast<char>(cj | 0x20);
                        ++j;
                        continue;
                    }
                    std::size_t m = letter_len(text, j);
                    if (!m) break;
                    append_lower(text, j, j + m, norm);
                    j += m;
                }
                std::size_t a = j < n ? apostrophe_len(text, j) : 0;
                if (a && j + a < n && letter_len(text, j + a)) {
                    // English possessive "'s" stays apart; otherwise elision: "l'", "aujourd'".
                    std::size_t after = j + a;
                    bool possessive = (text[after] == 's' || text[after] == 'S') &&
                                      (after + 1 >= n || !letter_len(text, after + 1));
                    if (!possessive) {
                        norm.push_back('\'');
                        j += a;
                        tok.end = static_cast<std::uint32_t>(j);
                        tok.key = norm.view(key_start);
                        i = j;
                        goto next_token;
                    }
                }
                break;
            }
            tok.end = static_cast<std::uint32_t>(j);
            tok.key = norm.view(key_start);
            i = j;
        } else {
            tok.kind = TokKind::punct;
            std::size_t a = apostrophe_len(text, i);
            std::size_t len = a ? a : (c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1);
            if (i + len > n) len = n - i;
            if (a) {
                norm.push_back('\'');
                tok.key = norm.view(key_start);
            } else if (c == 0xE2 && len == 3 && static_cast<u8>(text[i + 1]) == 0x80 &&
                       (static_cast<u8>(text[i + 2]) == 0x93 || static_cast<u8>(text[i + 2]) == 0x94 ||
                        static_cast<u8>(text[i + 2]) == 0x90 || static_cast<u8>(text[i + 2]) == 0x91)) {
                norm.push_back('-');  // en/em dash, hyphen
                tok.key = norm.view(key_start);
            } else {
                tok.key = text.substr(i, len);  // as written: no copy
            }
            tok.end = static_cast<std::uint32_t>(i + len);
            i += len;
        }
    next_token:;
    }
    return count;
}

void tokenize(std::string_view text, std::vector<Token>& out, char* norm) {
    out.resize(tokenize_into(text, out, norm));
}

} // namespace storyline::timex
