#include "annotators/entities/text_fold.hpp"

#include <unicode/uchar.h>

#include <array>

namespace storyline::entities {
namespace {

// Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F): base letters without accents.
// Upper/lower case follows the block's layout (see is_upper_latin).
constexpr std::array<const char*, 0x180 - 0xC0> k_latin_base = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",          // C0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",   // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",          // E0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",    // F0
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",          // 100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",          // 110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",          // 120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",        // 130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",          // 140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",        // 150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",          // 160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",          // 170
};

bool is_upper_latin(char32_t cp) {
    if (cp < 0x100) return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
    if (cp <= 0x137) return cp % 2 == 0;
    if (cp == 0x138) return false;
    if (cp <= 0x148) return cp % 2 == 1;
    if (cp == 0x149) return false;
    if (cp <= 0x177) return cp % 2 == 0;
    if (cp == 0x178) return true;
    if (cp <= 0x17E) return cp % 2 == 1;
    return false;
}

} // namespace

char32_t decode_utf8(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = b0 & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp >= 0xC0 && cp < 0x180) return cp != 0xD7 && cp != 0xF7;
    return u_isalpha(static_cast<UChar32>(cp)) != 0;
}

bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp < 0x180) return is_upper_latin(cp);
    return u_isupper(static_cast<UChar32>(cp)) != 0;
}

bool is_lower(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    if (cp >= 0xC0 && cp < 0x180) return cp != 0xD7 && cp != 0xF7 && !is_upper_latin(cp);
    return u_islower(static_cast<UChar32>(cp)) != 0;
}

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
bool is_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

void fold_append(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        // ASCII runs: one append, then lower case in place (push_back per byte cost more than
        // the rest of the entity tokenizer).
        std::size_t run = i;
        while (run < text.size() && static_cast<unsigned char>(text[run]) < 0x80) ++run;
        if (run > i) {
            const std::size_t at = out.size();
            out.append(text.data() + i, run - i);
            for (auto it = out.begin() + static_cast<std::ptrdiff_t>(at); it != out.end(); ++it) {
                if (*it >= 'A' && *it <= 'Z') *it = static_cast<char>(*it | 0x20);
            }
            i = run;
            if (i == text.size()) break;
        }
        const char32_t cp = decode_utf8(text, i);
        if (cp >= 0xC0 && cp < 0x180 && k_latin_base[cp - 0xC0] != nullptr) {
            out += k_latin_base[cp - 0xC0];
        } else if (is_apostrophe(cp)) {
            out.push_back('\'');
        } else if (is_hyphen(cp)) {
            out.push_back('-');
        } else {
            append_utf8(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
        }
    }
}

std::string fold(std::string_view text) {
    // Most words are ASCII: copy once and lower-case in place.
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const char c = out[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            out.resize(i);
            fold_append(out, text.substr(i));
            break;
        }
        if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c | 0x20);
    }
    return out;
}

} // namespace storyline::entities
