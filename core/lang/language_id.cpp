#include "core/lang/language_id.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "core/util/word_table.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <vector>

namespace storyline {
namespace {

// Longer words are no function words: they are skipped unread.
constexpr std::size_t max_word_bytes = 8;

// A word of at most 8 bytes as one integer: its bytes, then zero bytes (no word holds a NUL).
std::uint64_t packed(std::string_view w) {
    std::uint64_t key = 0;
    std::memcpy(&key, w.data(), w.size());
    return key;
}

// Every language's function words in one table: a word is looked up once, whatever the
// number of languages, and its bits say which languages list it. ASCII words (nearly all
// words read) are looked up packed, with one multiply and one compare; others by their
// folded form (open addressing, core/util/word_table.hpp).
struct Profiles {
    std::vector<std::string> langs;
    WordTable<std::uint64_t> words;
    // Folded words of at most 8 bytes, packed; key 0 marks a free slot.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> short_words;
    int shift = 64;

    [[nodiscard]] std::size_t slot(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift);
    }
    [[nodiscard]] std::uint64_t find_short(std::uint64_t key) const {
        const std::size_t mask = short_words.size() - 1;
        for (std::size_t i = slot(key);; i = (i + 1) & mask) {
            if (short_words[i].first == key) return short_words[i].second;
            if (short_words[i].first == 0) return 0;
        }
    }
    void pack_short_words(const std::vector<std::pair<std::string, std::uint64_t>>& all) {
        std::size_t size = 16;
        while (size < all.size() * 4) size *= 2;
        shift = 64 - std::countr_zero(size);
        short_words.assign(size, {0, 0});
        for (const auto& [word, bits] : all) {
            if (word.empty() || word.size() > max_word_bytes) continue;
            std::size_t i = slot(packed(word));
            while (short_words[i].first != 0 && short_words[i].first != packed(word)) i = (i + 1) & (size - 1);
            short_words[i] = {packed(word), short_words[i].second | bits};
        }
    }
};

const Profiles& profiles() {
    static Profiles all;
    static std::once_flag once;
    std::call_once(once, [] {
        std::vector<std::pair<std::string, std::uint64_t>> listed;
        for (const auto& lang : available_languages()) {
            const auto lines = read_optional_data_lines(language_file(lang, "function_words.txt"));
            if (lines.empty() || all.langs.size() == 64) continue;
            const std::uint64_t bit = std::uint64_t{1} << all.langs.size();
            all.langs.push_back(lang);
            for (const auto& w : lines) {
                all.words[fold(w)] |= bit;
                listed.emplace_back(fold(w), bit);
            }
        }
        all.pack_short_words(listed);
    });
    return all;
}

constexpr int min_hits = 3;

// ASCII letters and digits: the bytes that make words (as core/text/words.cpp splits them).
constexpr auto ascii_word_byte = [] {
    std::array<bool, 128> t{};
    for (std::size_t c = 'a'; c <= 'z'; ++c) t[c] = true;
    for (std::size_t c = 'A'; c <= 'Z'; ++c) t[c] = true;
    for (std::size_t c = '0'; c <= '9'; ++c) t[c] = true;
    return t;
}();

// How many of the 8 bytes at p are ASCII letters or digits, counted from the first. Carries
// run towards later bytes only (little-endian), so a byte >= 0x80 spoils none before it.
unsigned ascii_word_run(const char* p) {
    std::uint64_t x = 0;
    std::memcpy(&x, p, 8);
    const std::uint64_t stop = ~(swar::ascii_letters(x) | swar::ascii_digits(x)) & swar::high;
    return stop == 0 ? 8u : static_cast<unsigned>(std::countr_zero(stop)) / 8;
}

bool word_char_at(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) return ascii_word_byte[b];
    const char32_t cp = next_code_point(s, i);
    return is_letter(cp) || is_digit(cp);
}

// The language bits of s[begin, begin + len), an ASCII word of at most 8 bytes: fold() of
// ASCII letters, digits and hyphens is lower-casing.
std::uint64_t ascii_word_bits(std::string_view s, std::size_t begin, std::size_t len, const Profiles& p) {
    std::uint64_t x = 0;
    if (begin + 8 <= s.size() && std::endian::native == std::endian::little) {
        // one load of 8 bytes, the word's kept (a copy of `len` bytes would call memcpy)
        std::memcpy(&x, s.data() + begin, 8);
        if (len < 8) x &= (std::uint64_t{1} << (8 * len)) - 1;
    } else {
        std::memcpy(&x, s.data() + begin, len);
    }
    return p.find_short(swar::ascii_lower(x));
}

void add_hits(std::uint64_t bits, std::vector<int>& hits) {
    for (; bits != 0; bits &= bits - 1) ++hits[static_cast<std::size_t>(std::countr_zero(bits))];
}

