#include "core/lang/language_id.hpp"
#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "core/text/words.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using namespace storyline;

TEST(test_language_id, function_words_decide) {
    test_support::use_source_resources();
    EXPECT_EQ(identify_language("Le gouvernement a confirmé que les troupes sont dans le pays."), "fr");
    EXPECT_EQ(identify_language("The government said that the troops were in the country."), "en");
    EXPECT_EQ(identify_language("Zyx qwv"), "");
    // Case and accents are folded: "À LA UNE DES JOURNAUX ET DU PAYS" reads as French.
    EXPECT_EQ(identify_language("À LA UNE DES JOURNAUX ET DU PAYS"), "fr");
}

TEST(test_language_id, title_and_text_read_as_one_joined_sample) {
    test_support::use_source_resources();
    const std::string fr = "Il a dit que la mission était finie et que les troupes sont là. ";
    const std::string en = "He said that the mission was over and the troops were there. ";
    std::string long_fr;
    while (long_fr.size() < 5000) long_fr += fr;
    std::string long_en;
    while (long_en.size() < 5000) long_en += en;
    // Texts whose sample cut falls inside a code point, on a hyphenated word or past the title.
    std::vector<std::string> titles = {"", "Title", "À la une", long_en, std::string(4094, 'x') + "é et le la"};
    std::vector<std::string> texts = {"", fr, en, long_fr, long_en, std::string(4093, 'y') + "éé de la", "the-of and", "de\u2010la le"};
    for (std::size_t pad = 4080; pad < 4100; ++pad) texts.push_back(std::string(pad, ' ') + "été du le la les de");
    for (const auto& title : titles) {
        for (const auto& text : texts) {
            EXPECT_EQ(identify_language(title, text), identify_language(title + "\n" + text))
                << title.size() << " / " << text.size();
        }
    }
}

namespace {

// The language identify_language() must find, computed the plain way: the words words_in()
// finds, folded, counted against each language's list; the first language listed with most
// hits wins, from three hits on.
std::string reference_language(const std::string& text) {
    std::vector<std::string> langs;
    std::vector<std::vector<std::string>> lists;
    for (const auto& lang : available_languages()) {
        auto words = read_optional_data_lines(language_file(lang, "function_words.txt"));
        if (words.empty()) continue;
        for (auto& w : words) w = fold(w);
        langs.push_back(lang);
        lists.push_back(std::move(words));
    }
    std::vector<int> hits(langs.size(), 0);
    for (const Word& w : words_in(text, Span{0, static_cast<std::uint32_t>(text.size())})) {
        if (w.span.end - w.span.begin > 8) continue;   // no function word is longer
        const std::string f = fold(w.span.in(text));
        for (std::size_t l = 0; l < langs.size(); ++l)
            hits[l] += std::count(lists[l].begin(), lists[l].end(), f) > 0 ? 1 : 0;
    }
    std::size_t best = 0;
    for (std::size_t l = 1; l < hits.size(); ++l)
        if (hits[l] > hits[best]) best = l;
    return !hits.empty() && hits[best] >= 3 ? langs[best] : std::string();
}

} // namespace

// The scan takes shortcuts (sixteen and eight bytes at a time); whatever the bytes around a
// word (hyphens, digits, accents, a non-ASCII hyphen, words of 8 and 9 bytes, the text's end),
// it must count the words words_in() finds.
TEST(test_language_id, counts_the_words_words_in_finds) {
    test_support::use_source_resources();
    const std::vector<std::string> pieces = {
        "the", "The", "THE", "of", "and", "le", "la", "les", "de", "du", "et", "est", "à", "À", "été",
        "que", "qui", "was", "were", "that", "this", "dans", "pour", "with", "from", "avec",
        "governmt", "governments", "abcdefgh", "abcdefghi", "a1", "1987", "x", "well-known", "de-la",
        "the-of", "l'", "d'", "qu'", "’", "de\u2010la", "ça", "Ça", "naïve", "œuvre", "-", "--", ".",
        ",", "!", "?", "(", ")", "«", "»", "\u00a0", "\u2014", "\n", "\t", "  ", " "};
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int sample = 0; sample < 3000; ++sample) {
        std::string text;
        const std::size_t parts = 1 + next() % 60;
        for (std::size_t k = 0; k < parts; ++k) {
            text += pieces[next() % pieces.size()];
            if (next() % 3 != 0) text += ' ';
        }
        ASSERT_EQ(identify_language(text), reference_language(text)) << "text: [" << text << "]";
    }
}
