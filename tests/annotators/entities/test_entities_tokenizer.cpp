// The entity tokenizer's folds (views into one buffer per article) and the gazetteer's start-up
// parsing: fast paths that must give what the general ones give.
#include "annotators/entities/data_lines.hpp"
#include "core/lang/resources.hpp"
#include "entities_test_util.hpp"

#include <utility>

namespace storyline::entities_test {
namespace {

std::vector<std::string> folds_of(const entities::Tokens& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.emplace_back(t.fold);
    return out;
}

TEST(entities_tokenizer, test_entities_tokenizer_fast_and_general_words_fold_alike) {
    const auto tokens = entities::tokenize("Putin's U.S. visit, l'OTSC and Jean-Claude in ZÜRICH said 35 WORDS.");
    const std::vector<std::string> expected = {"putin", "'s",  "u.s.", "visit", ",",    "l'",   "otsc",
                                               "and",   "jean-claude", "in", "zurich", "said", "35",
                                               "words", "."};
    EXPECT_EQ(folds_of(tokens), expected);
    EXPECT_EQ(tokens[0].shape, entities::Shape::capitalised);
    EXPECT_EQ(tokens[5].shape, entities::Shape::elision);
    EXPECT_EQ(tokens[10].shape, entities::Shape::all_caps);
    EXPECT_EQ(tokens[12].shape, entities::Shape::number);
    for (const auto& t : tokens) EXPECT_EQ(t.hash, StringHash::of(t.fold)) << t.fold;
}

TEST(entities_tokenizer, test_entities_tokenizer_folds_survive_a_move) {
    auto tokens = entities::tokenize("Talks in Paris ended.");
    const entities::Tokens moved = std::move(tokens);
    ASSERT_EQ(moved.size(), 5u);
    EXPECT_EQ(moved[2].fold, "paris");
    EXPECT_EQ(moved[4].fold, ".");
}

TEST(entities_tokenizer, test_entities_tokenizer_long_and_growing_words) {
    // Longer than the fast path's stack of 48 bytes: folded whole by the general path.
    const std::string long_word(60, 'A');
    const auto tokens = entities::tokenize(long_word + " x");
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_EQ(tokens[0].fold, std::string(60, 'a'));
    // U+023A folds to U+2C65: three bytes for two, the most a fold grows.
    std::string growing;
    for (int k = 0; k < 200; ++k) growing += "\xc8\xba";
    const auto grown = entities::tokenize(growing);
    ASSERT_EQ(grown.size(), 1u);
    std::string expected;
    for (int k = 0; k < 200; ++k) expected += "\xe2\xb1\xa5";
    EXPECT_EQ(grown[0].fold, expected);
}

TEST(entities_tokenizer, test_entities_data_lines_skip_comments_and_keep_empty_fields) {
    std::vector<std::string> lines;
    for_each_data_line("# comment\n// FORMAT: a\tb\n\na\t\tc  \r\nlast", [&](std::string_view l) {
        lines.emplace_back(l);
    });
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "a\t\tc");
    const entities::Fields f(lines[0], '\t');
    EXPECT_EQ(f.size(), 3u);
    EXPECT_EQ(f[1], "");
    EXPECT_EQ(f[2], "c");
    EXPECT_EQ(f[7], "");   // past the last field
    EXPECT_FALSE(read_data_file("/nonexistent/storyline/file.tsv").has_value());
}

TEST(entities_tokenizer, test_gazetteer_accented_names_and_ids) {
    test_support::use_source_resources();
    const auto& gaz = entities::gazetteer();
    // "Saint-Étienne" takes the plain-letter path of the phrase keys, "St. Louis" the tokenizer.
    const auto* list = gaz.find("saint-etienne");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(gaz.entry(list->front()).id, "city:2980291");
    EXPECT_NE(gaz.find("st . louis"), nullptr);
    const auto* kz = gaz.by_id("country:KZ");
    ASSERT_NE(kz, nullptr);
    EXPECT_EQ(kz->canonical, "Kazakhstan");
    EXPECT_GT(kz->latitude, 47.9);
    EXPECT_LT(kz->latitude, 48.1);
    EXPECT_EQ(gaz.by_id("country:ZZ"), nullptr);
    EXPECT_EQ(gaz.find("no such place anywhere"), nullptr);
}

} // namespace
} // namespace storyline::entities_test
