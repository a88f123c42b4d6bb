#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace storyline {

char32_t next_code_point_multibyte(std::string_view s, std::size_t& i) {
    constexpr char32_t bad = 0xFFFD;
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; }
    else { ++i; return bad; }
    if (i + static_cast<std::size_t>(len) > s.size()) { ++i; return bad; }
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80) { ++i; return bad; }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and out-of-range values are malformed.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return bad;
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // Eight ASCII bytes at a time: most text is ASCII.
        if (i + 8 <= s.size()) {
            std::uint64_t eight = 0;
            std::memcpy(&eight, s.data() + i, 8);
            if ((eight & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t at = i;
        if (next_code_point(s, i) == 0xFFFD) {
            // A real U+FFFD in the text is three bytes; a malformed byte advances by one.
            if (i - at != 3) return false;
        }
    }
    return true;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string repair_utf8(std::string_view s) {
    if (valid_utf8(s)) return std::string(s);
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) append_utf8(out, next_code_point(s, i));
    return out;
}

namespace {

// ICU's answer for one code point: NFD, marks dropped, case-folded, punctuation unified.
std::string fold_code_point_icu(char32_t cp) {
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) return "'";
    if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014) return "-";
    if (is_space(cp)) return " ";
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    std::string out;
    if (U_FAILURE(status)) {
        append_utf8(out, cp);
        return out;
    }
    icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
    decomposed.foldCase();
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) != U_NON_SPACING_MARK) append_utf8(out, static_cast<char32_t>(c));
    }
    return out;
}

// Folded forms of the code points news text mostly uses (Latin, Greek, Cyrillic, general
// punctuation), computed with ICU: the hot path then costs a table look-up per character.
// The table is filled a page of 128 code points at a time, when a text first needs one: a run
// over English or French text computes a few pages, not all 66 (a tenth of an import's
// instructions on a small folder went into the whole table).
constexpr char32_t fold_table_size = 0x2100;
constexpr char32_t fold_page_size = 128;
using FoldPage = std::array<std::string, fold_page_size>;
std::array<std::atomic<const FoldPage*>, fold_table_size / fold_page_size> fold_pages{};

// cp < fold_table_size. Threads that fill the same page at once keep the first one stored.
const std::string& folded_code_point(char32_t cp) {
    std::atomic<const FoldPage*>& slot = fold_pages[cp / fold_page_size];
    const FoldPage* page = slot.load(std::memory_order_acquire);
    if (!page) {
        auto fresh = std::make_unique<FoldPage>();
        const char32_t first = cp - cp % fold_page_size;
        for (char32_t c = std::max<char32_t>(first, 0x80); c < first + fold_page_size; ++c) {
            (*fresh)[c - first] = fold_code_point_icu(c);
        }
        const FoldPage* expected = nullptr;
        if (slot.compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel)) page = fresh.release();
        else page = expected;
    }
    return (*page)[cp % fold_page_size];
}

} // namespace

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {   // an ASCII run: appended at once, then lower-cased in place
            std::size_t j = i + 1;
            while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80) ++j;
            const std::size_t at = out.size();
            out.append(s.data() + i, j - i);
            for (auto it = out.begin() + static_cast<std::ptrdiff_t>(at); it != out.end(); ++it) {
                const char d = *it;
                if (d >= 'A' && d <= 'Z') *it = static_cast<char>(d + ('a' - 'A'));
                else if (d == '\t' || d == '\n' || d == '\r') *it = ' ';
            }
            i = j;
            continue;
        }
        const char32_t cp = next_code_point(s, i);
        if (cp < fold_table_size) {
            out += folded_code_point(cp);
        } else {
            out += fold_code_point_icu(cp);
        }
    }
    return out;
}

