// The tagger's shortcuts (keys left in the text, eight-byte letter runs, candidate lists by
// number kind, the next-token filter) must find what the plain paths found. Sentences written
// for these tests; document date 2022-01-14.
#include "annotators/timex/timex_tokenizer.hpp"
#include "timex_test_util.hpp"

#include <memory>

namespace storyline::timex_test {
namespace {

using timex::TokKind;

// Keys point into `text` or `norm`: both must outlive the tokens.
std::vector<timex::Token> tokens_of(const std::string& text, std::unique_ptr<char[]>& norm) {
    std::vector<timex::Token> toks;
    norm = std::make_unique<char[]>(text.size() + 16);
    timex::tokenize(text, toks, norm.get());
    return toks;
}

TEST(timex_fast_paths, test_timex_tokenizer_keys_in_text_and_buffer) {
    // Lowercase ASCII words keep their key in the text; capitals, elisions, typographic
    // apostrophes, dashes and accents go through the normalized buffer.
    const std::string text = "The U.S. economy\u2019s l\u2019ann\u00e9e\naujourd'hui 1,500 30,4 21st 1960s\u2014Reuters\u00a0reported"
                             " extraordinarily";
    std::unique_ptr<char[]> norm;
    const auto t = tokens_of(text, norm);
    std::vector<std::string> keys;
    for (const auto& tok : t) keys.emplace_back(tok.key);
    const std::vector<std::string> want = {"the", "u", ".", "s", ".", "economy", "'", "s", "l'", "ann\u00e9e", "aujourd'",
                                           "hui", "1500", "30.4", "21", "1960", "-", "reuters", "reported",
                                           "extraordinarily"};
    EXPECT_EQ(keys, want);
    ASSERT_EQ(t.size(), want.size());
    EXPECT_TRUE(t[0].upper);
    EXPECT_FALSE(t[5].upper);
    EXPECT_TRUE(t[10].newline_before);  // "aujourd'" after the newline
    EXPECT_TRUE(t[12].grouped);
    EXPECT_TRUE(t[13].decimal);
    EXPECT_EQ(t[14].suffix, "st");
    EXPECT_EQ(t[15].suffix, "s");
    EXPECT_EQ(t[16].kind, TokKind::punct);
    // Offsets are bytes of the original text, also after multi-byte characters and NBSP.
    EXPECT_EQ(text.substr(t[18].begin, t[18].end - t[18].begin), "reported");
    EXPECT_EQ(text.substr(t[19].begin, t[19].end - t[19].begin), "extraordinarily");
}

TEST(timex_fast_paths, test_timex_tokenizer_long_and_short_words) {
    // Letter runs longer than eight bytes, ending exactly at the text's end or before a capital.
    std::unique_ptr<char[]> norm;
    const std::string long_word = "internationalization", mixed = "abcdefghABC x";
    auto t = tokens_of(long_word, norm);
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t[0].key, "internationalization");
    t = tokens_of(mixed, norm);
    ASSERT_EQ(t.size(), 2u);
    EXPECT_EQ(t[0].key, "abcdefghabc");
    EXPECT_EQ(t[1].key, "x");
}

TEST(timex_fast_paths, test_timex_starts_followed_by_what_rules_need) {
    const std::string dct = "2022-01-14";
    auto f = tag("en", "Sales rose in the 1990s and fell at the end of March, twenty-one days after the third quarter ended.",
                 dct);
    EXPECT_EQ(value_of(f, "the 1990s"), "199");
    EXPECT_EQ(value_of(f, "end of March"), "2021-03");  // a modifier of several tokens
    EXPECT_EQ(value_of(f, "twenty-one days"), "P21D");  // a numeral over three tokens
    EXPECT_EQ(value_of(f, "the third quarter"), "2021-Q3");
    f = tag("en", "A year ago it hired 1,500 people; it reopens at 5 p.m. on March 3, 1988.", dct);
    EXPECT_EQ(value_of(f, "A year ago"), "2021");
    EXPECT_EQ(value_of(f, "5 p.m"), "2022-01-14T17:00");
    EXPECT_EQ(value_of(f, "March 3, 1988"), "1988-03-03");
    f = tag("en", "It happened the day before yesterday.", dct);
    EXPECT_EQ(value_of(f, "the day before yesterday"), "2022-01-12");
    f = tag("fr",
            "Aujourd\u2019hui, l\u2019usine ferme\u00a0; elle rouvrira dans vingt et un jours, fin mars, soit 30,4 "
            "semaines apr\u00e8s le 1er janvier 2022.",
            dct);
    EXPECT_EQ(value_of(f, "Aujourd\u2019hui"), "2022-01-14");
    EXPECT_EQ(value_of(f, "dans vingt et un jours"), "2022-02-04");
    EXPECT_EQ(value_of(f, "fin mars"), "2022-03");
    EXPECT_EQ(value_of(f, "30,4 semaines"), "P30.4W");
    EXPECT_EQ(value_of(f, "le 1er janvier 2022"), "2022-01-01");
}

} // namespace
} // namespace storyline::timex_test
