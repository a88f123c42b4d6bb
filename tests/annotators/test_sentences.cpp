#include "annotators/sentences/sentence_annotator.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

using namespace storyline;

namespace {
std::vector<std::string> split(const std::string& text, const std::string& lang) {
    test_support::use_source_resources();
    std::vector<std::string> out;
    for (const auto& s : split_sentences(text, lang)) out.emplace_back(s.span.in(text));
    return out;
}
} // namespace

TEST(test_sentences, periods_quotes_and_paragraphs) {
    EXPECT_EQ(split("Il pleut. « Ils doivent partir », a-t-il dit.\n\nNouveau paragraphe", "fr"),
              (std::vector<std::string>{"Il pleut.", "« Ils doivent partir », a-t-il dit.", "Nouveau paragraphe"}));
}

TEST(test_sentences, abbreviations_and_initials_do_not_split) {
    EXPECT_EQ(split("Mr. Smith met J. Doe in the U.S. yesterday. Then he left.", "en"),
              (std::vector<std::string>{"Mr. Smith met J. Doe in the U.S. yesterday.", "Then he left."}));
    EXPECT_EQ(split("M. Macron a parlé. Fin.", "fr"), (std::vector<std::string>{"M. Macron a parlé.", "Fin."}));
}

TEST(test_sentences, french_closing_guillemet_after_no_break_space) {
    EXPECT_EQ(split("Il a dit « c'est fini. » Puis il est parti.", "fr"),
              (std::vector<std::string>{"Il a dit « c'est fini. »", "Puis il est parti."}));
}
