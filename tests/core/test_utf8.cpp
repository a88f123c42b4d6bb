#include "core/text/utf8.hpp"
#include "core/text/words.hpp"
#include "core/util/hash.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace storyline;

TEST(test_utf8, validity_and_repair) {
    EXPECT_TRUE(valid_utf8("déjà vu «ok»"));
    EXPECT_FALSE(valid_utf8("caf\xE9"));
    EXPECT_FALSE(valid_utf8("\xC0\xAF"));   // overlong
    EXPECT_EQ(repair_utf8("caf\xE9!"), "caf\xEF\xBF\xBD!");
}

TEST(test_utf8, fold_drops_case_accents_and_unifies_apostrophes) {
    EXPECT_EQ(fold("Tokaïev"), "tokaiev");
    EXPECT_EQ(fold("l’OTSC"), "l'otsc");
    EXPECT_EQ(fold("ÉTATS-UNIS"), "etats-unis");
}

TEST(test_utf8, squeeze_handles_no_break_and_thin_spaces) {
    EXPECT_EQ(squeeze_spaces("  a\u00A0\u202F b\n"), "a b");
}

TEST(test_words, hyphens_join_and_apostrophes_split) {
    const std::string text = "Kassym-Jomart l’OTSC d'Almaty 2 000";
    const auto words = words_in(text, Span{0, static_cast<std::uint32_t>(text.size())});
    std::vector<std::string> got;
    for (const auto& w : words) got.emplace_back(w.span.in(text));
    EXPECT_EQ(got, (std::vector<std::string>{"Kassym-Jomart", "l", "OTSC", "d", "Almaty", "2", "000"}));
    EXPECT_TRUE(words[0].capitalised);
    EXPECT_FALSE(words[1].capitalised);
}

TEST(test_hash, stable_ids_are_deterministic_and_slug_safe) {
    EXPECT_EQ(stable_id("evt", "x"), stable_id("evt", "x"));
    EXPECT_NE(stable_id("evt", "x"), stable_id("evt", "y"));
    const auto id = stable_id("per", "Putin");
    EXPECT_EQ(id.size(), 16u);
    EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string::npos);
}

TEST(test_utf8, squeeze_with_a_limit_gives_a_prefix_of_the_whole) {
    const std::vector<std::string> texts = {"", "   ", "  a  b\t\tc \n", "Le\u00A0président   a\u2009dit « non ».  ",
                                            std::string(300, 'x') + "  y", "é é\u202Fé"};
    for (const auto& text : texts) {
        const std::string whole = squeeze_spaces(text);
        for (const std::size_t limit : std::vector<std::size_t>{0, 1, 2, 3, 5, 10, 160, 400}) {
            const std::string head = squeeze_spaces(text, limit);
            EXPECT_EQ(head, whole.substr(0, std::min(whole.size(), limit + 1))) << text << " / " << limit;
        }
    }
}

TEST(test_utf8, fold_squeezed_is_fold_of_squeeze_and_its_head) {
    const std::vector<std::string> texts = {"", "  \t ", "  Share  THIS:\tnow \n", "Catégories :\u00A0Économie",
                                            "\u0301 accent first", "ÉTATS\u2009UNIS — l’OTSC", std::string(130, 'X') + " y",
                                            "caf\xC3 bad\xE2\x80 bytes\xFF", "Straße ǅ ﬁn \U0001F600 end  "};
    for (const auto& text : texts) {
        const std::string whole = fold(squeeze_spaces(text));
        std::string got = "stale";
        fold_squeezed(text, got);
        EXPECT_EQ(got, whole) << text;
        for (const std::size_t enough : std::vector<std::size_t>{0, 1, 4, 10, 100}) {
            fold_squeezed(text, got, enough);
            EXPECT_EQ(got, whole.substr(0, got.size())) << text << " / " << enough;
            if (got.size() < whole.size()) {
                EXPECT_GT(got.size(), enough) << text << " / " << enough;
            }
        }
    }
}
