#include "core/lang/language_id.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "core/util/word_table.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <cstdint>
#include <vector>

namespace storyline {
namespace {

// Every language's function words in one table: a word is looked up once, whatever the
// number of languages, and its bits say which languages list it (open addressing,
// core/util/word_table.hpp: one hash and one compare per word).
struct Profiles {
    std::vector<std::string> langs;
    WordTable<std::uint64_t> words;
};

const Profiles& profiles() {
    static Profiles all;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const auto& lang : available_languages()) {
            const auto lines = read_optional_data_lines(language_file(lang, "function_words.txt"));
            if (lines.empty() || all.langs.size() == 64) continue;
            const std::uint64_t bit = std::uint64_t{1} << all.langs.size();
            all.langs.push_back(lang);
            for (const auto& w : lines) all.words[fold(w)] |= bit;
        }
    });
    return all;
}

constexpr int min_hits = 3;
// Longer words are no function words: they are skipped unread.
constexpr std::size_t max_word_bytes = 8;

// ASCII letters and digits: the bytes that make words (as core/text/words.cpp splits them).
constexpr auto ascii_word_byte = [] {
    std::array<bool, 128> t{};
    for (std::size_t c = 'a'; c <= 'z'; ++c) t[c] = true;
    for (std::size_t c = 'A'; c <= 'Z'; ++c) t[c] = true;
    for (std::size_t c = '0'; c <= '9'; ++c) t[c] = true;
    return t;
}();

bool word_char_at(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) return ascii_word_byte[b];
    const char32_t cp = next_code_point(s, i);
    return is_letter(cp) || is_digit(cp);
}

// Adds the function-word hits of the words of `s` to `hits`. The words are those words_in()
// finds (letters and digits joined by inner hyphens), walked in place: no vector of words, and
// a short ASCII word is lower-cased on the stack rather than folded into a string.
void count_hits(std::string_view s, const Profiles& p, std::vector<int>& hits, std::string& buf) {
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const std::size_t begin = i;
        if (const auto b0 = static_cast<unsigned char>(s[i]); b0 < 0x80) {
            ++i;
            if (!ascii_word_byte[b0]) continue;
        } else {
            const char32_t cp = next_code_point(s, i);
            if (!is_letter(cp) && !is_digit(cp)) continue;
        }
        std::size_t last = i;
        bool ascii = true;
        while (i < n) {
            if (const auto b = static_cast<unsigned char>(s[i]); b < 0x80) {
                if (ascii_word_byte[b]) {
                    last = ++i;
                    continue;
                }
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
        const std::uint64_t* bits = nullptr;
        if (ascii && static_cast<unsigned char>(s[begin]) < 0x80) {
            // fold() of ASCII letters, digits and hyphens is lower-casing
            char low[max_word_bytes];
            for (std::size_t k = 0; k < len; ++k) {
                const char c = s[begin + k];
                low[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            }
            bits = p.words.find(std::string_view(low, len));
        } else {
            buf = fold(s.substr(begin, len));
            bits = p.words.find(buf);
        }
        if (!bits || *bits == 0) continue;
        for (std::size_t l = 0; l < p.langs.size(); ++l) hits[l] += static_cast<int>((*bits >> l) & 1);
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
