#include "annotators/entities/tokenizer.hpp"

#include "annotators/entities/text_fold.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace storyline::entities {
namespace {

// Words that French writes elided before a vowel; the apostrophe ends them.
constexpr std::array<std::string_view, 13> k_elided = {
    "l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};

bool is_elided(std::string_view folded) {
    for (auto w : k_elided) if (folded == w) return true;
    return false;
}

// Inline for ASCII, which most bytes of news text are; the rest goes to decode_utf8.
inline char32_t peek(std::string_view text, std::size_t i) {
    if (i >= text.size()) return 0;
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) return b;
    return decode_utf8(text, i);
}

inline std::size_t next_pos(std::string_view text, std::size_t i) {
    if (static_cast<unsigned char>(text[i]) < 0x80) return i + 1;
    decode_utf8(text, i);
    return i;
}

// ASCII answers inline; the calls are for the rest.
inline bool apostrophe(char32_t cp) { return cp == '\'' || (cp >= 0x80 && is_apostrophe(cp)); }
inline bool upper(char32_t cp) { return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : is_upper(cp); }

inline bool letter_or_digit(char32_t cp) {
    if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
    return is_letter(cp);
}

// Byte classes for the one-pass fold and shape of an ASCII word; c_high marks a byte of a
// multi-byte UTF-8 sequence.
enum : std::uint8_t { c_upper = 1, c_lower = 2, c_digit = 4, c_high = 8, c_alnum = c_upper | c_lower | c_digit };
constexpr std::array<std::uint8_t, 256> k_byte_class = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = c_upper;
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = c_lower;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = c_digit;
    for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = c_high;
    return t;
}();

// Longest word the fast path of tokenize() folds on the stack.
constexpr std::size_t k_fast_word_max = 48;

// Scans the ASCII letters and digits from text[start] (one at least), at most k_fast_word_max
// of them (a longer run returns start + k_fast_word_max or more), writing them lower-cased to
// `out`, which has room for k_fast_word_max + 8 bytes; `seen` gets their byte classes. Eight
// bytes at a time: one branch per word where a loop over bytes mispredicted its exit on most.
std::size_t fold_ascii_run(std::string_view text, std::size_t start, char* out, std::uint8_t& seen) {
    std::size_t end = start;
    std::uint8_t classes = 0;
    if constexpr (std::endian::native == std::endian::little) {
        // The top bit of each byte of the run that is an upper-case letter, a lower-case
        // letter, a digit.
        std::uint64_t upper = 0, lower = 0, digit = 0;
        bool ended = false;   // a byte that stops the run, or the length limit, was met
        while (!ended && end + 8 <= text.size()) {
            std::uint64_t x = 0;
            std::memcpy(&x, text.data() + end, 8);
            const std::uint64_t letters = swar::ascii_letters(x), digits = swar::ascii_digits(x);
            const std::uint64_t stop = ~(letters | digits) & swar::high;
            // Every bit below the top bit of the first byte that stops the run: the run's bytes.
            const std::uint64_t in_run = stop == 0 ? ~std::uint64_t{0} : (stop & (0 - stop)) - 1;
            // x << 2 moves 0x20, the case bit, up to each byte's top bit: set in lower case.
            upper |= letters & ~(x << 2) & in_run;
            lower |= letters & (x << 2) & in_run;
            digit |= digits & in_run;
            const std::uint64_t folded = x | (letters >> 2);
            std::memcpy(out + (end - start), &folded, 8);
            end += stop == 0 ? 8 : static_cast<unsigned>(std::countr_zero(stop)) / 8;
            ended = stop != 0 || end - start >= k_fast_word_max;
        }
        classes = static_cast<std::uint8_t>((upper != 0 ? c_upper : 0) | (lower != 0 ? c_lower : 0) |
                                            (digit != 0 ? c_digit : 0));
        if (ended) {
            seen = classes;
            return end;
        }
    }
    // The last bytes of the text, one at a time.
    for (; end < text.size() && end - start < k_fast_word_max; ++end) {
        const auto c = static_cast<unsigned char>(text[end]);
        const std::uint8_t cls = k_byte_class[c];
        if ((cls & c_alnum) == 0) break;
        classes |= cls;
        out[end - start] = static_cast<char>(c | ((cls & c_upper) << 5));  // 'A' | 0x20 == 'a'
    }
    seen = classes;
    return end;
}