// Adds the function-word hits of the words of `s` to `hits`. The words are those words_in()
// finds (letters and digits joined by inner hyphens), walked in place: no vector of words.
void count_hits(std::string_view s, const Profiles& p, std::vector<int>& hits, std::string& buf) {
    constexpr bool little_endian = std::endian::native == std::endian::little;   // for ascii_word_run
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
#if defined(__SSE2__)
        // Most of a text, sixteen bytes at a time: a gap of ASCII bytes that make no word is
        // skipped at once, and an ASCII word that ends inside the sixteen bytes at an ASCII
        // byte other than a hyphen (which might join it to the next) is complete: looked up
        // when it is short enough to be a function word, passed over when not.
        if (little_endian && i + 16 <= n) {
            unsigned high = 0;
            const unsigned word = ascii_word_bytes16(s.data() + i, high);
            if ((word & 1) == 0) {
                if (high & 1) goto general;   // a code point, perhaps a letter
                const unsigned next = word | high;
                i += next != 0 ? static_cast<std::size_t>(std::countr_zero(next)) : 16;
                continue;
            }
            const auto run = static_cast<unsigned>(std::countr_one(word));
            if (run < 16 && ((high >> run) & 1) == 0 && s[i + run] != '-') {
                if (run <= max_word_bytes) {
                    std::uint64_t x = 0;
                    std::memcpy(&x, s.data() + i, 8);
                    if (run < 8) x &= (std::uint64_t{1} << (8 * run)) - 1;
                    add_hits(p.find_short(swar::ascii_lower(x)), hits);
                }
                i += run + 1;   // the stop byte makes no word
                continue;
            }
        }
    general:
#endif
        const std::size_t begin = i;
        if (const auto b0 = static_cast<unsigned char>(s[i]); b0 < 0x80) {
            if (!ascii_word_byte[b0]) {
                ++i;
                continue;
            }
            if (little_endian && i + 8 <= n) {
                // Most words: ASCII letters and digits ending within 8 bytes at an ASCII byte
                // other than a hyphen. The same 8 bytes then tell where the next word may start
                // (a letter, a digit or a non-ASCII byte), skipping the gap at once.
                std::uint64_t x = 0;
                std::memcpy(&x, s.data() + i, 8);
                const std::uint64_t word = swar::ascii_letters(x) | swar::ascii_digits(x);
                const auto run = static_cast<unsigned>(std::countr_zero(~word & swar::high)) / 8;   // 8: none stops
                if (run < 8 && static_cast<unsigned char>(s[i + run]) < 0x80 && s[i + run] != '-') {
                    add_hits(p.find_short(swar::ascii_lower(x & ((std::uint64_t{1} << (8 * run)) - 1))), hits);
                    const std::uint64_t through_stop = run == 7 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * run + 8)) - 1;
                    const std::uint64_t next = (word | (x & swar::high)) & ~through_stop;
                    i += next ? static_cast<std::size_t>(std::countr_zero(next)) / 8 : 8;
                    continue;
                }
            }
            ++i;
        } else {
            const char32_t cp = next_code_point(s, i);
            if (!is_letter(cp) && !is_digit(cp)) continue;
        }
        std::size_t last = i;
        bool ascii = true;
        while (i < n) {
            if (little_endian && i + 8 <= n) {   // eight bytes at a time through ASCII letters and digits
                const unsigned run = ascii_word_run(s.data() + i);
                i += run;
                if (run > 0) last = i;
                if (run == 8) continue;
                // s[i] is no ASCII letter or digit: on to the tests below that are not that one
            } else if (const auto b = static_cast<unsigned char>(s[i]); b < 0x80 && ascii_word_byte[b]) {
                last = ++i;
                continue;
            }
            if (const auto b = static_cast<unsigned char>(s[i]); b < 0x80) {
                // An inner hyphen joins when a letter or digit follows ("Kassym-Jomart").
                if (b == '-' && i + 1 < n && word_char_at(s, i + 1)) {
                    ++i;
                    continue;
                }
                break;
            }
            std::size_t j = i;
            const char32_t cp = next_code_point(s, j);
            if (is_letter(cp) || is_digit(cp)) {
                i = j;
                last = j;
                ascii = false;
                continue;
            }
            if ((cp == 0x2010 || cp == 0x2011) && j < n && word_char_at(s, j)) {
                i = j;
                ascii = false;
                continue;
            }
            break;
        }
        const std::size_t len = last - begin;
        if (len > max_word_bytes) continue;
        std::uint64_t bits = 0;
        if (ascii && static_cast<unsigned char>(s[begin]) < 0x80) {
            bits = ascii_word_bits(s, begin, len, p);
        } else {
            buf = fold(s.substr(begin, len));
            const std::uint64_t* found = p.words.find(buf);
            bits = found ? *found : 0;
        }
        add_hits(bits, hits);
    }
}

std::string best_language(const Profiles& p, const std::vector<int>& hits) {
    // The first language with the most hits wins (languages in their listed order), as before.
    std::size_t best = 0;
    for (std::size_t l = 1; l < hits.size(); ++l) {
        if (hits[l] > hits[best]) best = l;
    }
    return !hits.empty() && hits[best] >= min_hits ? p.langs[best] : std::string();
}

// The language of `first`, or of `first` + '\n' + `second` when joined.
std::string identify(std::string_view first, std::string_view second, bool joined) {
    // The first few KB decide; cut on a character boundary. Position k of the sample is
    // first[k], then the '\n' joining the parts, then second.
    const std::size_t total = first.size() + (joined ? 1 + second.size() : 0);
    auto at = [&](std::size_t k) {
        return k < first.size() ? first[k] : k == first.size() ? '\n' : second[k - first.size() - 1];
    };
    std::size_t end = std::min(total, language_sample_bytes);
    while (end < total && (static_cast<unsigned char>(at(end)) & 0xC0) == 0x80) ++end;
    const Profiles& p = profiles();
    std::vector<int> hits(p.langs.size(), 0);
    std::string buf;
    // No word spans the '\n': each part is split on its own.
    count_hits(first.substr(0, std::min(end, first.size())), p, hits, buf);
    if (joined && end > first.size() + 1) count_hits(second.substr(0, end - first.size() - 1), p, hits, buf);
    return best_language(p, hits);
}

} // namespace

std::string identify_language(std::string_view text) { return identify(text, {}, false); }

std::string identify_language(std::string_view title, std::string_view text) {
    // Only the head of the text can be read (+4: the code point the sample cuts is read to its
    // end), as when the caller joined title and head itself.
    return identify(title, text.substr(0, std::min(text.size(), language_sample_bytes + 4)), true);
}

} // namespace storyline