namespace {

// Whether the eight bytes at p are all printable ASCII (or DEL) with no two spaces side by
// side: bytes squeezing leaves as they are. (b ^ ' ') + 0x7F has its high bit clear when b is
// a space.
bool visible_or_single_spaces(const char* p) {
    std::uint64_t x = 0;
    std::memcpy(&x, p, 8);
    if ((x & swar::high) != 0 || ((x + 0x60 * swar::ones) & swar::high) != swar::high) return false;
    const std::uint64_t space = ~((x ^ (' ' * swar::ones)) + 0x7F * swar::ones) & swar::high;
    return (space & (space << 8)) == 0;
}

// s[i] is visible ASCII: the end of the run from there that squeeze_spaces copies as it is
// (visible ASCII and single spaces, ending on a visible byte). Eight bytes at a time over most
// of a sentence, then byte by byte.
std::size_t ascii_run_end(std::string_view s, std::size_t i) {
    std::size_t j = i + 1;
    while (j + 8 <= s.size() && !(s[j - 1] == ' ' && s[j] == ' ') && visible_or_single_spaces(s.data() + j)) j += 8;
    while (j < s.size() && static_cast<unsigned char>(s[j]) > ' ' && static_cast<unsigned char>(s[j]) < 0x80) ++j;
    if (s[j - 1] == ' ') --j;   // a space ending the run is the caller's (more white space may follow)
    return j;
}

} // namespace

void fold_squeezed(std::string_view s, std::string& out, std::size_t enough) {
    out.clear();
    bool any = false;       // squeeze_spaces has written something (a space may follow)
    bool pending = false;   // white space was skipped since
    std::size_t i = 0;
    while (i < s.size() && out.size() <= enough) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                ++i;
                pending = any;
                continue;
            }
            // A run that squeezing leaves as it is: appended at once (no more of it than
            // `enough` asks for), then lower-cased in place.
            std::size_t j = ascii_run_end(s, i);
            if (pending) out += ' ';
            pending = false;
            any = true;
            if (enough != std::string::npos) j = std::min(j, i + (enough + 1 - std::min(enough + 1, out.size())));
            const std::size_t at = out.size();
            out.append(s.data() + i, j - i);
            char* o = out.data() + at;
            char* const end = out.data() + out.size();
            for (; o + 8 <= end; o += 8) {
                std::uint64_t x = 0;
                std::memcpy(&x, o, 8);
                x = swar::ascii_lower(x);
                std::memcpy(o, &x, 8);
            }
            for (; o != end; ++o) {
                if (*o >= 'A' && *o <= 'Z') *o = static_cast<char>(*o + ('a' - 'A'));
            }
            i = j;
            continue;
        }
        // squeeze_spaces keeps a code point's bytes as they are, and fold() reads them back as
        // the same code point: fold each one as it is decoded here.
        const char32_t cp = next_code_point(s, i);
        if (is_space(cp)) {
            pending = any;
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        any = true;
        if (cp < fold_table_size) {
            out += folded_code_point(cp);
        } else {
            out += fold_code_point_icu(cp);
        }
    }
}

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool is_upper_unicode(char32_t cp) { return u_isupper(static_cast<UChar32>(cp)) != 0; }

bool is_letter_unicode(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)) != 0; }

std::string squeeze_spaces(std::string_view s) { return squeeze_spaces(s, std::string::npos); }

std::string squeeze_spaces(std::string_view s, std::size_t enough) {
    // The result is never longer than `s` (nor, when cut, than enough + 1 bytes): one buffer of
    // that size, written through a pointer rather than appended to.
    const std::size_t cap = enough < s.size() ? enough + 1 : s.size();
    std::string out(cap, '\0');
    char* const o = out.data();
    std::size_t n = 0;
    bool pending = false;
    std::size_t i = 0;
    auto put = [&](std::size_t from, std::size_t len) {
        if (pending) o[n++] = ' ';
        pending = false;
        len = std::min(len, cap - n);
        std::memcpy(o + n, s.data() + from, len);
        n += len;
    };
    while (i < s.size() && n < cap) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {   // ASCII: no decoding; a run of visible characters is copied at once
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                ++i;
                pending = n != 0;
                continue;
            }
            const std::size_t j = ascii_run_end(s, i);
            put(i, j - i);
            i = j;
            continue;
        }
        const std::size_t at = i;
        const char32_t cp = next_code_point(s, i);
        if (is_space(cp)) {
            pending = n != 0;
            continue;
        }
        put(at, i - at);
    }
    out.resize(n);
    return out;
}

} // namespace storyline