// Whether an ASCII word stops at text[end] whatever came before: end of text, or an ASCII byte
// that no rule of the word loop joins (a hyphen or a dot joins only before a letter or digit, an
// apostrophe may split an elision or a possessive, a byte past ASCII may be a letter).
inline bool ascii_word_ends(std::string_view text, std::size_t end) {
    if (end >= text.size()) return true;
    const auto b = static_cast<unsigned char>(text[end]);
    if (b >= 0x80 || b == '\'') return false;
    if (b != '-' && b != '.') return true;
    if (end + 1 >= text.size()) return true;
    const auto n = static_cast<unsigned char>(text[end + 1]);
    return n < 0x80 && (k_byte_class[n] & c_alnum) == 0;
}

// The shape of an ASCII word from the classes of its bytes and whether its first is a capital.
inline Shape ascii_shape(std::uint8_t seen, bool first_upper) {
    const bool any_lower = seen & c_lower, any_digit = seen & c_digit;
    if (!(seen & (c_upper | c_lower))) return any_digit ? Shape::number : Shape::punct;
    if (!first_upper) return any_digit && !any_lower ? Shape::number : Shape::lower;
    return any_lower ? Shape::capitalised : Shape::all_caps;
}

// Folds a word that starts with an ASCII letter or digit into `out` and returns its shape in
// the same pass, and its hash; false when the word has a byte outside ASCII (`out` is then to be rewritten).
bool fold_ascii_word(std::string_view word, std::string& out, Shape& shape, std::uint64_t& hash) {
    out.resize(word.size());
    char* f = out.data();
    std::uint8_t seen = 0;
    for (std::size_t k = 0; k < word.size(); ++k) {
        const auto c = static_cast<unsigned char>(word[k]);
        const std::uint8_t cls = k_byte_class[c];
        seen |= cls;
        f[k] = static_cast<char>(c | ((cls & c_upper) << 5));  // 'A' | 0x20 == 'a'
    }
    if (seen & c_high) return false;
    hash = StringHash::word(out);
    // The first letter or digit is the word's first byte.
    const bool first_upper = k_byte_class[static_cast<unsigned char>(word[0])] == c_upper;
    const bool any_lower = seen & c_lower, any_digit = seen & c_digit;
    if (!(seen & (c_upper | c_lower))) shape = any_digit ? Shape::number : Shape::punct;
    else if (!first_upper) shape = any_digit && !any_lower ? Shape::number : Shape::lower;
    else shape = any_lower ? Shape::capitalised : Shape::all_caps;
    return true;
}

Shape word_shape(std::string_view word) {
    bool first = true, first_upper = false, any_lower = false, any_upper = false, any_letter = false;
    bool any_digit = false;
    for (std::size_t i = 0; i < word.size();) {
        const char32_t cp = decode_utf8(word, i);
        if (is_digit(cp)) any_digit = true;
        if (!is_letter(cp)) {
            if (first && is_digit(cp)) first = false;
            continue;
        }
        any_letter = true;
        const bool up = is_upper(cp);
        if (first) first_upper = up;
        first = false;
        any_upper = any_upper || up;
        any_lower = any_lower || is_lower(cp);
    }
    if (!any_letter) return any_digit ? Shape::number : Shape::punct;
    if (!first_upper) return any_digit && !any_lower ? Shape::number : Shape::lower;
    if (!any_lower) return Shape::all_caps;
    return Shape::capitalised;
}

