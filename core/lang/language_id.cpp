#include "core/lang/language_id.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "core/text/words.hpp"
#include "core/util/word_table.hpp"

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

    [[nodiscard]] std::uint64_t find(std::string_view folded_word) const {
        const std::uint64_t* bits = words.find(folded_word);
        return bits ? *bits : 0;
    }
};

// Folded form of a short word; ASCII words are lower-cased into `buf` without allocating.
std::string_view folded(std::string_view word, std::string& buf) {
    buf.assign(word);
    for (char& c : buf) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            buf = fold(word);
            break;
        }
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return buf;
}

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

} // namespace

std::string identify_language(std::string_view text) {
    // The first few KB decide; cut on a character boundary.
    std::size_t end = std::min(text.size(), language_sample_bytes);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    const std::string_view sample = text.substr(0, end);
    const Profiles& p = profiles();
    std::vector<int> hits(p.langs.size(), 0);
    std::string buf;
    for (const auto& w : words_in(sample, Span{0, static_cast<std::uint32_t>(sample.size())})) {
        if (w.span.size() > 8) continue;
        const std::uint64_t bits = p.find(folded(w.span.in(sample), buf));
        if (bits == 0) continue;
        for (std::size_t l = 0; l < p.langs.size(); ++l) hits[l] += static_cast<int>((bits >> l) & 1);
    }
    // The first language with the most hits wins (languages in their listed order), as before.
    std::size_t best = 0;
    for (std::size_t l = 1; l < hits.size(); ++l) {
        if (hits[l] > hits[best]) best = l;
    }
    return !hits.empty() && hits[best] >= min_hits ? p.langs[best] : std::string();
}

} // namespace storyline
