#include "core/lang/language_id.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

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