// "Chirac-qui", "France-affirme": the end of the name before a hyphen that only lower-case words
// follow, or `end` ("Jean-Claude", "Yverdon-les-Bains" and "Saint-Etienne" stay one word).
std::size_t dashed_name_end(std::string_view text, std::size_t start, std::size_t end) {
    std::size_t cut = 0;
    for (std::size_t k = start; k < end; k = next_pos(text, k)) {
        const char32_t c = peek(text, k);
        if (is_upper(c) && k > start) return end;
        if (cut == 0 && k > start && is_hyphen(c) && is_lower(peek(text, next_pos(text, k)))) cut = k;
    }
    return cut ? cut : end;
}

bool ends_sentence(const Token& t, const Token* before) {
    if (t.shape != Shape::punct) return false;
    const std::string_view f = t.fold;
    if (f.size() != 1) return f == "\xe2\x80\xa6";
    if (f[0] == '!' || f[0] == '?' || f[0] == ':' || f[0] == ';') return true;
    if (f[0] != '.') return false;
    // "M. Dind", "J. Smith", "Dr. Who": a dot after one capital letter or a short title is not an end.
    if (before && before->end == t.begin && before->upper_initial() && before->fold.size() <= 2) return false;
    return true;
}

bool opens_quote(const Token& t) {
    if (t.shape != Shape::punct) return false;
    const std::string_view f = t.fold;
    if (f.size() == 1) return f[0] == '"' || f[0] == '(' || f[0] == '\'' || f[0] == '-' || f[0] == '[';
    return f == "\xc2\xab" || f == "\xe2\x80\x9c" || f == "\xe2\x80\x94" || f == "\xe2\x80\x93" ||
           f == "\xe2\x80\x98";
}

} // namespace

Tokens tokenize(std::string_view text, bool split_dashed_words) {
    Tokens out;
    tokenize_into(text, split_dashed_words, out);
    return out;
}

void tokenize_into(std::string_view text, bool split_dashed_words, Tokens& out) {
    // Tokens are written in place: about one per 4.3 bytes in news text, more made room for
    // when needed, the rest cut at the end. (Zeroed first by the resize: a store per field,
    // where a push per token was a call.)
    out.clear();
    out.resize(text.size() / 4 + 16);
    std::size_t count = 0;
    // The folds, one after the other, in a buffer left unzeroed (every byte read is written
    // first). A fold is at most half as long again as its word (a 2-byte letter lowered to 3
    // bytes), so the buffer rarely grows; when it does, the views of the tokens already made
    // are moved with it.
    std::size_t folds_size = text.size() + text.size() / 2 + 64;
    if (out.m_folds && out.m_folds_size >= folds_size) {
        folds_size = out.m_folds_size;   // a buffer kept from an earlier text
    } else {
        out.m_folds = std::make_unique_for_overwrite<char[]>(folds_size);
        out.m_folds_size = folds_size;
    }
    std::size_t used = 0;
    auto grow = [&](std::size_t n) __attribute__((noinline)) {
        const std::size_t bigger = std::max(folds_size * 2, used + n);
        auto moved = std::make_unique_for_overwrite<char[]>(bigger);
        std::copy_n(out.m_folds.get(), used, moved.get());
        for (std::size_t k = 0; k < count; ++k) {
            Token& t = out[k];
            if (!t.fold.empty()) t.fold = std::string_view(moved.get() + (t.fold.data() - out.m_folds.get()), t.fold.size());
        }
        out.m_folds = std::move(moved);
        folds_size = bigger;
        out.m_folds_size = bigger;
    };
    auto ensure = [&](std::size_t n) __attribute__((always_inline)) {
        if (used + n > folds_size) [[unlikely]] grow(n);
    };
    auto put = [&](std::string_view f) -> std::string_view {
        ensure(f.size());
        char* at = out.m_folds.get() + used;
        std::copy(f.begin(), f.end(), at);
        used += f.size();
        return {at, f.size()};
    };
    std::string scratch;   // the folds of the general path, before they are put
    std::uint8_t seen_classes = 0;   // fold_ascii_run's byte classes of the word
    std::size_t i = 0;
    bool line_start = true, blank_line = true, space = false;
    int newlines = 0;
    // A token is built in place at the end of `out`.
    auto open_token = [&](std::size_t start) __attribute__((always_inline)) -> Token& {
        if (count == out.size()) [[unlikely]] out.resize(out.size() * 2);
        Token& tok = out[count++];
        tok.begin = static_cast<std::uint32_t>(start);
        tok.space_before = space;
        tok.line_start = line_start;
        tok.blank_line_before = blank_line;
        line_start = blank_line = space = false;
        newlines = 0;
        return tok;
    };
    while (i < text.size()) {
        const std::size_t start = i;
        char32_t cp = static_cast<unsigned char>(text[i]);
        // Fast path: ASCII letters and digits scanned, folded and hashed, when what ends them
        // cannot join the word (a space, a comma, a dot before no letter).
        if (cp < 0x80 && (k_byte_class[cp] & c_alnum) != 0) {
            // Room for the longest fast word and the eight bytes written or read past it.
            ensure(k_fast_word_max + 16);
            char* buf = out.m_folds.get() + used;   // committed below only if the fast path holds
            const std::size_t end = fold_ascii_run(text, start, buf, seen_classes);
            if (end - start < k_fast_word_max && ascii_word_ends(text, end)) {
                Token& tok = open_token(start);
                tok.end = static_cast<std::uint32_t>(end);
                tok.fold = std::string_view(buf, end - start);
                used += end - start;
                tok.hash = StringHash::word_padded(buf, end - start);
                tok.shape = ascii_shape(seen_classes, k_byte_class[static_cast<unsigned char>(text[start])] == c_upper);
                i = end;
                // The space that usually follows, without another turn of the loop.
                if (i < text.size() && text[i] == ' ') {
                    space = true;
                    ++i;
                }
                continue;
            }
        }
        if (cp < 0x80) ++i;
        else cp = decode_utf8(text, i);
        if (cp == '\n') {
            ++newlines;
            line_start = true;
            if (newlines >= 2) blank_line = true;
            space = true;
            continue;
        }
        if (cp == ' ' || cp == '\t' || cp == '\r' || (cp >= 0x80 && (cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0xFEFF))) {
            space = true;
            continue;
        }
        if (letter_or_digit(cp)) {
            std::size_t end = i;
            // Letters and digits, joined by inner hyphens, apostrophes and abbreviation dots.
            while (end < text.size()) {
                // ASCII fast path: letters and digits go on, spaces and most punctuation end.
                const auto b = static_cast<unsigned char>(text[end]);
                if (b < 0x80) {
                    if (k_byte_class[b] != 0) {
                        ++end;
                        continue;
                    }
                    if (b != '-' && b != '\'' && b != '.') break;
                }
                const char32_t c = peek(text, end);
                if (letter_or_digit(c)) {
                    end = next_pos(text, end);
                    continue;
                }
                const std::size_t after = next_pos(text, end);
                const char32_t n = peek(text, after);
                if (is_hyphen(c) && letter_or_digit(n)) {
                    end = after;
                    continue;
                }
                if (is_apostrophe(c) && is_letter(n)) {
                    const std::string so_far = fold(text.substr(start, end - start));
                    if (is_elided(so_far)) break;  // split below
                    // English possessive: "Putin's" -> "Putin" + "'s".
                    if ((n == 's' || n == 'S') && !is_letter(peek(text, next_pos(text, after)))) break;
                    end = after;
                    continue;
                }
                // "U.S.", "U.N.": single letters each followed by a dot.
                if (c == '.' && is_letter(n)) {
                    const std::size_t n_end = next_pos(text, after);
                    const std::size_t word_len = end - start;
                    const bool single = word_len <= 2 && peek(text, n_end) == '.';
                    if (single && word_len == next_pos(text, start) - start) {
                        end = next_pos(text, n_end);  // take "X." and continue
                        while (end < text.size() && is_letter(peek(text, end)) &&
                               peek(text, next_pos(text, end)) == '.') {
                            end = next_pos(text, next_pos(text, end));
                        }
                        break;
                    }
                }
                break;
            }
            if (split_dashed_words && upper(cp)) end = dashed_name_end(text, start, end);
            // French elision: keep "l'" as a token of its own.
            if (end < text.size() && apostrophe(peek(text, end))) {
                std::string so_far = fold(text.substr(start, end - start));
                const std::size_t after = next_pos(text, end);
                if (is_elided(so_far) && is_letter(peek(text, after))) {
                    Token& tok = open_token(start);
                    tok.end = static_cast<std::uint32_t>(after);
                    so_far.push_back('\'');
                    tok.fold = put(so_far);
                    tok.shape = Shape::elision;
                    tok.hash = StringHash::word(tok.fold);
                    i = after;
                    continue;
                }
            }
            Token& tok = open_token(start);
            tok.end = static_cast<std::uint32_t>(end);
            const std::string_view word = text.substr(start, end - start);
            if (!fold_ascii_word(word, scratch, tok.shape, tok.hash)) {
                scratch = fold(word);
                tok.shape = word_shape(word);
                tok.hash = StringHash::word(scratch);
            }
            tok.fold = put(scratch);
            i = end;
        } else if (apostrophe(cp) && (peek(text, i) == 's' || peek(text, i) == 'S') &&
                   count > 0 && out[count - 1].end == start && !is_letter(peek(text, i + 1))) {
            Token& tok = open_token(start);
            tok.end = static_cast<std::uint32_t>(i + 1);
            tok.fold = put("'s");
            tok.shape = Shape::lower;
            tok.hash = StringHash::word(tok.fold);
            i = i + 1;
        } else {
            Token& tok = open_token(start);
            tok.end = static_cast<std::uint32_t>(i);
            if (cp < 0x80) {
                const char c = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp | 0x20 : cp);
                tok.fold = put(std::string_view(&c, 1));
            } else {
                tok.fold = put(fold(text.substr(start, i - start)));
            }
            tok.shape = Shape::punct;
            tok.hash = StringHash::word(tok.fold);
        }
    }
    out.resize(count);
    // Sentence starts: the first word of the text, after an end mark (quotes and brackets may
    // stand between), after a blank line, and at a line start when the line before ended a
    // sentence or had no lower-case word (a heading or a dateline).
    // A line of names broken inside a list ("Marc Peter, Rochaix, Fazy, Horace\nMicheli") ends in
    // a comma or has two: it is no heading (a dateline "PARIS, 15 (Havas)" has one).
    bool pending = true;
    bool line_has_lower = false, prev_line_has_lower = true;
    int line_commas = 0;
    for (std::size_t k = 0; k < out.size(); ++k) {
        Token& t = out[k];
        if (t.line_start) {
            prev_line_has_lower = line_has_lower;
            const bool list_line = line_commas >= 2 || (line_commas == 1 && k > 0 && out[k - 1].fold == ",");
            line_has_lower = false;
            line_commas = 0;
            if (t.blank_line_before || (!prev_line_has_lower && !list_line)) pending = true;
        }
        if (t.shape == Shape::lower) line_has_lower = true;
        if (t.fold == ",") ++line_commas;
        if (t.shape == Shape::punct) {
            if (ends_sentence(t, k > 0 ? &out[k - 1] : nullptr)) pending = true;
            else if (!opens_quote(t)) pending = pending && false;
            continue;
        }
        t.sentence_start = pending;
        pending = false;
    }
}

} // namespace storyline::entities
